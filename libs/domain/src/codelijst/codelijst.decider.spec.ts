import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../../../testing/src/decider-spec.js'; // jest only: not in @sd/testing, which the benchmarks load too
import { Conflict, RegelOvertreding } from '../decider.js';
import { past } from '../productcategorieen.js';
import { codelijstDecider, eigenCodesVoor, type VoegProductcategorieToe } from './codelijst.decider.js';

const voeg: VoegProductcategorieToe = {
  type: 'VoegProductcategorieToe',
  gemeente: 'GM0005',
  wet: 'wmo',
  code: 'GM-KLUS',
  naam: 'Klussendienst',
};
const spec = deciderSpec(codelijstDecider);

describe('codelijst decider', () => {
  it('adds a gemeente code usable under its own wet only', () => {
    const { state } = spec.when(voeg).result();
    expect(eigenCodesVoor(state, 'wmo')).toEqual(['GM-KLUS']);
    expect(eigenCodesVoor(state, 'jeugdwet')).toEqual([]);
    expect(past('wmo', 'GM-KLUS', eigenCodesVoor(state, 'wmo'))).toBe(true);
    expect(past('jeugdwet', 'GM-KLUS', eigenCodesVoor(state, 'jeugdwet'))).toBe(false);
  });

  it('refuses a landelijke code on field code', () => {
    spec.when({ ...voeg, code: '45' }).thenThrows(RegelOvertreding);
  });

  it('refuses the same code twice', () => {
    spec.given(voeg).when(voeg).thenThrows(Conflict);
  });
});
