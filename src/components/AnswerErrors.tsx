import { DEFAULT_ANSWERS } from '../core/answers';
import type { AnswerError } from '../core/answers-codec';
import { describeAnswer } from '../lib/describe-answers';

const isAnswer = (p: string): p is keyof typeof DEFAULT_ANSWERS => p in DEFAULT_ANSWERS;

/** The problems found in a link, each with what is used instead. */
export function AnswerErrors({
  errors,
}: {
  errors: { param: string; value: string; message: string }[] | AnswerError[];
}) {
  if (errors.length === 0) return null;
  return (
    <div className="notice warn" role="alert" aria-labelledby="answer-errors-title">
      <h2 id="answer-errors-title">
        {errors.length === 1
          ? 'One part of this link was not understood'
          : `${errors.length} parts of this link were not understood`}
      </h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.param}-${i}`}>
            <code>
              {e.param}={e.value}
            </code>
            : {e.message}
            {isAnswer(e.param) && e.param !== 'dataset' && !e.message.includes('first value') && (
              <>
                {' '}
                — using the default, <strong>{describeAnswer(e.param, DEFAULT_ANSWERS[e.param])}</strong>.
              </>
            )}
            {!isAnswer(e.param) && e.param !== 'v' && <> — ignored.</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
