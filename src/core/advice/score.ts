// Scores a method that survived eliminate(): a trait fit plus typed contributions, each of which
// explain.ts can turn into a sentence. No strings are built here unless a contribution is explained.
//
// The trait fit counts each rating against the catalogue's mean rating for that trait, times the trait's
// weight: a trait every method shares moves nobody, and the fit is not divided by the sum of the weights,
// so a need the user stated (a weight that grows without a ceiling) is not diluted by the many traits
// that matter a little. A method's score does not depend on which other methods were eliminated.
import { overloadOf, type Method } from '../catalogue-schema';
import { formatNs, formatRate, formatShare, roughRatio } from '../format';
import { TRAIT_IDS, type TraitId } from '../ids';
import type { MeasuredPoint } from '../measured';
import { methodFacts, type Context } from './context';
import {
  EXISTING_WORDS,
  growsApplies,
  kernelAsks as kernelAsksOf,
  kernelSpeaks,
  TOPIC_WORDS,
  topicApplies,
  workerApplies,
} from '../answer-words';
import { LIMIT_SLACK } from './eliminate';
import { frameworkRule } from './framework';
import type { Comparison, MethodMeasurement } from './measurements';
import { clamp } from './weights';
import { hostWords, patternWords, where } from './words';

export type Contribution =
  | { kind: 'trait'; trait: TraitId; weight: number; rating: number; points: number }
  | { kind: 'cost'; trait: TraitId; weight: number; rating: number; points: number }
  | { kind: 'rule'; rule: RuleId; points: number; text: () => string }
  /** Informs without moving the score (what already exists when no module may be shipped). */
  | { kind: 'note'; note: NoteId; text: () => string };

export type NoteId = 'existing';

export type RuleId =
  | 'discouraged'
  | 'via-layer'
  | 'near-rate-ceiling'
  | 'near-latency-floor'
  | 'pull-for-events'
  | 'commands-through-values'
  | 'settings-through-messages'
  | 'upcall-with-daemon'
  | 'nobody-reads'
  | 'drops'
  | 'scope'
  | 'load-time'
  | 'debug-fit'
  | 'existing-home'
  | 'abi-for-debug'
  | 'settings-only'
  | 'state-home'
  | 'control-plane'
  | 'kernel-asks'
  | 'request-reply'
  | 'extensible'
  /** Who does the kernel's work for what user space sends (worker=): a kernel thread, or the caller's call. */
  | 'worker'
  | 'measured-budget'
  | 'measured-comparison'
  /** An interface of this kind already carries the data and user space relies on it (keep=<id>). */
  | 'keep'
  /** framework.ts: one id for its three cases, so that the verdict weighs their net difference. */
  | 'framework';

export interface Scored {
  method: Method;
  /** Unrounded, for ordering. */
  raw: number;
  fit: number;
  contributions: Contribution[];
}

export const POINTS = {
  discouraged: 15,
  /** As much as a framework's own interface: what user space already uses (framework.ts FRAMEWORK_POINTS). */
  keep: 20,
  viaLayer: 20,
  debugFit: 8,
  existingHome: 8,
  scopeFit: 5,
  stateHome: 5,
  settingsOnly: 15,
  controlPlane: 10,
  kernelAsksParked: 8,
  kernelAsksNone: 15,
  nearLimit: 10,
  /** Up to a third of a method's rate ceiling (see BUSY_FROM); nearLimit takes over from there. */
  busyShare: 6,
  pullForEvents: 10,
  commandsThroughValues: 10,
  oneCall: 6,
  extensible: 8,
  paired: 3,
  worker: 8,
  upcallWithDaemon: 8,
  nobodyReads: 12,
  dropsReported: 6,
  dropsOverwrite: 10,
  scope: 15,
  loadTime: 10,
  budgetMiss: 20,
  budgetMissExtra: 10,
} as const;

/** A score as shown: the unrounded one rounded and held to 0–100. */
export function displayScore(raw: number): number {
  return Math.round(clamp(raw, 0, 100));
}

/** The share of a method's rate ceiling from which its per-message cost counts (1%). */
export const BUSY_FROM = 0.01;

/** Score points per unit of weight for a rating one point above the catalogue's mean on that trait. */
export const POINTS_PER_WEIGHTED_RATING = 0.8;
export const BASELINE = 50;

/**
 * The value of a rating for a trait of this weight. Up to weight 2 it is the rating itself; from there the
 * curve bends until, at weight 5 (a need stated outright: 1 MiB frames, a 1 µs budget, 1 GB/s), it is
 * quadratic, so that being the best at what the user asked for is worth more than being good at it:
 * 5 against 4 is then 1.8 points, not 1.
 */
export function ratingValue(rating: number, weight: number): number {
  const p = 1 + clamp((weight - 2) / 3, 0, 1);
  return p === 1 ? rating : 5 * (rating / 5) ** p;
}

/** The mean of the values of a trait's ratings over the catalogue (counts[r] methods rated r). */
function meanValue(counts: number[] | undefined, values: readonly number[]): number {
  if (!counts) return 0;
  let sum = 0;
  let n = 0;
  for (let r = 0; r <= 5; r++) {
    sum += (counts[r] ?? 0) * values[r]!;
    n += counts[r] ?? 0;
  }
  return n > 0 ? sum / n : 0;
}

/** A weighted trait of one context: its index in TRAIT_IDS and the points each rating 0–5 earns on it. */
interface TraitRow {
  trait: TraitId;
  index: number;
  points: number[];
}

/**
 * The points each rating earns on each weighted trait (benefit, then cost), for one set of answers: the same
 * for every method, so it is worked out once per context (the what-would-change search scores ~40 contexts)
 * and kept in the context itself (a WeakMap keyed by short-lived contexts costs microseconds per entry).
 */
export interface PointsTable {
  benefit: TraitRow[];
  cost: TraitRow[];
}
const RATINGS = [0, 1, 2, 3, 4, 5];

function pointsTable(c: Context): PointsTable {
  return (c.points ??= makePointsTable(c));
}

function makePointsTable(c: Context): PointsTable {
  const benefit = c.benefitTraits.map((t) => ({
    trait: t,
    index: TRAIT_IDS.indexOf(t),
    points: benefitRow(c.ratingCounts.get(t), c.weights[t]),
  }));
  const cost = c.costTraits.map((t) => {
    const w = c.weights[t];
    const mean = c.meanRating.get(t) ?? 0;
    return {
      trait: t,
      index: TRAIT_IDS.indexOf(t),
      points: cachedRow(costRows, c.ratingCounts.get(t), w, () =>
        RATINGS.map((r) => -POINTS_PER_WEIGHTED_RATING * w * (r - mean)),
      ),
    };
  });
  return { benefit, cost };
}

// A trait's row depends only on the catalogue's ratings for it and on its weight, and the contexts of one
// what-would-change search share most weights: rows are kept per counts array (the catalogue's, one per
// trait, see context.ts) and weight, a bounded number of them (a benefit row costs a dozen powers).
const benefitRows = new WeakMap<number[], Map<number, number[]>>();
const costRows = new WeakMap<number[], Map<number, number[]>>();
const MAX_ROWS_PER_TRAIT = 256;

function cachedRow(
  cache: WeakMap<number[], Map<number, number[]>>,
  counts: number[] | undefined,
  w: number,
  make: () => number[],
): number[] {
  let rows = counts && cache.get(counts);
  if (counts && !rows) cache.set(counts, (rows = new Map()));
  let row = rows?.get(w);
  if (row) return row;
  row = make();
  if (rows && rows.size >= MAX_ROWS_PER_TRAIT) rows.clear();
  rows?.set(w, row);
  return row;
}

function benefitRow(counts: number[] | undefined, w: number): number[] {
  return cachedRow(benefitRows, counts, w, () => {
    const values = RATINGS.map((r) => ratingValue(r, w));
    const mean = meanValue(counts, values);
    return values.map((v) => POINTS_PER_WEIGHTED_RATING * w * (v - mean));
  });
}

// Indexed loops: the search runs these for every method in ~40 contexts; for…of with destructuring took
// about 6% more instructions per advise() (cachegrind, synthetic dataset).
function traitFit(ratings: readonly number[], c: Context, traits: Contribution[] | null): number {
  let fit = BASELINE;
  const rows = pointsTable(c).benefit;
  for (let i = 0; i < rows.length; i++) {
    const { trait, index, points: row } = rows[i]!;
    const rating = ratings[index]!;
    const points = row[rating]!;
    fit += points;
    traits?.push({ kind: 'trait', trait, weight: c.weights[trait], rating, points });
  }
  return fit;
}

const scopeWords = (s: string) =>
  s === 'system'
    ? 'system-wide settings'
    : s === 'object'
      ? 'settings of objects user space creates and removes'
      : 'per-device settings';

const sentence = (s: string) => s.replace(/\.?$/, '.');

/**
 * With explain=false (the what-would-change search) no contribution is recorded: only the score.
 */
export function score(
  m: Method,
  c: Context,
  measurement: MethodMeasurement,
  comparison: Comparison | undefined,
  explain = true,
): Scored {
  const a = c.a;
  const contributions: Contribution[] = [];
  const { limits: L, ratings } = methodFacts(m);
  const fit = traitFit(ratings, c, explain ? contributions : null);
  let raw = fit;
  const rule = (id: RuleId, points: number, text: () => string) => {
    if (points === 0) return;
    raw += points;
    if (explain) contributions.push({ kind: 'rule', rule: id, points, text });
  };

  const costs = pointsTable(c).cost;
  for (let i = 0; i < costs.length; i++) {
    const { trait: t, index, points: row } = costs[i]!;
    const rating = ratings[index]!;
    const points = row[rating]!;
    raw += points;
    if (explain) contributions.push({ kind: 'cost', trait: t, weight: c.weights[t], rating, points });
  }

  // The ABI status concerns a new interface a module adds: what already exists stays as it is, and an
  // interface user space already relies on must keep working (the no-regressions rule).
  const kept = a.keep === m.id;
  if (kept)
    rule(
      'keep',
      POINTS.keep,
      () =>
        `User space already relies on ${EXISTING_WORDS[m.id]} for this: it stays, because a change that breaks the tools using it is a regression (Documentation/admin-guide/reporting-regressions.rst); new data may go beside it.`,
    );
  if (a.stable && a.module && m.abi === 'discouraged' && !kept)
    rule(
      'discouraged',
      -POINTS.discouraged,
      () => `Discouraged for new interfaces, and you need a stable one: ${sentence(m.abiNote)}`,
    );

  if (!a.module && m.needsModule && m.existing)
    if (explain)
      contributions.push({
        kind: 'note',
        note: 'existing',
        text: () => `Without a module of your own: ${sentence(m.existing!)}`,
      });

  // Without a module, the kernel's own home for the data is where it is complete and where tools look.
  const D = m.existingData;
  if (a.topic !== null && topicApplies(a) && D?.value[a.topic] === 'home')
    rule(
      'existing-home',
      POINTS.existingHome,
      () => `It is where the kernel already puts data about ${TOPIC_WORDS[a.topic!]} (${D.source}).`,
    );
  if (!a.module && a.stable && m.abi === 'debug-only' && m.existingAbi && explain)
    contributions.push({
      kind: 'note',
      note: 'existing',
      text: () =>
        `The existing ones are not a stable ABI, but each publishes its layout, so a tool that reads it adapts when fields change (${m.existingAbi!.source}).`,
    });

  // When the user says it is not a product interface, the kernel's own debug interfaces are where
  // reviewers send debug data: no ABI to keep, and no new device or family to review.
  if (!a.stable && m.abi === 'debug-only')
    rule(
      'debug-fit',
      POINTS.debugFit,
      () => `Made for exactly this: debug data with no ABI promise (${sentence(m.abiNote)})`,
    );

  // The mirror image of 'discouraged': a new interface of the module's own (a device, a family, a file
  // outside debugfs) becomes user ABI once tools use it, a promise debug data does not need. Settings are
  // left out: a debug knob as a module parameter is common in-tree practice (module_param(debug, ...)).
  if (!a.stable && a.style !== 'config' && a.module && m.needsModule && m.abi !== 'debug-only' && !kept)
    rule(
      'abi-for-debug',
      -POINTS.discouraged,
      () =>
        'It would be a new user ABI, kept once tools rely on it (Documentation/ABI/README), for data you said is not a product interface; debugfs and tracepoints carry debug data without that promise (Documentation/filesystems/debugfs.rst).',
    );

  // The layer a module needs to reach it (the BPF ring buffer: a tracepoint and a loaded BPF program). For
  // data that is not a product interface, that tracepoint is the kernel's own channel for it anyway
  // (Documentation/trace/events.rst): what remains is the program and its privileged loader, half the cost.
  if (a.module && !m.needsModule)
    rule('via-layer', -POINTS.viaLayer * (a.stable ? 1 : 0.5), () =>
      L.viaLayer
        ? `Your module cannot write to it directly: ${sentence(L.viaLayer)}${a.stable ? '' : " For data that is not a product interface that tracepoint is the kernel's own debug channel anyway, so only the program and its loader are extra."}`
        : 'It serves data the kernel already has; your module would first have to expose its data through another layer.',
    );

  // Headroom: from 1% of what a method carries on real hardware its per-message cost starts to show
  // (busyShare points by a third of its ceiling, continuous), then nearLimit more up to the elimination at
  // LIMIT_SLACK times the ceiling. A pull file read for kernel → user data is left out of the first part:
  // its ceiling counts reads, and one read may return many records.
  const ceiling = L.rateCeiling.value;
  const share = a.rate / ceiling;
  const perMessage = !(L.delivery.value === 'pull' && a.dir === 'k2u');
  const busy = perMessage
    ? POINTS.busyShare * clamp(Math.log10(share / BUSY_FROM) / Math.log10(1 / (LIMIT_SLACK * BUSY_FROM)), 0, 1)
    : 0;
  const near = POINTS.nearLimit * clamp(Math.log10(share * LIMIT_SLACK) / Math.log10(LIMIT_SLACK ** 2), 0, 1);
  if (busy + near > 0)
    rule('near-rate-ceiling', -(busy + near), () =>
      near > 0
        ? `${formatRate(a.rate)} is close to what it carries on real hardware, around ${formatRate(ceiling)} (${L.rateCeiling.source}).`
        : `${formatRate(a.rate)} already takes ${formatShare(share)} of what it carries on real hardware, around ${formatRate(ceiling)} (${L.rateCeiling.source}): less headroom than a method without that per-message cost.`,
    );
  const floor = L.latencyFloorNs.value;
  if (a.lat !== null && a.lat * 1000 < floor * LIMIT_SLACK) {
    const budget = a.lat * 1000;
    rule(
      'near-latency-floor',
      -POINTS.nearLimit * clamp(Math.log10((floor * LIMIT_SLACK) / budget) / Math.log10(LIMIT_SLACK ** 2), 0, 1),
      () =>
        `A ${formatNs(budget)} budget is close to its floor of around ${formatNs(floor)} on real hardware (${L.latencyFloorNs.source}).`,
    );
  }
  const delivery = L.delivery.value;
  const rr = L.requestReply.value;
  // A request the kernel starts: the daemon must be able to wait for the question and answer it.
  const kernelAsks = kernelAsksOf(a);
  const ka = L.kernelAsks;
  if (kernelAsks && ka && ka.value !== 'native' && ka.value !== 'runs-program')
    rule('kernel-asks', ka.value === 'none' ? -POINTS.kernelAsksNone : -POINTS.kernelAsksParked, () =>
      ka.value === 'parked'
        ? `The kernel asks here, and nothing in it carries a question to a waiting daemon: that protocol is built by hand on top (${ka.source}).`
        : ka.value === 'answer-through-file'
          ? `The kernel asks here: the question goes out through it, but the answer must come back through a file of the module's, paired with the question by hand (${ka.source}).`
          : `The kernel asks here, and it cannot carry a question from the kernel and its answer back (${ka.source}).`,
    );
  // One call carries a request user space makes; it cannot carry one the kernel makes.
  if (a.style === 'request' && a.dir !== 'k2u' && rr !== 'none' && !(kernelAsks && rr === 'one-call'))
    rule('request-reply', rr === 'one-call' ? POINTS.oneCall : POINTS.paired, () =>
      rr === 'one-call'
        ? `One system call carries the request and returns its answer (${L.requestReply.source}).`
        : `Each answer is matched to its request by a sequence number (${L.requestReply.source}).`,
    );
  // A command set that will grow: typed attributes add fields and commands without breaking old tools,
  // where a fixed structure needs a new command number or a version of its own for each change.
  if (a.grows === true && growsApplies(a) && L.extensible)
    rule(
      'extensible',
      POINTS.extensible,
      () => `Commands and fields grow as typed attributes, without breaking old tools (${L.extensible!.source}).`,
    );
  // Who does the kernel's work for what user space sends. A kernel thread that sleeps on the file is woken
  // with no code of the module's in the sender's path, and another kernel component can signal the same
  // file (vhost's kick, which KVM raises from a guest write); work done in the caller's own call (ringing a
  // doorbell, returning its error) needs a handler that runs there, which a counter or a store into shared
  // memory does not have.
  const recv = L.kernelReceives;
  if (a.worker !== null && recv && workerApplies(a)) {
    if (a.worker && recv.value === 'wakes-waiter')
      rule(
        'worker',
        POINTS.worker,
        () =>
          `Made for a kernel thread that waits: what user space sends wakes it directly, and other kernel code can signal the same file (${recv.source}).`,
      );
    else if (!a.worker && recv.value !== 'in-call')
      rule('worker', -POINTS.worker, () =>
        recv.value === 'wakes-waiter'
          ? `Sending only wakes whoever waits on it: no code of the module runs in the caller's call to do the work and return its error (${recv.source}).`
          : `A store into shared memory runs no kernel code: nothing acts in the caller's call, and a kernel thread would have to poll for it (${recv.source}).`,
      );
  }
  const fromKernel = kernelSpeaks(a);
  // When a state change may be dropped (only the latest state matters), a value file that poll() reports
  // as changed is the kernel's own pattern for state (sysfs_notify() on a device attribute).
  const overload = overloadOf(L, fromKernel);
  const latestState =
    a.style === 'event' && a.loss === true && (overload.value === 'coalesces' || overload.value === 'overwrites');
  // A method the framework also uses beside its own delivery (DRM's wait-for-vblank ioctl, the RTC's
  // wakealarm attribute) asks for or sets up the events the framework's file then delivers.
  const companion = c.framework?.also.has(m.id) === true && c.framework.primary !== null;
  if (fromKernel && delivery === 'pull' && !latestState && !companion)
    rule('pull-for-events', -POINTS.pullForEvents * (a.style === 'event' ? 1 : 0.6) * (a.shell ? 0.5 : 1), () =>
      L.carries?.value === 'values'
        ? `User space has to ask for each update (read the file again); poll() can only say that something changed (${L.delivery.source}).`
        : `User space has to ask for each update (make the call again); nothing of its own tells it when (${L.delivery.source}).`,
    );
  // The mirror image: user space sending events, requests or a stream through a file that holds a value.
  const userSpeaks = a.dir !== 'k2u' && a.style !== 'config';
  if (userSpeaks && L.carries?.value === 'values')
    rule(
      'commands-through-values',
      -POINTS.commandsThroughValues * (a.shell ? 0.5 : 1),
      () =>
        `Each write sets a value rather than sending a message: nothing queues, orders or answers successive writes (${L.carries!.source}).`,
    );
  // With no process running, an event waits where it was put (a file, a trace buffer) until someone
  // looks; only a method that starts a program acts on it when it happens.
  // And the other mirror: a setting sent as a message into a channel that neither holds it nor answers
  // a question. Reading returns the channel's data, so nothing tells a tool what the value is now.
  if (a.style === 'config' && a.dir !== 'k2u' && L.carries?.value === 'messages' && rr === 'none')
    rule(
      'settings-through-messages',
      -POINTS.commandsThroughValues,
      () =>
        `A setting written into it is a message, not a value it holds: reading returns its data, not the current setting, and no reply carries one back (${L.requestReply.source}).`,
    );
  if (fromKernel && a.daemon === false && a.style === 'event' && delivery !== 'upcall' && !L.startsProgram?.value)
    rule('nobody-reads', -POINTS.nobodyReads, () =>
      delivery === 'pull'
        ? 'No process is running to read the file when the event happens.'
        : 'No process is running to act on the event when it happens: it waits in a buffer until someone reads it.',
    );
  if (a.daemon === true && delivery === 'upcall')
    rule(
      'upcall-with-daemon',
      -POINTS.upcallWithDaemon,
      () => `It starts a new process for every message, although yours is already running (${L.delivery.source}).`,
    );
  if (a.loss === false) {
    const o = overload.value;
    const p =
      o === 'drops-reported'
        ? POINTS.dropsReported
        : o === 'overwrites' || (o === 'coalesces' && a.size > 0)
          ? POINTS.dropsOverwrite
          : 0;
    rule('drops', -p, () => {
      const what =
        o === 'drops-reported'
          ? 'drops messages when the consumer falls behind (the consumer learns of it and must resynchronise)'
          : o === 'overwrites'
            ? 'overwrites the oldest data when the consumer falls behind'
            : 'merges pending events into one';
      return `It ${what} (${overload.source}), and no message may be lost.`;
    });
  }
  // The mirror of 'settings-through-messages': user space asks for the kernel's current state. A file
  // that holds the current value answers any reader whenever it reads, with nothing to parse but the
  // value and no protocol to pair a question with its answer; the kernel's home for such state is where
  // its values live (a device's attributes), unless the interface is made for settings. A block larger
  // than one value (a 16 KiB register dump where an attribute holds a page) is not such a value.
  const oneValue = L.maxPayloadBytes.value === null || a.size <= L.maxPayloadBytes.value;
  if (
    a.dir === 'k2u' &&
    a.style === 'request' &&
    oneValue &&
    L.carries?.value === 'values' &&
    L.purpose?.value !== 'settings'
  )
    rule(
      'state-home',
      POINTS.stateHome,
      () => `It holds the current value, which any reader reads whenever it wants (${L.carries!.source}).`,
    );
  // Settings interfaces hold values that configure the kernel; a driver's data (its status, readings,
  // messages) belongs elsewhere, whichever way it flows.
  if (a.style !== 'config' && L.purpose?.value === 'settings')
    rule(
      'settings-only',
      -POINTS.settingsOnly,
      () => `It holds settings, not the data a driver reports or exchanges (${L.purpose!.source}).`,
    );
  // A control-plane protocol's strengths are typed, extensible commands and notifications to many
  // listeners; a data stream or a bare wake-up to one party pays its per-message cost for neither.
  if (L.plane?.value === 'control' && a.listeners <= 1 && (a.style === 'stream' || a.size === 0))
    rule(
      'control-plane',
      -POINTS.controlPlane,
      () =>
        `A control-plane protocol (${L.plane!.source}): its typed attributes and multicast buy nothing for ${a.size === 0 ? 'a wake-up without payload' : 'a data stream'} to one party, which pays a socket buffer per message.`,
    );
  // configfs manages objects that user space creates with mkdir; with none to create it is the wrong home.
  if (L.settingScope.value === 'object' && a.style === 'config' && a.scope !== 'object')
    rule(
      'scope',
      -POINTS.scope,
      () =>
        `It manages objects that user space creates with mkdir and then configures (${L.settingScope.source}), ${a.scope === null ? 'and you have not said that yours are such objects' : `but yours are ${scopeWords(a.scope)}`}.`,
    );
  if (a.style === 'config' && a.scope !== null) {
    const s = L.settingScope.value;
    // One global value cannot hold the settings of many objects (or devices), and a device's attributes
    // cannot hold a system-wide one; an object user space creates needs an interface that creates it.
    const wrong =
      ((a.scope === 'device' || a.scope === 'object') && s === 'system') || (a.scope === 'system' && s === 'device');
    // The homes for settings are files that hold values (sysfs attributes, sysctl, configfs items,
    // module parameters); a device node can carry a setting in a message but is not where it lives.
    // 'either' (sysfs) is made for per-device attributes and can also hold a global one, whose home is
    // sysctl. An interface discouraged for new files (a /proc file outside /proc/sys) is nobody's home.
    const home = (L.carries?.value ?? 'messages') === 'values' && m.abi !== 'discouraged';
    if (home && (s === a.scope || (s === 'either' && a.scope === 'device')))
      rule(
        'scope',
        POINTS.scopeFit,
        () => `It is the kernel's home for ${scopeWords(a.scope!)} (${L.settingScope.source}).`,
      );
    if (wrong)
      rule(
        'scope',
        -POINTS.scope,
        () => `It holds ${scopeWords(s)} (${L.settingScope.source}), but yours are ${scopeWords(a.scope!)}.`,
      );
  }
  // A value that sizes or selects what probe sets up must exist before the module initialises.
  if (a.style === 'config' && a.atload === true && L.loadTime?.value)
    rule(
      'load-time',
      POINTS.loadTime,
      () =>
        `It takes the value before the module initialises, from modprobe.d or the kernel command line (${L.loadTime!.source}).`,
    );
  if (a.style === 'config' && a.atload === true && !L.loadTime?.value && m.needsModule)
    rule(
      'load-time',
      -POINTS.loadTime,
      () =>
        'It exists only once the module has initialised: a value that sizes or selects what probe sets up could apply only after a re-initialisation (unbind and bind, or a reload).',
    );

  if (c.framework) {
    const f = frameworkRule(m, c.framework, a);
    if (f) rule('framework', f.points, f.text);
  }

  if (c.kind === 'native' && a.lat !== null && c.dataset) {
    const budgetNs = a.lat * 1000;
    const slowest = measurement.points.reduce<MeasuredPoint | null>(
      (x, y) => (x && x.latencyNs.p99 >= y.latencyNs.p99 ? x : y),
      null,
    );
    if (slowest && slowest.latencyNs.p99 > budgetNs) {
      const p99 = slowest.latencyNs.p99;
      const ds = c.dataset;
      rule(
        'measured-budget',
        -(POINTS.budgetMiss + POINTS.budgetMissExtra * clamp(Math.log10(p99 / budgetNs), 0, 1)),
        () =>
          `Measured p99 of ${formatNs(p99)} at ${where(slowest)} misses the ${formatNs(budgetNs)} budget (dataset ${ds.id}, ${hostWords(ds)}).`,
      );
    }
  }

  if (comparison && comparison.points !== 0) {
    const ds = c.dataset;
    rule('measured-comparison', comparison.points, () => {
      if (comparison.unverified)
        return `Not measured in dataset ${ds?.id ?? ''}: unverified, scored like the median of the measured methods.`;
      const worst = comparison.ratios.reduce((x, y) => (y.ratio > x.ratio ? y : x));
      const bestName = c.catalogue.methods.find((x) => x.id === worst.best)?.name ?? worst.best;
      const point = measurement.points.find((p) => p.pattern === worst.pattern);
      return `Measured ${roughRatio(worst.ratio)} the per-message cost of ${bestName}, the cheapest candidate, for ${patternWords(worst.pattern)}${point ? ` at ${where(point)}` : ''} (dataset ${ds?.id ?? ''}, ${ds ? hostWords(ds) : ''}).`;
    });
  }

  return { method: m, raw, fit, contributions };
}
