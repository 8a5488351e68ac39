// The user's answers. Their URL form (see answers-codec.ts) is a public contract: permalinks and
// GET /api/advice use the same parameter names.
import { z } from 'zod';
import { ASKERS, DIRECTIONS, FRAMEWORK_ANSWERS, METHOD_IDS, SCOPES, STYLES, TOPICS } from './ids';

/** The answers once decoded: the one declaration of their shape (the report carries them back). */
export const answersSchema = z.strictObject({
  dir: z.enum(DIRECTIONS),
  style: z.enum(STYLES),
  /** Message size in bytes, integer >= 0. */
  size: z.number().int().nonnegative(),
  /** Messages per second, > 0. */
  rate: z.number().positive(),
  /** Latency budget in microseconds; null = no requirement. */
  lat: z.number().positive().nullable(),
  /** User-space consumers, integer >= 1. */
  listeners: z.number().int().min(1),
  /** Must be a stable production interface. */
  stable: z.boolean(),
  /** A custom kernel module may be shipped. */
  module: z.boolean(),
  /** The consumer runs unprivileged. */
  unpriv: z.boolean(),
  /** Must be usable from a shell. */
  shell: z.boolean(),
  /** Oldest kernel to support, "major.minor". */
  kernel: z.string(),
  /** Benchmark dataset id, or null. */
  dataset: z.string().nullable(),
  /**
   * A user-space process is always running to receive or serve (a daemon). null = not said: neither a
   * resident receiver nor an upcall is assumed, as before this question existed.
   */
  daemon: z.boolean().nullable(),
  /** A setting applies per device (sysfs attribute) or to the whole system (sysctl). null = not said. */
  scope: z.enum(SCOPES).nullable(),
  /**
   * A setting must be given when the module loads, before it initialises (modprobe.d, the kernel command
   * line), as a value that sizes or selects what probe sets up. null = not said.
   */
  atload: z.boolean().nullable(),
  /** Messages may be dropped under overload (true) or must never be (false). null = not said. */
  loss: z.boolean().nullable(),
  /**
   * For requests both ways: who starts each exchange, user space (it asks, the kernel answers) or the
   * kernel (it asks a user-space daemon, which answers). null = not said: user space, as before.
   */
  asks: z.enum(ASKERS).nullable(),
  /**
   * When no module may be shipped (module = false): what the data is about, which decides which existing
   * interfaces carry it (the proc connector carries process events, uevents device events, …). null = not
   * said: every existing interface is considered, as before this question existed.
   */
  topic: z.enum(TOPICS).nullable(),
  /**
   * For commands and settings from user space: the set of commands or their fields will grow over the
   * interface's life (true) or stays small and fixed (false). null = not said: neither assumed.
   */
  grows: z.boolean().nullable(),
  /**
   * When a module is shipped: the kernel framework the device class has (the power_supply class for a
   * battery, the input subsystem for a game controller, …), or 'none' when no framework serves it. null =
   * not said: no framework is assumed, as before this question existed.
   */
  framework: z.enum(FRAMEWORK_ANSWERS).nullable(),
  /**
   * An interface of this kind already carries the data and user space relies on it (a /proc file that
   * tools parse): the method it uses. null = not said: no existing interface is assumed, as before this
   * question existed.
   */
  keep: z.enum(METHOD_IDS).nullable(),
  /**
   * For what user space sends (events, wake-ups, a stream): the kernel's work for it runs in a kernel
   * thread or worker that waits for it (true, as vhost's worker waits for a kick), or in the caller's own
   * system call (false, as a doorbell ioctl rings the hardware). null = not said: neither assumed, as before
   * this question existed.
   */
  worker: z.boolean().nullable(),
});
export type Answers = z.infer<typeof answersSchema>;

export const DEFAULT_ANSWERS: Answers = {
  dir: 'k2u',
  style: 'event',
  size: 64,
  rate: 1000,
  lat: null,
  listeners: 1,
  stable: true,
  module: true,
  unpriv: false,
  shell: false,
  kernel: '5.10',
  dataset: null,
  daemon: null,
  scope: null,
  loss: null,
  atload: null,
  asks: null,
  topic: null,
  grows: null,
  framework: null,
  keep: null,
  worker: null,
};
