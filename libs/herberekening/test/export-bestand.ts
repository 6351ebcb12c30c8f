import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import {
  type AnderRegel,
  type EventRegel,
  type ExportRegel,
  GENESIS,
  inhoudVan,
  type KopRegel,
  nieuweZouten,
  onderteken,
  persoonlijkeVelden,
  volgendeKeten,
  zegelVorm,
} from '@sd/audit';
import type { RecordedEvent } from '@sd/event-store';

/**
 * An auditor's export built from stored events as libs/audit/src/export-regels.ts describes it
 * (fresh salts, the chain from GENESIS, one signed checkpoint at the end): the asked gemeenten's
 * events without their hidden fields, every other event as an `ander` line. For tests, which
 * cannot wait for the server's own export endpoint.
 */
export function exportRegels(events: RecordedEvent[], gemeenten: string[]): ExportRegel[] {
  const gesorteerd = [...events].sort((a, b) => a.globalPosition - b.globalPosition);
  const paar = generateKeyPairSync('ed25519');
  const totPositie = gesorteerd.at(-1)?.globalPosition ?? 0;
  const kop: KopRegel = {
    soort: 'kop',
    formaat: 'sd-audit-export/1',
    gemeenten,
    totPositie,
    gemaakt: new Date().toISOString(),
    sleutel: paar.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const regels: ExportRegel[] = [kop];
  let keten = GENESIS;
  for (const e of gesorteerd) {
    const zouten = nieuweZouten(e.type, e.data);
    const vorm = zegelVorm(e, zouten);
    const inhoud = inhoudVan(vorm);
    keten = volgendeKeten(keten, e.globalPosition, e.gemeente, inhoud);
    if (!gemeenten.includes(e.gemeente)) {
      regels.push({ soort: 'ander', positie: e.globalPosition, gemeente: e.gemeente, inhoud, keten } satisfies AnderRegel);
      continue;
    }
    const { verborgen, onthuld } = persoonlijkeVelden(e.type, e.data);
    const { data, ...rest } = vorm;
    regels.push({
      soort: 'event',
      ...rest,
      data: Object.fromEntries(Object.entries(e.data).filter(([k]) => !verborgen.includes(k))),
      verborgen: Object.fromEntries(verborgen.map((k) => [k, (data[k] as { digest: string }).digest])),
      zouten: Object.fromEntries(onthuld.map((k) => [k, zouten[k]])),
      keten,
    } satisfies EventRegel);
  }
  regels.push({ soort: 'checkpoint', ...onderteken(paar.privateKey, { positie: totPositie, keten, tijd: new Date().toISOString() }) });
  return regels;
}

/** Writes the lines as NDJSON. */
export async function schrijfExport(pad: string, regels: ExportRegel[]): Promise<void> {
  await writeFile(pad, regels.map((r) => JSON.stringify(r)).join('\n') + '\n');
}
