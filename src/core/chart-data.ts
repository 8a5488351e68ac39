// Turns a dataset into what the benchmark charts draw: one series per method/variant per pattern, latency
// bands, throughput, the machine's own baselines, and ratios between two datasets. No React, no recharts.
import type { BenchResult, Dataset } from './dataset-schema';
import type { MethodId, Pattern } from './ids';

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

/** Every method/variant measured at this pattern, points sorted by size; results with no samples are left out. */
export function seriesFor(dataset: Dataset, pattern: Pattern): Series[] {
  const byKey = new Map<string, Series>();
  for (const r of dataset.results) {
    if (r.pattern !== pattern || r.samples === 0) continue;
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
    });
  }
  const out = [...byKey.values()];
  for (const s of out) s.points.sort((a, b) => a.sizeBytes - b.sizeBytes);
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** The patterns this dataset has any result for, in the order the page shows them. */
export function patternsIn(dataset: Dataset): Pattern[] {
  const order: Pattern[] = ['roundtrip', 'k2u', 'u2k', 'notify'];
  const present = new Set(dataset.results.filter((r) => r.samples > 0).map((r) => r.pattern));
  return order.filter((p) => present.has(p));
}

export type Metric = 'p50' | 'p99' | 'MBps' | 'msgsPerSec';

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
      if (metric === 'p50') row[`${s.key}:band`] = p.band;
    }
    return row;
  });
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

/** Points both datasets measured (same method, variant, pattern and size), with b relative to a. */
export function compareDatasets(a: Dataset, b: Dataset): RatioRow[] {
  const rows: RatioRow[] = [];
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
          p50Ratio: pa.p50 > 0 ? pb.p50 / pa.p50 : null,
          MBpsRatio: pa.MBps > 0 ? pb.MBps / pa.MBps : null,
          a: pa,
          b: pb,
        });
      }
    }
  }
  return rows;
}

// One colour per method, the same in every chart and every dataset, picked so the methods that are usually
// drawn together (the file-based ones, the sockets, the shared-memory ones) stay apart on a white background.
const METHOD_COLORS: Record<MethodId, string> = {
  genetlink: '#1f6fb4',
  netlink: '#00838f',
  chardev: '#c62828',
  ioctl: '#ef6c00',
  mmap: '#2e7d32',
  procfs: '#6a1b9a',
  sysfs: '#795548',
  debugfs: '#d81b60',
  relay: '#8c8a00',
  signal: '#283593',
  usermodehelper: '#546e7a',
  eventfd: '#e09b00',
  'bpf-ringbuf': '#5c6bc0',
  'io-uring-cmd': '#ad1457',
  configfs: '#558b2f',
  sysctl: '#4e342e',
  connector: '#0277bd',
  uevent: '#d500f9',
  tracepoint: '#00bfa5',
  modparam: '#ff8a65',
};

/** The baselines (null syscall, memcpy) are drawn in this colour so no method is mistaken for them. */
export const BASELINE_COLOR = '#3d434b';

const FALLBACK_COLOR = '#6b7280';

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function mix(hex: string, toward: 0 | 255, amount: number): string {
  const rgb = hexToRgb(hex).map((c) => Math.round(c + (toward - c) * amount));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

// Variants share their method's hue and differ in lightness, by name only, so a shade is stable across
// datasets. The variants the harness draws side by side (mmap's three, relay's burst next to plain relay) are
// listed so they never share a shade; any other variant is shaded by a hash of its name.
type Shade = [toward: 0 | 255, amount: number] | null;
const DARKER: Shade = [0, 0.4];
const LIGHTER: Shade = [255, 0.38];
const KNOWN_VARIANT_SHADES: Record<string, Shade> = {
  ring: null,
  seqlock: DARKER,
  'ioctl-lock': LIGHTER,
  burst: DARKER,
};

function variantShade(variant: string): Shade {
  if (variant in KNOWN_VARIANT_SHADES) return KNOWN_VARIANT_SHADES[variant]!;
  let h = 0;
  for (const ch of variant) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 2 === 0 ? DARKER : LIGHTER;
}

/** The colour of a series ("method" or "method/variant"): the method's colour, shaded for a variant. */
export function seriesColor(key: string): string {
  const slash = key.indexOf('/');
  const method = slash < 0 ? key : key.slice(0, slash);
  const variant = slash < 0 ? '' : key.slice(slash + 1);
  const base = (METHOD_COLORS as Record<string, string>)[method] ?? FALLBACK_COLOR;
  const shade = variant ? variantShade(variant) : null;
  return shade ? mix(base, shade[0], shade[1]) : base;
}

/**
 * The series as a log–log chart can draw them: points with a positive size and a positive value of the
 * metric (log 0 is undefined; a wake-up carries 0 bytes and moves 0 MB/s). Series left empty are dropped.
 */
export function forLogAxes(series: Series[], metric: Metric): Series[] {
  return series
    .map((s) => ({ ...s, points: s.points.filter((p) => p.sizeBytes > 0 && p[metric] > 0) }))
    .filter((s) => s.points.length > 0);
}

/** [min, max] of the positive values of the metric (with the p90–p99 band for p50) and the extra values. */
export function valueExtent(series: Series[], metric: Metric, extra: number[] = []): [number, number] | null {
  const values = [...extra];
  for (const s of series)
    for (const p of s.points) {
      values.push(p[metric]);
      if (metric === 'p50') values.push(p.p90, p.p99);
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
