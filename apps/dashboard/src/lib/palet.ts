/**
 * Okabe–Ito, a palette that people with any common colour-vision deficiency can tell apart, the
 * darkest first (yellow last: too light on white). Series also differ by symbol and line style,
 * and bars by ECharts' decal patterns, so colour is never the only cue.
 */
export const PALET = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
export const SYMBOLEN = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect', 'emptyCircle'];
export const LIJNSTIJLEN = ['solid', 'dashed', 'dotted'] as const;
