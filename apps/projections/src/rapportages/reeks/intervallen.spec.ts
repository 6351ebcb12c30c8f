import { describe, expect, it } from '@jest/globals';
import { intervallen } from './intervallen.js';

const velden = (u: ReturnType<typeof intervallen>) => ('fouten' in u ? u.fouten.map((f) => f.field) : []);

describe('intervallen', () => {
  it('splits van–tot into calendar months, quarters, half-years and years', () => {
    expect(intervallen('2016-01-01', '2016-03-31', 'maand')).toEqual({
      perioden: [
        { van: '2016-01-01', tot: '2016-01-31' },
        { van: '2016-02-01', tot: '2016-02-29' },
        { van: '2016-03-01', tot: '2016-03-31' },
      ],
    });
    expect(intervallen('2015-07-01', '2016-06-30', 'kwartaal')).toMatchObject({
      perioden: [{ tot: '2015-09-30' }, { tot: '2015-12-31' }, { tot: '2016-03-31' }, { tot: '2016-06-30' }],
    });
    expect(intervallen('2015-07-01', '2016-12-31', 'halfjaar')).toMatchObject({ perioden: [{}, {}, {}] });
    expect(intervallen('2016-01-01', '2016-12-31', 'jaar')).toEqual({ perioden: [{ van: '2016-01-01', tot: '2016-12-31' }] });
  });

  it('names van or tot when it is not the first or last day of an interval', () => {
    expect(velden(intervallen('2016-01-15', '2016-03-31', 'maand'))).toEqual(['van']);
    expect(velden(intervallen('2016-01-01', '2016-02-28', 'maand'))).toEqual(['tot']);
    expect(velden(intervallen('2016-02-01', '2016-04-30', 'kwartaal'))).toEqual(['van', 'tot']);
    expect(velden(intervallen('2016-07-01', '2016-06-30', 'halfjaar'))).toEqual(['tot']);
  });

  it('allows 240 points and no more', () => {
    expect(intervallen('1997-01-01', '2016-12-31', 'maand')).toMatchObject({ perioden: expect.any(Array) });
    expect(velden(intervallen('1996-12-01', '2016-12-31', 'maand'))).toEqual(['interval']);
  });
});
