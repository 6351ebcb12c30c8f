import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import '@sd/contracts';
import type { RecordedEvent } from '@sd/event-store';
import {
  type AnderRegel,
  type CheckpointRegel,
  EXPORT_FORMAAT,
  type EventRegel,
  type ExportRegel,
  GENESIS,
  inhoudVan,
  inhoudVanEvent,
  metDigests,
  nieuweZouten,
  onderteken,
  persoonlijkeVelden,
  veldDigest,
  volgendeKeten,
} from '../src/index.js';

/**
 * A synthetic export as the server would write it, made with libs/audit itself: for tests of the
 * verifier and of `verifieer-log`. Twelve events over GM0005 and GM0006 (clients with a BSN and a
 * geboortedatum, voorzieningen with a huishoudenId), the export for GM0005, checkpoints at 4, 8, 12.
 */

export const sleutelpaar = () => generateKeyPairSync('ed25519');

const uuid = (n: number) => `6f1c1c1e-58a5-4d52-9a57-${String(n).padStart(12, '0')}`;

export function voorbeeldEvents(aantal = 12): RecordedEvent[] {
  return Array.from({ length: aantal }, (_, i) => {
    const positie = i + 1;
    const gemeente = i % 3 === 2 ? 'GM0006' : 'GM0005';
    const client = i % 2 === 0;
    return {
      eventId: uuid(1000 + positie),
      streamId: client ? `client-${uuid(positie)}` : `voorziening-${uuid(positie)}`,
      streamType: client ? 'client' : 'voorziening',
      streamVersion: 1,
      globalPosition: positie,
      type: client ? 'ClientGeregistreerd' : 'VoorzieningToegekend',
      schemaVersion: 1,
      data: client
        ? { clientId: uuid(positie), bsn: '123456782', geboortedatum: '1980-02-29', geslacht: 'vrouw', gemeente, huishoudenId: `HH-${i}` }
        : {
            voorzieningId: uuid(positie),
            clientId: uuid(positie - 1),
            gemeente,
            wet: 'wmo',
            productcategorie: '01',
            leveringsvorm: 'zin',
            besluitdatum: '2016-01-15',
            ingangsdatum: '2016-02-01',
          },
      gemeente,
      actorId: 'consulent-1',
      correlationId: `c-${positie}`,
      causationId: null,
      metadata: {},
      recordedAt: new Date(Date.UTC(2016, 0, 1, 9, 0, positie)),
    };
  });
}

export interface Opties {
  gemeenten?: string[];
  checkpointsOp?: number[];
  prive: KeyObject;
  publiek: KeyObject;
}

/** The export lines (kop, event/ander in order, checkpoints). */
export function maakExport(events: RecordedEvent[], opties: Opties): ExportRegel[] {
  const gemeenten = opties.gemeenten ?? ['GM0005'];
  const regels: ExportRegel[] = [];
  const ketens = new Map<number, string>();
  let vorige = GENESIS;
  for (const e of events) {
    const zouten = nieuweZouten(e.type, e.data);
    const inhoud = inhoudVanEvent(e, zouten);
    const keten = volgendeKeten(vorige, e.globalPosition, e.gemeente, inhoud);
    ketens.set(e.globalPosition, keten);
    vorige = keten;
    if (!gemeenten.includes(e.gemeente)) {
      regels.push({ soort: 'ander', positie: e.globalPosition, gemeente: e.gemeente, inhoud, keten } satisfies AnderRegel);
      continue;
    }
    const { verborgen, onthuld } = persoonlijkeVelden(e.type, e.data);
    const data = Object.fromEntries(Object.entries(e.data).filter(([k]) => !verborgen.includes(k)));
    regels.push({
      soort: 'event',
      positie: e.globalPosition,
      streamId: e.streamId,
      streamVersie: e.streamVersion,
      type: e.type,
      schemaVersie: e.schemaVersion,
      geregistreerdOp: e.recordedAt.toISOString(),
      gemeente: e.gemeente,
      actor: e.actorId,
      correlatie: e.correlationId,
      causatie: e.causationId,
      data,
      verborgen: Object.fromEntries(verborgen.map((k) => [k, veldDigest(zouten[k], e.data[k])])),
      zouten: Object.fromEntries(onthuld.map((k) => [k, zouten[k]])),
      keten,
    } satisfies EventRegel);
  }
  const kop: ExportRegel = {
    soort: 'kop',
    formaat: EXPORT_FORMAAT,
    gemeenten,
    totPositie: events.at(-1)?.globalPosition ?? 0,
    gemaakt: '2026-12-01T10:00:00.000Z',
    sleutel: opties.publiek.export({ type: 'spki', format: 'pem' }).toString(),
  };
  const checkpoints = (opties.checkpointsOp ?? [4, 8, 12]).map((positie): CheckpointRegel => ({
    soort: 'checkpoint',
    ...onderteken(opties.prive, { positie, keten: ketens.get(positie)!, tijd: '2026-12-01T10:00:00.000Z' }),
  }));
  return [kop, ...regels, ...checkpoints];
}

/** Recomputes every stored keten from the lines (what someone without the signing key can do after a change). */
export function herbereken(regels: ExportRegel[]): ExportRegel[] {
  let vorige = GENESIS;
  return regels.map((r) => {
    if (r.soort !== 'event' && r.soort !== 'ander') return r;
    const inhoud = r.soort === 'ander' ? r.inhoud : inhoudVanRegel(r);
    const keten = volgendeKeten(vorige, r.positie, r.gemeente, inhoud);
    vorige = keten;
    return { ...r, keten };
  });
}

/** An event line's inhoud from its own fields: revealed fields digested under their salts, hidden ones as their digests. */
function inhoudVanRegel(r: EventRegel): string {
  const data = metDigests(r.data, r.zouten);
  for (const [k, d] of Object.entries(r.verborgen)) data[k] = { digest: d };
  return inhoudVan({
    positie: r.positie,
    streamId: r.streamId,
    streamVersie: r.streamVersie,
    type: r.type,
    schemaVersie: r.schemaVersie,
    geregistreerdOp: r.geregistreerdOp,
    gemeente: r.gemeente,
    actor: r.actor,
    correlatie: r.correlatie,
    causatie: r.causatie,
    data,
  });
}
