import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_ANSWERS, type Answers } from '../../../core/answers';
import { STEPS } from '../../../lib/answer-steps';
import { sanitizeAnswers } from '../../../lib/sanitize-answers';

interface AnswersState {
  answers: Answers;
  /** Index into STEPS of the step on screen. */
  step: number;
  setAnswer: <K extends keyof Answers>(param: K, value: Answers[K]) => void;
  setAnswers: (answers: Answers) => void;
  setStep: (step: number) => void;
  reset: () => void;
}

const clampStep = (n: unknown) =>
  typeof n === 'number' && Number.isInteger(n) ? Math.min(Math.max(n, 0), STEPS.length - 1) : 0;

// The wizard's draft survives a reload; the results page never reads it (the URL is the truth there).
export const useAnswersStore = create<AnswersState>()(
  persist(
    (set) => ({
      answers: DEFAULT_ANSWERS,
      step: 0,
      setAnswer: (param, value) => set((s) => ({ answers: { ...s.answers, [param]: value } })),
      setAnswers: (answers) => set({ answers }),
      setStep: (step) => set({ step: clampStep(step) }),
      reset: () => set({ answers: DEFAULT_ANSWERS, step: 0 }),
    }),
    {
      name: 'kcomm-wizard',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ answers: s.answers, step: s.step }),
      // Version 0 kept the answers at the top level; anything unreadable falls back to the defaults.
      migrate: (persisted, version) => {
        const p = (persisted ?? {}) as Record<string, unknown>;
        if (version === 0) return { answers: sanitizeAnswers(p), step: 0 };
        return { answers: sanitizeAnswers(p.answers), step: clampStep(p.step) };
      },
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Record<string, unknown>;
        return { ...current, answers: sanitizeAnswers(p.answers), step: clampStep(p.step) };
      },
    },
  ),
);
