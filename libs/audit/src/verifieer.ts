import type { KeyObject } from 'node:crypto';
import { handtekeningKlopt, leesPubliekeSleutel, sleutelIdVan } from './checkpoint.js';
import type { CheckpointRegel, EventRegel } from './export-regels.js';
import { ExportOnleesbaar, leesKop, leesRegel } from './export-lezen.js';
import { KetenGeheugen } from './keten-geheugen.js';
import { GENESIS, inhoudVan, volgendeKeten } from './keten.js';
import { metDigests } from './verborgen.js';

/*
 * The verifier of an export (export-regels.ts): recomputes every link from the lines alone and
 * holds it against the stored `keten`, then checks each checkpoint's signature and that the chain
 * recomputed at its position is the value signed. A changed event whose stored links were not
 * recomputed breaks the chain at that position; one whose links were recomputed ("re-hashed")
 * keeps a consistent chain, and only a signed checkpoint after it can tell. Streaming: one line at
 * a time, plus 40 bytes per position for the checkpoints at the end.
 */

export type BreukReden = 'inhoud' | 'ander' | 'volgorde' | 'niet-verzegeld' | 'gemeente';
export type CheckpointFoutReden = 'andere-sleutel' | 'handtekening' | 'positie-ontbreekt' | 'keten-wijkt-af';

/** The first position where the chain breaks. `regel` is the line number in the file (1-based). */
export interface Breuk {
  positie: number;
  regel: number;
  reden: BreukReden;
  uitleg: string;
}

export interface CheckpointFout {
  positie: number;
  reden: CheckpointFoutReden;
  uitleg: string;
}

export interface Verificatie {
  /** No break, no failing checkpoint. */
  intact: boolean;
  gemeenten: string[];
  totPositie: number;
  /** Whose key the checkpoints were checked with: the caller's, or the one the export itself carries. */
  sleutelBron: 'meegegeven' | 'kop';
  sleutelId: string;
  /** The caller's key differs from the one in the export's kop. */
  kopSleutelWijktAf: boolean;
  events: number;
  anderen: number;
  laatstePositie: number | null;
  /** Checkpoints whose signature and value both hold. */
  checkpoints: number;
  /** The highest of those below the first problem (a break or a failing checkpoint). */
  laatsteCheckpoint: number | null;
  /** Positions after `laatsteCheckpoint`, held by the chain alone, not by a signature. */
  onbedekt: number;
  breuk: Breuk | null;
  /** The failing checkpoint of the lowest position. */
  checkpointFout: CheckpointFout | null;
}

/** The data of an event line as the chain has it: revealed fields as digests under their salts, hidden ones as their digests. */
function ketenData(r: EventRegel): Record<string, unknown> {
  const data = metDigests(r.data, r.zouten);
  for (const [veld, digest] of Object.entries(r.verborgen)) data[veld] = { digest };
  return data;
}

const inhoudVanRegel = (r: EventRegel): string =>
  inhoudVan({
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
    data: ketenData(r),
  });

/**
 * Verifies parsed export lines (the kop first). `sleutel`: the public key the auditor kept; without
 * it the key in the kop, which came from the same server as the log. Throws ExportOnleesbaar for a
 * damaged file.
 */
export async function verifieerExport(regels: AsyncIterable<unknown> | Iterable<unknown>, sleutel?: KeyObject): Promise<Verificatie> {
  let nummer = 0;
  let kop: ReturnType<typeof leesKop> | undefined;
  let publiek: KeyObject | undefined = sleutel;
  let kopSleutelWijktAf = false;
  const geheugen = new KetenGeheugen();
  const checkpoints: CheckpointRegel[] = [];
  let vorige = GENESIS;
  let vorigePositie = 0;
  let events = 0;
  let anderen = 0;
  let laatstePositie: number | null = null;
  let breuk: Breuk | null = null;

  for await (const ruw of regels) {
    nummer++;
    if (!kop) {
      kop = leesKop(ruw, nummer);
      let kopSleutel: KeyObject | undefined;
      try {
        kopSleutel = leesPubliekeSleutel(kop.sleutel);
      } catch {
        if (!sleutel) throw new ExportOnleesbaar(nummer, 'de sleutel in de kop is geen Ed25519-sleutel');
      }
      if (sleutel) kopSleutelWijktAf = !kopSleutel || sleutelIdVan(kopSleutel) !== sleutelIdVan(sleutel);
      publiek ??= kopSleutel;
      continue;
    }
    const r = leesRegel(ruw, nummer);
    if (r.soort === 'checkpoint') {
      checkpoints.push(r);
      continue;
    }
    if (r.soort === 'event') events++;
    else anderen++;
    laatstePositie = r.positie;
    if (breuk) continue;
    const p = r.positie;
    const zet = (reden: BreukReden, uitleg: string) => (breuk = { positie: p, regel: nummer, reden, uitleg });
    const eigen = kop.gemeenten.includes(r.gemeente);
    if (p <= vorigePositie) {
      zet(
        'volgorde',
        `positie ${p} staat na positie ${vorigePositie}: posities lopen strikt op, dus hier is een event verplaatst, verwisseld, dubbel opgenomen of ingevoegd`,
      );
    } else if (r.keten === null) {
      zet('niet-verzegeld', `het event op positie ${p} is niet verzegeld (geen keten)`);
    } else if (r.soort === 'event' && !eigen) {
      zet('gemeente', `positie ${p} is een event van ${r.gemeente}, dat niet bij de gemeenten van deze export hoort`);
    } else if (r.soort === 'ander' && eigen) {
      zet(
        'gemeente',
        `positie ${p} staat als event van een andere gemeente in het bestand, maar ${r.gemeente} hoort bij deze export: de inhoud is achtergehouden`,
      );
    } else {
      const berekend = volgendeKeten(vorige, p, r.gemeente, r.soort === 'event' ? inhoudVanRegel(r) : r.inhoud);
      if (berekend !== r.keten) {
        const gat = p > vorigePositie + 1 && vorigePositie > 0 ? ` (posities ${vorigePositie + 1}–${p - 1} ontbreken in het bestand)` : '';
        if (r.soort === 'event') {
          zet(
            'inhoud',
            `op positie ${p} wijkt de herberekende keten af van de opgeslagen: de inhoud van dit event is gewijzigd, of een event ervoor is verwijderd of ingevoegd${gat}`,
          );
        } else {
          zet(
            'ander',
            `op positie ${p} (event van ${r.gemeente}) past de schakel niet: gemeente of inhoud is gewijzigd, of een event ervoor is verwijderd of ingevoegd${gat}`,
          );
        }
      } else {
        geheugen.voegToe(p, berekend);
        vorige = berekend;
        vorigePositie = p;
      }
    }
  }
  if (!kop) throw new ExportOnleesbaar(1, 'het bestand is leeg: de kop ontbreekt');
  if (!publiek) throw new ExportOnleesbaar(1, 'geen sleutel om de checkpoints mee te controleren');

  const sleutelId = sleutelIdVan(publiek);
  // Set inside a closure above, which narrowing does not see.
  const gevonden = breuk as Breuk | null;
  const goed: number[] = [];
  let checkpointFout: CheckpointFout | null = null;
  const faal = (positie: number, reden: CheckpointFoutReden, uitleg: string) => {
    if (!checkpointFout || positie < checkpointFout.positie) checkpointFout = { positie, reden, uitleg };
  };
  for (const c of checkpoints) {
    const p = c.positie;
    if (c.sleutelId !== sleutelId) {
      faal(
        p,
        'andere-sleutel',
        `het checkpoint op positie ${p} is ondertekend met een andere sleutel (${c.sleutelId}, verwacht ${sleutelId})`,
      );
    } else if (!handtekeningKlopt(publiek, c)) {
      faal(p, 'handtekening', `de handtekening van het checkpoint op positie ${p} klopt niet: het checkpoint is gewijzigd`);
    } else if (gevonden && p >= gevonden.positie) {
      // Past the break the recomputed chain proves nothing more: the break is the finding.
    } else {
      const berekend = geheugen.op(p);
      if (berekend === undefined) {
        faal(
          p,
          'positie-ontbreekt',
          `het checkpoint op positie ${p} is geldig ondertekend, maar die positie staat niet in het bestand: het event is verwijderd`,
        );
      } else if (berekend !== c.keten) {
        faal(
          p,
          'keten-wijkt-af',
          `het checkpoint op positie ${p} is geldig ondertekend, maar de herberekende keten op die positie is een andere: de log is na de ondertekening gewijzigd en de keten opnieuw doorgerekend`,
        );
      } else goed.push(p);
    }
  }
  const grens = Math.min(gevonden?.positie ?? Infinity, (checkpointFout as CheckpointFout | null)?.positie ?? Infinity);
  const laatsteCheckpoint = goed.reduce<number | null>((max, p) => (p < grens && (max === null || p > max) ? p : max), null);
  return {
    intact: !breuk && !checkpointFout,
    gemeenten: kop.gemeenten,
    totPositie: kop.totPositie,
    sleutelBron: sleutel ? 'meegegeven' : 'kop',
    sleutelId,
    kopSleutelWijktAf,
    events,
    anderen,
    laatstePositie,
    checkpoints: new Set(goed).size,
    laatsteCheckpoint,
    onbedekt: geheugen.aantalNa(laatsteCheckpoint ?? 0),
    breuk: gevonden,
    checkpointFout,
  };
}
