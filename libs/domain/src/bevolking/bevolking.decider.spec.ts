import { describe, expect, it } from '@jest/globals';
import { fold } from '../decider.js';
import { bevolkingDecider, type StelBevolkingVast } from './bevolking.decider.js';

const stel: StelBevolkingVast = { type: 'StelBevolkingVast', gemeente: 'GM0005', jaar: 2016, inwoners: 10_000, huishoudens: 4_300 };

describe('bevolking decider', () => {
  it('records the figures for a year, and a correction of them', () => {
    const eerste = bevolkingDecider.decide(stel, bevolkingDecider.initialState());
    const state = fold(bevolkingDecider, eerste);
    expect(state.perJaar[2016]?.inwoners).toBe(10_000);
    const tweede = bevolkingDecider.decide({ ...stel, inwoners: 10_050 }, state);
    expect(fold(bevolkingDecider, [...eerste, ...tweede]).perJaar[2016]?.inwoners).toBe(10_050);
  });

  it('appends nothing for the same figures again', () => {
    const state = fold(bevolkingDecider, bevolkingDecider.decide(stel, bevolkingDecider.initialState()));
    expect(bevolkingDecider.decide(stel, state)).toEqual([]);
  });
});
