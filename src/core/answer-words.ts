// How the follow-up answers (those that may be "not said") read in sentences: one home for the app's answer
// summary, the Markdown report and the advice's own sentences.
import type { Answers } from './answers';
import type { Topic } from './ids';

/** The answers that may be left out (null = not said); each is asked only where it can change the pick. */
export const OPTIONAL_ANSWERS = ['daemon', 'scope', 'loss', 'atload', 'asks', 'topic', 'grows'] as const;
export type OptionalAnswer = (typeof OPTIONAL_ANSWERS)[number];

export const OPTIONAL_LABELS: Record<OptionalAnswer, string> = {
  daemon: 'Resident receiver',
  scope: 'Setting scope',
  loss: 'Drops allowed',
  atload: 'Given at load time',
  asks: 'Who asks',
  topic: 'Data about',
  grows: 'Commands grow',
};

export const TOPIC_WORDS: Record<Topic, string> = {
  process: 'processes',
  device: 'devices',
  system: 'the system as a whole',
  trace: 'kernel internals as they happen',
};

/** Where the topic counts: no module of one's own (only existing interfaces), and data rather than settings. */
export const topicApplies = (a: Answers): boolean => !a.module && a.style !== 'config';

/** Where growth of the command set counts: commands or settings that user space sends. */
export const growsApplies = (a: Answers): boolean => a.dir !== 'k2u' && (a.style === 'request' || a.style === 'config');

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
  }
  return String(v);
}
