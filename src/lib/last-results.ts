import { create } from 'zustand';
import type { Answers } from '../core/answers';

interface LastResults {
  /** The answers and leading methods of the last recommendation shown, for the menu's Compare link. */
  last: { answers: Answers; methods: string[] } | null;
  remember: (answers: Answers, methods: string[]) => void;
}

export const useLastResults = create<LastResults>()((set) => ({
  last: null,
  remember: (answers, methods) => set({ last: { answers, methods } }),
}));
