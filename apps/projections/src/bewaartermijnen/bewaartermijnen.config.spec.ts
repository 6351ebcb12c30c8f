import { describe, expect, it } from '@jest/globals';
import { bewaartermijnenUitEnv } from './bewaartermijnen.config.js';

const uit = (env: Record<string, string>) => bewaartermijnenUitEnv((n) => env[n]);

describe('bewaartermijnenUitEnv', () => {
  it('without variables: the shipped defaults (wmo 15, jeugdwet 20, participatiewet 10)', () => {
    expect(uit({})).toEqual({ wmo: 15, jeugdwet: 20, participatiewet: 10 });
  });

  it('takes each variable on its own; empty means the default', () => {
    expect(uit({ BEWAARTERMIJN_WMO_JAREN: '7', BEWAARTERMIJN_JEUGDWET_JAREN: '', BEWAARTERMIJN_PARTICIPATIEWET_JAREN: ' 100 ' })).toEqual({
      wmo: 7,
      jeugdwet: 20,
      participatiewet: 100,
    });
    expect(uit({ BEWAARTERMIJN_JEUGDWET_JAREN: '1' }).jeugdwet).toBe(1);
  });

  it.each(['0', '101', '-5', '1.5', '15 jaar', 'abc', '1e1', '0x0f'])('refuses %j, naming the variable and the valid range', (waarde) => {
    expect(() => uit({ BEWAARTERMIJN_WMO_JAREN: waarde })).toThrow(
      new RegExp(
        `^BEWAARTERMIJN_WMO_JAREN=${JSON.stringify(waarde).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*whole number of years from 1 to 100`,
      ),
    );
  });

  it('names every bad variable in one sentence, with the defaults', () => {
    expect(() => uit({ BEWAARTERMIJN_WMO_JAREN: '0', BEWAARTERMIJN_PARTICIPATIEWET_JAREN: 'tien' })).toThrow(
      'BEWAARTERMIJN_WMO_JAREN="0", BEWAARTERMIJN_PARTICIPATIEWET_JAREN="tien": a bewaartermijn must be a whole number of years from 1 to 100 (unset, the defaults are BEWAARTERMIJN_WMO_JAREN=15, BEWAARTERMIJN_JEUGDWET_JAREN=20, BEWAARTERMIJN_PARTICIPATIEWET_JAREN=10)',
    );
  });
});
