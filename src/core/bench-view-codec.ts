// The URL form of what the benchmarks page shows, so that a shared link reopens the same view: the dataset,
// the one it is compared with, the series switched off, and per panel (a chart, or "points" for the table of
// every point) how it is drawn and how its table is pivoted, sorted and filtered. A public contract like the
// answers' codec: parameters are only ever added; a value this version does not know is left at its default,
// so old and newer links both open. No React.
import { PIVOT_DIMS, type PivotDim, type PivotSort, type PivotValue } from './bench-pivot';

/** What a chart plots: latency (or guest instructions), the paired ratio to the reference, MB/s or msg/s. */
export const CHART_METRICS = ['p50', 'ratio', 'MBps', 'msgs'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

const PIVOT_VALUES = ['ratio', 'p50', 'p99', 'MBps'] as const satisfies readonly PivotValue[];
const VIEWS = ['chart', 'table'] as const;

/** One panel's view; a field left out is the panel's default. */
export interface PanelView {
  /** <panel>.as: what the chart plots. */
  as?: ChartMetric;
  /** <panel>.view: the chart or its table (for "points": the table opened). */
  view?: (typeof VIEWS)[number];
  /** <panel>.rows and <panel>.cols: the pivot's dimensions. */
  rows?: PivotDim;
  cols?: PivotDim;
  /** <panel>.cell: what each cell of the table shows. */
  cell?: PivotValue;
  /** <panel>.sort: a column id ("row" for the row labels), "-" before it for descending. */
  sort?: PivotSort;
  /** <panel>.filter: the table's filter text. */
  filter?: string;
}

export const PANEL_FIELDS = [
  'as',
  'view',
  'rows',
  'cols',
  'cell',
  'sort',
  'filter',
] as const satisfies readonly (keyof PanelView)[];

export interface BenchmarkView {
  /** ?dataset= */
  dataset: string | null;
  /** ?compare= */
  compare: string | null;
  /** ?hide=: series keys ("method" or "method/variant") switched off, comma-separated. */
  hidden: ReadonlySet<string>;
}

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function decodeSort(v: string | null): PivotSort | undefined {
  if (!v || v === '-') return undefined;
  return v.startsWith('-') ? { column: v.slice(1), direction: 'descending' } : { column: v, direction: 'ascending' };
}

export function encodeSort(sort: PivotSort): string {
  return sort.direction === 'descending' ? `-${sort.column}` : sort.column;
}

/** The page-wide part of the view: dataset, compared dataset, hidden series. */
export function decodeBenchmarkView(search: URLSearchParams): BenchmarkView {
  return {
    dataset: search.get('dataset') || null,
    compare: search.get('compare') || null,
    hidden: new Set((search.get('hide') ?? '').split(',').filter(Boolean)),
  };
}

/** One panel's view from the URL; unknown values are dropped (the panel's default applies). */
export function decodePanelView(search: URLSearchParams, panel: string): PanelView {
  const get = (field: keyof PanelView) => search.get(`${panel}.${field}`);
  const view: PanelView = {
    as: oneOf(CHART_METRICS, get('as')),
    view: oneOf(VIEWS, get('view')),
    rows: oneOf(PIVOT_DIMS, get('rows')),
    cols: oneOf(PIVOT_DIMS, get('cols')),
    cell: oneOf(PIVOT_VALUES, get('cell')),
    sort: decodeSort(get('sort')),
    filter: get('filter') || undefined,
  };
  for (const k of PANEL_FIELDS) if (view[k] === undefined) delete view[k];
  return view;
}

/** Writes a change to one panel's view into the URL; a field set to undefined goes back to the default. */
export function writePanelView(search: URLSearchParams, panel: string, change: PanelView): void {
  for (const field of PANEL_FIELDS) {
    if (!(field in change)) continue;
    const value = change[field];
    const key = `${panel}.${field}`;
    if (value === undefined || value === '') search.delete(key);
    else search.set(key, typeof value === 'object' ? encodeSort(value) : value);
  }
}

/** Writes the set of hidden series, sorted so that one view has one URL. */
export function writeHidden(search: URLSearchParams, hidden: ReadonlySet<string>): void {
  if (hidden.size === 0) search.delete('hide');
  else search.set('hide', [...hidden].sort().join(','));
}

/** The whole view as query parameters, in a stable order. */
export function encodeBenchmarkView(
  view: Partial<BenchmarkView> & { panels?: Record<string, PanelView> },
): URLSearchParams {
  const p = new URLSearchParams();
  if (view.dataset) p.set('dataset', view.dataset);
  if (view.compare) p.set('compare', view.compare);
  if (view.hidden) writeHidden(p, view.hidden);
  for (const [panel, v] of Object.entries(view.panels ?? {})) writePanelView(p, panel, v);
  return p;
}
