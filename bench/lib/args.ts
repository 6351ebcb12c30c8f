/** The benchmarks' command line: `--name` flags and `--name N` numbers (underscores allowed: 1_000_000). */
export const argv = process.argv.slice(2);

export const vlag = (naam: string): boolean => argv.includes(`--${naam}`);

export function getal(naam: string, standaard: number): number {
  const i = argv.indexOf(`--${naam}`);
  if (i < 0) return standaard;
  const v = Number(argv[i + 1]?.replace(/_/g, ''));
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${naam} needs a positive number`);
  return v;
}
