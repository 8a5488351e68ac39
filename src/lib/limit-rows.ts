// The "Hard limits" of a catalogue entry, for the method page's table and the compare table's rows: every
// limit in words, with its source, so a reviewer can check each fact the advice enforces. Pure: the catalogue
// entry in, rows out.
import { DIR_WORDS, TOPIC_WORDS } from '#src/core/answer-words';
import type { Limits, Method } from '#src/core/catalogue-schema';
import { formatBytes, formatNs, formatRate } from '#src/core/format';
import { TOPICS } from '#src/core/ids';

export interface LimitRow {
  key: string;
  label: string;
  value: string;
  source: string | null;
  note: string | null;
}

type Words<T extends string | number | boolean | null> = (v: T) => string;
type Sourced<T> = { value: T; source: string; note?: string };

const yesNo: Words<boolean> = (v) => (v ? 'yes' : 'no');
const bytes: Words<number | null> = (v) => (v === null ? 'no limit but memory' : formatBytes(v));

const overloadWords = ((v) =>
  ({
    blocks: 'the producer waits',
    'drops-reported': 'new messages are dropped, and the drop is reported',
    'drops-silent': 'new messages are dropped silently',
    coalesces: 'pending events merge into one',
    overwrites: 'the oldest data is overwritten',
  })[v]) as Words<Limits['overload']['value']>;

/** Each sourced limit, in the order a reviewer reads them, with its label and its values in words. */
const LIMIT_WORDS: { [K in keyof Limits]?: { label: string; words: (v: never) => string } } = {
  maxPayloadBytes: { label: 'Largest message', words: bytes },
  onDemandPayloadBytes: { label: 'Largest blob read or written on demand', words: bytes },
  delivery: {
    label: 'Delivery',
    words: ((v) =>
      v === 'push'
        ? 'pushed: the kernel hands data over when it has it'
        : v === 'pull'
          ? 'pulled: user space must ask (poll() can only say that something changed)'
          : 'upcall: the kernel starts a user-space program') as Words<Limits['delivery']['value']>,
  },
  fanout: {
    label: 'Consumers one message reaches',
    words: ((v) => (v === 'one' ? 'one' : 'many')) as Words<Limits['fanout']['value']>,
  },
  needsResidentProcess: { label: 'A receiver must already be running', words: yesNo },
  startsProgram: { label: 'Starts a program for each message', words: yesNo },
  latencyFloorNs: { label: 'Latency floor on real hardware', words: ((v) => `about ${formatNs(v)}`) as Words<number> },
  rateCeiling: { label: 'Rate ceiling on real hardware', words: ((v) => `about ${formatRate(v)}`) as Words<number> },
  overload: { label: 'When the consumer falls behind', words: overloadWords },
  kernelDataOverload: { label: 'When the consumer of data the kernel produces falls behind', words: overloadWords },
  producerCanWait: { label: 'The producer can wait for the consumer', words: yesNo },
  requestReply: {
    label: 'A request and its answer',
    words: ((v) =>
      v === 'one-call'
        ? 'one system call carries both'
        : v === 'paired'
          ? 'matched by a sequence number'
          : 'separate operations, paired by hand') as Words<Limits['requestReply']['value']>,
  },
  extensible: {
    label: 'Commands and fields grow as',
    words: (() => 'typed attributes old tools skip') as Words<string>,
  },
  kernelAsks: {
    label: 'When the kernel asks a daemon',
    words: ((v) =>
      v === 'native'
        ? 'the daemon waits for the question and answers it'
        : v === 'parked'
          ? 'only through a protocol built by hand on top'
          : v === 'runs-program'
            ? 'it starts a program with the question and waits for its exit status'
            : v === 'answer-through-file'
              ? 'the question starts a program, which writes its answer into a file of the module'
              : 'it cannot carry the question') as Words<NonNullable<Limits['kernelAsks']>['value']>,
  },
  carries: {
    label: 'Each write is',
    words: ((v) => (v === 'values' ? 'a value that replaces the last' : 'a message of its own')) as Words<
      NonNullable<Limits['carries']>['value']
    >,
  },
  settingScope: {
    label: 'Settings it holds',
    words: ((v) =>
      ({
        device: 'per device',
        system: 'system-wide',
        either: 'per device or system-wide',
        object: 'per object user space creates',
        none: 'none',
      })[v]) as Words<Limits['settingScope']['value']>,
  },
  loadTime: { label: 'Takes a value when the module loads', words: yesNo },
  purpose: {
    label: 'Made for',
    words: ((v) => (v === 'settings' ? 'settings, not data' : 'any data')) as Words<
      NonNullable<Limits['purpose']>['value']
    >,
  },
  plane: {
    label: 'Plane',
    words: ((v) => (v === 'control' ? 'a control plane: commands and notifications' : 'any')) as Words<
      NonNullable<Limits['plane']>['value']
    >,
  },
  lockdown: {
    label: 'Under lockdown (Secure Boot)',
    words: ((v) => (v === 'ok' ? 'works' : v === 'restricted' ? 'restricted' : 'unavailable')) as Words<
      Limits['lockdown']['value']
    >,
  },
  containers: { label: 'In containers', words: ((v) => v) as Words<string> },
  kernelReceives: {
    label: 'What user space sends reaches the kernel',
    words: ((v) =>
      v === 'in-call'
        ? "in the caller's system call, where the handler can act and return its error"
        : v === 'wakes-waiter'
          ? 'by waking a kernel thread that waits on it; no handler runs in the call'
          : 'as a store into shared memory, which a kernel thread must poll') as Words<
      NonNullable<Limits['kernelReceives']>['value']
    >,
  },
};

/** Every row key limitRows() can give, in its order (the compare table lines up several methods by it). */
export const LIMIT_ROW_KEYS: readonly string[] = [
  ...Object.keys(LIMIT_WORDS),
  'viaLayer',
  'existingData',
  'existingDirections',
  'existingAbi',
];

export function limitRows(m: Method): LimitRow[] {
  const rows: LimitRow[] = [];
  const L = m.limits as Record<string, unknown>;
  for (const [key, spec] of Object.entries(LIMIT_WORDS)) {
    const f = L[key] as Sourced<never> | undefined;
    if (!f || !spec) continue;
    rows.push({ key, label: spec.label, value: spec.words(f.value), source: f.source, note: f.note ?? null });
  }
  if (m.limits.viaLayer)
    rows.push({ key: 'viaLayer', label: 'What a module must add', value: m.limits.viaLayer, source: null, note: null });
  if (m.existingData) {
    const d = m.existingData.value;
    const said = TOPICS.filter((t) => d[t] !== undefined).map(
      (t) => `${TOPIC_WORDS[t]}${d[t] === 'home' ? ' (where the kernel puts it)' : ' (some)'}`,
    );
    rows.push({
      key: 'existingData',
      label: 'Without a module, existing ones carry data about',
      value: said.length > 0 ? said.join(', ') : 'none of processes, devices, the system or kernel internals',
      source: m.existingData.source,
      note: null,
    });
  }
  if (m.existingDirections)
    rows.push({
      key: 'existingDirections',
      label: 'Without a module, existing ones carry data',
      value: m.existingDirections.value.map((d) => DIR_WORDS[d]).join(' and '),
      source: m.existingDirections.source,
      note: m.existingDirections.note ?? null,
    });
  if (m.existingAbi)
    rows.push({
      key: 'existingAbi',
      label: 'Existing ones may be relied on',
      value: 'yes: each publishes its own layout',
      source: m.existingAbi.source,
      note: null,
    });
  return rows;
}
