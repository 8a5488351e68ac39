import {
  EXISTING_WORDS,
  FRAMEWORK_WORDS,
  growsApplies,
  kernelStarts,
  topicApplies,
  workerApplies,
  type OptionalAnswer,
} from '../core/answer-words';
import type { Answers } from '../core/answers';
import {
  FRAMEWORK_IDS,
  METHOD_IDS,
  type Direction,
  type FrameworkAnswer,
  type MethodId,
  type Style,
} from '../core/ids';

export type StepId = 'dir' | 'style' | 'size' | 'rate' | 'lat' | 'listeners' | 'constraints';

export interface StepInfo {
  id: StepId;
  title: string;
  help: string;
  /** Answers this step sets; their errors block "Next". */
  params: (keyof Answers)[];
}

// The order a developer thinks in: what flows where, how it flows, how much, how fast, then the rules.
export const STEPS: StepInfo[] = [
  {
    id: 'dir',
    title: 'Which way does the data flow?',
    help: 'Pick the direction the payload travels. Commands that only get an acknowledgement back count as user → kernel; if both sides start conversations, pick both.',
    params: ['dir'],
  },
  {
    id: 'style',
    title: 'What kind of exchange is it?',
    help: 'The shape of the conversation decides which benchmark pattern applies and which traits matter most.',
    params: ['style', 'daemon', 'scope', 'atload', 'asks', 'grows', 'worker'],
  },
  {
    id: 'size',
    title: 'How big is a typical message?',
    help: 'The payload of one message, without protocol headers. Use the size you expect most often; 0 means a bare wake-up with no data.',
    params: ['size'],
  },
  {
    id: 'rate',
    title: 'How many messages per second?',
    help: 'The sustained rate at the busy hour, not the peak of a single burst. Size × rate tells kcomm whether this is a bulk-data problem.',
    params: ['rate', 'loss'],
  },
  {
    id: 'lat',
    title: 'What latency can you tolerate?',
    help: 'The time from one side sending to the other side having the message. Leave it at "no requirement" unless a deadline really exists: a budget eliminates methods that cannot meet it.',
    params: ['lat'],
  },
  {
    id: 'listeners',
    title: 'How many user-space consumers?',
    help: 'Processes that must each receive the messages. More than one favours methods with real multicast instead of one reader per file.',
    params: ['listeners'],
  },
  {
    id: 'constraints',
    title: 'Constraints',
    help: 'Hard rules for the interface. Each one can eliminate methods outright; the results page lists what was eliminated and why.',
    params: ['stable', 'module', 'topic', 'framework', 'keep', 'unpriv', 'shell', 'kernel', 'dataset'],
  },
];

export const DIRECTION_OPTIONS: { value: Direction; label: string; hint: string }[] = [
  { value: 'k2u', label: 'Kernel → user space', hint: 'Events, telemetry, captured data the module produces.' },
  { value: 'u2k', label: 'User space → kernel', hint: 'Commands, configuration, data the module consumes.' },
  { value: 'both', label: 'Both ways', hint: 'Requests and replies, or each side starts conversations.' },
];

export const STYLE_OPTIONS: { value: Style; label: string; hint: string }[] = [
  {
    value: 'request',
    label: 'Request / response',
    hint: 'User space asks, the kernel answers (a query or a command with a result).',
  },
  { value: 'stream', label: 'Stream', hint: 'A continuous flow of records or bytes, e.g. samples or a trace.' },
  { value: 'event', label: 'Events', hint: 'Sparse notifications that something happened; the consumer must wake up.' },
  {
    value: 'config',
    label: 'Configuration',
    hint: 'Settings read or written now and then, by tools or administrators.',
  },
];

/** A yes/no question whose third answer, "not sure", is null: the scoring then assumes neither. */
export type OptionalParam = OptionalAnswer;

export interface OptionalQuestion<K extends OptionalParam> {
  param: K;
  legend: string;
  options: { value: string; answer: Answers[K]; label: string; hint?: string }[];
  /** Asked only where the answer can change the pick. */
  asked: (a: Answers) => boolean;
}

const NOT_SURE = { value: 'unsure', answer: null, label: 'Not sure', hint: 'kcomm assumes neither.' } as const;

export const DAEMON_QUESTION: OptionalQuestion<'daemon'> = {
  param: 'daemon',
  legend: 'Is a user-space process always running to receive or serve?',
  options: [
    { value: 'yes', answer: true, label: 'Yes, a daemon is always there', hint: 'It can hold a socket or file open.' },
    {
      value: 'no',
      answer: false,
      label: 'No, start a program when needed',
      hint: 'The kernel calls user space up (an upcall).',
    },
    NOT_SURE,
  ],
  // Only where the kernel speaks or asks first: when user space asks or sets, the process that does so is
  // the one running, and the answer changes nothing.
  asked: kernelStarts,
};

export const SCOPE_QUESTION: OptionalQuestion<'scope'> = {
  param: 'scope',
  legend: 'Does a setting apply per device or to the whole system?',
  options: [
    { value: 'device', answer: 'device', label: 'Per device', hint: 'One value for each device the module drives.' },
    { value: 'system', answer: 'system', label: 'System-wide', hint: 'One value for the whole kernel.' },
    {
      value: 'object',
      answer: 'object',
      label: 'Per object that user space creates',
      hint: 'Administrators create and remove the objects (a target, a gadget), then set each one.',
    },
    NOT_SURE,
  ],
  asked: (a) => a.style === 'config',
};

export const ATLOAD_QUESTION: OptionalQuestion<'atload'> = {
  param: 'atload',
  legend: 'Must the value be given when the module loads?',
  options: [
    {
      value: 'yes',
      answer: true,
      label: 'Yes, before it initialises',
      hint: 'It sizes or selects what probe sets up (modprobe.d, the kernel command line).',
    },
    { value: 'no', answer: false, label: 'No, it can be set while running', hint: 'The module applies it at once.' },
    NOT_SURE,
  ],
  asked: (a) => a.style === 'config',
};

export const LOSS_QUESTION: OptionalQuestion<'loss'> = {
  param: 'loss',
  legend: 'Under overload, may messages be dropped?',
  options: [
    { value: 'yes', answer: true, label: 'Yes, drops are acceptable', hint: 'Newest data matters more than all data.' },
    { value: 'no', answer: false, label: 'No, never drop a message', hint: 'The producer must wait or fail loudly.' },
    NOT_SURE,
  ],
  asked: (a) => a.style === 'stream' || a.style === 'event',
};

export const ASKS_QUESTION: OptionalQuestion<'asks'> = {
  param: 'asks',
  legend: 'Who starts each exchange?',
  options: [
    {
      value: 'user',
      answer: 'user',
      label: 'User space asks, the kernel answers',
      hint: 'Commands and queries from a tool or daemon.',
    },
    {
      value: 'kernel',
      answer: 'kernel',
      label: 'The kernel asks a daemon, which answers',
      hint: 'An upcall for a decision or a service (a verdict, a handshake, a lookup).',
    },
    NOT_SURE,
  ],
  asked: (a) => a.style === 'request' && a.dir === 'both',
};

export const TOPIC_QUESTION: OptionalQuestion<'topic'> = {
  param: 'topic',
  legend: 'Without a module, what is the data about?',
  options: [
    {
      value: 'process',
      answer: 'process',
      label: 'Processes',
      hint: 'Their start, exec and exit, their state and use of resources.',
    },
    {
      value: 'device',
      answer: 'device',
      label: 'Devices',
      hint: 'Hotplug, a device’s status, its readings and counters.',
    },
    {
      value: 'system',
      answer: 'system',
      label: 'The system as a whole',
      hint: 'CPU, memory, scheduler and pressure statistics.',
    },
    {
      value: 'trace',
      answer: 'trace',
      label: 'Kernel internals as they happen',
      hint: 'Scheduling, system calls, block and network I/O, traced event by event.',
    },
    NOT_SURE,
  ],
  asked: topicApplies,
};

export const GROWS_QUESTION: OptionalQuestion<'grows'> = {
  param: 'grows',
  legend: 'Will the commands or their fields grow over time?',
  options: [
    {
      value: 'yes',
      answer: true,
      label: 'Yes, new commands and options will come',
      hint: 'A management plane that gains features release after release.',
    },
    { value: 'no', answer: false, label: 'No, a small fixed set', hint: 'A handful of commands that will not change.' },
    NOT_SURE,
  ],
  asked: growsApplies,
};

export const WORKER_QUESTION: OptionalQuestion<'worker'> = {
  param: 'worker',
  legend: 'Where does the kernel do the work for what user space sends?',
  options: [
    {
      value: 'worker',
      answer: true,
      label: 'In a kernel thread it wakes',
      hint: 'A worker waits for kicks (as vhost’s does); other kernel code may signal it too.',
    },
    {
      value: 'caller',
      answer: false,
      label: 'In the caller’s system call',
      hint: 'The driver acts at once (rings a doorbell, applies a command) and returns its error.',
    },
    NOT_SURE,
  ],
  asked: workerApplies,
};

/** One choice of a follow-up question asked as a select (components/answer-fields/SelectField.tsx). */
export interface SelectOption<T> {
  /** The option's value in the <select> ('' for "not said"). */
  value: string;
  answer: T;
  label: string;
}

/** The framework question's choices, as a select: "not said" first, then each framework, then "none fits". */
export const FRAMEWORK_OPTIONS: SelectOption<FrameworkAnswer | null>[] = [
  { value: '', answer: null, label: 'Not said: no framework assumed' },
  ...FRAMEWORK_IDS.map((id) => ({
    value: id,
    answer: id,
    label: `${FRAMEWORK_WORDS[id].name}: ${FRAMEWORK_WORDS[id].devices}`,
  })),
  { value: 'none', answer: 'none', label: 'None fits this device' },
];

/** The existing-interface question's choices, as a select: "none" first, then each kind of interface. */
export const KEEP_OPTIONS: SelectOption<MethodId | null>[] = [
  { value: '', answer: null, label: 'No, or not said: nothing exists yet' },
  ...METHOD_IDS.map((id) => ({ value: id, answer: id, label: `Yes, ${EXISTING_WORDS[id]}` })),
];
