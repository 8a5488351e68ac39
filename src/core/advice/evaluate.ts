// One pass over the catalogue: eliminate, measure, compare, score. Builds no strings; advise() and the
// what-would-change search both start here.
import type { Answers } from '../answers';
import type { Catalogue } from '../catalogue-schema';
import type { Dataset } from '../dataset-schema';
import type { MethodId } from '../ids';
import { makeContext, type Context } from './context';
import { eliminate, eliminateByMeasurement, type Elimination } from './eliminate';
import { compare, measure, type MethodMeasurement } from './measurements';
import { score, type Scored } from './score';

export interface Evaluation {
  context: Context;
  /** Best first; ties broken by method id. */
  ranked: { scored: Scored; measurement: MethodMeasurement; unverified: boolean }[];
  eliminated: { method: Catalogue['methods'][number]; eliminations: Elimination[]; measurement: MethodMeasurement }[];
}

/** explain=false skips everything only the sentences need (the what-would-change search). */
export function evaluateAll(
  answers: Answers,
  catalogue: Catalogue,
  dataset: Dataset | null,
  explain = true,
): Evaluation {
  const c = makeContext(answers, catalogue, dataset);
  const alive: { method: Catalogue['methods'][number]; measurement: MethodMeasurement }[] = [];
  const eliminated: Evaluation['eliminated'] = [];
  for (const m of catalogue.methods) {
    const measurement = measure(m, c);
    const cuts = [...eliminate(m, c), ...eliminateByMeasurement(measurement.points, c)];
    if (cuts.length > 0) eliminated.push({ method: m, eliminations: cuts, measurement });
    else alive.push({ method: m, measurement });
  }
  const comparisons = dataset
    ? compare(
        alive.map((x) => ({ method: x.method.id, measurement: x.measurement })),
        c,
      )
    : null;
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

export function byRank(x: Scored, y: Scored): number {
  return y.raw - x.raw || (x.method.id < y.method.id ? -1 : x.method.id > y.method.id ? 1 : 0);
}

/** Every method's unrounded score for the answers (eliminated ones absent). */
export function rawScores(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): Map<MethodId, number> {
  return new Map(evaluateAll(answers, catalogue, dataset).ranked.map((r) => [r.scored.method.id, r.scored.raw]));
}
