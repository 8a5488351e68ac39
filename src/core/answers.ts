// The user's answers. Their URL form (see answers-codec.ts) is a public contract: permalinks and
// GET /api/advice use the same parameter names.
import type { Asker, Direction, Scope, Style } from './ids';

export interface Answers {
  dir: Direction;
  style: Style;
  /** Message size in bytes, integer >= 0. */
  size: number;
  /** Messages per second, > 0. */
  rate: number;
  /** Latency budget in microseconds; null = no requirement. */
  lat: number | null;
  /** User-space consumers, integer >= 1. */
  listeners: number;
  /** Must be a stable production interface. */
  stable: boolean;
  /** A custom kernel module may be shipped. */
  module: boolean;
  /** The consumer runs unprivileged. */
  unpriv: boolean;
  /** Must be usable from a shell. */
  shell: boolean;
  /** Oldest kernel to support, "major.minor". */
  kernel: string;
  /** Benchmark dataset id, or null. */
  dataset: string | null;
  /**
   * A user-space process is always running to receive or serve (a daemon). null = not said: neither a
   * resident receiver nor an upcall is assumed, as before this question existed.
   */
  daemon: boolean | null;
  /** A setting applies per device (sysfs attribute) or to the whole system (sysctl). null = not said. */
  scope: Scope | null;
  /**
   * A setting must be given when the module loads, before it initialises (modprobe.d, the kernel command
   * line), as a value that sizes or selects what probe sets up. null = not said.
   */
  atload: boolean | null;
  /** Messages may be dropped under overload (true) or must never be (false). null = not said. */
  loss: boolean | null;
  /**
   * For requests both ways: who starts each exchange, user space (it asks, the kernel answers) or the
   * kernel (it asks a user-space daemon, which answers). null = not said: user space, as before.
   */
  asks: Asker | null;
}

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
};
