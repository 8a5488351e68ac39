import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Answers } from '../../../core/answers';
import { encodeAnswers } from '../../../core/answers-codec';
import { AnswerStepFields } from '../../../components/answer-fields/AnswerStepFields';
import { STEPS } from '../../../lib/answer-steps';
import { describeAnswers } from '../../../lib/describe-answers';
import { useWizardEntry } from '../hooks/use-wizard-entry';
import { useAnswersStore } from '../stores/answers';

const SHORT: Record<string, string> = {
  dir: 'Direction',
  style: 'Style',
  size: 'Size',
  rate: 'Rate',
  lat: 'Latency',
  listeners: 'Listeners',
  constraints: 'Constraints',
};

export function WizardPage() {
  useWizardEntry();
  const navigate = useNavigate();
  const answers = useAnswersStore((s) => s.answers);
  const step = useAnswersStore((s) => s.step);
  const setAnswer = useAnswersStore((s) => s.setAnswer);
  const setStep = useAnswersStore((s) => s.setStep);
  const reset = useAnswersStore((s) => s.reset);
  const [errors, setErrors] = useState<Partial<Record<keyof Answers, string>>>({});
  const [blocked, setBlocked] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  const info = STEPS[step] ?? STEPS[0]!;
  const stepErrors = info.params.flatMap((p) => (errors[p] ? [errors[p]] : []));
  const last = step === STEPS.length - 1;

  const go = (n: number) => {
    // Leaving a step discards its unfinished drafts: the fields show the last valid value again.
    setErrors((e) => {
      const next = { ...e };
      for (const p of info.params) delete next[p];
      return next;
    });
    setBlocked(false);
    moved.current = true;
    setStep(n);
  };

  const next = () => {
    if (stepErrors.length > 0) {
      setBlocked(true);
      return;
    }
    if (last) navigate(`/results?${encodeAnswers(answers).toString()}`);
    else go(step + 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const t = e.target as HTMLElement;
    if (t.tagName === 'BUTTON' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.tagName === 'A') return;
    e.preventDefault();
    next();
  };

  return (
    <div className="wizard">
      <form
        className="wizard-form panel"
        aria-labelledby="wizard-heading"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
        noValidate
      >
        <div className="wizard-progress">
          <p className="step-count" aria-live="polite">
            Step {step + 1} of {STEPS.length}
          </p>
          <ol className="step-list">
            {STEPS.map((s, i) => (
              <li key={s.id} className={i === step ? 'current' : i < step ? 'done' : undefined}>
                <button
                  type="button"
                  className="step-link"
                  aria-current={i === step ? 'step' : undefined}
                  onClick={() => (stepErrors.length > 0 && i !== step ? setBlocked(true) : go(i))}
                >
                  <span className="step-number">{i + 1}</span> {SHORT[s.id]}
                </button>
              </li>
            ))}
          </ol>
          <div
            className="progress-bar"
            role="progressbar"
            aria-label="Progress"
            aria-valuemin={1}
            aria-valuemax={STEPS.length}
            aria-valuenow={step + 1}
          >
            <span style={{ width: `${((step + 1) / STEPS.length) * 100}%` }} />
          </div>
        </div>

        <h1 id="wizard-heading" ref={headingRef} tabIndex={-1} className="step-heading">
          {info.title}
        </h1>
        <p className="step-help">{info.help}</p>

        <div className="step-fields">
          <AnswerStepFields
            key={info.id}
            step={info.id}
            answers={answers}
            onChange={setAnswer}
            onValidity={(param, error) => {
              setErrors((e) => ({ ...e, [param]: error ?? undefined }));
              if (!error) setBlocked(false);
            }}
          />
        </div>

        {blocked && stepErrors.length > 0 && (
          <p className="form-error" role="alert">
            Fix the value above before going on: {stepErrors.join('; ')}.
          </p>
        )}

        <div className="wizard-actions">
          <button type="button" className="button" onClick={() => go(step - 1)} disabled={step === 0}>
            ← Back
          </button>
          <button type="submit" className="button primary">
            {last ? 'Show recommendation' : 'Next →'}
          </button>
        </div>
        <p className="keyboard-hint">Enter goes to the next step.</p>
      </form>

      <aside className="wizard-summary panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Your answers</h2>
        <dl className="answer-list">
          {describeAnswers(answers).map((a) => (
            <div key={a.param}>
              <dt>{a.label}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
        <div className="summary-actions">
          <button type="button" className="button small" onClick={() => navigate(`/results?${encodeAnswers(answers)}`)}>
            Skip to results
          </button>
          <button
            type="button"
            className="button small quiet"
            onClick={() => {
              setErrors({});
              reset();
            }}
          >
            Start over with defaults
          </button>
        </div>
      </aside>
    </div>
  );
}
