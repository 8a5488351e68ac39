// One pass over the catalogue: eliminate, measure, compare, score. Builds no strings; advise() and the
// what-would-change search both start here.
import type { Answers } from '../answers';
import type { Catalogue, Method } from '../catalogue-schema';
import type { Dataset } from '../dataset-schema';
import type { MethodId } from '../ids';
import { makeContext, type Context } from './context';
import { eliminate, eliminateByMeasurement, type Elimination } from './eliminate';
import {
  compare,
  comparisonScale,
  costRatios,
  measure,
  type Comparison,
  type CostRatios,
  type MethodMeasurement,
} from './measurements';
import { score, type Scored } from './score';

export interface Evaluation {
  context: Context;
  /** Best first; ties broken by method id. */
  ranked: { scored: Scored; measurement: MethodMeasurement; unverified: boolean }[];
  eliminated: { method: Catalogue['methods'][number]; eliminations: Elimination[]; measurement: MethodMeasurement }[];
}

/** Every hard limit the method breaks for the answers: the catalogue's, then (on a real CPU) the measured ones. */
export function cutsFor(m: Method, c: Context, measurement: MethodMeasurement): Elimination[] {
  const cuts = eliminate(m, c);
  const measured = eliminateByMeasurement(measurement.points, c);
  return measured.length > 0 ? cuts.concat(measured) : cuts;
}

/**
 * The measured comparisons between the methods that survived (null without a dataset). ratios, when given,
 * must be costRatios() of the same survivors (the what-would-change search memoises them).
 */
export function comparisonsFor(
  alive: readonly { method: Method; measurement: MethodMeasurement }[],
  c: Context,
  ratios?: CostRatios,
): Map<MethodId, Comparison> | null {
  return c.dataset ? compare(ratios ?? costRatios(measuredCandidates(alive)), comparisonScale(c)) : null;
}

export function measuredCandidates(alive: readonly { method: Method; measurement: MethodMeasurement }[]) {
  return alive.map((x) => ({ method: x.method.id, measurement: x.measurement }));
}

/** explain=false skips everything only the sentences need. */
export function evaluateAll(
  answers: Answers,
  catalogue: Catalogue,
  dataset: Dataset | null,
  explain = true,
): Evaluation {
  const c = makeContext(answers, catalogue, dataset);
  const alive: { method: Method; measurement: MethodMeasurement }[] = [];
  const eliminated: Evaluation['eliminated'] = [];
  for (const m of catalogue.methods) {
    const measurement = measure(m, c);
    const cuts = cutsFor(m, c, measurement);
    if (cuts.length > 0) eliminated.push({ method: m, eliminations: cuts, measurement });
    else alive.push({ method: m, measurement });
  }
  const comparisons = comparisonsFor(alive, c);
  const ranked = alive.map((x) => {
    const comparison = comparisons?.get(x.method.id);
    return {
      scored: score(x.method, c, x.measurement, comparison, explain),
      measurement: x.measurement,
      unverified: comparison?.unverified ?? false,
    };
  });
  ranked.sort((x, y) => byRank(x.scored, y.scored));
  eliminated.sort((x, y) => (x.method.id < y.method.id ? -1 : 1));
  return { context: c, ranked, eliminated };
}

/** The ranking order: the higher unrounded score first, ties broken by method id. */
export function rankOrder(x: MethodId, xRaw: number, y: MethodId, yRaw: number): number {
  return yRaw - xRaw || (x < y ? -1 : x > y ? 1 : 0);
}

export function byRank(x: Scored, y: Scored): number {
  return rankOrder(x.method.id, x.raw, y.method.id, y.raw);
}

/** The method that ranks first among these unrounded scores (what evaluateAll's ranked[0] would be). */
export function firstOf(scores: ReadonlyMap<MethodId, number>): MethodId | null {
  let best: MethodId | null = null;
  let bestRaw = 0;
  for (const [id, raw] of scores)
    if (best === null || rankOrder(id, raw, best, bestRaw) < 0) {
      best = id;
      bestRaw = raw;
    }
  return best;
}

/**
 * Every surviving method's unrounded score for the answers (eliminated ones absent), by one full
 * evaluateAll(). The straightforward reference the what-would-change search's incremental scoring is
 * tested against.
 */
export function rawScores(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): Map<MethodId, number> {
  return new Map(evaluateAll(answers, catalogue, dataset, false).ranked.map((r) => [r.scored.method.id, r.scored.raw]));
}
