/**
 * A client's scripts: trajecten (aanmelding → besluit → levering → beëindiging → bezwaar) and the
 * late registrations about what the client already has. Each runs on the client's own PRNG.
 */
import type { Am, Casus, Registratie, Wet } from './casus.js';
import { besluitCommandos } from './besluiten.js';
import { intakeCommandos } from './intake.js';
import { binnen, dagnummer, EERSTE_DAG, MAANDEINDEN, plusDagen, type Rng } from './kalender.js';
import { AFRONDINGEN_ZONDER_BESLUIT, NORM } from './keuzes.js';
import { uitkeringCommandos } from './uitkeringen.js';
import { voorzieningCommandos } from './voorzieningen.js';

export function trajectScripts(registratie: Registratie) {
  const { aanmelden, rondAf, trekAanmeldingIn } = intakeCommandos(registratie);
  const { kenVoorzieningToe, startLevering, beeindigVoorziening, corrigeerVoorziening } = voorzieningCommandos(registratie);
  const { kenUitkeringToe, beeindigUitkering, corrigeerUitkering } = uitkeringCommandos(registratie);
  const { wijsAf, trekBesluitIn, verdaag, handelAf, trekBezwaarIn, misschienBezwaar } = besluitCommandos(registratie);

  function kiesSoort(c: Casus, rng: Rng): 'wmo' | 'jeugdwet' | 'uitkering' | 'aanmelding' | 'afwijzing' {
    const jaren = 2016 - Number(c.geboortedatum.slice(0, 4));
    if (jaren < 18)
      return rng.weighted([
        ['jeugdwet', 65],
        ['wmo', 15],
        ['aanmelding', 12],
        ['afwijzing', 8],
      ] as const);
    if (jaren < 65)
      return rng.weighted([
        ['wmo', 30],
        ['uitkering', 42],
        ['jeugdwet', 5],
        ['aanmelding', 13],
        ['afwijzing', 10],
      ] as const);
    return rng.weighted([
      ['wmo', 60],
      ['uitkering', 15],
      ['aanmelding', 15],
      ['afwijzing', 10],
    ] as const);
  }

  async function traject(c: Casus, zwaar = false): Promise<void> {
    const rng = c.rng;
    const soort = zwaar ? rng.pick(['wmo', 'wmo', 'jeugdwet', 'uitkering'] as const) : kiesSoort(c, rng);
    const wet: Wet =
      soort === 'wmo' || soort === 'jeugdwet'
        ? soort
        : soort === 'uitkering'
          ? 'participatiewet'
          : rng.pick(['wmo', 'jeugdwet', 'participatiewet'] as const);
    // A heavy client gets its items in a narrow window, so they stack (stapeling 6+).
    let besluitVanaf = zwaar ? rng.datum('2015-10-01', '2016-01-31') : rng.datum(EERSTE_DAG, '2016-11-30');
    let am: Am | undefined;

    if (soort === 'aanmelding' || (!zwaar && rng.chance(0.6))) {
      let ontvangenOp: string;
      let wacht: number;
      if (rng.chance(0.15)) {
        // On the norm boundary: waiting exactly the norm (or one day more or less) at a month end.
        const peil = rng.pick(MAANDEINDEN.slice(2));
        ontvangenOp = plusDagen(peil, -(NORM[wet] + rng.pick([0, 0, 1, -1])));
        wacht = dagnummer(peil) - dagnummer(ontvangenOp) + rng.int(1, 20);
      } else {
        ontvangenOp = rng.datum(EERSTE_DAG, '2016-12-20');
        wacht = rng.weighted([
          [rng.int(0, 30), 4],
          [rng.int(31, 70), 4],
          [rng.int(71, 150), 2],
        ] as const);
      }
      am = await aanmelden(c, wet, ontvangenOp);
      const afgerondOp = binnen(plusDagen(ontvangenOp, wacht));
      if (soort === 'aanmelding') {
        const lot = rng.float();
        if (lot < 0.5) await rondAf(am, afgerondOp, rng.pick(AFRONDINGEN_ZONDER_BESLUIT));
        else if (lot < 0.6) await trekAanmeldingIn(am);
        // else: still open (perhaps afgerond later)
        return;
      }
      // Mostly afgerond with an aanvraag before the besluit; sometimes the afronding comes later or never.
      if (rng.chance(0.85)) await rondAf(am, afgerondOp, 'aanvraag');
      besluitVanaf = afgerondOp;
    }
    const besluitdatum = binnen(plusDagen(besluitVanaf, rng.int(0, 14)));

    if (soort === 'afwijzing') {
      const aw = await wijsAf(c, wet, besluitdatum, am);
      await misschienBezwaar(c, aw, 0.35);
      if (rng.chance(0.03)) await trekBesluitIn(aw);
      return;
    }
    if (soort === 'uitkering') {
      const uk = await kenUitkeringToe(c, besluitdatum);
      if (rng.chance(0.3)) await beeindigUitkering(c, uk);
      await misschienBezwaar(c, uk, 0.12);
      if (rng.chance(0.05)) await corrigeerUitkering(c, uk);
      if (rng.chance(0.03)) await trekBesluitIn(uk);
      return;
    }
    if (soort === 'wmo' || soort === 'jeugdwet') {
      const vz = await kenVoorzieningToe(c, soort, besluitdatum, am);
      if (rng.chance(0.8)) await startLevering(c, vz);
      if (rng.chance(zwaar ? 0.1 : 0.3)) await beeindigVoorziening(c, vz);
      await misschienBezwaar(c, vz, 0.12);
      if (rng.chance(0.05)) await corrigeerVoorziening(c, vz);
      if (rng.chance(0.03)) await trekBesluitIn(vz);
    }
  }

  async function nieuweTrajecten(c: Casus): Promise<void> {
    const zwaar = c.rng.chance(0.04);
    const n = zwaar
      ? c.rng.int(6, 8)
      : c.rng.weighted([
          [0, 3],
          [1, 22],
          [2, 30],
          [3, 22],
          [4, 13],
          [5, 10],
        ] as const);
    for (let i = 0; i < n; i++) await traject(c, zwaar);
    if (c.bezwaarUitkomst) {
      // forced coverage: a besluit to object to
      const uk = await kenUitkeringToe(c, c.rng.datum('2015-09-01', '2016-06-30'));
      await misschienBezwaar(c, uk, 1);
    }
  }

  /** Late registrations about what the client already has; f scales how much happens. */
  async function lateActies(c: Casus, f: number): Promise<void> {
    const rng = c.rng;
    for (const am of c.am) {
      if (am.afgerond || am.ingetrokken) continue;
      if (rng.chance(0.4 * f)) {
        await rondAf(am, binnen(plusDagen(am.ontvangenOp, rng.int(0, 120))), rng.pick(['aanvraag', ...AFRONDINGEN_ZONDER_BESLUIT]));
      } else if (rng.chance(0.1 * f)) {
        await trekAanmeldingIn(am);
      }
    }
    for (const vz of c.vz) {
      if (vz.ingetrokken) continue;
      if (!vz.levering && rng.chance(0.5 * f)) await startLevering(c, vz);
      if (vz.reden === null ? rng.chance(0.3 * f) : rng.chance(0.25 * f)) await beeindigVoorziening(c, vz);
      if (rng.chance(0.15 * f)) await corrigeerVoorziening(c, vz);
      if (rng.chance(0.05 * f)) await misschienBezwaar(c, vz, 1);
      if (rng.chance(0.04 * f)) await trekBesluitIn(vz);
    }
    for (const uk of c.uk) {
      if (uk.ingetrokken) continue;
      if (uk.reden === null ? rng.chance(0.3 * f) : rng.chance(0.25 * f)) await beeindigUitkering(c, uk);
      if (rng.chance(0.15 * f)) await corrigeerUitkering(c, uk);
      if (rng.chance(0.04 * f)) await misschienBezwaar(c, uk, 1);
      if (rng.chance(0.04 * f)) await trekBesluitIn(uk);
    }
    for (const aw of c.aw) {
      if (rng.chance(0.06 * f)) await trekBesluitIn(aw);
    }
    for (const bz of c.bz) {
      if (bz.ingetrokken || bz.afgehandeld) continue;
      if (rng.chance(0.2 * f)) await verdaag(c, bz);
      if (rng.chance(0.5 * f)) await handelAf(c, bz);
      else if (rng.chance(0.05 * f)) await trekBezwaarIn(bz);
    }
  }

  return { traject, nieuweTrajecten, lateActies };
}
