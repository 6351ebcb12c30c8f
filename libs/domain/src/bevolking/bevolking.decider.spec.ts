import { describe, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { bevolkingDecider, type StelBevolkingVast } from './bevolking.decider.js';

const stel: StelBevolkingVast = { type: 'StelBevolkingVast', gemeente: 'GM0005', jaar: 2016, inwoners: 10_000, huishoudens: 4_300 };
const spec = deciderSpec(bevolkingDecider);

describe('bevolking decider', () => {
  it('records the figures for a year, and a correction of them', () => {
    spec.when(stel).thenState({ perJaar: { 2016: { inwoners: 10_000 } } });
    spec
      .given(stel)
      .when({ ...stel, inwoners: 10_050 })
      .thenState({ perJaar: { 2016: { inwoners: 10_050 } } });
  });

  it('appends nothing for the same figures again', () => {
    spec.given(stel).when(stel).thenNothingHappened();
  });
});
