import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { EventRegel, ExportRegel, KopRegel } from '@sd/audit';
import type { InvoerEvent } from './invoer.js';

/**
 * The recomputation's input from an auditor's export (libs/audit export-regels.ts): NDJSON, a `kop`,
 * then `event`, `ander` and `checkpoint` lines. Read line by line; `ander` lines (other gemeenten,
 * content withheld) and checkpoints play no part in the figures. Whether the lines are untampered is
 * `verifieer-log`'s job, not this one's.
 */
export interface ExportInvoer {
  kop: KopRegel;
  events: InvoerEvent[];
}

export const EXPORT_FORMAAT = 'sd-audit-export/1';

/** An `event` line as the recomputation's input: the hidden fields absent from `data` and named. */
export function invoerUitRegel(r: EventRegel): InvoerEvent {
  return {
    globalPosition: r.positie,
    streamId: r.streamId,
    streamVersion: r.streamVersie,
    type: r.type,
    schemaVersion: r.schemaVersie,
    gemeente: r.gemeente,
    recordedAt: new Date(r.geregistreerdOp),
    // A revealed field stored encrypted counts as the server decrypted it.
    data: r.ontsleuteld ? { ...r.data, ...r.ontsleuteld } : r.data,
    verborgen: Object.keys(r.verborgen ?? {}),
  };
}

/** Reads an export file (a path) or stream; throws with the line number on anything it cannot read. */
export async function leesExport(bron: string | Readable): Promise<ExportInvoer> {
  const invoer = typeof bron === 'string' ? createReadStream(bron, { encoding: 'utf8' }) : bron;
  const regels = createInterface({ input: invoer, crlfDelay: Infinity });
  let kop: KopRegel | null = null;
  const events: InvoerEvent[] = [];
  let nr = 0;
  for await (const tekst of regels) {
    nr++;
    if (tekst.trim() === '') continue;
    let regel: ExportRegel;
    try {
      regel = JSON.parse(tekst) as ExportRegel;
    } catch {
      throw new Error(`export, regel ${nr}: geen JSON`);
    }
    if (kop === null) {
      if (regel.soort !== 'kop') throw new Error(`export, regel ${nr}: de eerste regel is geen kop`);
      if (regel.formaat !== EXPORT_FORMAAT) throw new Error(`export, regel ${nr}: onbekend formaat ${String(regel.formaat)}`);
      kop = regel;
      continue;
    }
    if (regel.soort === 'event') {
      if (regel.positie > kop.totPositie)
        throw new Error(`export, regel ${nr}: positie ${regel.positie} ligt na totPositie ${kop.totPositie}`);
      events.push(invoerUitRegel(regel));
    } else if (regel.soort !== 'ander' && regel.soort !== 'checkpoint') {
      throw new Error(`export, regel ${nr}: onbekende soort ${String((regel as { soort?: unknown }).soort)}`);
    }
  }
  if (kop === null) throw new Error('export: leeg, geen kop');
  return { kop, events };
}
