/**
 * The oracle: an independent, brute-force computation of the five reports straight from the event
 * log, to hold the SQL reporting engine to DESIGN section 4 and to the choices made in
 * rapport.types.ts, and to let an auditor recompute a report from an export.
 *
 * No SQL, no Nest, no read models: every stream is folded with its own domain decider over the
 * events recorded at or before the kennisdatum (wereld.ts), and each definition is a plain loop
 * over the folded states (stand.ts, …). It is meant to be obviously correct, not fast (a fold per
 * kennisdatum is cached; everything else is recomputed per call).
 *
 * The answers are the report objects of rapport.types.ts without the meta fields, never in
 * publication mode.
 */
import { eventContract } from '@sd/contracts';
import { bezwaren } from './bezwaren.js';
import { instroomUitstroom } from './instroom-uitstroom.js';
import { decodeerInvoer, type InvoerEvent, VERBORGEN_NODIG } from './invoer.js';
import type { BezwarenRapport, InstroomUitstroomRapport, StandRapport, StapelingRapport, WachtlijstRapport } from './rapport.types.js';
import { stand } from './stand.js';
import { stapeling } from './stapeling.js';
import type { PeildatumQuery, PeriodeQuery, StapelingQuery, WachtlijstQuery, ZonderMeta } from './vraag.js';
import { wachtlijst } from './wachtlijst.js';
import { wereldOp, type Stream, type Wereld } from './wereld.js';

export type RapportNaam = 'stand' | 'instroom-uitstroom' | 'wachtlijst' | 'stapeling' | 'bezwaren';

/** A figure the input cannot give: its report, its JSON path in the report, and why. */
export interface NietHerberekenbaar {
  rapport: RapportNaam;
  pad: string;
  reden: string;
}

export class Oracle {
  private readonly streams = new Map<string, Stream>();
  private readonly werelden = new Map<number, Wereld>();
  private readonly nietTeGeven: NietHerberekenbaar[] = [];

  constructor(events: Iterable<InvoerEvent>) {
    const perStream = new Map<string, InvoerEvent[]>();
    const verborgen = new Set<string>();
    for (const e of events) {
      let lijst = perStream.get(e.streamId);
      if (!lijst) perStream.set(e.streamId, (lijst = []));
      lijst.push(e);
      for (const veld of e.verborgen ?? []) verborgen.add(`${e.type}.${veld}`);
    }
    for (const [streamId, lijst] of perStream) {
      lijst.sort((a, b) => a.streamVersion - b.streamVersion);
      this.streams.set(streamId, {
        // A stream is of the type its first event opens (an export carries no stream type).
        streamType: eventContract(lijst[0].type).streamType,
        events: lijst.map((e) => ({ recordedAt: e.recordedAt.getTime(), event: decodeerInvoer(e), verborgen: e.verborgen ?? [] })),
      });
    }
    for (const n of VERBORGEN_NODIG) {
      if (verborgen.has(`${n.type}.${n.veld}`)) this.nietTeGeven.push({ rapport: n.rapport, pad: n.pad, reden: n.reden });
    }
  }

  /** The figures of this report the input cannot give (a hidden field they need); empty for a whole log. */
  nietHerberekenbaar(rapport: RapportNaam): NietHerberekenbaar[] {
    return this.nietTeGeven.filter((n) => n.rapport === rapport);
  }

  /**
   * DESIGN §4 Kennisdatum: "only events recorded at or before k count"; types: "each stream folded
   * over its events with recordedAt <= k (a stream whose first event is later does not exist at k)".
   */
  private wereld(kennisdatum?: Date): Wereld {
    const k = kennisdatum ? kennisdatum.getTime() : Number.POSITIVE_INFINITY;
    let w = this.werelden.get(k);
    if (!w) this.werelden.set(k, (w = wereldOp(this.streams.values(), k)));
    return w;
  }

  stand(q: PeildatumQuery): ZonderMeta<StandRapport> {
    return stand(this.wereld(q.kennisdatum), q);
  }

  instroomUitstroom(q: PeriodeQuery): ZonderMeta<InstroomUitstroomRapport> {
    return instroomUitstroom(this.wereld(q.kennisdatum), q);
  }

  wachtlijst(q: WachtlijstQuery): ZonderMeta<WachtlijstRapport> {
    return wachtlijst(this.wereld(q.kennisdatum), q);
  }

  stapeling(q: StapelingQuery): ZonderMeta<StapelingRapport> {
    return stapeling(this.wereld(q.kennisdatum), q);
  }

  bezwaren(q: PeriodeQuery): ZonderMeta<BezwarenRapport> {
    return bezwaren(this.wereld(q.kennisdatum), q);
  }

  /** The earliest and latest calendar date any item, aanmelding or bezwaar of the whole log mentions; null for none. */
  datumBereik(): { van: string; tot: string } | null {
    const w = this.wereld();
    const data = [
      ...w.items.flatMap((i) => [i.ingangsdatum, i.einddatum]),
      ...w.aanmeldingen.flatMap((a) => [a.ontvangenOp, a.afgerondOp]),
      ...w.bezwaren.flatMap((b) => [b.ontvangenOp, b.afgehandeldOp]),
    ].filter((d): d is string => d !== null);
    if (data.length === 0) return null;
    data.sort();
    return { van: data[0], tot: data[data.length - 1] };
  }
}
