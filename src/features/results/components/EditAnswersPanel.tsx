import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { AnswerStepFields } from '#src/components/answer-fields/AnswerStepFields';
import type { Answers } from '#src/core/answers';
import { STEPS } from '#src/lib/answer-steps';
import { resultsPath, wizardPath } from '#src/lib/paths';

interface Props {
  answers: Answers;
  onClose: () => void;
}

/** Every answer on one form; applying it replaces the URL, so the new results are a new permalink. */
export function EditAnswersPanel({ answers, onClose }: Props) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(answers);
  const [errors, setErrors] = useState<Partial<Record<keyof Answers, string>>>({});
  const problems = Object.values(errors).filter(Boolean);

  return (
    <form
      className="edit-panel panel"
      aria-labelledby="edit-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length > 0) return;
        navigate(resultsPath(draft));
        onClose();
      }}
    >
      <h2 id="edit-heading" tabIndex={-1}>
        Edit answers
      </h2>
      <div className="edit-grid">
        {STEPS.map((s) => (
          <section key={s.id} className={`edit-step edit-${s.id}`} aria-label={s.title}>
            <h3>
              {s.title}{' '}
              <Link className="step-jump" to={wizardPath(answers, s.id)}>
                (in the wizard)
              </Link>
            </h3>
            <AnswerStepFields
              step={s.id}
              answers={draft}
              compact
              onChange={(param, value) => setDraft((d) => ({ ...d, [param]: value }))}
              onValidity={(param, error) => setErrors((e) => ({ ...e, [param]: error ?? undefined }))}
            />
          </section>
        ))}
      </div>
      {problems.length > 0 && (
        <p className="form-error" role="alert">
          Fix {problems.length === 1 ? 'the value' : 'the values'} marked above to apply the changes.
        </p>
      )}
      <div className="wizard-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={problems.length > 0}>
          Apply and re-rank
        </button>
      </div>
    </form>
  );
}
