import { DEFAULT_ANSWERS, type Answers } from '../core/answers';
import { ANSWER_PARAMS, decodeAnswerValue, encodeAnswerValue } from '../core/answers-codec';

/** Keeps each stored answer that the codec accepts and replaces the rest with its default. */
export function sanitizeAnswers(input: unknown): Answers {
  const out: Answers = { ...DEFAULT_ANSWERS };
  if (typeof input !== 'object' || input === null) return out;
  const src = input as Record<string, unknown>;
  const write = <K extends keyof Answers>(k: K, v: Answers[K]) => {
    out[k] = v;
  };
  for (const param of ANSWER_PARAMS) {
    const v = src[param];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    const text = encodeAnswerValue(param, v as Answers[typeof param]);
    const parsed = decodeAnswerValue(param, text);
    if (parsed.ok) write(param, parsed.value);
  }
  return out;
}
