import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS } from '../../src/core/answers';
import { parseCatalogue } from '../../src/core/catalogue-load';
import { advise } from '../../src/core/scoring';
import { SCENARIOS, type Scenario, type ScenarioMethod } from '../scenarios';

const catalogue = parseCatalogue(
  JSON.parse(readFileSync('data/methods.json', 'utf8')),
  JSON.parse(readFileSync('data/traits.json', 'utf8')),
);

function check(s: Scenario) {
  const { ranking } = advise({ ...DEFAULT_ANSWERS, ...s.answers }, catalogue, null);
  const ranked: ScenarioMethod[] = ranking.map((r) => r.method);
  const shown = `ranking: ${ranking
    .slice(0, 5)
    .map((r) => `${r.method} ${r.score}`)
    .join(', ')}`;
  expect(ranked[0], shown).toBe(s.expectTop);
  for (const m of ranked.slice(0, 3)) expect(s.acceptableTopThree, shown).toContain(m);
  for (const m of s.mustEliminate ?? []) expect(ranked, `${m} must be eliminated`).not.toContain(m);
}

describe('the scenario table', () => {
  it('has at least 60 scenarios, each consistent and with a source', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
    for (const s of SCENARIOS) {
      expect(s.acceptableTopThree, s.name).toContain(s.expectTop);
      expect(s.acceptableTopThree.length, s.name).toBeGreaterThanOrEqual(3);
      for (const m of s.mustEliminate ?? []) expect(s.acceptableTopThree, s.name).not.toContain(m);
      expect(s.source, s.name).toMatch(/Documentation\/|\(\d\)|lwn\.net|https:\/\/|[a-z]+\/[\w/-]+\.[ch]\b/);
      expect(s.why.length, s.name).toBeGreaterThan(40);
    }
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });
});

describe('advise() on realistic situations', () => {
  for (const s of SCENARIOS) it(s.name, () => check(s));
});
