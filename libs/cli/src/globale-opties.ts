import { parseArgs } from 'node:util';

export interface GlobaleOpties {
  url: string;
  /** The CLI's own URL options by name (without --), each its value or its default. */
  urls: Record<string, string>;
  token: string | undefined;
  gemeenten: string[];
  help: boolean;
  opdracht: string | undefined;
  /** The command's own arguments: everything but the command name and the options taken out. */
  args: string[];
}

/**
 * The global options out of the arguments, wherever they stand: --url, --token, --help and the
 * CLI's own URL options (`eigenUrls`, with their defaults) are taken out; `--gemeente` stays in too,
 * for the command. Not strict: the command checks what is left.
 */
export function splits(argv: string[], eigenUrls: Record<string, string> = {}): GlobaleOpties {
  const options = {
    url: { type: 'string' },
    token: { type: 'string' },
    gemeente: { type: 'string' },
    help: { type: 'boolean' },
    ...Object.fromEntries(Object.keys(eigenUrls).map((naam) => [naam, { type: 'string' }])),
  } as const;
  const { values, tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const globaal = ['url', 'token', 'help', ...Object.keys(eigenUrls)];
  const weg = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !globaal.includes(t.name)) continue;
    weg.add(t.index);
    if (t.value !== undefined && !t.inlineValue) weg.add(t.index + 1);
  }
  const rest = argv.filter((_, i) => !weg.has(i));
  const naam = rest.findIndex((a) => !a.startsWith('-'));
  const tekst = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    url: tekst(values.url) ?? 'http://localhost:3003',
    urls: Object.fromEntries(Object.entries(eigenUrls).map(([optie, standaard]) => [optie, tekst(values[optie]) ?? standaard])),
    token: tekst(values.token) ?? (process.env.SD_TOKEN || undefined),
    gemeenten: typeof values.gemeente === 'string' ? values.gemeente.split(',') : [],
    help: values.help === true,
    opdracht: naam < 0 ? undefined : rest[naam],
    args: naam < 0 ? rest : rest.filter((_, i) => i !== naam),
  };
}
