import { describe, expect, it } from '@jest/globals';
import { splits } from './globale-opties.js';
import { voortgang } from './voortgang.js';

describe('splits: the global options out of the arguments', () => {
  it('takes out --url, --token, --help and the CLI’s own URL options wherever they stand; --gemeente stays in for the command', () => {
    const g = splits(['--url', 'http://a', 'export', '--gemeente', 'GM0005', '--intake-url=http://b', '--uit', 'x'], {
      'intake-url': 'http://localhost:3001',
    });
    expect(g).toMatchObject({
      url: 'http://a',
      urls: { 'intake-url': 'http://b' },
      gemeenten: ['GM0005'],
      help: false,
      opdracht: 'export',
    });
    expect(g.args).toEqual(['--gemeente', 'GM0005', '--uit', 'x']);
  });

  it('defaults: the local projections app, the own URLs’ defaults, no command', () => {
    const g = splits([], { 'intake-url': 'http://localhost:3001' });
    expect(g).toMatchObject({
      url: 'http://localhost:3003',
      urls: { 'intake-url': 'http://localhost:3001' },
      opdracht: undefined,
      args: [],
    });
  });

  it('an option another CLI owns is left to the command, which refuses it', () => {
    expect(splits(['dossier', '--intake-url', 'http://b']).args).toEqual(['--intake-url', 'http://b']);
  });
});

describe('voortgang without a terminal', () => {
  it('a line at each quarter of the way (the last is the end), nothing in between', () => {
    const regels: string[] = [];
    // As in a log file or CI, also when the tests run in a terminal.
    const tty = process.stderr.isTTY;
    process.stderr.isTTY = false;
    const v = voortgang<{ n: number }>({ balk: '', regel: (klaar, totaal, { n }) => `${klaar}/${totaal} ${n}` }, (r) => regels.push(r));
    try {
      for (let i = 0; i <= 8; i++) v.zet(i, 8, { n: i });
    } finally {
      process.stderr.isTTY = tty;
    }
    expect(regels).toEqual(['2/8 2', '4/8 4', '6/8 6', '8/8 8']);
  });
});
