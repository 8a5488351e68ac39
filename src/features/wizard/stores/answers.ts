import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { DEFAULT_ANSWERS, type Answers } from '#src/core/answers';
import { STEPS } from '#src/lib/answer-steps';
import { sanitizeAnswers } from '#src/lib/sanitize-answers';

interface AnswersState {
  answers: Answers;
  /** Index into STEPS of the step on screen. */
  step: number;
  /** The answers the user gave (or a situation or link filled); the rest still show their defaults. */
  given: (keyof Answers)[];
  setAnswer: <K extends keyof Answers>(param: K, value: Answers[K]) => void;
  setAnswers: (answers: Answers, given: (keyof Answers)[]) => void;
  setStep: (step: number) => void;
  reset: () => void;
}

const PARAMS = Object.keys(DEFAULT_ANSWERS) as (keyof Answers)[];
const sanitizeGiven = (g: unknown): (keyof Answers)[] => (Array.isArray(g) ? PARAMS.filter((p) => g.includes(p)) : []);

const clampStep = (n: unknown) =>
  typeof n === 'number' && Number.isInteger(n) ? Math.min(Math.max(n, 0), STEPS.length - 1) : 0;

// The wizard's draft survives a reload; the results page never reads it (the URL is the truth there).
export const useAnswersStore = create<AnswersState>()(
  persist(
    (set) => ({
      answers: DEFAULT_ANSWERS,
      step: 0,
      given: [],
      setAnswer: (param, value) =>
        set((s) => ({
          answers: { ...s.answers, [param]: value },
          given: s.given.includes(param) ? s.given : [...s.given, param],
        })),
      setAnswers: (answers, given) => set({ answers, given: sanitizeGiven(given) }),
      setStep: (step) => set({ step: clampStep(step) }),
      reset: () => set({ answers: DEFAULT_ANSWERS, step: 0, given: [] }),
    }),
    {
      name: 'kcomm-wizard',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ answers: s.answers, step: s.step, given: s.given }),
      // Version 0 kept the answers at the top level; anything unreadable falls back to the defaults.
      migrate: (persisted, version) => {
        const p = (persisted ?? {}) as Record<string, unknown>;
        if (version === 0) return { answers: sanitizeAnswers(p), step: 0 };
        return { answers: sanitizeAnswers(p.answers), step: clampStep(p.step) };
      },
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Record<string, unknown>;
        return {
          ...current,
          answers: sanitizeAnswers(p.answers),
          step: clampStep(p.step),
          given: sanitizeGiven(p.given),
        };
      },
    },
  ),
);
