// How much each trait matters for the answers. Every weight is a continuous function of the answers (no
// cliff between 512 and 513 bytes), and a need the user stated outright (a tight budget, many listeners,
// large frames, a payload-free wake-up) grows without a ceiling below it, so that it outweighs the traits
// every candidate shares. The legend's "scoring" sentences are generated from WEIGHT_RULES.
import type { Answers } from '../answers';
import { kernelSpeaks } from '../answer-words';
import { formatBytes, formatMBps, formatNs, formatRate } from '../format';
import { TRAIT_IDS, type TraitId } from '../ids';

export type TraitWeights = Record<TraitId, number>;
/** Why a trait matters for these answers, finishing "…, which matters because …"; built lazily. */
export type TraitWhy = Partial<Record<TraitId, () => string>>;

const MB = 1e6;

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** In one sentence each, what the functions below do: shown in the legend, checked by a test. */
export const WEIGHT_RULES: Record<TraitId, string> = {
  'small-messages':
    'Weight 3 for messages of 64 B or less, falling smoothly to 0 at 4 KiB; 0 for a payload-free wake-up.',
  'bulk-data':
    'Weight rising smoothly from 0 at 512 B to 3 at 4 KiB and 5 at 1 MiB, or up to 2 when size × rate reaches 10 MB/s.',
  k2u: 'Weight 3 when data flows kernel → user (1.5 for a wake-up without payload), 1 when it flows both ways, when user space asks for it (a request) or a setting is read back.',
  u2k: 'Weight 3 when data flows user → kernel (1.5 for a wake-up without payload), 1 when it flows both ways or a setting is written.',
  bidirectional: 'Weight 3 only when data flows both ways.',
  'low-latency':
    'Weight 0.5 without a budget; with one, 1 at 10 ms and one more per decade tighter, without a ceiling (5 at 1 µs).',
  'high-throughput':
    "Weight growing with the byte rate (2 at 1 MB/s, 5 at 1 GB/s) or the message rate (from 1k msg/s, 5 at 1M msg/s); at least 2 for a stream; 0 for a wake-up without payload (no data to carry: its rate is judged against each method's rate ceiling).",
  'async-notify':
    'Weight 3 for events, 2 for streams, when data reaches user space (not when only user space sends); 0 otherwise.',
  multicast: 'Weight 0 for one consumer; 2.8 for two, growing with the count (3.5 for 10, 4.2 for 50).',
  reliable:
    'Weight 3 when messages must never be dropped, 2 for requests and settings, 0 when drops are allowed, 0.5 otherwise.',
  'stable-abi': 'Weight 2 when a stable production interface is needed.',
  'shell-usable': 'Weight 3 when it must work from a shell, 0.5 for settings otherwise.',
  'needs-sync': 'A cost: weight 1 for streams, 0.5 otherwise.',
  'needs-root': 'A cost: weight 2 for an unprivileged consumer, 0.25 otherwise (least privilege).',
  machinery:
    'A cost: weight 1.5 (the simplest interface that does the job), 2.5 for a wake-up without payload, where any machinery is more than the message.',
};

// Copied for each set of answers (a spread of a fixed object is much cheaper than building one from entries).
const NO_WEIGHTS = Object.fromEntries(TRAIT_IDS.map((t) => [t, 0])) as TraitWeights;

export function traitWeights(a: Answers): { weights: TraitWeights; why: TraitWhy } {
  const w: TraitWeights = { ...NO_WEIGHTS };
  const why: TraitWhy = {};
  const bytesPerSec = a.size * a.rate;
  const flow = () => `${formatBytes(a.size)} × ${formatRate(a.rate)} ≈ ${formatMBps(bytesPerSec / MB)}`;
  const sized = () => `messages are ${formatBytes(a.size)}`;

  if (a.size > 0) {
    w['small-messages'] = 3 * clamp(Math.log(4096 / a.size) / Math.log(64), 0, 1);
    why['small-messages'] = sized;
  }
  const bulkBySize =
    a.size <= 512
      ? 0
      : a.size < 4096
        ? (3 * Math.log(a.size / 512)) / Math.log(8)
        : Math.min(5, 3 + (0.5 * Math.log(a.size / 4096)) / Math.log(4));
  const bulkByFlow = 2 * clamp(Math.log10(bytesPerSec / MB), 0, 1);
  w['bulk-data'] = Math.max(bulkBySize, bulkByFlow);
  why['bulk-data'] = bulkBySize >= bulkByFlow ? sized : () => `the data rate is ${flow()}`;

  // A payload-free wake-up carries no data in either direction: how well a method carries data that way
  // counts half; the wake-up itself is async-notify's (and low latency's) to judge.
  const carry = a.size === 0 ? 1.5 : 3;
  if (a.dir === 'k2u' && a.style === 'request') {
    // The trait rates handing data over without being asked; here user space asks, and any interface that
    // answers a read carries the reply (as for a setting read back).
    w.k2u = 1;
    why.k2u = () => 'user space asks for the data';
  } else if (a.dir === 'k2u') {
    w.k2u = carry;
    why.k2u = () => 'data flows kernel → user';
  } else if (a.dir === 'u2k') {
    w.u2k = carry;
    why.u2k = () => 'data flows user → kernel';
  } else {
    w.bidirectional = 3;
    w.k2u = 1;
    w.u2k = 1;
    why.bidirectional = why.k2u = why.u2k = () => 'data flows both ways';
  }
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
    w['low-latency'] = Math.max(0.5, 1 + Math.log10(10_000 / lat));
    why['low-latency'] = () => `the latency budget is ${formatNs(lat * 1000)}`;
  }

  const byFlow = clamp(2 + Math.log10(bytesPerSec / MB), 0, 5);
  const byRate = clamp((5 / 3) * Math.log10(a.rate / 1000), 0, 5);
  // A wake-up without payload carries no data: how much data a method moves is beside the point, and
  // how many wake-ups it takes per second is a hard limit (rateCeiling), not a trait.
  const tp = a.size === 0 ? 0 : Math.max(byFlow, byRate, a.style === 'stream' ? 2 : 0);
  if (tp > 0) {
    w['high-throughput'] = tp;
    why['high-throughput'] =
      tp === byFlow && byFlow >= byRate
        ? () => `the data rate is ${flow()}`
        : tp === byRate
          ? () => `messages come at ${formatRate(a.rate)}`
          : () => 'the data comes as a stream';
  }

  // Waking a consumer in user space: when only user space sends (u2k), the receiver is the kernel, whose
  // handler runs in the sender's call (or is woken by the method's own kick), so the trait does not apply.
  if (kernelSpeaks(a)) {
    w['async-notify'] = a.style === 'event' ? 3 : 2;
    why['async-notify'] = () =>
      a.style === 'event' ? 'the consumer waits for events' : 'the consumer waits for the next data';
  }

  if (a.listeners > 1) {
    w.multicast = 2.5 + Math.log10(a.listeners);
    why.multicast = () => `there are ${a.listeners} listeners`;
  }

  if (a.loss === false) {
    w.reliable = 3;
    why.reliable = () => 'no message may ever be dropped';
  } else if (a.loss === true) {
    w.reliable = 0;
  } else if (a.style === 'request' || a.style === 'config') {
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

  w.machinery = a.size === 0 ? 2.5 : 1.5;
  why.machinery = () =>
    a.size === 0
      ? 'there is no payload: any machinery is more than the message'
      : 'the simplest interface is the one to review';

  w['needs-root'] = a.unpriv ? 2 : 0.25;
  why['needs-root'] = () => (a.unpriv ? 'the consumer runs unprivileged' : 'least privilege');

  return { weights: w, why };
}
