import { decodeEvent, type DomainEvent } from '@sd/contracts';

/**
 * What the recomputation reads: an event as the store keeps it (a `RecordedEvent` fits as it is),
 * or as rebuilt from an auditor's export, whose personal `verborgen` fields are left out of `data`
 * and named in `verborgen`.
 */
export interface InvoerEvent {
  globalPosition: number;
  streamId: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  gemeente: string;
  recordedAt: Date;
  data: Record<string, unknown>;
  /** The fields of `data` an export hid (absent or empty: the event is whole). */
  verborgen?: readonly string[];
}

/**
 * A stand-in per hidden field, only so that the event passes its schema on decoding; the fold
 * never reads them as values: what needs a hidden field is in `VERBORGEN_NODIG` and reported as
 * not recomputable. A hidden field not listed here stops the recomputation rather than guess.
 */
const PLAATSHOUDERS: Readonly<Record<string, unknown>> = {
  bsn: '000000000',
  geboortedatum: '0001-01-01',
  reden: 'verborgen',
};

/** The figures that need a hidden field; every other hidden field (bsn, reden) plays no part in any figure. */
export const VERBORGEN_NODIG = [
  {
    type: 'ClientGeregistreerd',
    veld: 'geboortedatum',
    rapport: 'stand',
    pad: 'perLeeftijdsgroep',
    reden: 'niet herberekenbaar: geboortedatum is verborgen in de export',
  },
] as const;

/**
 * Checks the data against the schema of its version and upcasts it (decodeEvent), the hidden
 * fields filled with their stand-ins first; a whole event is decoded exactly as the store would.
 */
export function decodeerInvoer(e: InvoerEvent): DomainEvent {
  let data = e.data;
  if (e.verborgen?.length) {
    data = { ...data };
    for (const veld of e.verborgen) {
      if (!(veld in PLAATSHOUDERS)) throw new Error(`herberekening: ${e.type}.${veld} is verborgen en heeft geen plaatshouder`);
      if (veld in e.data)
        throw new Error(`herberekening: ${e.type}.${veld} heet verborgen maar staat in de data (positie ${e.globalPosition})`);
      data[veld] = PLAATSHOUDERS[veld];
    }
  }
  return decodeEvent({ type: e.type, schemaVersion: e.schemaVersion, data });
}
