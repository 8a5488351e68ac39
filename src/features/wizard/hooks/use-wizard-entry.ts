import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Answers } from '#src/core/answers';
import { decodeAnswers } from '#src/core/answers-codec';
import { STEPS } from '#src/lib/answer-steps';
import { splitParams } from '#src/lib/url-answers';
import { useAnswersStore } from '../stores/answers';

/**
 * "/?step=size&<answers>" opens the wizard at a step with those answers (the results page links here), then
 * drops the query so that a reload keeps the draft instead of re-applying the link.
 */
export function useWizardEntry() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const setAnswers = useAnswersStore((s) => s.setAnswers);
  const setStep = useAnswersStore((s) => s.setStep);
  const query = search.toString();
  useEffect(() => {
    if (query === '') return;
    const { answerParams, ownParams } = splitParams(new URLSearchParams(query), ['step']);
    const given = [...answerParams.keys()].filter((k) => k !== 'v') as (keyof Answers)[];
    if (given.length > 0) setAnswers(decodeAnswers(answerParams).answers, given);
    const step = STEPS.findIndex((s) => s.id === ownParams.get('step'));
    if (step >= 0) setStep(step);
    navigate('/', { replace: true });
  }, [query, navigate, setAnswers, setStep]);
}
