import type { Answers } from '#src/core/answers';

export interface Situation {
  id: string;
  title: string;
  /** What the module does, in the words of someone who has this problem. */
  example: string;
  answers: Partial<Answers>;
}

// Six common shapes of the problem; each fills the wizard with the answers it implies.
export const SITUATIONS: Situation[] = [
  {
    id: 'telemetry',
    title: 'Telemetry stream',
    example: 'A driver pushes 4 KiB samples to a collector daemon, a thousand a second.',
    answers: { dir: 'k2u', style: 'stream', size: 4096, rate: 1000, lat: null, listeners: 1, daemon: true, loss: true },
  },
  {
    id: 'tunable',
    title: 'Admin tunable',
    example: 'A threshold an administrator reads and sets now and then, from a shell.',
    answers: { dir: 'u2k', style: 'config', size: 8, rate: 1, lat: null, listeners: 1, shell: true, scope: 'system' },
  },
  {
    id: 'wakeup',
    title: 'Event wake-up',
    example: 'Wake a waiting process within a millisecond when the hardware signals, no payload.',
    answers: { dir: 'k2u', style: 'event', size: 0, rate: 100, lat: 1000, listeners: 1, daemon: true, loss: false },
  },
  {
    id: 'control',
    title: 'Request/response control plane',
    example: 'A tool sends commands and reads typed replies: add, remove, list, get statistics.',
    answers: { dir: 'both', style: 'request', size: 256, rate: 100, lat: null, listeners: 1, daemon: true },
  },
  {
    id: 'bulk',
    title: 'Bulk frames',
    example: 'Capture 1 MiB frames at 100 per second into a user-space pipeline.',
    answers: {
      dir: 'k2u',
      style: 'stream',
      size: 1048576,
      rate: 100,
      lat: null,
      listeners: 1,
      daemon: true,
      loss: true,
    },
  },
  {
    id: 'upcall',
    title: 'Upcall',
    example: 'Rarely, the kernel needs a user-space program to do something for it; no daemon runs.',
    answers: {
      dir: 'both',
      style: 'request',
      asks: 'kernel',
      size: 256,
      rate: 1,
      lat: null,
      listeners: 1,
      daemon: false,
    },
  },
];
