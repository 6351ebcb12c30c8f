/** The benchmark's results: the console table, the JSON file and a self-contained HTML page. */
import { caseload, type HistoryStats } from './history.js';
import type { WalStand } from './wal.js';
import type { Belasting, ProfielSamenvatting, SqlTiming, Verdeling } from './measure.js';

export type Scope = 'een' | 'alle';

export interface RapportMeting {
  rapport: string;
  scope: Scope;
  verdeling: Verdeling;
  doelMs: number;
  fouten: number;
  eersteFout?: string;
  /** Mean response size in bytes. */
  bytes: number;
  traagste: { ms: number; query: string };
  /** p95 per gemeente asked, for the one-gemeente scope. */
  perGemeente?: Record<string, { n: number; p95: number }>;
}

/** One tenth of the rebuild. */
export interface Tiende {
  /** Events read so far at the end of this tenth. */
  tot: number;
  eventsPerSeconde: number;
  seconden: number;
  nodeCpu: number;
  pgCpu: number | null;
  sqlMs: Record<string, number>;
}

export interface Doel {
  naam: string;
  gemeten: number;
  eenheid: string;
  doel: string;
  ok: boolean;
}

export interface Resultaat {
  datum: string;
  modus: 'quick' | 'full';
  argumenten: string[];
  omgeving: Record<string, unknown>;
  historie: Record<string, unknown>;
  /** The bulk seed (bench/lib/bulk-seed.ts): generator and COPY, durable commits. */
  seed: {
    seconden: number;
    eventsPerSeconde: number;
    generatorSeconden: number;
    databaseSeconden: number;
    transacties: number;
    esEventsMb: number;
  };
  kennisdata: { label: string; instant: string; positie: number; registratiesTot: string }[];
  herbouw: {
    events: number;
    /** Rows the event store returned during the rebuild (should equal events). */
    eventsGelezen: number;
    seconden: number;
    eventsPerSeconde: number;
    eventsPerSecondeVolgensHerbouw?: number;
    nodeCpuSeconden: number;
    postgresCpuSeconden: number | null;
    /** WAL and checkpoints during the rebuild (they show whether max_wal_size fits it). */
    wal?: WalStand;
    sql: SqlTiming[];
    tienden: Tiende[];
    leesmodel: Record<string, unknown>;
    profiel?: ProfielSamenvatting & { eventsPerSeconde: number };
  };
  rapporten: RapportMeting[];
  /** How busy the machine was per phase, and how much of it other processes took. */
  belasting: Record<string, Belasting>;
  rss: { piekMb: number; perFaseMb: Record<string, number> };
  doelen: Doel[];
  explain?: { rapport: string; scope: Scope; query: string; instellingen: string[]; plannen: { sql: string; plan: string }[] }[];
}

const fmt = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

export function tabel(r: Resultaat): string {
  const regels: string[] = [];
  const kop = `${'figure'.padEnd(46)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}   ${'target'.padEnd(14)} ok`;
  regels.push(kop, '-'.repeat(kop.length));
  const h = r.herbouw;
  regels.push(
    `${'full rebuild (events/s, 2 cores)'.padEnd(46)} ${''.padStart(9)} ${fmt(h.eventsPerSeconde).padStart(9)} ${''.padStart(9)}   ${'>= 20,000/s'.padEnd(14)} ${h.eventsPerSeconde >= 20_000 ? '✓' : '✗'}`,
  );
  for (const m of r.rapporten) {
    const naam = `${m.rapport}, ${m.scope === 'een' ? 'one gemeente' : 'all 10 gemeenten'} (ms, n=${m.verdeling.n})`;
    const ok = m.verdeling.p95 < m.doelMs && m.fouten === 0;
    regels.push(
      `${naam.padEnd(46)} ${fmt(m.verdeling.p50, 1).padStart(9)} ${fmt(m.verdeling.p95, 1).padStart(9)} ${fmt(m.verdeling.max, 1).padStart(9)}   ${`p95 < ${fmt(m.doelMs)} ms`.padEnd(14)} ${ok ? '✓' : '✗'}${m.fouten ? ` (${m.fouten} errors)` : ''}`,
    );
  }
  regels.push('-'.repeat(kop.length));
  const last = Object.entries(r.belasting).map(([fase, b]) => `${fase} ${b.machinePct ?? '?'}% busy, others ${b.anderenPct ?? '?'}%`);
  regels.push(`CPU (all ${String(r.omgeving.cpus)} cores): ${last.join('; ')}`);
  // Chromium is the dashboard phase's own "other process".
  const druk = Object.entries(r.belasting).filter(([fase, b]) => fase !== 'dashboard' && (b.anderenPct ?? 0) > 10);
  if (druk.length)
    regels.push(
      `⚠ other processes took more than 10 % of the CPUs during ${druk.map(([f]) => f).join(', ')}: those figures are pessimistic.`,
    );
  regels.push(
    `peak RSS of the process: ${fmt(r.rss.piekMb)} MB (per phase: ${Object.entries(r.rss.perFaseMb)
      .map(([f, mb]) => `${f} ${fmt(mb)} MB`)
      .join(', ')})`,
  );
  regels.push(
    `history: ${String(r.historie.van)} … ${String(r.historie.tot)} (${String(r.historie.jaren)} years), ${fmt(Number(r.historie.clients))} clients; ${caseload(r.historie.lopend as HistoryStats['lopend'])}`,
  );
  regels.push(
    `seed (bulk COPY): ${fmt(Number(r.historie.events))} events in ${fmt(r.seed.seconden, 1)} s (${fmt(r.seed.eventsPerSeconde)} events/s; generator ${fmt(r.seed.generatorSeconden, 1)} s, PostgreSQL ${fmt(r.seed.databaseSeconden, 1)} s, ${fmt(r.seed.transacties)} transactions)`,
  );
  regels.push(
    `rebuild: ${fmt(h.events)} events in ${fmt(h.seconden, 1)} s; CPU node ${fmt(h.nodeCpuSeconden, 1)} s, postgres ${h.postgresCpuSeconden === null ? '?' : fmt(h.postgresCpuSeconden, 1)} s`,
  );
  return regels.join('\n');
}

/** The rebuild per tenth: rate, wall, CPU, and the biggest SQL statements (client-side ms). */
export function tiendenTabel(tienden: Tiende[]): string {
  const totaal = new Map<string, number>();
  for (const t of tienden) for (const [k, v] of Object.entries(t.sqlMs)) totaal.set(k, (totaal.get(k) ?? 0) + v);
  const kolommen = [...totaal.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 7)
    .map(([k]) => k);
  const kop = `${'up to'.padStart(9)} ${'ev/s'.padStart(7)} ${'wall'.padStart(6)} ${'nodeCPU'.padStart(7)} ${'pgCPU'.padStart(6)} ${'outsideSQL'.padStart(10)} ${kolommen.map((k) => k.padStart(Math.max(9, k.length))).join(' ')}`;
  const regels = [kop];
  for (const t of tienden) {
    const sqlS = Object.values(t.sqlMs).reduce((a, b) => a + b, 0) / 1000;
    regels.push(
      `${fmt(t.tot).padStart(9)} ${fmt(t.eventsPerSeconde).padStart(7)} ${fmt(t.seconden, 1).padStart(6)} ${fmt(t.nodeCpu, 1).padStart(7)} ${(t.pgCpu === null ? '?' : fmt(t.pgCpu, 1)).padStart(6)} ${fmt(Math.max(0, t.seconden - sqlS), 1).padStart(10)} ${kolommen.map((k) => fmt((t.sqlMs[k] ?? 0) / 1000, 1).padStart(Math.max(9, k.length))).join(' ')}`,
    );
  }
  return regels.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal bar chart with a target line, as inline SVG. */
export function staven(
  titel: string,
  rijen: { label: string; waarde: number; kleur: string; tekst: string }[],
  doel: number,
  eenheid: string,
): string {
  const breedte = 760;
  const links = 250;
  const rijHoogte = 22;
  const hoogte = 40 + rijen.length * rijHoogte + 20;
  const max = Math.max(doel * 1.25, ...rijen.map((r) => r.waarde)) || 1;
  const x = (v: number) => links + (v / max) * (breedte - links - 90);
  const balken = rijen
    .map((r, i) => {
      const y = 30 + i * rijHoogte;
      return `<text x="${links - 8}" y="${y + 14}" text-anchor="end" font-size="12">${esc(r.label)}</text>
<rect x="${links}" y="${y + 3}" width="${Math.max(1, x(r.waarde) - links).toFixed(1)}" height="${rijHoogte - 6}" fill="${r.kleur}"/>
<text x="${(x(r.waarde) + 5).toFixed(1)}" y="${y + 14}" font-size="11">${esc(r.tekst)}</text>`;
    })
    .join('\n');
  const dx = x(doel).toFixed(1);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${breedte}" height="${hoogte}" font-family="system-ui, sans-serif">
<text x="0" y="16" font-size="14" font-weight="bold">${esc(titel)}</text>
${balken}
<line x1="${dx}" y1="26" x2="${dx}" y2="${hoogte - 14}" stroke="#c00" stroke-dasharray="4 3"/>
<text x="${dx}" y="${hoogte - 2}" text-anchor="middle" font-size="11" fill="#c00">target ${esc(fmt(doel))} ${esc(eenheid)}</text>
</svg>`;
}

export function html(r: Resultaat): string {
  const kleur = (ok: boolean, licht = false) => (ok ? (licht ? '#9fd49f' : '#2e8b57') : licht ? '#f2a7a7' : '#c0392b');
  const perScope = (scope: Scope) =>
    r.rapporten
      .filter((m) => m.scope === scope)
      .flatMap((m) => {
        const ok = m.verdeling.p95 < m.doelMs && m.fouten === 0;
        return [
          { label: `${m.rapport} p50`, waarde: m.verdeling.p50, kleur: kleur(ok, true), tekst: `${fmt(m.verdeling.p50, 1)} ms` },
          {
            label: `${m.rapport} p95`,
            waarde: m.verdeling.p95,
            kleur: kleur(ok),
            tekst: `${fmt(m.verdeling.p95, 1)} ms (max ${fmt(m.verdeling.max, 0)})`,
          },
        ];
      });
  const doelMs = (scope: Scope) => r.rapporten.find((m) => m.scope === scope)?.doelMs ?? 0;
  const h = r.herbouw;
  const doelen = r.doelen
    .map(
      (d) =>
        `<tr><td>${esc(d.naam)}</td><td class="n">${esc(fmt(d.gemeten, d.eenheid === 'ms' ? 1 : 0))} ${esc(d.eenheid)}</td><td>${esc(d.doel)}</td><td>${d.ok ? '✓' : '✗'}</td></tr>`,
    )
    .join('\n');
  const sql = h.sql
    .map((s) => `<tr><td class="n">${fmt(s.totalMs)} ms</td><td class="n">${fmt(s.calls)}</td><td><code>${esc(s.sql)}</code></td></tr>`)
    .join('\n');
  const profiel = h.profiel
    ? `<h2>CPU profile of a second (profiled) rebuild</h2><p>${fmt(h.profiel.eventsPerSeconde)} events/s while profiled; ${esc(h.profiel.bestand)}</p>
<table><tr><th>self time</th><th>%</th><th>part</th></tr>${h.profiel.perOnderdeel.map((o) => `<tr><td class="n">${fmt(o.ms)} ms</td><td class="n">${o.pct}</td><td>${esc(o.onderdeel)}</td></tr>`).join('')}</table>
<table><tr><th>self time</th><th>%</th><th>function</th><th>where</th></tr>${h.profiel.functies.map((f) => `<tr><td class="n">${fmt(f.ms)} ms</td><td class="n">${f.pct}</td><td>${esc(f.functie)}</td><td><code>${esc(f.plaats)}</code></td></tr>`).join('')}</table>`
    : '';
  const explain = (r.explain ?? [])
    .map(
      (e) =>
        `<h3>${esc(e.rapport)} (${e.scope === 'een' ? 'one gemeente' : 'all gemeenten'}): <code>${esc(e.query)}</code></h3>${e.plannen.map((p) => `<pre>${esc(p.plan)}</pre>`).join('')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Projections benchmark ${esc(r.datum)} (${r.modus})</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; max-width: 70em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } pre { background: #f6f6f6; padding: 8px; overflow-x: auto; font-size: 11px; }
</style></head><body>
<h1>Projections benchmark — ${esc(r.datum)} (${r.modus})</h1>
<p>${fmt(Number(r.historie.events))} events, ${fmt(Number(r.historie.clients))} clients over 10 gemeenten, business dates ${esc(String(r.historie.van))} … ${esc(String(r.historie.tot))}; real embedded PostgreSQL (durable settings), ${esc(String(r.omgeving.cpus))} cores. Report latencies are end-to-end HTTP (token, validation, query, JSON).</p>
<table><tr><th>figure</th><th>measured</th><th>target</th><th></th></tr>${doelen}</table>
<p>CPU load per phase (all cores): ${esc(
    Object.entries(r.belasting)
      .map(([f, b]) => `${f} ${b.machinePct ?? '?'}% busy, of which other processes ${b.anderenPct ?? '?'}%`)
      .join('; '),
  )}.</p>
${staven('Report latency, one gemeente (ms)', perScope('een'), doelMs('een'), 'ms')}
${staven('Report latency, all 10 gemeenten (ms)', perScope('alle'), doelMs('alle'), 'ms')}
${staven(
  'Throughput (events/s)',
  [
    {
      label: 'full rebuild',
      waarde: h.eventsPerSeconde,
      kleur: kleur(h.eventsPerSeconde >= 20_000),
      tekst: `${fmt(h.eventsPerSeconde)} events/s`,
    },
    {
      label: 'bulk seed (generator + COPY, durable)',
      waarde: r.seed.eventsPerSeconde,
      kleur: '#888',
      tekst: `${fmt(r.seed.eventsPerSeconde)} events/s`,
    },
  ],
  20_000,
  'events/s',
)}
<h2>Rebuild: where the time goes</h2>
<p>${fmt(h.events)} events in ${fmt(h.seconden, 1)} s. CPU: node ${fmt(h.nodeCpuSeconden, 1)} s, PostgreSQL ${h.postgresCpuSeconden === null ? '?' : fmt(h.postgresCpuSeconden, 1)} s. Peak RSS ${fmt(r.rss.piekMb)} MB.</p>
<table><tr><th>wall time</th><th>calls</th><th>SQL (client side, during the rebuild)</th></tr>${sql}</table>
<p>Per tenth of the events (seconds):</p><pre>${esc(tiendenTabel(h.tienden))}</pre>
${profiel}
${explain ? `<h2>EXPLAIN (ANALYZE, BUFFERS) of the slowest requests</h2>${explain}` : ''}
<h2>Raw</h2><pre>${esc(JSON.stringify({ omgeving: r.omgeving, historie: r.historie, seed: r.seed, kennisdata: r.kennisdata, leesmodel: h.leesmodel }, null, 2))}</pre>
</body></html>
`;
}
