// What a dataset says about one method at the size the user asked for, and how to print such numbers.
import { z } from 'zod';
import { isBaselinePoint, type BenchResult, type Dataset } from './dataset-schema';
import { METHOD_IDS, PATTERNS, type MethodId, type Pattern } from './ids';
import { formatBytes, formatCost, formatMBps, formatRate } from './format';
import type { CostUnit } from './chart-data';

const ns = z.number().nonnegative();
const size = z.number().int().nonnegative();

export const measuredPointSchema = z.strictObject({
  method: z.enum(METHOD_IDS),
  variant: z.string(),
  pattern: z.enum(PATTERNS),
  /** The size asked for, not necessarily a measured one. */
  sizeBytes: size,
  latencyNs: z.strictObject({ p50: ns, p99: ns }),
  msgsPerSec: z.number().nonnegative(),
  MBps: z.number().nonnegative(),
  /** The nearest measured size at or below sizeBytes; null when sizeBytes is below everything measured. */
  lowerSize: size.nullable(),
  /** The nearest measured size at or above sizeBytes; null when sizeBytes is above everything measured. */
  upperSize: size.nullable(),
  exact: z.boolean(),
  /** Outside the measured range: the values are those of the nearest measured size, not a prediction. */
  extrapolated: z.boolean(),
  /** Samples behind the point (the smaller of the two when interpolated). */
  samples: z.number().int().nonnegative(),
});
export type MeasuredPoint = z.infer<typeof measuredPointSchema>;

// The scorer asks for many points per answer (and many answers in whatWouldChange), so each dataset is
// indexed once: method → pattern → variant → results sorted by size. Datasets are immutable once loaded.
type VariantIndex = Map<string, BenchResult[]>;
const indexes = new WeakMap<Dataset, Map<MethodId, Map<Pattern, VariantIndex>>>();

function indexOf(dataset: Dataset): Map<MethodId, Map<Pattern, VariantIndex>> {
  let index = indexes.get(dataset);
  if (index) return index;
  index = new Map();
  for (const r of dataset.results) {
    if (r.samples === 0 || isBaselinePoint(r)) continue;
    let patterns = index.get(r.method);
    if (!patterns) index.set(r.method, (patterns = new Map()));
    let variants = patterns.get(r.pattern);
    if (!variants) patterns.set(r.pattern, (variants = new Map()));
    let list = variants.get(r.variant);
    if (!list) variants.set(r.variant, (list = []));
    list.push(r);
  }
  for (const patterns of index.values())
    for (const variants of patterns.values())
      for (const list of variants.values()) list.sort((a, b) => a.sizeBytes - b.sizeBytes);
  indexes.set(dataset, index);
  return index;
}

// The sorted variant names of each method and pattern, listed once per dataset (the scorer asks per method).
const sortedVariants = new WeakMap<VariantIndex, readonly string[]>();
const NO_VARIANTS: readonly string[] = [];

/** Every variant the dataset measured for this method and pattern ('' for a method with one variant). */
export function measuredVariants(dataset: Dataset, method: MethodId, pattern: Pattern): readonly string[] {
  const variants = indexOf(dataset).get(method)?.get(pattern);
  if (!variants) return NO_VARIANTS;
  let names = sortedVariants.get(variants);
  if (!names) sortedVariants.set(variants, (names = [...variants.keys()].sort()));
  return names;
}

// Sizes include 0 (a wake-up with no payload); log(0) is undefined, so 0 sits where 1 byte would.
const logSize = (s: number) => Math.log(Math.max(s, 1));

function interpolate(a: number, b: number, t: number): number {
  if (a === b) return a;
  // Log–log needs positive values on both sides; a zero (e.g. 0 MB/s at 0 bytes) falls back to linear.
  if (a > 0 && b > 0) return Math.exp(Math.log(a) + (Math.log(b) - Math.log(a)) * t);
  return a + (b - a) * t;
}

function pointFrom(r: BenchResult, sizeBytes: number, lowerSize: number | null, upperSize: number | null) {
  const exact = r.sizeBytes === sizeBytes;
  return {
    method: r.method,
    variant: r.variant,
    pattern: r.pattern,
    sizeBytes,
    latencyNs: { p50: r.latencyNs.p50, p99: r.latencyNs.p99 },
    msgsPerSec: r.msgsPerSec,
    MBps: r.MBps,
    lowerSize,
    upperSize,
    exact,
    extrapolated: !exact,
    samples: r.samples,
  };
}

function atSize(list: BenchResult[], sizeBytes: number): MeasuredPoint | null {
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last) return null;
  if (sizeBytes < first.sizeBytes) return pointFrom(first, sizeBytes, null, first.sizeBytes);
  if (sizeBytes > last.sizeBytes) return pointFrom(last, sizeBytes, last.sizeBytes, null);
  // Binary search for the first result at or above the size.
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.sizeBytes < sizeBytes) lo = mid + 1;
    else hi = mid;
  }
  const upper = list[lo]!;
  if (upper.sizeBytes === sizeBytes) return pointFrom(upper, sizeBytes, sizeBytes, sizeBytes);
  const lower = list[lo - 1]!;
  const t = (logSize(sizeBytes) - logSize(lower.sizeBytes)) / (logSize(upper.sizeBytes) - logSize(lower.sizeBytes));
  return {
    method: upper.method,
    variant: upper.variant,
    pattern: upper.pattern,
    sizeBytes,
    latencyNs: {
      p50: interpolate(lower.latencyNs.p50, upper.latencyNs.p50, t),
      p99: interpolate(lower.latencyNs.p99, upper.latencyNs.p99, t),
    },
    msgsPerSec: interpolate(lower.msgsPerSec, upper.msgsPerSec, t),
    MBps: interpolate(lower.MBps, upper.MBps, t),
    lowerSize: lower.sizeBytes,
    upperSize: upper.sizeBytes,
    exact: false,
    extrapolated: false,
    samples: Math.min(lower.samples, upper.samples),
  };
}

/**
 * The dataset's numbers for one method and pattern at sizeBytes: exact when measured there, interpolated
 * on log–log axes between the two nearest measured sizes, clamped (and flagged) outside the measured range.
 * Without a variant, the method's own reference module (variant '') speaks for it when it was measured:
 * a stock stand-in such as reading /dev/zero for "chardev" does far less work than a real driver and would
 * flatter the method. Otherwise (mmap's ring/seqlock/ioctl-lock, or a stock-only dataset) the variant with
 * the lowest p50 at that size does.
 */
export function measuredAt(
  dataset: Dataset,
  method: MethodId,
  pattern: Pattern,
  sizeBytes: number,
  variant?: string,
): MeasuredPoint | null {
  const variants = indexOf(dataset).get(method)?.get(pattern);
  if (!variants) return null;
  if (variant !== undefined) {
    const list = variants.get(variant);
    return list ? atSize(list, sizeBytes) : null;
  }
  const own = variants.get('');
  if (own) return atSize(own, sizeBytes);
  let best: MeasuredPoint | null = null;
  for (const list of variants.values()) {
    const p = atSize(list, sizeBytes);
    if (!p) continue;
    if (
      !best ||
      p.latencyNs.p50 < best.latencyNs.p50 ||
      (p.latencyNs.p50 === best.latencyNs.p50 && p.variant < best.variant)
    )
      best = p;
  }
  return best;
}

// The formatters live in format.ts; they are re-exported here for the modules that import them from here.
export { formatBytes, formatMBps, formatNs, formatRate } from './format';

/** Each measured pattern in a few words, wherever a point is printed (results, compare, report). */
export const PATTERN_LABEL: Record<Pattern, string> = {
  roundtrip: 'round trip',
  k2u: 'kernel → user',
  u2k: 'user → kernel',
  notify: 'wake-up',
};

/** Which size the numbers come from: the one measured, the two around it, or the nearest one. */
export function sizeBasis(p: MeasuredPoint): string {
  if (p.exact) return `measured at ${formatBytes(p.sizeBytes)}`;
  if (p.extrapolated)
    return `nearest measured size ${formatBytes((p.lowerSize ?? p.upperSize) as number)}: outside the measured range, not a prediction`;
  return `interpolated between ${formatBytes(p.lowerSize as number)} and ${formatBytes(p.upperSize as number)}`;
}

/**
 * Why a wake-up has no rate: the harness's notify protocol fires each event a fixed delay after the
 * waiter sleeps (server/harness/README.md, KCOMM_NOTIFY_DELAY_NS), so its "rate" is that delay's, not
 * the method's capacity; a wake-up also moves no payload.
 */
export const WAKEUP_RATE_NOTE =
  "A wake-up's rate is set by the test's delay before each event, not by the method, and it moves no payload.";

/**
 * A point's figures as printed everywhere: latencies in the dataset's unit (guest instructions are never
 * written as time), and no rate or throughput for a wake-up (WAKEUP_RATE_NOTE).
 */
export function pointFigures(
  p: MeasuredPoint,
  unit: CostUnit,
): { p50: string; p99: string; rate: string | null; throughput: string | null } {
  const wakeup = p.pattern === 'notify';
  return {
    p50: formatCost(p.latencyNs.p50, unit),
    p99: formatCost(p.latencyNs.p99, unit),
    rate: wakeup ? null : formatRate(p.msgsPerSec),
    throughput: wakeup ? null : formatMBps(p.MBps),
  };
}
