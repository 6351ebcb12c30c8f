import { describe, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { regioDecider, type StelRegioVast } from './regio.decider.js';

const stel: StelRegioVast = { type: 'StelRegioVast', code: 'BMWE', naam: 'BMWE', gemeenten: ['GM0007', 'GM0005', 'GM0005'] };
const spec = deciderSpec(regioDecider);

describe('regio decider', () => {
  it('records the gemeenten once each, sorted, and a new definition', () => {
    spec.when(stel).then([{ type: 'RegioVastgesteld', data: { code: 'BMWE', naam: 'BMWE', gemeenten: ['GM0005', 'GM0007'] } }]);
    spec
      .given(stel)
      .when({ ...stel, gemeenten: ['GM0005'] })
      .thenState({ gemeenten: ['GM0005'] });
  });

  it('appends nothing for the same definition again, in any order', () => {
    spec
      .given(stel)
      .when({ ...stel, gemeenten: ['GM0005', 'GM0007'] })
      .thenNothingHappened();
  });
});
