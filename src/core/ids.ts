// Fixed identifiers. Other tools, permalinks and the API rely on them: never rename, only add.

export const METHOD_IDS = [
  'genetlink',
  'netlink',
  'chardev',
  'ioctl',
  'mmap',
  'procfs',
  'sysfs',
  'debugfs',
  'relay',
  'signal',
  'usermodehelper',
  'eventfd',
  'bpf-ringbuf',
  'io-uring-cmd',
  'configfs',
  'sysctl',
  'connector',
  'uevent',
  'tracepoint',
  'modparam',
] as const;
export type MethodId = (typeof METHOD_IDS)[number];

export const TRAIT_IDS = [
  'small-messages',
  'bulk-data',
  'k2u',
  'u2k',
  'bidirectional',
  'low-latency',
  'high-throughput',
  'async-notify',
  'multicast',
  'reliable',
  'stable-abi',
  'shell-usable',
  'needs-sync',
  'needs-root',
  'machinery',
] as const;
export type TraitId = (typeof TRAIT_IDS)[number];

/** Icon names the app knows how to draw (src/components/TraitIcon.tsx). */
export const ICON_NAMES = [
  'message',
  'boxes',
  'arrow-down',
  'arrow-up',
  'arrows-both',
  'bolt',
  'gauge',
  'bell',
  'broadcast',
  'shield-check',
  'lock',
  'terminal',
  'sync',
  'key',
  'wrench',
] as const;
export type IconName = (typeof ICON_NAMES)[number];

export const DIRECTIONS = ['k2u', 'u2k', 'both'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const STYLES = ['request', 'stream', 'event', 'config'] as const;
export type Style = (typeof STYLES)[number];

/** 'object': objects user space itself creates and removes (configfs's mkdir), each with its settings. */
export const SCOPES = ['device', 'system', 'object'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who starts an exchange of requests and answers: user space, or the kernel (asking a daemon). */
export const ASKERS = ['user', 'kernel'] as const;
export type Asker = (typeof ASKERS)[number];

/**
 * What the data is about, when only interfaces the kernel already has may be used: processes (their start,
 * exit and state), devices (hotplug, status, readings), system-wide statistics (CPU, memory, scheduler,
 * pressure), or kernel internals traced as they happen (scheduling, system calls, I/O).
 */
export const TOPICS = ['process', 'device', 'system', 'trace'] as const;
export type Topic = (typeof TOPICS)[number];

/**
 * Kernel frameworks (subsystems) a driver of a device class registers with: each builds on kcomm methods
 * and gives user space a stable interface of its own (data/frameworks.json says which, with sources).
 */
export const FRAMEWORK_IDS = [
  'input',
  'power-supply',
  'hwmon',
  'iio',
  'watchdog',
  'fw-upload',
  'devlink',
  'alsa',
  'v4l2',
  'thermal',
  'leds',
  'gpio',
  'rtc',
  'devcoredump',
  'drm',
] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];
/** The framework answer: a framework's id, or 'none' when no kernel framework serves the device class. */
export const FRAMEWORK_ANSWERS = [...FRAMEWORK_IDS, 'none'] as const;
export type FrameworkAnswer = (typeof FRAMEWORK_ANSWERS)[number];

export const PATTERNS = ['roundtrip', 'u2k', 'k2u', 'notify'] as const;
export type Pattern = (typeof PATTERNS)[number];
