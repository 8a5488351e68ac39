// Hard limits: each one alone makes a method unusable for the answers, on any hardware. Every elimination
// names the limit and, where the catalogue has one, its source.
import { DIR_WORDS, kernelAsks, kernelSpeaks, kernelStarts, TOPIC_WORDS, topicApplies } from '../answer-words';
import { compareKernel, compareVersionParts } from '../answers-codec';
import { overloadOf, type Method } from '../catalogue-schema';
import { formatBytes, formatNs, formatRate } from '../format';
import type { MeasuredPoint } from '../measured';
import { methodFacts, type Context } from './context';
import { where } from './words';

export interface Elimination {
  /** A stable key for tests and for the search in what-would-change. */
  rule:
    | 'direction'
    | 'cannot-be-asked'
    | 'kernel'
    | 'privilege'
    | 'abi'
    | 'module'
    | 'existing-data'
    | 'shell'
    | 'payload'
    | 'fanout'
    | 'stream-upcall'
    | 'resident'
    | 'loss'
    | 'rate-ceiling'
    | 'latency-floor'
    | 'measured-rate';
  text: () => string;
}

const sentence = (s: string) => s.replace(/\.?$/, '.');

/**
 * A catalogue ceiling or floor is an order of magnitude: a need beyond it by this factor cannot be met on
 * any hardware; closer to it, the method is only penalised (see score.ts).
 */
export const LIMIT_SLACK = 3;

export function eliminate(m: Method, c: Context): Elimination[] {
  const a = c.a;
  const out: Elimination[] = [];
  const cut = (rule: Elimination['rule'], text: () => string) => out.push({ rule, text });
  const { limits: L, minKernel } = methodFacts(m);

  // Each direction the answers need (both for 'both'), checked without building a list per method. When
  // no daemon runs to take it, a question the kernel asks can also go out by starting a program, whose
  // answer comes back as its exit status or through a file of the module: such a method carries both
  // although it only sends. A running daemon is the one asked: a program started beside it is not.
  // Without a module only what exists can carry the data, which may go fewer ways than a module's own.
  const existingOnly = !a.module && m.existingDirections !== undefined;
  const dirs = existingOnly ? m.existingDirections!.value : m.directions;
  const ka = L.kernelAsks?.value;
  const asksByProgram = kernelAsks(a) && a.daemon === false && (ka === 'runs-program' || ka === 'answer-through-file');
  if (!asksByProgram && ((a.dir !== 'u2k' && !dirs.includes('k2u')) || (a.dir !== 'k2u' && !dirs.includes('u2k'))))
    cut('direction', () =>
      existingOnly
        ? `Without a module, what exists of it carries data only ${dirs.map((d) => DIR_WORDS[d]).join(' and ')} (${m.existingDirections!.source}), but you need ${DIR_WORDS[a.dir]}.`
        : `Carries data only ${dirs.map((d) => DIR_WORDS[d]).join(' and ')}, but you need ${DIR_WORDS[a.dir]}.`,
    );
  // A request needs a way to ask: a file read (pull) or a channel from user space. A method that only
  // delivers what the kernel decides to send, when it decides to, cannot answer one.
  if (a.style === 'request' && a.dir === 'k2u' && !m.directions.includes('u2k') && L.delivery.value !== 'pull')
    cut(
      'cannot-be-asked',
      () =>
        `User space cannot ask it for anything: it only delivers what the kernel decides to send, when it decides to (${L.delivery.source}).`,
    );
  if (compareVersionParts(minKernel, c.kernel) > 0)
    cut('kernel', () => `Needs kernel ${m.minKernel} or newer; you support kernels back to ${a.kernel}.`);
  const P = m.privileges;
  if (a.unpriv && P.rootOnly) cut('privilege', () => `An unprivileged consumer cannot use it: ${sentence(P.text)}`);
  else if (a.unpriv && a.dir !== 'u2k' && P.receiveRootOnly) {
    // The kernel's own interface (e.g. the proc connector) may be open where a module's is not.
    const open = !a.module && P.existingOpenSince !== undefined;
    if (!open || compareKernel(P.existingOpenSince!, a.kernel) > 0)
      cut('privilege', () =>
        open
          ? `An unprivileged process can receive from it only on kernel ${P.existingOpenSince} or newer, and you support kernels back to ${a.kernel}: ${sentence(P.text)}`
          : `An unprivileged process cannot receive what your module sends through it: ${sentence(P.text)}`,
      );
  } else if (a.unpriv && a.dir !== 'k2u' && P.writeRootOnly)
    cut('privilege', () => `Only root can write to it, and the writer runs unprivileged: ${sentence(P.text)}`);
  // Debug-only ABI binds a module that adds such an interface; the instances that already exist may be
  // relied on by a tool when each publishes its own layout (trace event format files).
  if (a.stable && m.abi === 'debug-only' && (a.module || !m.existingAbi))
    cut(
      'abi',
      () =>
        `A debug-only interface, but you need a stable production one: ${sentence(m.abiNote)}${a.keep === m.id ? ' That tools already read it does not make it one: move what they need to a stable interface.' : ''}`,
    );
  if (!a.module && m.needsModule && !m.existing)
    cut('module', () => 'Needs a custom kernel module, and you cannot ship one.');
  // Without a module, only what exists can carry the data: a kind of interface none of whose existing
  // files or events is about the user's topic cannot serve it.
  const D = m.existingData;
  if (a.topic !== null && topicApplies(a) && D && D.value[a.topic] === undefined)
    cut(
      'existing-data',
      () => `Without a module, nothing of this kind carries data about ${TOPIC_WORDS[a.topic!]} (${D.source}).`,
    );
  if (a.shell && !m.usableFromShell) cut('shell', () => 'Cannot be used from a shell, which you need.');

  const src = (f: { source: string }) => ` (${f.source})`;
  // A blob read or written on demand may go through a separate design (sysfs binary attributes).
  const onDemand = (a.style === 'request' || a.style === 'config') && L.onDemandPayloadBytes !== undefined;
  const payload = onDemand ? L.onDemandPayloadBytes! : L.maxPayloadBytes;
  const max = payload.value;
  if (max !== null && a.size > max)
    cut('payload', () => {
      // 4,072 B and 4,096 B both round to "4 KiB": then the exact bytes say why one does not fit the other.
      const exact = formatBytes(max) === formatBytes(a.size);
      const bytes = (b: number) => (exact ? `${b.toLocaleString('en-US')} B` : formatBytes(b));
      return `Carries at most ${bytes(max)} per ${onDemand ? 'read or write' : 'message'}${src(payload)}, but your messages are ${bytes(a.size)}.`;
    });
  if (a.listeners > 1 && L.fanout.value === 'one')
    cut('fanout', () => `One message reaches one consumer${src(L.fanout)}, but you have ${a.listeners} listeners.`);
  // A stream needs one consumer that sees its messages in order; an upcall starts a process per message,
  // each of which sees one message, and with UMH_WAIT_EXEC (the only mode a stream's rate allows) they run
  // side by side, in no guaranteed order.
  if (a.style === 'stream' && a.dir !== 'u2k' && L.delivery.value === 'upcall')
    cut(
      'stream-upcall',
      () =>
        `Each message starts a process of its own${src(L.delivery)}: no one consumer receives the stream, and the processes run side by side in no guaranteed order.`,
    );
  // The kernel's question says more than the general rule: what would have to be waiting for it.
  if (a.daemon === false && kernelAsks(a) && (ka === 'parked' || ka === 'none'))
    cut('resident', () =>
      ka === 'parked'
        ? `For the kernel to ask, a daemon thread must already sit waiting for its question${src(L.kernelAsks!)}, and none runs.`
        : `It starts no program and no daemon runs, so nothing would ever read the kernel's question from it${src(L.kernelAsks!)}.`,
    );
  else if (a.daemon === false && kernelStarts(a) && L.needsResidentProcess.value)
    cut(
      'resident',
      () => `A user-space process must already be running to receive${src(L.needsResidentProcess)}, and none is.`,
    );
  const overload = overloadOf(L, kernelSpeaks(a));
  if (a.loss === false && overload.value === 'drops-silent')
    cut('loss', () => `Drops messages silently when the consumer falls behind${src(overload)}, and none may be lost.`);
  if (a.loss === false && overload.value !== 'drops-silent' && L.producerCanWait?.value === false)
    cut(
      'loss',
      () =>
        `The producer cannot wait for the consumer, so a full buffer loses messages${src(L.producerCanWait!)}, and none may be lost.`,
    );
  const ceiling = L.rateCeiling.value;
  if (a.rate > LIMIT_SLACK * ceiling)
    cut(
      'rate-ceiling',
      () =>
        `Tops out around ${formatRate(ceiling)} even on real hardware${src(L.rateCeiling)}; you need ${formatRate(a.rate)}.`,
    );
  const floor = L.latencyFloorNs.value;
  if (a.lat !== null && a.lat * 1000 * LIMIT_SLACK < floor) {
    const budget = a.lat * 1000;
    cut(
      'latency-floor',
      () =>
        `Takes around ${formatNs(floor)} per message even on real hardware${src(L.latencyFloorNs)}, far above your ${formatNs(budget)} budget.`,
    );
  }
  return out;
}

/**
 * A real CPU's measurement is a capacity limit: a method measured below the asked rate at the asked size
 * cannot carry it. Emulated and instruction-counted datasets never eliminate (see measurements.ts), and
 * neither does a wake-up's rate, which the test's delay before each event sets (WAKEUP_RATE_NOTE).
 */
export function eliminateByMeasurement(points: readonly MeasuredPoint[], c: Context): Elimination[] {
  if (c.kind !== 'native' || !c.dataset) return [];
  const ds = c.dataset;
  return points
    .filter((p) => p.pattern !== 'notify' && p.msgsPerSec < c.a.rate)
    .map((p) => ({
      rule: 'measured-rate' as const,
      text: () =>
        `Measured ${formatRate(p.msgsPerSec)} at ${where(p)} on a real CPU cannot carry the ${formatRate(c.a.rate)} you need (dataset ${ds.id}).`,
    }));
}
