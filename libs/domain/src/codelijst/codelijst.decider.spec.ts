import { describe, expect, it } from '@jest/globals';
import { Conflict, fold, RegelOvertreding } from '../decider.js';
import { past } from '../productcategorieen.js';
import { codelijstDecider, eigenCodesVoor, type VoegProductcategorieToe } from './codelijst.decider.js';

const voeg: VoegProductcategorieToe = { type: 'VoegProductcategorieToe', gemeente: 'GM0005', wet: 'wmo', code: 'GM-KLUS', naam: 'Klussendienst' };

describe('codelijst decider', () => {
  it('adds a gemeente code usable under its own wet only', () => {
    const state = fold(codelijstDecider, codelijstDecider.decide(voeg, codelijstDecider.initialState()));
    expect(eigenCodesVoor(state, 'wmo')).toEqual(['GM-KLUS']);
    expect(eigenCodesVoor(state, 'jeugdwet')).toEqual([]);
    expect(past('wmo', 'GM-KLUS', eigenCodesVoor(state, 'wmo'))).toBe(true);
    expect(past('jeugdwet', 'GM-KLUS', eigenCodesVoor(state, 'jeugdwet'))).toBe(false);
  });

  it('refuses a landelijke code on field code', () => {
    expect(() => codelijstDecider.decide({ ...voeg, code: '45' }, codelijstDecider.initialState())).toThrow(RegelOvertreding);
  });

  it('refuses the same code twice', () => {
    const state = fold(codelijstDecider, codelijstDecider.decide(voeg, codelijstDecider.initialState()));
    expect(() => codelijstDecider.decide(voeg, state)).toThrow(Conflict);
  });
});
