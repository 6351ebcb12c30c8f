import { describe, expect, it } from '@jest/globals';
import { beginVanInterval, eindeVanInterval, intervalNaam, isDatum, vandaag, verschuif } from './datum';
import { effectief, leesWeergave, paginaUitPad, zoekString } from './weergave';

describe('intervals of a series', () => {
  it('knows the first and last day of a month, quarter, half-year and year', () => {
    expect(beginVanInterval('2016-05-17', 'maand')).toBe('2016-05-01');
    expect(eindeVanInterval('2016-02-10', 'maand')).toBe('2016-02-29');
    expect(beginVanInterval('2016-05-17', 'kwartaal')).toBe('2016-04-01');
    expect(eindeVanInterval('2016-05-17', 'kwartaal')).toBe('2016-06-30');
    expect(eindeVanInterval('2016-07-01', 'halfjaar')).toBe('2016-12-31');
    expect(beginVanInterval('2016-12-31', 'jaar')).toBe('2016-01-01');
  });

  it('moves by whole intervals across years', () => {
    expect(verschuif('2016-01-01', 'maand', -1)).toBe('2015-12-01');
    expect(verschuif('2016-04-01', 'kwartaal', -3)).toBe('2015-07-01');
    expect(intervalNaam('2016-04-01', 'kwartaal')).toBe('2e kwartaal 2016');
    expect(intervalNaam('2016-07-01', 'halfjaar')).toBe('2e halfjaar 2016');
  });

  it('checks calendar dates and takes today in Europe/Amsterdam', () => {
    expect(isDatum('2016-02-29')).toBe(true);
    expect(isDatum('2015-02-29')).toBe(false);
    expect(vandaag(new Date('2016-06-30T22:30:00Z'))).toBe('2016-07-01');
  });
});

describe('the view in the URL', () => {
  it('reads exactly the named parameters and writes them in a fixed order', () => {
    const w = leesWeergave('?peildatum=2016-06-30&gemeente=GM0505&bsn=123&publicatie=true');
    expect(w).toEqual({ gemeente: 'GM0505', peildatum: '2016-06-30', publicatie: 'true' });
    expect(zoekString(w)).toBe('?gemeente=GM0505&peildatum=2016-06-30&publicatie=true');
  });

  it('names the page from the path under /dashboard', () => {
    expect(paginaUitPad('/dashboard/')).toBe('');
    expect(paginaUitPad('/dashboard')).toBe('');
    expect(paginaUitPad('/dashboard/stand')).toBe('stand');
    expect(paginaUitPad('/dashboard/onbekend')).toBeNull();
  });

  it('fills what the URL leaves open: the interval of the peildatum, twelve months or four quarters back', () => {
    expect(effectief({ peildatum: '2016-06-15' }, 'stand')).toEqual({
      peildatum: '2016-06-15',
      van: '2015-07-01',
      tot: '2016-06-30',
      interval: 'maand',
      publicatie: false,
    });
    expect(effectief({ peildatum: '2016-06-15', publicatie: 'true' }, 'bezwaren')).toMatchObject({
      van: '2015-07-01',
      tot: '2016-06-30',
      interval: 'kwartaal',
      publicatie: true,
    });
  });
});
