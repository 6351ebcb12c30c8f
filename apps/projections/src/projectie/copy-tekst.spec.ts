import { describe, expect, it } from '@jest/globals';
import { copyTekst, copyVeld } from './copy-tekst.js';

describe('COPY text format', () => {
  it('writes NULL, booleans, numbers, instants and JSON as PostgreSQL reads them', () => {
    expect(copyVeld(null)).toBe('\\N');
    expect(copyVeld(undefined)).toBe('\\N');
    expect(copyVeld(true)).toBe('t');
    expect(copyVeld(false)).toBe('f');
    expect(copyVeld(1234567)).toBe('1234567');
    expect(copyVeld(new Date('2016-05-31T22:00:00.123Z'))).toBe('2016-05-31T22:00:00.123Z');
    expect(copyVeld({ status: 'actief', correcties: [] })).toBe('{"status":"actief","correcties":[]}');
    expect(copyVeld('')).toBe('');
  });

  it('escapes backslash, tab, newline and carriage return, also inside JSON', () => {
    expect(copyVeld('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    // JSON.stringify writes a newline in a string as \n (backslash n): COPY must get the backslash doubled.
    expect(copyVeld({ toelichting: 'regel 1\nregel 2' })).toBe('{"toelichting":"regel 1\\\\nregel 2"}');
    expect(copyVeld('\\N')).toBe('\\\\N'); // the text \N, not NULL
  });

  it('puts a row on a line with its fields separated by tabs', () => {
    expect(
      copyTekst([
        ['GM0363', null, 3],
        ['GM0014', 'x', 4],
      ]),
    ).toBe('GM0363\t\\N\t3\nGM0014\tx\t4\n');
  });
});
