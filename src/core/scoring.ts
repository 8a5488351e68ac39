// The advisor's entry point: advise() turns answers into a verdict, a ranking with reasons, the
// eliminated methods with the limits that ruled them out, and the changes that would flip the pick.
// The steps live in advice/: weights.ts (what matters), eliminate.ts (hard limits), measurements.ts
// (measured data, used honestly), score.ts (typed contributions), explain.ts (sentences) and
// what-would-change.ts (the search).
import type { z } from 'zod';
import type { Answers } from './answers';
import { decodeAnswerValue } from './answers-codec';
import type { Catalogue } from './catalogue-schema';
import type { Dataset } from './dataset-schema';
import { decisiveDifferences, explainMethod, meanRatings, TIE_MARGIN, whenNotToUse } from './advice/explain';
import { evaluateAll } from './advice/evaluate';
import { displayScore } from './advice/score';
import { frameworkAdvice } from './advice/framework';
import { hostWords } from './advice/words';
import type { adviceBasisSchema, Change, Eliminated, ScoredMethod, Verdict } from './advice/schema';
import { whatWouldChange } from './advice/what-would-change';
import { formatMBps } from './format';
import type { MethodId } from './ids';

export type { Change } from './advice/schema';
export { traitWeights, WEIGHT_RULES } from './advice/weights';
export { TIE_MARGIN } from './advice/explain';

export type { Eliminated, ScoredMethod, Verdict } from './advice/schema';

export interface Advice {
  verdict: Verdict;
  /** Best first. */
  ranking: ScoredMethod[];
  eliminated: Eliminated[];
  whatWouldChange: Change[];
  basis: z.infer<typeof adviceBasisSchema>;
  datasetId: string | null;
  /** Answers outside what any hardware can do, said plainly (a 10 ns budget, a flow above memory bandwidth). */
  inputWarnings: string[];
}

/** A budget below this is below one cache miss plus a system call: no method can promise it. */
export const MIN_SANE_LAT_US = 0.1;
/** A flow above this (bytes/s) is above the memory bandwidth of today's machines. */
export const MAX_SANE_FLOW = 100e9;

export function inputWarnings(a: Answers): string[] {
  const out: string[] = [];
  if (a.lat !== null && a.lat < MIN_SANE_LAT_US)
    out.push(
      `A ${a.lat * 1000} ns budget is below what one system call or one cache miss takes (about 100 ns): no method can promise it; even shared memory only bounds how fast user space can look.`,
    );
  const flow = a.size * a.rate;
  if (flow > MAX_SANE_FLOW)
    out.push(
      `${formatMBps(flow / 1e6)} is above the memory bandwidth of today's machines (tens of GB/s per socket): no interface can move it, so check the size and the rate.`,
    );
  return out;
}

/** The top pick alone (null when everything is eliminated). */
export function topPick(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): MethodId | null {
  return evaluateAll(answers, catalogue, dataset, false).ranked[0]?.scored.method.id ?? null;
}

export function advise(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): Advice {
  const ev = evaluateAll(answers, catalogue, dataset);
  const c = ev.context;
  const mean = meanRatings(
    ev.ranked.map((r) => r.scored),
    c,
  );
  const ranking: ScoredMethod[] = ev.ranked.map((r) => ({
    method: r.scored.method.id,
    name: r.scored.method.name,
    score: displayScore(r.scored.raw),
    reasons: explainMethod(r.scored, c, mean, r.measurement.standIn),
    measured: r.measurement.points,
    unverified: r.unverified,
  }));
  const eliminated: Eliminated[] = ev.eliminated.map((e) => ({
    method: e.method.id,
    name: e.method.name,
    reasons: e.eliminations.map((x) => x.text()),
  }));
  const top = ev.ranked[0]?.scored ?? null;
  const second = ev.ranked[1]?.scored ?? null;
  const rawMargin = top && second ? top.raw - second.raw : null;
  // Rounded as the verdict shows it, so that its words agree with its figure (a margin shown as 3.0 is a tie).
  const margin = rawMargin === null ? null : Math.round(rawMargin * 10) / 10;
  const confidence: Verdict['confidence'] = !top
    ? 'none'
    : margin === null || margin > 2 * TIE_MARGIN
      ? 'clear'
      : margin > TIE_MARGIN
        ? 'likely'
        : 'tie';
  const why = top && second ? decisiveDifferences(top, second, c) : [];
  const sentence = !top
    ? 'Nothing fits these answers: every method breaks a hard limit (see the eliminated list and what would change).'
    : !second
      ? `${top.method.name}: the only method that fits these answers.`
      : confidence === 'tie'
        ? `A tie between ${top.method.name} and ${second.method.name} (within ${TIE_MARGIN} points): pick by what separates them below.`
        : `${top.method.name}, ${confidence === 'clear' ? 'clearly' : 'likely'}: ${rawMargin!.toFixed(0)} points ahead of ${second.method.name}.`;
  const anyMeasured = ev.ranked.some((r) => r.measurement.points.length > 0);
  const framework = frameworkAdvice(c.framework, top?.method ?? null);
  const verdict: Verdict = {
    sentence,
    confidence,
    top: top?.method.id ?? null,
    runnerUp: second?.method.id ?? null,
    margin,
    tieMargin: TIE_MARGIN,
    whyNotRunnerUp: why,
    ...(confidence === 'tie' && top && second ? { runnerUpStrengths: decisiveDifferences(second, top, c) } : {}),
    whenNotToUse: top ? whenNotToUse(top.method) : [],
    ...(framework ? { framework } : {}),
    measurement:
      dataset && c.kind
        ? {
            datasetId: dataset.id,
            kind: c.kind,
            note:
              c.kind === 'native'
                ? `Measured on a real CPU (${dataset.host.cpuModel}): rates below the asked one eliminate (a wake-up's, which the test paces, excepted), and a p99 above the budget costs points.`
                : `${hostWords(dataset)}: measured costs only rank the methods against each other; no absolute figure eliminates anything or judges a budget.`,
          }
        : null,
  };
  return {
    verdict,
    ranking,
    eliminated,
    whatWouldChange: whatWouldChange(answers, catalogue, dataset, top?.method.id ?? null),
    basis: dataset && anyMeasured ? 'traits+measurements' : 'traits',
    datasetId: dataset?.id ?? null,
    inputWarnings: inputWarnings(answers),
  };
}

/** The answers with one change applied. */
export function applyChange(answers: Answers, change: Pick<Change, 'param' | 'to'>): Answers {
  const parsed = decodeAnswerValue(change.param, change.to);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...answers, [change.param]: parsed.value };
}
