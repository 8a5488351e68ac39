import type { Answers } from '../core/answers';
import { describeOptional, OPTIONAL_ANSWERS, OPTIONAL_LABELS, type OptionalAnswer } from '../core/answer-words';
import { formatBytes, formatRate } from '../core/measured';
import { DIRECTION_OPTIONS, STYLE_OPTIONS } from './answer-steps';

export const ANSWER_LABELS: Record<keyof Answers, string> = {
  dir: 'Direction',
  style: 'Style',
  size: 'Message size',
  rate: 'Rate',
  lat: 'Latency budget',
  listeners: 'Consumers',
  stable: 'Stable ABI',
  module: 'May ship a module',
  unpriv: 'Unprivileged consumer',
  shell: 'Shell usable',
  kernel: 'Oldest kernel',
  dataset: 'Dataset',
  ...OPTIONAL_LABELS,
};

export function formatMicros(us: number): string {
  if (us >= 1e6) return `${Number((us / 1e6).toPrecision(3))} s`;
  if (us >= 1e3) return `${Number((us / 1e3).toPrecision(3))} ms`;
  return `${Number(us.toPrecision(3))} µs`;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** One answer as a person would say it ("4 KiB", "no requirement", "kernel → user space"). */
export function describeAnswer<K extends keyof Answers>(param: K, value: Answers[K]): string {
  const v = value as Answers[keyof Answers];
  if (isOptional(param)) return describeOptional(param as OptionalAnswer, v as Answers[OptionalAnswer]);
  switch (param) {
    case 'dir':
      return DIRECTION_OPTIONS.find((o) => o.value === v)?.label ?? String(v);
    case 'style':
      return STYLE_OPTIONS.find((o) => o.value === v)?.label ?? String(v);
    case 'size':
      return formatBytes(v as number);
    case 'rate':
      return formatRate(v as number);
    case 'lat':
      return v === null ? 'no requirement' : formatMicros(v as number);
    case 'listeners':
      return String(v);
    case 'kernel':
      return `${String(v)} or newer`;
    case 'dataset':
      return v === null ? 'none (traits only)' : String(v);
    default:
      return yesNo(v as boolean);
  }
}

export function describeAnswers(a: Answers): { param: keyof Answers; label: string; value: string }[] {
  return (Object.keys(ANSWER_LABELS) as (keyof Answers)[]).map((param) => ({
    param,
    label: ANSWER_LABELS[param],
    value: describeAnswer(param, a[param]),
  }));
}

/** The answers as the results page lists them: a follow-up question that was not answered is left out. */
export function givenAnswers(a: Answers): { param: keyof Answers; label: string; value: string }[] {
  return describeAnswers(a).filter(({ param }) => !isOptional(param) || a[param] !== null);
}

const isOptional = (param: keyof Answers): param is OptionalAnswer =>
  (OPTIONAL_ANSWERS as readonly string[]).includes(param);
