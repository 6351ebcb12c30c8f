import { describe, expect, it } from '@jest/globals';
import { JEUGDWET_PRODUCTCATEGORIEEN, past, PRODUCTCATEGORIEEN, WMO_PRODUCTCATEGORIEEN } from '../productcategorieen.js';

describe('productcategorieën', () => {
  it('ships iWmo WMO020 codes 01–18 and iJw JZ020 codes 40–55', () => {
    const wmo = Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0'));
    const jeugdwet = Array.from({ length: 16 }, (_, i) => String(i + 40));
    expect(Object.keys(WMO_PRODUCTCATEGORIEEN).sort()).toEqual(wmo);
    expect(Object.keys(JEUGDWET_PRODUCTCATEGORIEEN).sort()).toEqual(jeugdwet);
    expect(PRODUCTCATEGORIEEN.map((p) => p.code)).toEqual([...wmo, ...jeugdwet]);
    expect(PRODUCTCATEGORIEEN[0]).toEqual({ code: '01', wet: 'wmo', naam: 'Hulp bij het huishouden' });
    expect(JEUGDWET_PRODUCTCATEGORIEEN['45']).toBe('Jeugdhulp ambulant');
  });

  it('fits a code to its own wet only', () => {
    expect(past('wmo', '01')).toBe(true);
    expect(past('wmo', '45')).toBe(false);
    expect(past('jeugdwet', '45')).toBe(true);
    expect(past('jeugdwet', '01')).toBe(false);
    expect(past('wmo', '1')).toBe(false);
    expect(past('jeugdwet', '31')).toBe(false); // the 2015 codes are not in the default list
  });

  it("accepts a gemeente's own codes, but never as a disguise for a landelijke code of the other wet", () => {
    expect(past('wmo', 'MK-01', ['MK-01'])).toBe(true);
    expect(past('jeugdwet', '31', ['31'])).toBe(true);
    expect(past('wmo', '45', ['45'])).toBe(false);
    expect(past('jeugdwet', '01', ['01'])).toBe(false);
  });

  it('knows no productcategorie under the participatiewet, not even an own code', () => {
    expect(past('participatiewet', '01')).toBe(false);
    expect(past('participatiewet', 'MK-01', ['MK-01'])).toBe(false);
  });
});
