import { useTitle } from '#src/lib/use-title';
import '../wizard.css';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { DEFAULT_ANSWERS, type Answers } from '#src/core/answers';
import { AnswerStepFields } from '#src/components/answer-fields/AnswerStepFields';
import { STEPS } from '#src/lib/answer-steps';
import { describeAnswers } from '#src/lib/describe-answers';
import { resultsPath } from '#src/lib/paths';
import { useWizardEntry } from '../hooks/use-wizard-entry';
import { SITUATIONS, type Situation } from '../utils/situations';
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
  const given = useAnswersStore((s) => s.given);
  const setAnswers = useAnswersStore((s) => s.setAnswers);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Answers, string>>>({});
  const [blocked, setBlocked] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  const info = STEPS[step] ?? STEPS[0]!;
  useTitle(step === 0 ? 'Which interface should your kernel module use?' : `Advisor: ${info.title}`);
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
    if (last) navigate(resultsPath(answers));
    else go(step + 1);
  };

  const applySituation = (s: Situation) => {
    const params = Object.keys(s.answers) as (keyof Answers)[];
    setAnswers({ ...DEFAULT_ANSWERS, dataset: answers.dataset, ...s.answers }, params);
    setErrors({});
    setFilledFrom(s.title);
    go(STEPS.length - 1);
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
      {step === 0 && (
        <section className="intro" aria-labelledby="intro-heading">
          <p id="intro-heading" className="promise">
            <strong>kcomm</strong> tells you which interface your Linux kernel module should use to talk to user space
            (netlink, a character device, ioctl, mmap, sysfs and a dozen more), from your answers and measured numbers.
          </p>
          <h2 className="situations-heading">Start from a situation, or answer the questions below</h2>
          <ul className="situations">
            {SITUATIONS.map((s) => (
              <li key={s.id}>
                <button type="button" className="situation" onClick={() => applySituation(s)}>
                  <span className="situation-title">{s.title}</span>
                  <span className="situation-example">{s.example}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
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
        <a className="skip-steps" href="#wizard-heading">
          Skip the step list
        </a>
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
        {filledFrom && last && (
          <p className="notice filled-from" role="status">
            Filled from “{filledFrom}”. Check the constraints, change any step above, or show the recommendation.
          </p>
        )}

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
        <p className="keyboard-hint">{last ? 'Enter shows the recommendation.' : 'Enter goes to the next step.'}</p>
      </form>

      <aside className="wizard-summary panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Your answers</h2>
        <p className="muted summary-note">
          <span className="default-tag">default</span> marks an answer you have not given yet.
        </p>
        <dl className="answer-list">
          {describeAnswers(answers).map((a) => {
            const isDefault = !given.includes(a.param);
            return (
              <div key={a.param} className={isDefault ? 'is-default' : undefined}>
                <dt>{a.label}</dt>
                <dd>
                  {a.value}
                  {isDefault && <span className="default-tag">default</span>}
                </dd>
              </div>
            );
          })}
        </dl>
        <div className="summary-actions">
          <button type="button" className="button small" onClick={() => navigate(resultsPath(answers))}>
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
