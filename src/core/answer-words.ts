// How the follow-up answers (those that may be "not said") read in sentences: one home for the app's answer
// summary, the Markdown report and the advice's own sentences.
import type { Answers } from './answers';
import type { FrameworkId, MethodId, Style, Topic } from './ids';

/** The answers that may be left out (null = not said); each is asked only where it can change the pick. */
export const OPTIONAL_ANSWERS = [
  'daemon',
  'scope',
  'loss',
  'atload',
  'asks',
  'topic',
  'grows',
  'framework',
  'keep',
  'worker',
] as const;
export type OptionalAnswer = (typeof OPTIONAL_ANSWERS)[number];

export const OPTIONAL_LABELS: Record<OptionalAnswer, string> = {
  daemon: 'Resident receiver',
  scope: 'Setting scope',
  loss: 'Drops allowed',
  atload: 'Given at load time',
  asks: 'Who asks',
  topic: 'Data about',
  grows: 'Commands grow',
  framework: 'Kernel framework',
  keep: 'Existing interface',
  worker: 'Kernel side runs',
};

/**
 * Each framework as the question and the answer summary name it, with the devices it serves: the same
 * names as data/frameworks.json (a test checks that they agree), kept here so that the wizard, the summary
 * and the report need not load the catalogue to word the answer.
 */
export const FRAMEWORK_WORDS: Record<FrameworkId, { name: string; devices: string }> = {
  input: { name: 'the input subsystem', devices: 'keyboards, mice, touchscreens, game controllers' },
  'power-supply': { name: 'the power_supply class', devices: 'batteries, chargers, UPSes' },
  hwmon: { name: 'the hwmon subsystem', devices: 'temperature, voltage and fan sensors' },
  iio: { name: 'the IIO subsystem', devices: 'ADCs, accelerometers, IMUs, light sensors' },
  watchdog: { name: 'the watchdog core', devices: 'hardware watchdog timers' },
  'fw-upload': { name: 'the firmware upload API (fw_upload)', devices: 'firmware or flash image updates' },
  devlink: { name: 'devlink', devices: 'NIC and switch device-wide options, health, flash' },
  alsa: { name: 'ALSA', devices: 'sound cards' },
  v4l2: { name: 'Video4Linux2 (V4L2)', devices: 'cameras, frame grabbers, video codecs' },
  thermal: { name: 'the thermal framework', devices: 'thermal zones and cooling devices' },
  leds: { name: 'the LED class', devices: 'LEDs and backlights' },
  gpio: { name: 'the GPIO subsystem', devices: 'GPIO controllers' },
  rtc: { name: 'the RTC class', devices: 'real-time clocks' },
  devcoredump: {
    name: 'the device coredump API (devcoredump)',
    devices: 'firmware and hardware crash dumps of any device',
  },
  drm: { name: 'the DRM subsystem (DRM/KMS)', devices: 'GPUs, display controllers, compute accelerators' },
};

/**
 * An existing interface of each kind as the question, the summary and the advice name it ("user space
 * already relies on a /proc file"), without loading the catalogue.
 */
export const EXISTING_WORDS: Record<MethodId, string> = {
  genetlink: 'a generic netlink family',
  netlink: 'a netlink protocol',
  chardev: 'a character device',
  ioctl: 'ioctl commands',
  mmap: 'a shared memory mapping',
  procfs: 'a /proc file',
  sysfs: 'sysfs attributes',
  debugfs: 'debugfs files',
  relay: 'a relay channel',
  signal: 'signals',
  usermodehelper: 'a helper program the kernel runs',
  eventfd: 'an eventfd',
  'bpf-ringbuf': 'a BPF ring buffer',
  'io-uring-cmd': 'io_uring commands',
  configfs: 'a configfs subsystem',
  sysctl: 'sysctl entries',
  connector: 'a connector',
  uevent: 'uevents',
  tracepoint: 'tracepoints',
  modparam: 'module parameters',
};

/** Where the kernel framework counts: a driver of the module's own, which could register with one. */
export const frameworkApplies = (a: Answers): boolean => a.module;

export const TOPIC_WORDS: Record<Topic, string> = {
  process: 'processes',
  device: 'devices',
  system: 'the system as a whole',
  trace: 'kernel internals as they happen',
};

/** Where the topic counts: no module of one's own (only existing interfaces), and data rather than settings. */
export const topicApplies = (a: Answers): boolean => !a.module && a.style !== 'config';

/** Where the kernel produces the data: events or a stream towards user space (not when only user space sends). */
export const kernelSpeaks = (a: Answers): boolean => a.dir !== 'u2k' && (a.style === 'event' || a.style === 'stream');

/** Where the kernel starts each exchange of requests and answers: a daemon must be there to be asked. */
export const kernelAsks = (a: Answers): boolean => a.style === 'request' && a.dir === 'both' && a.asks === 'kernel';

/**
 * Where a user-space process must be running before anything happens: the kernel speaks first, with
 * events, a stream or a question of its own. When user space asks or sets, the process that does so is
 * the one running, and it needs nobody waiting beforehand.
 */
export const kernelStarts = (a: Answers): boolean => kernelSpeaks(a) || kernelAsks(a);

/** Where growth of the command set counts: commands or settings that user space sends. */
export const growsApplies = (a: Answers): boolean => a.dir !== 'k2u' && (a.style === 'request' || a.style === 'config');

/**
 * Where it counts who does the kernel's work for what user space sends: events, wake-ups or a stream from
 * user space (a request's answer is the caller's by nature, a setting is applied where it is written).
 */
export const workerApplies = (a: Answers): boolean => a.dir !== 'k2u' && (a.style === 'event' || a.style === 'stream');

/** One follow-up answer as a person would say it; 'not said' for null. */
export function describeOptional<K extends OptionalAnswer>(param: K, value: Answers[K]): string {
  const v = value as Answers[OptionalAnswer];
  if (v === null) return 'not said';
  switch (param) {
    case 'daemon':
      return v ? 'a process is always running' : 'no resident process';
    case 'scope':
      return v === 'device' ? 'per device' : v === 'object' ? 'per object user space creates' : 'system-wide';
    case 'loss':
      return v ? 'may be dropped under overload' : 'must never be dropped';
    case 'atload':
      return v ? 'when the module loads' : 'once the module runs';
    case 'asks':
      return v === 'kernel' ? 'the kernel asks a daemon' : 'user space asks';
    case 'topic':
      return TOPIC_WORDS[v as Topic];
    case 'grows':
      return v ? 'new commands and fields will come' : 'a small fixed set';
    case 'framework':
      return v === 'none'
        ? 'none fits the device'
        : `${FRAMEWORK_WORDS[v as FrameworkId].name} (${FRAMEWORK_WORDS[v as FrameworkId].devices})`;
    case 'keep':
      return `${EXISTING_WORDS[v as MethodId]} that user space relies on`;
    case 'worker':
      return v ? 'in a kernel thread it wakes' : "in the caller's system call";
  }
  return String(v);
}

/** Each direction in a few words ("kernel → user"), in sentences, the report and the method pages. */
export const DIR_WORDS = { k2u: 'kernel → user', u2k: 'user → kernel', both: 'both ways' } as const;

/** Each style of exchange in a sentence ("if the exchange were …", "what the framework exposes for …"). */
export const STYLE_WORDS: Record<Style, string> = {
  request: 'requests with answers',
  stream: 'a stream',
  event: 'events',
  config: 'settings',
};
