// Measured data, used honestly.
// - The variant that fits the answers speaks for a method (a stream is a ring, a state read is a seqlock),
//   never "the one with the lowest p50"; a stock stand-in (/dev/zero for a char device) only when the
//   method's own module was not measured, and then it says so.
// - A wake-up latency comes only from a notify pattern.
// - Only a real CPU's absolute figures may eliminate or judge a budget. An emulated or instruction-counted
//   dataset only compares methods with each other, within the same dataset.
// - A method the dataset did not measure is "unverified" and gets the median comparison of the others:
//   it gains nothing from its absence.
import type { Answers } from '../answers';
import type { Method } from '../catalogue-schema';
import type { Dataset } from '../dataset-schema';
import type { MethodId, Pattern } from '../ids';
import { measuredAt, measuredVariants, type MeasuredPoint } from '../measured';
import type { Context } from './context';
import { clamp } from './weights';

/** The dataset variants that stand for a catalogue method, best first, for one style. '' = its own module. */
export function variantsFor(method: MethodId, a: Pick<Answers, 'style' | 'dir'>): string[] {
  if (method === 'mmap') {
    if (a.style === 'stream' || a.style === 'event') return ['ring'];
    return a.dir === 'k2u' ? ['seqlock', 'ioctl-lock'] : ['ioctl-lock'];
  }
  return [''];
}

/** The measured patterns that answer the question, in order of relevance. */
export function patternsFor(a: Pick<Answers, 'style' | 'dir' | 'size'>): Pattern[] {
  switch (a.style) {
    case 'request':
    case 'config':
      return ['roundtrip'];
    case 'event':
      if (a.dir === 'u2k') return ['u2k'];
      return a.size > 0 ? ['notify', 'k2u'] : ['notify'];
    case 'stream':
      return a.dir === 'both' ? ['k2u', 'u2k'] : [a.dir];
  }
}

export interface MethodMeasurement {
  points: MeasuredPoint[];
  /** A stock stand-in spoke because the method's own module was not measured here. */
  standIn: boolean;
}

/** The only answers measure() reads: two answers that agree on these measure every method alike. */
export type MeasuredAnswers = Pick<Answers, 'style' | 'dir' | 'size'>;

/** A key for MeasuredAnswers, for memoising measurements within one search (see what-would-change.ts). */
export function measuredAnswersKey(a: MeasuredAnswers): string {
  return `${a.style}\u0000${a.dir}\u0000${a.size}`;
}

export function measure(m: Method, c: Pick<Context, 'dataset'> & { a: MeasuredAnswers }): MethodMeasurement {
  const out: MethodMeasurement = { points: [], standIn: false };
  if (!c.dataset) return out;
  for (const p of patternsFor(c.a)) {
    const point = pick(c.dataset, m.id, p, c.a);
    if (!point) continue;
    out.points.push(point.point);
    out.standIn ||= point.standIn;
  }
  return out;
}

function pick(d: Dataset, method: MethodId, pattern: Pattern, a: MeasuredAnswers) {
  for (const v of variantsFor(method, a)) {
    const point = measuredAt(d, method, pattern, a.size, v);
    if (point) return { point, standIn: false };
  }
  // Only stock stand-ins measured (e.g. a dataset of stock interfaces): the first one, by name.
  const stock = measuredVariants(d, method, pattern).filter((v) => v !== '' && method !== 'mmap');
  const first = stock[0];
  if (first === undefined) return null;
  const point = measuredAt(d, method, pattern, a.size, first);
  return point ? { point, standIn: true } : null;
}

/** Per-message cost of a point for comparisons: its p50 (ns, or instructions). */
const cost = (p: MeasuredPoint) => Math.max(p.latencyNs.p50, 1);

export interface Comparison {
  /** Points on the 0–100 scale: 0 for the cheapest candidate, down to -max for 100× its cost. */
  points: number;
  /** The measured cost relative to the cheapest measured candidate, per pattern (1 = the cheapest). */
  ratios: { pattern: Pattern; ratio: number; best: MethodId }[];
  unverified: boolean;
}

/** How much measured speed can move a score for these answers: nothing at 1 msg/s with no budget. */
export function measuredWeight(c: Pick<Context, 'weights'>): number {
  return clamp((c.weights['low-latency'] + c.weights['high-throughput']) / 6, 0, 1);
}

export const MEASURED_MAX_POINTS = 12;

/** The most points the measured comparison can take from a method for these answers. */
export function comparisonScale(c: Pick<Context, 'weights'>): number {
  return MEASURED_MAX_POINTS * measuredWeight(c);
}

/** The scale-free half of a comparison: each measured candidate's cost against the cheapest, per pattern. */
export interface CostRatios {
  measured: { method: MethodId; ratios: Comparison['ratios']; severity: number }[];
  unmeasured: MethodId[];
}

export function costRatios(candidates: { method: MethodId; measurement: MethodMeasurement }[]): CostRatios {
  const best = new Map<Pattern, { cost: number; method: MethodId }>();
  for (const { method, measurement } of candidates)
    for (const p of measurement.points) {
      const b = best.get(p.pattern);
      if (!b || cost(p) < b.cost) best.set(p.pattern, { cost: cost(p), method });
    }
  const out: CostRatios = { measured: [], unmeasured: [] };
  for (const { method, measurement } of candidates) {
    if (measurement.points.length === 0) {
      out.unmeasured.push(method);
      continue;
    }
    const ratios = measurement.points.map((p) => {
      const b = best.get(p.pattern)!;
      return { pattern: p.pattern, ratio: cost(p) / b.cost, best: b.method };
    });
    let worst = -Infinity;
    for (const r of ratios) worst = Math.max(worst, r.ratio);
    out.measured.push({ method, ratios, severity: clamp(Math.log10(worst) / 2, 0, 1) });
  }
  return out;
}

/**
 * Compares the candidates' measured costs with each other, pattern by pattern (costRatios), on a scale from
 * comparisonScale(). Returns one Comparison per candidate; the unmeasured ones get the median of the
 * measured ones' points. The what-would-change search memoises the cost ratios, which depend only on the
 * candidates' measurements.
 */
export function compare(ratios: CostRatios, scale: number): Map<MethodId, Comparison> {
  const out = new Map<MethodId, Comparison>();
  const measuredPoints: number[] = [];
  for (const { method, ratios: r, severity } of ratios.measured) {
    const points = -scale * severity;
    out.set(method, { points, ratios: r, unverified: false });
    measuredPoints.push(points);
  }
  measuredPoints.sort((x, y) => x - y);
  const median = measuredPoints.length > 0 ? measuredPoints[Math.floor((measuredPoints.length - 1) / 2)]! : 0;
  for (const method of ratios.unmeasured) out.set(method, { points: median, ratios: [], unverified: true });
  return out;
}
