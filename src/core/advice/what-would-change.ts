// The single answer changes that would change the top pick by more than a tie: constraints first (they
// are what a user can negotiate), then the statement of the problem; within each, the smallest change.
import type { Answers } from '../answers';
import { compareKernel, encodeAnswerValue, LIMITS } from '../answers-codec';
import type { Catalogue, Method } from '../catalogue-schema';
import type { Dataset } from '../dataset-schema';
import { formatBytes, formatNs, formatRate } from '../format';
import { DIRECTIONS, STYLES, TOPICS, type MethodId } from '../ids';
import {
  DIR_WORDS,
  EXISTING_WORDS,
  FRAMEWORK_WORDS,
  OPTIONAL_ANSWERS,
  frameworkApplies,
  growsApplies,
  STYLE_WORDS,
  TOPIC_WORDS,
  topicApplies,
  workerApplies,
} from '../answer-words';
import { makeContext } from './context';
import { comparisonsFor, cutsFor, firstOf, measuredCandidates } from './evaluate';
import {
  comparisonScale,
  costRatios,
  measure,
  measuredAnswersKey,
  type CostRatios,
  type MethodMeasurement,
} from './measurements';
import { displayScore, score } from './score';
import { TIE_MARGIN } from './explain';
import type { Change } from './schema';

export type { Change };

/** Constraints come first, then the problem statement; the order within each is the permalink's (ANSWER_PARAMS). */
export const CHANGE_ORDER: readonly (keyof Answers)[] = [
  'stable',
  'module',
  'unpriv',
  'shell',
  'kernel',
  'lat',
  ...OPTIONAL_ANSWERS,
  'listeners',
  'rate',
  'size',
  'style',
  'dir',
];

const LTS_KERNELS = ['4.19', '5.4', '5.10', '5.15', '6.1', '6.6', '6.12'];

interface Candidate {
  param: keyof Answers;
  value: Answers[keyof Answers];
  steps: number;
}

function candidates(a: Answers): Candidate[] {
  const out: Candidate[] = [];
  const add = <K extends keyof Answers>(param: K, value: Answers[K], steps: number) => {
    if (value !== a[param]) out.push({ param, value, steps });
  };
  for (const d of DIRECTIONS) add('dir', d, 1);
  for (const s of STYLES) add('style', s, 1);
  for (let k = 1; k <= 3; k++) {
    const up = a.size === 0 ? 4 ** k : a.size * 4 ** k;
    if (up <= LIMITS.maxSize) add('size', up, k);
    if (a.size > 0) add('size', Math.floor(a.size / 4 ** k), k);
  }
  for (let k = 1; k <= 3; k++) {
    if (a.rate * 10 ** k <= LIMITS.maxRate) add('rate', a.rate * 10 ** k, k);
    add('rate', a.rate / 10 ** k, k);
  }
  if (a.lat === null) {
    add('lat', 1000, 1);
    add('lat', 100, 2);
    add('lat', 10, 3);
  } else {
    add('lat', a.lat / 10, 1);
    if (a.lat * 10 <= LIMITS.maxLat) add('lat', a.lat * 10, 1);
    add('lat', null, 1);
    add('lat', a.lat / 100, 2);
    if (a.lat * 100 <= LIMITS.maxLat) add('lat', a.lat * 100, 2);
  }
  add('listeners', a.listeners === 1 ? 10 : 1, 1);
  for (const b of ['stable', 'module', 'unpriv', 'shell'] as const) add(b, !a[b], 1);
  for (const b of ['daemon', 'loss'] as const) {
    add(b, true, 1);
    add(b, false, 1);
  }
  if (a.style === 'config') {
    add('scope', 'device', 1);
    add('scope', 'system', 1);
    add('scope', 'object', 1);
    add('atload', !a.atload, 1);
  }
  if (a.style === 'request' && a.dir === 'both') add('asks', a.asks === 'kernel' ? 'user' : 'kernel', 1);
  if (topicApplies(a)) for (const t of TOPICS) add('topic', t, 1);
  if (growsApplies(a)) add('grows', !a.grows, 1);
  if (workerApplies(a)) {
    add('worker', true, 1);
    add('worker', false, 1);
  }
  // A device class is not negotiable, but what the framework decides is worth seeing: the pick without it.
  if (frameworkApplies(a) && a.framework !== null && a.framework !== 'none') add('framework', 'none', 1);
  // Likewise an interface user space relies on: what a new design would pick.
  if (a.keep !== null) add('keep', null, 1);
  const kernels = [...new Set([...LTS_KERNELS, a.kernel])].sort(compareKernel);
  const here = kernels.indexOf(a.kernel);
  kernels.forEach((k, i) => add('kernel', k, Math.abs(i - here)));
  return out;
}

/** Every surviving method's unrounded score for a set of answers (see rawScores in evaluate.ts). */
export type Rescore = (changed: Answers) => ReadonlyMap<MethodId, number>;

/**
 * rescore defaults to memoisedRescore(); the unit test passes the straightforward rawScores() and
 * checks that both searches agree.
 */
export function whatWouldChange(
  answers: Answers,
  catalogue: Catalogue,
  dataset: Dataset | null,
  top: MethodId | null,
  rescore: Rescore = memoisedRescore(catalogue, dataset),
): Change[] {
  const names = new Map(catalogue.methods.map((m) => [m.id, m.name]));
  const found = new Map<keyof Answers, { change: Change; steps: number }>();
  for (const cand of candidates(answers).sort((x, y) => x.steps - y.steps)) {
    if (found.has(cand.param)) continue;
    const changed = { ...answers, [cand.param]: cand.value } as Answers;
    const scores = rescore(changed);
    const newTop = firstOf(scores);
    if (newTop === null || newTop === top) continue;
    if (top !== null) {
      // A flip inside the tie margin is no change of advice: the old pick would still be as good.
      const old = scores.get(top);
      if (old !== undefined && scores.get(newTop)! - old <= TIE_MARGIN) continue;
    }
    const what = describeChange(cand.param, answers, changed);
    // The score says whether the new pick is a good fit or only the best of poor ones (sysfs at 29/100
    // for a 200 MB/s stream when no module may be shipped).
    const newScore = displayScore(scores.get(newTop)!);
    const outcome = top
      ? `${names.get(newTop) ?? newTop} would come first, at ${newScore}/100, instead of ${names.get(top) ?? top}.`
      : `${names.get(newTop) ?? newTop} would become possible, at ${newScore}/100 (nothing fits the current answers).`;
    found.set(cand.param, {
      change: {
        param: cand.param,
        from: encodeAnswerValue(cand.param, answers[cand.param]),
        to: encodeAnswerValue(cand.param, changed[cand.param]),
        newTop,
        newScore,
        sentence: `${what}, ${outcome}`,
      },
      steps: cand.steps,
    });
  }
  return [...found.values()]
    .sort((x, y) => CHANGE_ORDER.indexOf(x.change.param) - CHANGE_ORDER.indexOf(y.change.param) || x.steps - y.steps)
    .map((f) => f.change);
}

// The search scores the catalogue for ~40 answer sets that each differ from the user's in one answer.
// Nothing here knows what eliminate() and score() look at, so both run for every method and answer set;
// what is memoised is only what measurements.ts computes, keyed on everything it reads: a method's
// measurement on the answers measure() reads (MeasuredAnswers, enforced by its type), and the survivors'
// cost ratios on which methods survived with which measurements (their comparisons also on the scale that
// speed's weights set). Most changes (a constraint, the rate, the budget) leave the measured answers alone,
// so each search measures only a handful of times.
export function memoisedRescore(catalogue: Catalogue, dataset: Dataset | null): Rescore {
  const methods = catalogue.methods;
  const measurements = new Map<string, MethodMeasurement[]>();
  // Keyed by the measured answers and the survivors; the comparisons also by the scale (a number: turning it
  // into a string key cost more than the comparison itself).
  const ratios = new Map<string, { costs: CostRatios; compared: Map<number, ReturnType<typeof comparisonsFor>> }>();
  return (changed) => {
    const c = makeContext(changed, catalogue, dataset);
    const key = measuredAnswersKey(changed);
    let measured = measurements.get(key);
    if (!measured) measurements.set(key, (measured = methods.map((m) => measure(m, c))));
    const alive: number[] = [];
    const survivors: { method: Method; measurement: MethodMeasurement }[] = [];
    for (let i = 0; i < methods.length; i++) {
      const method = methods[i]!;
      const measurement = measured[i]!;
      if (cutsFor(method, c, measurement).length > 0) continue;
      alive.push(i);
      survivors.push({ method, measurement });
    }
    let compared: ReturnType<typeof comparisonsFor> = null;
    if (dataset) {
      const ratiosKey = `${key}\u0001${alive.join(',')}`;
      let memo = ratios.get(ratiosKey);
      if (!memo)
        ratios.set(ratiosKey, (memo = { costs: costRatios(measuredCandidates(survivors)), compared: new Map() }));
      // The comparisons depend on the ratios and on the scale, which only speed's two weights set.
      const scale = comparisonScale(c);
      compared = memo.compared.get(scale) ?? null;
      if (!compared) memo.compared.set(scale, (compared = comparisonsFor(survivors, c, memo.costs)));
    }
    const out = new Map<MethodId, number>();
    for (let i = 0; i < survivors.length; i++) {
      const { method, measurement } = survivors[i]!;
      out.set(method.id, score(method, c, measurement, compared?.get(method.id), false).raw);
    }
    return out;
  };
}

function latWords(lat: number | null): string {
  return lat === null ? 'no latency budget' : `a ${formatNs(lat * 1000)} latency budget`;
}

function describeChange(param: keyof Answers, a: Answers, b: Answers): string {
  switch (param) {
    case 'dir':
      return `If data flowed ${DIR_WORDS[b.dir]} instead of ${DIR_WORDS[a.dir]}`;
    case 'style':
      return `If the exchange were ${STYLE_WORDS[b.style]} instead of ${STYLE_WORDS[a.style]}`;
    case 'size':
      return `If messages were ${formatBytes(b.size)} instead of ${formatBytes(a.size)}`;
    case 'rate':
      return `At ${formatRate(b.rate)} instead of ${formatRate(a.rate)}`;
    case 'lat':
      return `With ${latWords(b.lat)} instead of ${latWords(a.lat)}`;
    case 'listeners':
      return `With ${b.listeners} listener${b.listeners === 1 ? '' : 's'} instead of ${a.listeners}`;
    case 'stable':
      return b.stable ? 'If it had to be a stable production interface' : 'If a debug-only interface were acceptable';
    case 'module':
      // Without a module, only data the kernel already exposes can cross; with no topic said, nothing
      // checks that this data is among it, and the sentence says so.
      return b.module
        ? 'If you could ship a kernel module'
        : b.topic === null
          ? 'If you could not ship a kernel module and the kernel already exposed this data'
          : 'If you could not ship a kernel module';
    case 'unpriv':
      return b.unpriv ? 'If the consumer ran unprivileged' : 'If the consumer could run as root';
    case 'shell':
      return b.shell ? 'If it had to work from a shell' : 'If it did not have to work from a shell';
    case 'kernel':
      return compareKernel(b.kernel, a.kernel) > 0
        ? `If you could require kernel ${b.kernel} instead of ${a.kernel}`
        : `If you had to support kernel ${b.kernel} instead of ${a.kernel}`;
    case 'dataset':
      return `With dataset ${b.dataset ?? 'none'}`;
    case 'daemon':
      return b.daemon ? 'If a user-space process were always running' : 'If no user-space process were always running';
    case 'scope':
      return b.scope === 'system'
        ? 'If the setting were system-wide'
        : b.scope === 'object'
          ? 'If the settings belonged to objects user space creates'
          : 'If the setting were per device';
    case 'atload':
      return b.atload
        ? 'If the value had to be given when the module loads'
        : 'If the value could wait until the module runs';
    case 'loss':
      return b.loss ? 'If messages could be dropped under overload' : 'If no message could ever be dropped';
    case 'grows':
      return b.grows
        ? 'If the commands and their fields would grow over time'
        : 'If the command set stayed small and fixed';
    case 'topic':
      return `If the data were about ${TOPIC_WORDS[b.topic!]}${a.topic === null ? '' : ` instead of ${TOPIC_WORDS[a.topic]}`}`;
    case 'asks':
      return b.asks === 'kernel'
        ? 'If the kernel asked a daemon and it answered'
        : 'If user space asked and the kernel answered';
    case 'framework':
      return b.framework === null || b.framework === 'none'
        ? 'If no kernel framework served the device'
        : `If the driver registered with ${FRAMEWORK_WORDS[b.framework].name}`;
    case 'keep':
      return b.keep === null
        ? 'If no interface existed yet'
        : `If user space already relied on ${EXISTING_WORDS[b.keep]}`;
    case 'worker':
      return b.worker
        ? 'If a kernel thread did the work, woken by what user space sends'
        : "If the work ran in the caller's system call";
  }
}
