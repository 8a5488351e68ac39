// Turns a dataset into what the benchmark charts draw: one series per method/variant per pattern, latency
// bands, throughput, the machine's own baselines, and ratios between two datasets. No React, no recharts.
import { isBaselinePoint, type BenchResult, type Dataset } from './dataset-schema';
import type { Pattern } from './ids';

export interface SeriesPoint {
  sizeBytes: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** [p90, p99]: the band drawn around the p50 line. */
  band: [number, number];
  msgsPerSec: number;
  MBps: number;
  samples: number;
  errors: number;
  /** The paired ratio to the point's reference with its 95% interval; null in a kcomm-bench/1 dataset. */
  ratio: PointInterval | null;
  /** The ratio's median (0 without one), so a chart can draw it as a metric like the others. */
  ratioMedian: number;
  /** The harness marked the point unstable (its interval wider than ±10%): no goal is judged on it. */
  unstable: boolean;
}

export interface PointInterval {
  median: number;
  lo: number;
  hi: number;
  /** Half the interval's width over the median. */
  instability: number;
  reference: string;
  blocks: number;
}

/** The interval a point carries (kcomm-bench/2), or null when it carries none. */
export function intervalOf(r: Pick<BenchResult, 'ratio'>): PointInterval | null {
  if (!r.ratio) return null;
  const { median, ci95, instability, reference, blocks } = r.ratio;
  return { median, lo: Math.min(...ci95), hi: Math.max(...ci95), instability, reference, blocks };
}

/**
 * Why a point is marked unstable, in words for a tooltip or a table; null for a stable point. The harness's
 * flag decides (server/harness/stats.c: either end of the 95% interval more than 10% from the median, or
 * too few blocks for an interval); the sentence gives the figures behind it.
 */
export function unstableReason(p: Pick<SeriesPoint, 'unstable' | 'ratio'>): string | null {
  if (!p.unstable) return null;
  const r = p.ratio;
  if (!r || r.median <= 0) return 'unstable: marked so by the harness; no goal is judged on it';
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const below = (r.median - r.lo) / r.median;
  const above = (r.hi - r.median) / r.median;
  if (Math.max(below, above) <= 0.1)
    return `unstable: too few blocks (${r.blocks}) for a trustworthy interval; no goal is judged on it`;
  return `unstable: its 95% interval runs from −${pct(below)} to +${pct(above)} of the ratio (beyond ±10%); no goal is judged on it`;
}

export interface Series {
  /** "method" or "method/variant": unique within a pattern, used as the chart's data key. */
  key: string;
  method: string;
  variant: string;
  pattern: Pattern;
  points: SeriesPoint[];
}

export function seriesKey(r: Pick<BenchResult, 'method' | 'variant'>): string {
  return r.variant ? `${r.method}/${r.variant}` : r.method;
}

/**
 * Every method/variant measured at this pattern, points sorted by size; results with no samples, and the
 * baselines' (isBaselinePoint: not a way to use a method), are left out.
 */
export function seriesFor(dataset: Dataset, pattern: Pattern): Series[] {
  const byKey = new Map<string, Series>();
  for (const r of dataset.results) {
    if (r.pattern !== pattern || r.samples === 0 || isBaselinePoint(r)) continue;
    const key = seriesKey(r);
    let s = byKey.get(key);
    if (!s) {
      s = { key, method: r.method, variant: r.variant, pattern, points: [] };
      byKey.set(key, s);
    }
    const { p50, p90, p99, max, mean } = r.latencyNs;
    s.points.push({
      sizeBytes: r.sizeBytes,
      p50,
      p90,
      p99,
      max,
      mean,
      band: [p90, p99],
      msgsPerSec: r.msgsPerSec,
      MBps: r.MBps,
      samples: r.samples,
      errors: r.errors,
      ratio: intervalOf(r),
      ratioMedian: r.ratio?.median ?? 0,
      unstable: r.unstable === true,
    });
  }
  const out = [...byKey.values()];
  for (const s of out) s.points.sort((a, b) => a.sizeBytes - b.sizeBytes);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** The patterns this dataset has any result for, in the order the page shows them. */
export function patternsIn(dataset: Dataset): Pattern[] {
  const order: Pattern[] = ['roundtrip', 'k2u', 'u2k', 'notify'];
  const present = new Set(dataset.results.filter((r) => r.samples > 0 && !isBaselinePoint(r)).map((r) => r.pattern));
  return order.filter((p) => present.has(p));
}

/** The references the shown points were divided by, as the harness names them ("syscall+memcpy+verify"). */
export function referencesOf(series: Series[]): string {
  const names = new Set(series.flatMap((s) => s.points.flatMap((p) => (p.ratio ? [p.ratio.reference] : []))));
  return [...names].sort().join(', ') || 'none';
}

export type Metric = 'p50' | 'p99' | 'MBps' | 'msgsPerSec' | 'ratioMedian';

/** Whether any point of the dataset carries a paired ratio with its interval. */
export function hasIntervals(dataset: Pick<Dataset, 'results'>): boolean {
  return dataset.results.some((r) => r.ratio !== undefined);
}

/** The band drawn around a metric's line: p90–p99 around p50, the 95% interval around a ratio; else none. */
export function bandOf(p: SeriesPoint, metric: Metric): [number, number] | undefined {
  if (metric === 'p50') return p.band;
  if (metric === 'ratioMedian' && p.ratio) return [p.ratio.lo, p.ratio.hi];
  return undefined;
}

/**
 * Rows for a chart whose x axis is the message size: one row per size that any series measured, with a
 * value per series key (undefined where that series has no point) and `${key}:band` for latency bands.
 */
export function toRows(series: Series[], metric: Metric): Record<string, number | [number, number] | undefined>[] {
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p.sizeBytes)))].sort((a, b) => a - b);
  return sizes.map((sizeBytes) => {
    const row: Record<string, number | [number, number] | undefined> = { sizeBytes };
    for (const s of series) {
      const p = s.points.find((q) => q.sizeBytes === sizeBytes);
      if (!p) continue;
      row[s.key] = p[metric];
      const band = bandOf(p, metric);
      if (band) row[`${s.key}:band`] = band;
    }
    return row;
  });
}

/** What a dataset's latencies count: nanoseconds, or guest instructions (vm-icount), which are not time. */
export type CostUnit = 'ns' | 'instructions';

export function costUnitOf(d: Pick<Dataset, 'unit' | 'host'>): CostUnit {
  return d.unit ?? (d.host.target === 'vm-icount' ? 'instructions' : 'ns');
}

export interface TimeUnit {
  unit: 'ns' | 'µs' | 'ms' | 's';
  divisor: number;
}

/** The unit that keeps the largest value readable (below 10 000 of it). */
export function timeUnitFor(maxNs: number): TimeUnit {
  if (maxNs < 10_000) return { unit: 'ns', divisor: 1 };
  if (maxNs < 10_000_000) return { unit: 'µs', divisor: 1e3 };
  if (maxNs < 10_000_000_000) return { unit: 'ms', divisor: 1e6 };
  return { unit: 's', divisor: 1e9 };
}

/** Powers of ten spanning [min, max] for a log axis (at least two ticks). */
export function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(Math.max(min, 1e-9)));
  const hi = Math.ceil(Math.log10(Math.max(max, min, 1e-9)));
  const ticks: number[] = [];
  for (let e = lo; e <= Math.max(hi, lo + 1); e++) ticks.push(10 ** e);
  return ticks;
}

/**
 * The x domain of a log size axis drawn plotPx wide, widened on both sides so that the first and the last size sit
 * padPx inside the plot area: a marker (or the ring of a hovered one) centred on the edge is otherwise cut in half by
 * the plot's clip. One size alone spans a factor of 4 around it.
 */
export function logSizeDomain(sizes: number[], plotPx: number, padPx: number): [number, number] {
  const positive = sizes.filter((s) => s > 0);
  if (positive.length === 0) return [1, 4];
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  if (min === max) return [min / 2, max * 2];
  return logPadded([min, max], plotPx, padPx);
}

/** The size (x) axis's height in the log charts: recharts' default, set explicitly so that the value axis's padding can count on it. */
export const SIZE_AXIS_HEIGHT = 30;

/**
 * A log axis's span [lo, hi] drawn plotPx long, widened on both ends so that a value on lo or hi sits padPx
 * inside the plot area (a marker on a power-of-ten end of the value axis is otherwise cut in half).
 */
export function logPadded([lo, hi]: [number, number], plotPx: number, padPx: number): [number, number] {
  if (!(lo > 0) || !(hi > lo)) return [lo, hi];
  // The span takes plotPx - 2·padPx; each pad is that span's padPx-th part on a log scale.
  const factor = (hi / lo) ** (padPx / Math.max(1, plotPx - 2 * padPx));
  return [lo / factor, hi * factor];
}

/** Powers of four (the harness's size steps) spanning the measured sizes, for the size axis. */
export function sizeTicks(sizes: number[]): number[] {
  const positive = sizes.filter((s) => s > 0);
  if (positive.length === 0) return [];
  const min = Math.min(...positive);
  const max = Math.max(...positive);
  const ticks: number[] = [];
  for (let t = 2 ** Math.floor(Math.log2(min)); t <= max * 1.0001; t *= 4) ticks.push(t);
  return ticks;
}

export interface Baselines {
  syscallP50Ns: number;
  syscallP99Ns: number;
  pipeRoundtripP50Ns: number;
  /** memcpy bandwidth per size, sorted by size: the ceiling for any copy-based method. */
  memcpy: { sizeBytes: number; MBps: number }[];
}

export function baselinesOf(dataset: Dataset): Baselines {
  const b = dataset.baselines;
  return {
    syscallP50Ns: b.syscallNs.p50,
    syscallP99Ns: b.syscallNs.p99,
    pipeRoundtripP50Ns: b.pipeRoundtripNs.p50,
    memcpy: [...b.memcpyMBps].sort((x, y) => x.sizeBytes - y.sizeBytes),
  };
}

export interface RatioRow {
  key: string;
  pattern: Pattern;
  sizeBytes: number;
  /** b / a of p50 latency: > 1 means b is slower. */
  p50Ratio: number | null;
  /** b / a of throughput: > 1 means b moves more. */
  MBpsRatio: number | null;
  a: SeriesPoint;
  b: SeriesPoint;
}

/**
 * Points both datasets measured (same method, variant, pattern and size), with b relative to a. When one
 * counts guest instructions and the other times nanoseconds (costUnitOf), a ratio would divide one unit
 * by the other: both ratios are null (MB/s too, whose "second" is then 10^9 instructions).
 */
export function compareDatasets(a: Dataset, b: Dataset): RatioRow[] {
  const rows: RatioRow[] = [];
  const sameUnit = costUnitOf(a) === costUnitOf(b);
  const patterns = [...new Set([...patternsIn(a), ...patternsIn(b)])];
  for (const pattern of patterns) {
    const bSeries = new Map(seriesFor(b, pattern).map((s) => [s.key, s]));
    for (const sa of seriesFor(a, pattern)) {
      const sb = bSeries.get(sa.key);
      if (!sb) continue;
      for (const pa of sa.points) {
        const pb = sb.points.find((p) => p.sizeBytes === pa.sizeBytes);
        if (!pb) continue;
        rows.push({
          key: sa.key,
          pattern,
          sizeBytes: pa.sizeBytes,
          p50Ratio: sameUnit && pa.p50 > 0 ? pb.p50 / pa.p50 : null,
          MBpsRatio: sameUnit && pa.MBps > 0 ? pb.MBps / pa.MBps : null,
          a: pa,
          b: pb,
        });
      }
    }
  }
  return rows;
}

export { BASELINE_COLOR, seriesColor } from './series-style';

/**
 * The series as a log–log chart can draw them: points with a positive size and a positive value of the
 * metric (log 0 is undefined; a wake-up carries 0 bytes and moves 0 MB/s). Series left empty are dropped.
 */
export function forLogAxes(series: Series[], metric: Metric): Series[] {
  return series
    .map((s) => ({ ...s, points: s.points.filter((p) => p.sizeBytes > 0 && p[metric] > 0) }))
    .filter((s) => s.points.length > 0);
}

/** [min, max] of the positive values of the metric (with its band, bandOf) and the extra values. */
export function valueExtent(series: Series[], metric: Metric, extra: number[] = []): [number, number] | null {
  const values = [...extra];
  for (const s of series)
    for (const p of s.points) {
      values.push(p[metric]);
      const band = bandOf(p, metric);
      if (band) values.push(...band);
    }
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return null;
  return [Math.min(...positive), Math.max(...positive)];
}

/** The memcpy baseline in the throughput unit: MB/s as measured, or messages/s of that size (MB = 10^6 B). */
export function memcpyValue(m: { sizeBytes: number; MBps: number }, metric: 'MBps' | 'msgsPerSec'): number {
  return metric === 'MBps' ? m.MBps : (m.MBps * 1e6) / m.sizeBytes;
}

/**
 * Adds the memcpy baseline to throughput rows under `key`, at every size it was measured (adding rows for
 * sizes no method measured), so it draws as one more series. Rows stay sorted by size.
 */
export function withMemcpy(
  rows: Record<string, number | [number, number] | undefined>[],
  memcpy: Baselines['memcpy'],
  metric: 'MBps' | 'msgsPerSec',
  key = 'memcpy',
): Record<string, number | [number, number] | undefined>[] {
  const bySize = new Map(rows.map((r) => [r.sizeBytes as number, { ...r }]));
  for (const m of memcpy) {
    if (m.sizeBytes <= 0) continue;
    const row = bySize.get(m.sizeBytes) ?? { sizeBytes: m.sizeBytes };
    row[key] = memcpyValue(m, metric);
    bySize.set(m.sizeBytes, row);
  }
  return [...bySize.values()].sort((x, y) => (x.sizeBytes as number) - (y.sizeBytes as number));
}

/** Every n-th tick so that at most maxCount remain, always keeping the first. */
export function thinTicks(ticks: number[], maxCount: number): number[] {
  if (maxCount < 1 || ticks.length <= maxCount) return ticks;
  const step = Math.ceil(ticks.length / maxCount);
  return ticks.filter((_, i) => i % step === 0);
}

export interface WakeupRow extends SeriesPoint {
  key: string;
}

/** The notify pattern as one row per method/variant (its one size), fastest first, for a dot chart. */
export function wakeupRows(dataset: Dataset): WakeupRow[] {
  return seriesFor(dataset, 'notify')
    .flatMap((s) => s.points.map((p) => ({ ...p, key: s.key })))
    .sort((x, y) => x.p50 - y.p50 || x.key.localeCompare(y.key));
}
