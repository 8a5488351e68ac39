import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../src/core/answers';
import {
  adviceFor,
  adviceHash,
  GOLDEN_FILE,
  GOLDEN_RANDOM,
  GOLDEN_SEED,
  goldenCases,
  goldenDatasets,
  type Golden,
} from '../support/advice-golden';
import { shippedCatalogue } from '../support/shipped-data';
import { SCENARIOS } from '../scenarios';

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;
const catalogue = shippedCatalogue();
const cases = goldenCases();
const datasets = goldenDatasets();
const REGENERATE = 'if the advice was meant to change, run: node --import tsx scripts/advice-golden.ts';

// Byte-identical advice for every case: what a change meant to change nothing (a speed-up) must keep.
describe('the advice golden', () => {
  it('covers the current cases and datasets', () => {
    expect(golden.seed, REGENERATE).toBe(GOLDEN_SEED);
    expect(golden.random, REGENERATE).toBe(GOLDEN_RANDOM);
    expect(golden.scenarios, REGENERATE).toBe(SCENARIOS.length);
    expect(Object.keys(golden.hashes), REGENERATE).toEqual(datasets.map(([id]) => id));
    for (const a of cases) expect(answersSchema.safeParse(a).success, JSON.stringify(a)).toBe(true);
  });

  it.each(datasets)('gives the same advice as when the golden was written (%s)', (id, ds) => {
    const expected = golden.hashes[id] ?? [];
    const moved = cases
      .map((a, i) => ({ i, a, hash: adviceHash(adviceFor(a, catalogue, ds)) }))
      .filter(({ i, hash }) => hash !== expected[i])
      .map(({ i, a }) => `case ${i}: ${JSON.stringify(a)}`);
    expect(moved, `${moved.length} of ${cases.length} advices moved (${REGENERATE}; --dump to diff)`).toEqual([]);
  });

  it('tells different advice apart (the hashes are not all alike)', () => {
    for (const hashes of Object.values(golden.hashes)) expect(new Set(hashes).size).toBeGreaterThan(cases.length / 2);
  });
});
