// The advisor: eliminates what cannot work for the answers, scores the rest from trait ratings (and, with a
// dataset, from what was measured), and finds the single answer changes that would change the top pick.
// Pure and cheap: whatWouldChange runs the core scorer a few dozen times per call.
import type { Answers } from './answers';
import { ANSWER_PARAMS, compareKernel, decodeAnswerValue, encodeAnswerValue, LIMITS } from './answers-codec';
import type { Catalogue, Method } from './catalogue-schema';
import type { Dataset } from './dataset-schema';
import { DIRECTIONS, STYLES, TRAIT_IDS, type MethodId, type TraitId } from './ids';
import { formatBytes, formatMBps, formatNs, formatRate, measuredAt, patternFor, type MeasuredPoint } from './measured';

export interface ScoredMethod {
  method: MethodId;
  name: string;
  /** 0–100 integer. */
  score: number;
  reasons: string[];
  /** At the asked size, one per measured pattern of patternFor(answers); [] without a dataset. */
  measured: MeasuredPoint[];
  /** A dataset was chosen but holds no measurement for this method here: its score rests on traits alone. */
  unverified: boolean;
}

export interface Eliminated {
  method: MethodId;
  name: string;
  reasons: string[];
}

export interface Change {
  param: keyof Answers;
  /** The answer's URL value before and after ('' for "no latency budget"), as answers-codec writes it. */
  from: string;
  to: string;
  newTop: MethodId;
  sentence: string;
}

/** The answer in one sentence, as a reviewer would state it. Added to kcomm-report/1 (new fields only). */
export interface Verdict {
  /** "Generic netlink, clearly (12 points ahead of ioctl)." or "A tie between X and Y: …". */
  sentence: string;
  /** 'clear': ahead by more than twice the tie margin; 'likely': ahead by more than it; 'tie'; 'none' (nothing fits). */
  confidence: 'clear' | 'likely' | 'tie' | 'none';
  top: MethodId | null;
  runnerUp: MethodId | null;
  /** Score points between the top pick and the runner-up (null with fewer than two candidates). */
  margin: number | null;
  /** Scores closer than this are a tie. */
  tieMargin: number;
  /** The two or three decisive differences against the runner-up, with their numbers. */
  whyNotRunnerUp: string[];
  /** When a maintainer would not use the top pick (from the catalogue). */
  whenNotToUse: string[];
  /** How measured data was used, or null without a dataset. */
  measurement: null | {
    datasetId: string;
    /** 'native': a real CPU; 'emulated': QEMU TCG time; 'instructions': guest instruction counts, not time. */
    kind: 'native' | 'emulated' | 'instructions';
    /** One sentence on what the numbers can and cannot say for these answers. */
    note: string;
  };
}

export interface Advice {
  verdict: Verdict;
  /** Best first. */
  ranking: ScoredMethod[];
  eliminated: Eliminated[];
  whatWouldChange: Change[];
  basis: 'traits' | 'traits+measurements';
  datasetId: string | null;
}

type TraitWeights = Record<TraitId, number>;

// Why each weighted trait matters for these answers, in words that finish "…, which matters because …".
// Built lazily: the search in whatWouldChange scores many answers and never shows these.
type TraitWhy = Partial<Record<TraitId, () => string>>;

const MB = 1e6;

/**
 * Trait weights from the answers. Benefit traits add weight × rating / 5, cost traits subtract it. The
 * numbers are relative: 3 is "this is what the user asked for", 2 "clearly relevant", ≤ 1 "a tie-breaker".
 */
export function traitWeights(a: Answers): { weights: TraitWeights; why: TraitWhy } {
  const w = Object.fromEntries(TRAIT_IDS.map((t) => [t, 0])) as TraitWeights;
  const why: TraitWhy = {};
  const bytesPerSec = a.size * a.rate;
  const flow = () => `${formatBytes(a.size)} × ${formatRate(a.rate)} ≈ ${formatMBps(bytesPerSec / MB)}`;

  // A payload-free wake-up (size 0) has no message to be small or large.
  if (a.size > 0 && a.size <= 512) {
    w['small-messages'] = a.size <= 64 ? 3 : 2;
    why['small-messages'] = () => `messages are ${formatBytes(a.size)}`;
  } else if (a.size > 512 && a.size < 4096) {
    w['small-messages'] = 0.5;
    w['bulk-data'] = 0.5;
    why['small-messages'] = why['bulk-data'] = () => `messages are ${formatBytes(a.size)}`;
  }
  if (a.size >= 4096) {
    // 4 KiB → 3, then half a point more for every ×4 up to 5 at 1 MiB: the bigger each message, the more
    // a copy per message costs and the more zero-copy designs pay off.
    w['bulk-data'] = Math.min(5, 3 + (0.5 * Math.log(a.size / 4096)) / Math.log(4));
    why['bulk-data'] = () => `messages are ${formatBytes(a.size)}`;
  } else if (bytesPerSec >= 10 * MB) {
    // Many small messages add up to a lot of data, but their cost is per message (high-throughput), so
    // bulk handling matters less than for large messages.
    w['bulk-data'] = 2;
    why['bulk-data'] = () => `the data rate is ${flow()}`;
  }

  if (a.dir === 'k2u') {
    w.k2u = 3;
    why.k2u = () => 'data flows kernel → user';
  } else if (a.dir === 'u2k') {
    w.u2k = 3;
    why.u2k = () => 'data flows user → kernel';
  } else {
    w.bidirectional = 3;
    w.k2u = 1;
    w.u2k = 1;
    why.bidirectional = why.k2u = why.u2k = () => 'data flows both ways';
  }

  // A setting written into the kernel is read back too, and a reported setting is sometimes written.
  if (a.style === 'config' && a.dir !== 'both') {
    const back = a.dir === 'u2k' ? 'k2u' : 'u2k';
    w[back] = 1;
    why[back] = () => 'a setting is also read back';
  }

  if (a.lat === null) {
    w['low-latency'] = 0.5;
    why['low-latency'] = () => 'faster is always a little better';
  } else {
    const lat = a.lat;
    // 10 ms → 1, 1 ms → 2, 100 µs → 3, 10 µs and tighter → 4.
    w['low-latency'] = 1 + 3 * clamp(Math.log10(10_000 / lat) / 3, 0, 1);
    why['low-latency'] = () => `the latency budget is ${formatNs(lat * 1000)}`;
  }

  if (bytesPerSec >= 1 * MB) {
    // 1 MB/s → 2, one more per decade: 100 MB/s → 4, 1 GB/s and up → 5.
    w['high-throughput'] = Math.min(5, 2 + Math.log10(bytesPerSec / MB));
    why['high-throughput'] = () => `the data rate is ${flow()}`;
  } else if (a.style === 'stream') {
    w['high-throughput'] = 2;
    why['high-throughput'] = () => 'the data comes as a stream';
  }

  if (a.style === 'event') {
    w['async-notify'] = 3;
    why['async-notify'] = () => 'the consumer waits for events';
  }

  if (a.listeners > 1) {
    w.multicast = a.listeners >= 10 ? 3.5 : 3;
    why.multicast = () => `there are ${a.listeners} listeners`;
  }

  if (a.style === 'request' || a.style === 'config') {
    w.reliable = 2;
    why.reliable = () => (a.style === 'request' ? 'every request needs its answer' : 'a setting must not be lost');
  } else {
    w.reliable = 0.5;
    why.reliable = () => 'losing messages is rarely welcome';
  }

  if (a.stable) {
    w['stable-abi'] = 2;
    why['stable-abi'] = () => 'it must be a stable production interface';
  }

  if (a.shell) {
    w['shell-usable'] = 3;
    why['shell-usable'] = () => 'it must work from a shell';
  } else if (a.style === 'config') {
    w['shell-usable'] = 0.5;
    why['shell-usable'] = () => 'settings are often changed by hand';
  }

  w['needs-sync'] = a.style === 'stream' ? 1 : 0.5;
  why['needs-sync'] = () =>
    a.style === 'stream' ? 'a stream keeps producer and consumer in step' : 'locking is code to get right';

  // Needing root is always a little worse (least privilege), and a real cost for an unprivileged consumer.
  w['needs-root'] = a.unpriv ? 2 : 0.25;
  why['needs-root'] = () => (a.unpriv ? 'the consumer runs unprivileged' : 'least privilege');

  return { weights: w, why };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

// Points, on the 0–100 scale, for the parts that are not trait ratings.
const DISCOURAGED_PENALTY = 10;
const NO_MODULE_SIDE_PENALTY = 8;
const HEADROOM_BONUS = 6;
const THIN_HEADROOM_PENALTY = 4;
const LATENCY_FIT_BONUS = 6;
const LATENCY_MISS_PENALTY = 20;
const LATENCY_MISS_EXTRA = 10;

interface Context {
  answers: Answers;
  weights: TraitWeights;
  why: TraitWhy;
  traitLabel: Map<TraitId, string>;
  benefitTraits: TraitId[];
  costTraits: TraitId[];
  benefitTotal: number;
  dataset: Dataset | null;
  patterns: ReturnType<typeof patternFor>;
}

function context(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): Context {
  const { weights, why } = traitWeights(answers);
  const polarity = new Map(catalogue.traits.map((t) => [t.id, t.polarity]));
  const traitLabel = new Map(catalogue.traits.map((t) => [t.id, t.label]));
  const isCost = (t: TraitId) => (polarity.get(t) ?? 'benefit') === 'cost';
  const benefitTraits = TRAIT_IDS.filter((t) => !isCost(t) && weights[t] > 0);
  const costTraits = TRAIT_IDS.filter((t) => isCost(t) && weights[t] > 0);
  const benefitTotal = benefitTraits.reduce((s, t) => s + weights[t], 0);
  return {
    answers,
    weights,
    why,
    traitLabel,
    benefitTraits,
    costTraits,
    benefitTotal,
    dataset,
    patterns: patternFor(answers),
  };
}

interface Evaluation {
  method: Method;
  eliminated: boolean;
  /** Unrounded, for ordering. */
  raw: number;
  measured: MeasuredPoint[];
}

const DIR_WORDS = { k2u: 'kernel → user', u2k: 'user → kernel', both: 'both ways' } as const;

/**
 * Scores one method. With `why` arrays it also explains itself; the search in whatWouldChange passes null
 * so that it builds no strings.
 */
function evaluate(m: Method, c: Context, reasons: string[] | null, eliminations: string[] | null): Evaluation {
  const a = c.answers;
  let eliminated = false;
  const out = (list: string[] | null, text: () => string) => {
    if (list) list.push(text());
  };
  const cut = (text: () => string) => {
    eliminated = true;
    out(eliminations, text);
  };

  // Hard constraints: each one alone makes the method unusable for these answers.
  const needed = a.dir === 'both' ? (['k2u', 'u2k'] as const) : ([a.dir] as const);
  const missing = needed.filter((d) => !m.directions.includes(d));
  if (missing.length > 0)
    cut(
      () =>
        `Carries data only ${m.directions.map((d) => DIR_WORDS[d]).join(' and ')}, but you need ${DIR_WORDS[a.dir]}.`,
    );
  if (compareKernel(m.minKernel, a.kernel) > 0)
    cut(() => `Needs kernel ${m.minKernel} or newer; you support kernels back to ${a.kernel}.`);
  if (a.unpriv && m.privileges.rootOnly)
    cut(() => `An unprivileged consumer cannot use it: ${m.privileges.text.replace(/\.?$/, '.')}`);
  if (a.stable && m.abi === 'debug-only')
    cut(() => `A debug-only interface, but you need a stable production one: ${m.abiNote.replace(/\.?$/, '.')}`);
  if (!a.module && m.needsModule) cut(() => 'Needs a custom kernel module, and you cannot ship one.');
  if (a.shell && !m.usableFromShell) cut(() => 'Cannot be used from a shell, which you need.');

  // Measurements at the asked size, for every pattern that stands for the answers and was measured.
  const measured: MeasuredPoint[] = [];
  if (c.dataset)
    for (const p of c.patterns) {
      const point = measuredAt(c.dataset, m.id, p, a.size);
      if (point) measured.push(point);
    }
  const dsId = c.dataset?.id ?? '';
  const where = (p: MeasuredPoint) => `${pointSize(p)}, ${p.pattern}${p.variant ? `, variant ${p.variant}` : ''}`;

  // A method that cannot move the messages at the asked rate does not work, whatever its traits say.
  // (Roundtrips are measured one at a time; a consumer that pipelines may do better, but the dataset
  // cannot show it, so the measured figure stands.)
  let headroom = Infinity;
  for (const p of measured) {
    headroom = Math.min(headroom, p.msgsPerSec / a.rate);
    if (p.msgsPerSec < a.rate)
      cut(
        () =>
          `Measured ${formatRate(p.msgsPerSec)} at ${where(p)} cannot carry the ${formatRate(a.rate)} you need (dataset ${dsId}).`,
      );
  }

  if (eliminated) return { method: m, eliminated, raw: 0, measured };

  // Trait fit: the weighted share of what the answers ask for, minus the weighted burdens.
  let benefit = 0;
  for (const t of c.benefitTraits) benefit += c.weights[t] * (m.ratings[t]?.rating ?? 0);
  let cost = 0;
  for (const t of c.costTraits) cost += c.weights[t] * (m.ratings[t]?.rating ?? 0);
  const fit = c.benefitTotal > 0 ? (100 * (benefit - cost)) / (5 * c.benefitTotal) : 50;
  let raw = fit;
  out(reasons, () => `Trait fit ${Math.round(fit)}/100 for these answers.`);
  if (reasons) explainTraits(m, c, reasons);

  if (a.module && !m.needsModule) {
    // Such a method carries data from BPF programs or the kernel's own code, not from a module. When the
    // user is writing a module, its data would first have to be exposed to those (tracepoints, kfuncs):
    // another layer, which is why a module author rarely picks it even when its traits look as good.
    raw -= NO_MODULE_SIDE_PENALTY;
    out(
      reasons,
      () =>
        `−${NO_MODULE_SIDE_PENALTY}: it works without a kernel module, so your module's data would first have to reach it through another layer (tracepoints or kfuncs).`,
    );
  }

  if (a.stable && m.abi === 'discouraged') {
    raw -= DISCOURAGED_PENALTY;
    out(
      reasons,
      () =>
        `−${DISCOURAGED_PENALTY}: discouraged for new interfaces, and you need a stable one (${m.abiNote.replace(/\.$/, '')}).`,
    );
  }

  if (measured.length > 0) {
    // Headroom over the asked rate, on a log scale: 1000× and more earns the full bonus.
    const worst = measured.reduce((x, y) => (y.msgsPerSec / a.rate < x.msgsPerSec / a.rate ? y : x));
    if (headroom < 2) {
      raw -= THIN_HEADROOM_PENALTY;
      out(
        reasons,
        () =>
          `−${THIN_HEADROOM_PENALTY}: measured ${formatRate(worst.msgsPerSec)} at ${where(worst)} leaves only ${headroom.toFixed(1)}× headroom over ${formatRate(a.rate)} (dataset ${dsId}).`,
      );
    } else {
      const bonus = HEADROOM_BONUS * clamp(Math.log10(headroom) / 3, 0, 1);
      raw += bonus;
      out(
        reasons,
        () =>
          `+${bonus.toFixed(1)}: measured ${formatRate(worst.msgsPerSec)} at ${where(worst)}, ${fmtRatio(headroom)} the ${formatRate(a.rate)} you need (dataset ${dsId}).`,
      );
    }

    if (a.lat !== null) {
      const budgetNs = a.lat * 1000;
      const slowest = measured.reduce((x, y) => (y.latencyNs.p99 > x.latencyNs.p99 ? y : x));
      const p99 = slowest.latencyNs.p99;
      if (p99 > budgetNs) {
        // A missed budget is a heavy penalty, not an elimination: a p99 is the tail of one host (often an
        // emulated VM, many times slower than the user's hardware), while a budget is usually a target
        // rather than a hard deadline. The method stays visible, ranked low, with the numbers that hurt it.
        // A missed rate, in contrast, is a capacity limit and eliminates above.
        const penalty = LATENCY_MISS_PENALTY + LATENCY_MISS_EXTRA * clamp(Math.log10(p99 / budgetNs), 0, 1);
        raw -= penalty;
        out(
          reasons,
          () =>
            `−${penalty.toFixed(1)}: measured p99 of ${formatNs(p99)} at ${where(slowest)} exceeds the ${formatNs(budgetNs)} budget (dataset ${dsId}).`,
        );
      } else {
        const ratio = p99 > 0 ? budgetNs / p99 : 100;
        const bonus = LATENCY_FIT_BONUS * clamp(Math.log10(ratio) / 2, 0, 1);
        raw += bonus;
        out(
          reasons,
          () =>
            `+${bonus.toFixed(1)}: measured p99 of ${formatNs(p99)} at ${where(slowest)} fits the ${formatNs(budgetNs)} budget (dataset ${dsId}).`,
        );
      }
    }
    if (measured.some((p) => p.extrapolated))
      out(
        reasons,
        () =>
          `Some measurements were taken at other sizes than ${formatBytes(a.size)} (nearest measured values used), so read them with care.`,
      );
  } else if (c.dataset) {
    out(reasons, () => `Not measured in dataset ${dsId} for ${c.patterns.join(' or ')}; scored from traits alone.`);
  }

  return { method: m, eliminated, raw, measured };
}

function fmtRatio(x: number): string {
  if (!Number.isFinite(x)) return 'far above';
  return x >= 100 ? `${Math.round(x).toLocaleString('en-US')}×` : `${x.toFixed(1)}×`;
}

function pointSize(p: MeasuredPoint): string {
  const s = formatBytes(p.sizeBytes);
  if (p.exact) return s;
  if (p.lowerSize !== null && p.upperSize !== null)
    return `${s} (interpolated between ${formatBytes(p.lowerSize)} and ${formatBytes(p.upperSize)})`;
  const nearest = p.lowerSize ?? p.upperSize ?? 0;
  return `${s} (not measured; nearest measured size ${formatBytes(nearest)})`;
}

function explainTraits(m: Method, c: Context, reasons: string[]): void {
  // Lower-case only the first letter, and not in acronyms: "Stable ABI" reads "stable ABI".
  const label = (t: TraitId) => (c.traitLabel.get(t) ?? t).replace(/^([A-Z])(?![A-Z])/, (x) => x.toLowerCase());
  const rating = (t: TraitId) => m.ratings[t]?.rating ?? 0;
  // Strengths: what earned the most points; weaknesses: where the most points were missed.
  const strengths = c.benefitTraits
    .filter((t) => c.weights[t] >= 1 && rating(t) >= 4)
    .sort((x, y) => c.weights[y] * rating(y) - c.weights[x] * rating(x))
    .slice(0, 3);
  for (const t of strengths)
    reasons.push(`Rated ${rating(t)}/5 for ${label(t)}, which counts here because ${c.why[t]?.() ?? ''}.`);
  const weaknesses = c.benefitTraits
    .filter((t) => c.weights[t] >= 1 && rating(t) <= 2)
    .sort((x, y) => c.weights[y] * (5 - rating(y)) - c.weights[x] * (5 - rating(x)))
    .slice(0, 2);
  for (const t of weaknesses)
    reasons.push(`Only ${rating(t)}/5 for ${label(t)}, though ${c.why[t]?.() ?? ''}: ${m.ratings[t]?.why ?? ''}`);
  for (const t of c.costTraits) {
    const penalty = (100 * c.weights[t] * rating(t)) / (5 * c.benefitTotal);
    if (penalty >= 3)
      reasons.push(
        `Costs ${penalty.toFixed(0)} points for ${label(t)} (${rating(t)}/5 burden), because ${c.why[t]?.() ?? ''}.`,
      );
  }
}

function evaluateAll(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): Evaluation[] {
  const c = context(answers, catalogue, dataset);
  return catalogue.methods.map((m) => evaluate(m, c, null, null));
}

function byRank(x: Evaluation, y: Evaluation): number {
  return y.raw - x.raw || (x.method.id < y.method.id ? -1 : x.method.id > y.method.id ? 1 : 0);
}

/** The top pick alone (null when everything is eliminated): what whatWouldChange needs, without a single string. */
export function topPick(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): MethodId | null {
  let best: Evaluation | null = null;
  for (const e of evaluateAll(answers, catalogue, dataset)) {
    if (e.eliminated) continue;
    if (!best || byRank(e, best) < 0) best = e;
  }
  return best ? best.method.id : null;
}

export function advise(answers: Answers, catalogue: Catalogue, dataset: Dataset | null): Advice {
  const c = context(answers, catalogue, dataset);
  const ranked: { e: Evaluation; reasons: string[] }[] = [];
  const eliminated: Eliminated[] = [];
  let anyMeasured = false;
  for (const m of catalogue.methods) {
    const reasons: string[] = [];
    const cuts: string[] = [];
    const e = evaluate(m, c, reasons, cuts);
    if (e.measured.length > 0) anyMeasured = true;
    if (e.eliminated) eliminated.push({ method: m.id, name: m.name, reasons: cuts });
    else ranked.push({ e, reasons });
  }
  ranked.sort((x, y) => byRank(x.e, y.e));
  eliminated.sort((x, y) => (x.method < y.method ? -1 : 1));
  const ranking: ScoredMethod[] = ranked.map(({ e, reasons }) => ({
    method: e.method.id,
    name: e.method.name,
    score: Math.round(clamp(e.raw, 0, 100)),
    reasons,
    measured: e.measured,
    unverified: dataset !== null && e.measured.length === 0,
  }));
  const top = ranking[0]?.method ?? null;
  const second = ranking[1] ?? null;
  const margin = ranking[0] && second ? ranking[0].score - second.score : null;
  const verdict: Verdict = {
    sentence: ranking[0] ? `${ranking[0].name}.` : 'Nothing fits these answers.',
    confidence: ranking[0] ? 'likely' : 'none',
    top,
    runnerUp: second?.method ?? null,
    margin,
    tieMargin: 3,
    whyNotRunnerUp: [],
    whenNotToUse: [],
    measurement: null,
  };
  return {
    verdict,
    ranking,
    eliminated,
    whatWouldChange: whatWouldChange(answers, catalogue, dataset, top),
    basis: dataset && anyMeasured ? 'traits+measurements' : 'traits',
    datasetId: dataset?.id ?? null,
  };
}

/** The answers with one change applied. */
export function applyChange(answers: Answers, change: Pick<Change, 'param' | 'to'>): Answers {
  const parsed = decodeAnswerValue(change.param, change.to);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...answers, [change.param]: parsed.value };
}

// Long-term-support kernels a project is likely to pin.
const LTS_KERNELS = ['4.19', '5.4', '5.10', '5.15', '6.1', '6.6', '6.12'];

interface Candidate<K extends keyof Answers = keyof Answers> {
  param: K;
  value: Answers[K];
  /** How big a change this is, in steps; smaller changes are listed first. */
  steps: number;
}

function candidates(a: Answers): Candidate[] {
  const out: Candidate[] = [];
  const add = <K extends keyof Answers>(param: K, value: Answers[K], steps: number) => {
    if (value !== a[param]) out.push({ param, value, steps } as Candidate);
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
  add('listeners', a.listeners === 1 ? 2 : 1, 1);
  for (const b of ['stable', 'module', 'unpriv', 'shell'] as const) add(b, !a[b], 1);
  const kernels = [...new Set([...LTS_KERNELS, a.kernel])].sort(compareKernel);
  const here = kernels.indexOf(a.kernel);
  kernels.forEach((k, i) => add('kernel', k, Math.abs(i - here)));
  return out;
}

// Ties between equally small changes follow the permalink's parameter order.
const PARAM_ORDER: readonly (keyof Answers)[] = ANSWER_PARAMS;

function whatWouldChange(
  answers: Answers,
  catalogue: Catalogue,
  dataset: Dataset | null,
  top: MethodId | null,
): Change[] {
  const names = new Map(catalogue.methods.map((m) => [m.id, m.name]));
  const found = new Map<keyof Answers, { change: Change; steps: number }>();
  // Smallest steps first, so the first change found for a parameter is its smallest one.
  const list = candidates(answers).sort((x, y) => x.steps - y.steps);
  for (const cand of list) {
    if (found.has(cand.param)) continue;
    const changed = { ...answers, [cand.param]: cand.value } as Answers;
    const newTop = topPick(changed, catalogue, dataset);
    if (newTop === null || newTop === top) continue;
    const from = encodeAnswerValue(cand.param, answers[cand.param]);
    const to = encodeAnswerValue(cand.param, cand.value);
    const what = describeChange(cand.param, answers, changed);
    const outcome = top
      ? `${names.get(newTop) ?? newTop} would come first instead of ${names.get(top) ?? top}.`
      : `${names.get(newTop) ?? newTop} would become possible (nothing fits the current answers).`;
    found.set(cand.param, {
      change: { param: cand.param, from, to, newTop, sentence: `${what}, ${outcome}` },
      steps: cand.steps,
    });
  }
  return [...found.values()]
    .sort((x, y) => x.steps - y.steps || PARAM_ORDER.indexOf(x.change.param) - PARAM_ORDER.indexOf(y.change.param))
    .map((f) => f.change);
}

const STYLE_WORDS = {
  request: 'requests with answers',
  stream: 'a stream',
  event: 'events',
  config: 'configuration',
} as const;

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
      return b.module ? 'If you could ship a kernel module' : 'If you could not ship a kernel module';
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
      return b.scope === 'system' ? 'If the setting were system-wide' : 'If the setting were per device';
    case 'loss':
      return b.loss ? 'If messages could be dropped under overload' : 'If no message could ever be dropped';
  }
}
