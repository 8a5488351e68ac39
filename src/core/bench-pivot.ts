// A dataset's points as a pivot table: the reader picks which dimension runs down the rows and which
// across the columns (method, variant, pattern, size); every other dimension that varies is folded into the
// row label, so no two points ever share a cell. Sorting and filtering are here too. No React.
import { patternsIn, seriesFor, type SeriesPoint } from './chart-data';
import type { Dataset } from './dataset-schema';
import { formatBytes } from './format';
import type { Pattern } from './ids';

export const PIVOT_DIMS = ['method', 'variant', 'pattern', 'size'] as const;
export type PivotDim = (typeof PIVOT_DIMS)[number];

/** What a cell shows: the paired ratio (with its 95% interval), a latency percentile, or throughput. */
export type PivotValue = 'ratio' | 'p50' | 'p99' | 'MBps';

export interface PivotFact {
  /** The series key, "method" or "method/variant". */
  key: string;
  method: string;
  variant: string;
  pattern: Pattern;
  sizeBytes: number;
  point: SeriesPoint;
}

const PATTERN_ORDER: Pattern[] = ['roundtrip', 'k2u', 'u2k', 'notify'];

/** Every measured point of the dataset (at the given patterns, default all), one fact each. */
export function factsOf(dataset: Dataset, patterns: Pattern[] = patternsIn(dataset)): PivotFact[] {
  return patterns.flatMap((pattern) =>
    seriesFor(dataset, pattern).flatMap((s) =>
      s.points.map((point) => ({
        key: s.key,
        method: s.method,
        variant: s.variant,
        pattern,
        sizeBytes: point.sizeBytes,
        point,
      })),
    ),
  );
}

export interface CellValue {
  value: number;
  /** [lo, hi] of the 95% interval (ratio only). */
  interval: [number, number] | null;
}

/** A fact's number for the chosen value; null where it has none (no ratio in a /1 dataset, no data moved). */
export function cellValue(f: PivotFact, value: PivotValue): CellValue | null {
  const p = f.point;
  switch (value) {
    case 'ratio':
      return p.ratio ? { value: p.ratio.median, interval: [p.ratio.lo, p.ratio.hi] } : null;
    case 'p50':
      return { value: p.p50, interval: null };
    case 'p99':
      return { value: p.p99, interval: null };
    case 'MBps':
      return p.MBps > 0 ? { value: p.MBps, interval: null } : null;
  }
}

/** Case-insensitive: every word of the text must appear in the method, the variant or the pattern. */
export function filterFacts(facts: PivotFact[], text: string): PivotFact[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return facts;
  return facts.filter((f) => {
    const hay = `${f.key} ${f.pattern}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

function dimLabel(f: PivotFact, dim: PivotDim): string {
  switch (dim) {
    case 'method':
      return f.method;
    case 'variant':
      return f.variant || '(plain)';
    case 'pattern':
      return f.pattern;
    case 'size':
      return formatBytes(f.sizeBytes);
  }
}

function dimOrder(f: PivotFact, dim: PivotDim): string | number {
  if (dim === 'size') return f.sizeBytes;
  if (dim === 'pattern') return PATTERN_ORDER.indexOf(f.pattern);
  return dimLabel(f, dim);
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

export interface PivotColumn {
  id: string;
  label: string;
}

export interface PivotRow {
  id: string;
  /** One label per row dimension, in the order of Pivot.rowDims. */
  labels: string[];
  /** The series every point of the row belongs to, when they all belong to one (for its swatch). */
  seriesKey: string | null;
  cells: Map<string, PivotFact>;
  order: (string | number)[];
}

export interface Pivot {
  /** The chosen row dimension first, then the others that vary, folded into the row. */
  rowDims: PivotDim[];
  colDim: PivotDim;
  columns: PivotColumn[];
  rows: PivotRow[];
}

/** The facts with rowDim down and colDim across; rows and columns in natural order (sizes by size). */
export function pivot(facts: PivotFact[], rowDim: PivotDim, colDim: PivotDim): Pivot {
  if (rowDim === colDim) throw new Error(`pivot: rows and columns are both "${rowDim}"; pick two dimensions`);
  const varies = (d: PivotDim) => new Set(facts.map((f) => dimLabel(f, d))).size > 1;
  const rowDims: PivotDim[] = [rowDim, ...PIVOT_DIMS.filter((d) => d !== rowDim && d !== colDim && varies(d))];

  const columns = new Map<string, { column: PivotColumn; order: string | number }>();
  const rows = new Map<string, PivotRow>();
  for (const f of facts) {
    const colId = dimLabel(f, colDim);
    if (!columns.has(colId)) columns.set(colId, { column: { id: colId, label: colId }, order: dimOrder(f, colDim) });
    const labels = rowDims.map((d) => dimLabel(f, d));
    const id = labels.join(' · ');
    let row = rows.get(id);
    if (!row) {
      row = { id, labels, seriesKey: f.key, cells: new Map(), order: rowDims.map((d) => dimOrder(f, d)) };
      rows.set(id, row);
    }
    if (row.seriesKey !== f.key) row.seriesKey = null;
    // Every dimension is a row or column dimension or folded into the row, so a cell holds one point.
    if (!row.cells.has(colId)) row.cells.set(colId, f);
  }
  return {
    rowDims,
    colDim,
    columns: [...columns.values()].sort((a, b) => compareKeys([a.order], [b.order])).map((c) => c.column),
    rows: [...rows.values()].sort((a, b) => compareKeys(a.order, b.order)),
  };
}

export type SortDirection = 'ascending' | 'descending';
/** column: 'row' for the row labels, else a column id. */
export interface PivotSort {
  column: string;
  direction: SortDirection;
}

/** The rows sorted by their labels or by one column's values; rows with no value there go last either way. */
export function sortPivotRows(p: Pivot, sort: PivotSort, value: PivotValue): PivotRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'row') return [...p.rows].sort((a, b) => sign * compareKeys(a.order, b.order));
  const valueOf = (r: PivotRow) => {
    const f = r.cells.get(sort.column);
    return f ? (cellValue(f, value)?.value ?? null) : null;
  };
  return [...p.rows].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === y ? compareKeys(a.order, b.order) : x === null ? 1 : -1;
    return sign * (x - y) || compareKeys(a.order, b.order);
  });
}
