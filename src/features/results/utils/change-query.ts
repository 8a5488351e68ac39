import type { Answers } from '../../../core/answers';
import { encodeAnswers } from '../../../core/answers-codec';

/** The results query with one answer's URL value replaced ('' removes it, e.g. "no latency budget"). */
export function changeQuery(answers: Answers, param: keyof Answers, to: string): string {
  const p = encodeAnswers(answers);
  if (to === '') p.delete(param);
  else p.set(param, to);
  return p.toString();
}
