import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { celGetal, celTekst } from '../lib/cel';
import type { GrafiekVorm, Tabel } from '../lib/figuur';
import { LIJNSTIJLEN, PALET, SYMBOLEN } from '../lib/palet';

// Only the parts we draw with: the bundle stays small (echarts/core, not the whole of echarts).
use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Optie = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption
>;

const SOORTNAAM: Record<GrafiekVorm['soort'], string> = {
  lijn: 'Lijngrafiek',
  staaf: 'Staafdiagram',
  gestapeld: 'Gestapeld staafdiagram',
  liggend: 'Liggend staafdiagram',
};

/** What a screen reader hears for the chart (ECharts' aria label): what it shows, and where the numbers are. */
export function grafiekBeschrijving(titel: string, vorm: GrafiekVorm, tabel: Tabel): string {
  const namen = vorm.reeksen.map((s) => tabel.kolommen.find((k) => k.sleutel === s)?.kop ?? s);
  return `${SOORTNAAM[vorm.soort]}: ${titel}, ${namen.join(', ')} over ${tabel.rijen.length} ${
    tabel.rijen.length === 1 ? 'rij' : 'rijen'
  }. De cijfers staan in de tabel bij deze grafiek.`;
}

function optie(titel: string, vorm: GrafiekVorm, tabel: Tabel): Optie {
  const eerste = tabel.kolommen[0].sleutel;
  const categorieen = tabel.rijen.map((r) => celTekst(r.cellen[eerste] ?? null));
  const liggend = vorm.soort === 'liggend';
  const series = vorm.reeksen.map((sleutel, i): LineSeriesOption | BarSeriesOption => {
    const name = tabel.kolommen.find((k) => k.sleutel === sleutel)?.kop ?? sleutel;
    const data = tabel.rijen.map((r) => celGetal(r.cellen[sleutel] ?? null));
    if (vorm.soort === 'lijn') {
      return {
        type: 'line',
        name,
        data,
        symbol: SYMBOLEN[i % SYMBOLEN.length],
        symbolSize: 8,
        lineStyle: { width: 2, type: LIJNSTIJLEN[i % LIJNSTIJLEN.length] },
      };
    }
    return { type: 'bar', name, data, ...(vorm.soort === 'gestapeld' ? { stack: 'totaal' } : {}) };
  });
  const categorie = { type: 'category' as const, data: categorieen, axisLabel: { color: '#333' } };
  const waarde = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#333' } };
  return {
    color: PALET,
    animation: false,
    aria: {
      enabled: true,
      label: { enabled: true, description: grafiekBeschrijving(titel, vorm, tabel) },
      // Patterns on bars and areas beside the colours.
      decal: { show: vorm.soort !== 'lijn' },
    },
    textStyle: { color: '#333', fontFamily: 'inherit' },
    legend: { top: 0, textStyle: { color: '#333' } },
    tooltip: { trigger: 'axis' },
    // ECharts 6 shrinks the grid so that the axis labels stay inside the chart (grid.outerBounds).
    grid: { left: liggend ? 200 : 56, right: 24, top: 56, bottom: 32 },
    xAxis: liggend ? waarde : categorie,
    yAxis: liggend ? { ...categorie, inverse: true } : waarde,
    series,
  };
}

/** An ECharts chart drawn as SVG, with its aria description; the numbers themselves are in the table. */
export function Grafiek({ titel, vorm, tabel }: { titel: string; vorm: GrafiekVorm; tabel: Tabel }) {
  const ref = useRef<HTMLDivElement>(null);
  // Redrawn when the figures change, not each time the page renders new but equal objects.
  const inhoud = JSON.stringify([titel, vorm, tabel]);
  useEffect(() => {
    if (!ref.current) return;
    const el = ref.current;
    const grafiek = init(el, null, { renderer: 'svg' });
    // Marks the chart drawn (ECharts' 'finished'): the benchmark times a page up to its last chart.
    el.dataset.getekend = 'nee';
    grafiek.on('finished', () => {
      el.dataset.getekend = 'ja';
    });
    grafiek.setOption(optie(titel, vorm, tabel));
    const waarnemer = new ResizeObserver(() => grafiek.resize());
    waarnemer.observe(ref.current);
    return () => {
      waarnemer.disconnect();
      grafiek.dispose();
    };
    // `inhoud` stands for titel, vorm and tabel.
  }, [inhoud]);
  const hoogte = vorm.soort === 'liggend' ? Math.max(200, tabel.rijen.length * 32 + 80) : 320;
  return (
    <div ref={ref} className="sd-grafiek" role="img" aria-label={grafiekBeschrijving(titel, vorm, tabel)} style={{ height: hoogte }} />
  );
}
