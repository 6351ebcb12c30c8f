import type { AnderRegel, CheckpointRegel, EventRegel, ExportRegel, KopRegel } from './export-regels.js';

/**
 * Checks that a parsed export line has the shape of export-regels.ts, so the verifier can trust
 * its fields' types. A line of the wrong shape means a damaged file, not a broken chain.
 */

export const EXPORT_FORMAAT = 'sd-audit-export/1';

/** A damaged export: a line that is not JSON or not an export line. `regel` is 1-based. */
export class ExportOnleesbaar extends Error {
  constructor(
    readonly regel: number,
    message: string,
  ) {
    super(message);
    this.name = 'ExportOnleesbaar';
  }
}

const HEX64 = /^[0-9a-f]{64}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositie = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isTekst = (v: unknown): v is string => typeof v === 'string';
const alleTekst = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every(isTekst);

export function leesKop(regel: unknown, nummer: number): KopRegel {
  if (!isObject(regel) || regel.soort !== 'kop') throw new ExportOnleesbaar(nummer, 'de eerste regel is geen kop');
  if (regel.formaat !== EXPORT_FORMAAT)
    throw new ExportOnleesbaar(nummer, `onbekend formaat ${JSON.stringify(regel.formaat)} (verwacht ${EXPORT_FORMAAT})`);
  if (
    !Array.isArray(regel.gemeenten) ||
    !regel.gemeenten.every(isTekst) ||
    !Number.isSafeInteger(regel.totPositie) ||
    !isTekst(regel.sleutel)
  ) {
    throw new ExportOnleesbaar(nummer, 'de kop mist gemeenten, totPositie of sleutel');
  }
  return regel as unknown as KopRegel;
}

/**
 * An event, ander or checkpoint line. An event's `keten` may be null (not sealed): that is a break
 * the verifier reports, so it passes here.
 */
export function leesRegel(regel: unknown, nummer: number): Exclude<ExportRegel, KopRegel> | (Omit<EventRegel, 'keten'> & { keten: null }) {
  if (!isObject(regel)) throw new ExportOnleesbaar(nummer, 'de regel is geen JSON-object');
  const fout = (wat: string) => new ExportOnleesbaar(nummer, `${String(regel.soort)}-regel zonder geldige ${wat}`);
  switch (regel.soort) {
    case 'event': {
      if (!isPositie(regel.positie)) throw fout('positie');
      for (const veld of ['streamId', 'type', 'geregistreerdOp', 'gemeente', 'actor', 'correlatie'] as const) {
        if (!isTekst(regel[veld])) throw fout(veld);
      }
      if (!Number.isSafeInteger(regel.streamVersie) || !Number.isSafeInteger(regel.schemaVersie)) throw fout('versie');
      if (regel.causatie !== null && !isTekst(regel.causatie)) throw fout('causatie');
      if (!isObject(regel.data)) throw fout('data');
      if (!alleTekst(regel.verborgen) || !alleTekst(regel.zouten)) throw fout('verborgen of zouten');
      if (regel.keten !== null && !isTekst(regel.keten)) throw fout('keten');
      return regel as unknown as EventRegel;
    }
    case 'ander':
      if (!isPositie(regel.positie)) throw fout('positie');
      if (!isTekst(regel.gemeente) || !isTekst(regel.inhoud)) throw fout('gemeente of inhoud');
      if (regel.keten !== null && !isTekst(regel.keten)) throw fout('keten');
      return regel as unknown as AnderRegel;
    case 'checkpoint':
      if (!isPositie(regel.positie)) throw fout('positie');
      if (!isTekst(regel.keten) || !HEX64.test(regel.keten)) throw fout('keten');
      for (const veld of ['tijd', 'sleutelId', 'handtekening'] as const) if (!isTekst(regel[veld])) throw fout(veld);
      return regel as unknown as CheckpointRegel;
    case 'kop':
      throw new ExportOnleesbaar(nummer, 'een tweede kop midden in het bestand');
    default:
      throw new ExportOnleesbaar(nummer, `onbekende soort regel ${JSON.stringify(regel.soort)}`);
  }
}
