import { type Bewaartermijnen, STANDAARD_BEWAARTERMIJNEN, type Wet, WETTEN } from '@sd/domain';

export const BEWAARTERMIJNEN = Symbol('BEWAARTERMIJNEN');

/** The environment variable of each wet's term, in whole years (README, Configuration). */
export const BEWAARTERMIJN_VARIABELEN: Record<Wet, string> = {
  wmo: 'BEWAARTERMIJN_WMO_JAREN',
  jeugdwet: 'BEWAARTERMIJN_JEUGDWET_JAREN',
  participatiewet: 'BEWAARTERMIJN_PARTICIPATIEWET_JAREN',
};

/**
 * The terms from the environment, each 1–100 whole years, unset or empty: the default of
 * STANDAARD_BEWAARTERMIJNEN. A bad value stops the app at start with one sentence naming every bad
 * variable: a typo must not silently erase data earlier (or keep it longer) than the gemeente decided.
 */
export function bewaartermijnenUitEnv(lees: (naam: string) => string | undefined): Bewaartermijnen {
  const termijnen = { ...STANDAARD_BEWAARTERMIJNEN };
  const fout: string[] = [];
  for (const wet of WETTEN) {
    const naam = BEWAARTERMIJN_VARIABELEN[wet];
    const waarde = lees(naam)?.trim();
    if (waarde === undefined || waarde === '') continue;
    const jaren = /^\d{1,3}$/.test(waarde) ? Number(waarde) : NaN;
    if (!(jaren >= 1 && jaren <= 100)) fout.push(`${naam}=${JSON.stringify(waarde)}`);
    else termijnen[wet] = jaren;
  }
  if (fout.length)
    throw new Error(
      `${fout.join(', ')}: a bewaartermijn must be a whole number of years from 1 to 100 ` +
        `(unset, the defaults are ${WETTEN.map((w) => `${BEWAARTERMIJN_VARIABELEN[w]}=${STANDAARD_BEWAARTERMIJNEN[w]}`).join(', ')})`,
    );
  return termijnen;
}
