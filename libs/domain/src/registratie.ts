/**
 * Rules that several kinds of registration share (aanmelding, voorziening, uitkering, afwijzing,
 * bezwaar), written once for their deciders.
 */
import type { RegistratieGecorrigeerdV1, RegistratieIngetrokken } from '@sd/contracts';
import type { AanmeldingFeit, ClientFeit } from './aanmelding/aanmelding.decider.js';
import { Conflict, NietGevonden, type Overtreding, RegelOvertreding } from './decider.js';
import { isVoor } from './kalender.js';

/**
 * The guard every follow-up command of a registration starts with: it exists, and it was not
 * withdrawn (after an intrekking nothing more). Whether the caller may act for its gemeente is
 * not a business rule: the command handler checks that beside the command.
 */
export function lopendeRegistratie<S extends { status: string }, B extends S & { ingetrokken: boolean }>(state: S, deze: string): B {
  if (state.status === 'onbekend') throw new NietGevonden(`${deze} bestaat niet.`);
  const bekend = state as unknown as B;
  if (bekend.ingetrokken) throw new Conflict(`${deze} is ingetrokken; er kan niets meer mee.`);
  return bekend;
}

/** The client a case starts for must exist (the application read it; null when it does not). */
export function bestaandeClient(client: ClientFeit | null): ClientFeit {
  if (!client) throw new RegelOvertreding({ field: 'clientId', message: 'Deze cliënt bestaat niet.' });
  return client;
}

/** A besluit on an aanvraag may name its aanmelding: one that exists, of the same client, not withdrawn. */
export function aanmeldingFout(c: { clientId: string; aanmeldingId?: string; aanmelding?: AanmeldingFeit | null }): Overtreding | null {
  if (c.aanmeldingId === undefined) return null;
  if (!c.aanmelding) return { field: 'aanmeldingId', message: 'Deze aanmelding bestaat niet.' };
  if (c.aanmelding.clientId !== c.clientId) return { field: 'aanmeldingId', message: 'Deze aanmelding is van een andere cliënt.' };
  if (c.aanmelding.ingetrokken) return { field: 'aanmeldingId', message: 'Deze aanmelding is ingetrokken.' };
  return null;
}

/** A period from ingangsdatum to einddatum (t/m); no einddatum: open-ended. */
interface Periode {
  ingangsdatum: string;
  einddatum: string | null;
}

/**
 * A beëindiging of a voorziening or uitkering: refused when it repeats the current one, or ends
 * before the ingangsdatum. Answers what its event records besides the new einddatum and reden.
 */
export function beeindiging(
  huidig: Periode & { reden: string | null },
  nieuw: { einddatum: string; reden: string },
  namen: { deze: string; reden: string },
): { vorigeEinddatum: string | null; correctie: boolean } {
  if (huidig.reden === nieuw.reden && huidig.einddatum === nieuw.einddatum) {
    throw new Conflict(`${namen.deze} is al beëindigd per ${nieuw.einddatum} met deze ${namen.reden}.`);
  }
  if (isVoor(nieuw.einddatum, huidig.ingangsdatum)) {
    throw new RegelOvertreding({
      field: 'einddatum',
      message: `De einddatum kan niet vóór de ingangsdatum (${huidig.ingangsdatum}) liggen.`,
    });
  }
  // A second beëindiging corrects the first: it moves the einddatum instead of ending twice.
  return { vorigeEinddatum: huidig.einddatum, correctie: huidig.reden !== null };
}

/**
 * What a correctie changes: each of `velden` it names with a value other than the current one.
 * Naming a field with its current value is refused, and so is naming none of them.
 */
export function correctieVan<T, K extends keyof T & string>(
  velden: readonly K[],
  gegeven: Partial<Pick<T, K>>,
  huidig: T,
): Partial<Pick<T, K>> {
  const correctie: Partial<Pick<T, K>> = {};
  const ongewijzigd: Overtreding[] = [];
  for (const veld of velden) {
    const nieuw = gegeven[veld];
    if (nieuw === undefined) continue;
    if (nieuw === huidig[veld]) {
      ongewijzigd.push({ field: veld, message: `Is al ${String(huidig[veld] ?? 'leeg')}; een correctie moet iets wijzigen.` });
    } else {
      correctie[veld] = nieuw;
    }
  }
  if (Object.keys(correctie).length > 0) return correctie;
  const opsomming = `${velden.slice(0, -1).join(', ')} of ${velden.at(-1)}`;
  throw new RegelOvertreding(
    ongewijzigd.length
      ? ongewijzigd
      : velden.map((field) => ({ field, message: `Geef ten minste één van ${opsomming} om te corrigeren.` })),
  );
}

/**
 * The period a correctie leaves, refused when it ends before it starts: on the field the
 * correctie changed (the einddatum when it changed both). Answers the resulting einddatum.
 */
export function periodeNaCorrectie(correctie: Partial<Periode>, huidig: Periode): { einde: string | null; fout: Overtreding | null } {
  const ingang = correctie.ingangsdatum ?? huidig.ingangsdatum;
  const einde = correctie.einddatum !== undefined ? correctie.einddatum : huidig.einddatum;
  if (einde === null || !isVoor(einde, ingang)) return { einde, fout: null };
  const field = correctie.einddatum !== undefined ? 'einddatum' : 'ingangsdatum';
  return { einde, fout: { field, message: `De einddatum (${einde}) kan niet vóór de ingangsdatum (${ingang}) liggen.` } };
}

/** An intrekking: the registration was made in error, so it counts nowhere and accepts nothing more. */
export function intrekking(state: { status: string }, deze: string, reden: string): [RegistratieIngetrokken] {
  lopendeRegistratie<{ status: string }, { status: string; ingetrokken: boolean }>(state, deze);
  return [{ type: 'RegistratieIngetrokken', data: { reden } }];
}

/**
 * A voorziening or uitkering after a RegistratieGecorrigeerd: the corrected `velden` replaced.
 * Without an einddatum it has not ended, so no reden of a beëindiging (`reden`) remains.
 */
export function naCorrectie<S extends Periode, K extends keyof S & keyof RegistratieGecorrigeerdV1>(
  state: S,
  correctie: RegistratieGecorrigeerdV1,
  velden: readonly K[],
  reden: keyof S,
): S {
  const next = { ...state };
  for (const veld of velden) {
    if (correctie[veld] !== undefined) next[veld] = correctie[veld] as S[K];
  }
  if (correctie.einddatum === null) next[reden] = null as S[keyof S];
  return next;
}
