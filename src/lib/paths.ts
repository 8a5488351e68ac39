// Every in-app URL that carries answers or methods is built here, so that no page forgets the answers.
import type { Answers } from '../core/answers';
import { encodeAnswers } from '../core/answers-codec';
import { encodeBenchmarkView, type BenchmarkView, type PanelView } from '../core/bench-view-codec';
import type { StepId } from './answer-steps';

function withQuery(path: string, params: URLSearchParams): string {
  const q = params.toString();
  return q === '' ? path : `${path}?${q}`;
}

/** The permalink of a recommendation: /results?<answers>. */
export function resultsPath(answers: Answers): string {
  return withQuery('/results', encodeAnswers(answers));
}

/** The wizard, opened at a step (or the first) with these answers. */
export function wizardPath(answers: Answers | null, step?: StepId): string {
  const p = answers ? encodeAnswers(answers) : new URLSearchParams();
  if (step) p.set('step', step);
  return withQuery('/', p);
}

/** The results with one answer's URL value replaced ('' removes it, e.g. "no latency budget"). */
export function changedResultsPath(answers: Answers, param: keyof Answers, to: string): string {
  const p = encodeAnswers(answers);
  if (to === '') p.delete(param);
  else p.set(param, to);
  return withQuery('/results', p);
}

/** Compare these methods; with answers, the comparison keeps them (and their dataset). */
export function comparePath(
  methods: readonly string[],
  answers: Answers | null,
  options: { diff?: boolean } = {},
): string {
  const p = new URLSearchParams();
  if (methods.length > 0) p.set('m', methods.join(','));
  if (options.diff) p.set('diff', '1');
  if (answers) for (const [k, v] of encodeAnswers(answers)) p.set(k, v);
  return withQuery('/compare', p).replace(/%2C/g, ',');
}

/** A method page; with a dataset its curves come from that dataset. */
export function methodPath(method: string, dataset?: string | null): string {
  const p = new URLSearchParams();
  if (dataset) p.set('dataset', dataset);
  return withQuery(`/methods/${encodeURIComponent(method)}`, p);
}

/**
 * The benchmarks page showing one dataset; optionally as someone saw it (compared dataset, hidden series,
 * each panel's chart and table state).
 */
export function benchmarksPath(
  dataset: string,
  view: Partial<Omit<BenchmarkView, 'dataset'>> & { panels?: Record<string, PanelView> } = {},
): string {
  return withQuery('/benchmarks', encodeBenchmarkView({ ...view, dataset })).replace(/%2C/g, ',');
}

/** The wizard at its constraints step with only a dataset chosen: every other answer stays a default. */
export function wizardWithDatasetPath(dataset: string): string {
  return withQuery('/', new URLSearchParams({ step: 'constraints', dataset }));
}
