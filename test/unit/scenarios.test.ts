import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS } from '../../src/core/answers';
import { parseCatalogue } from '../../src/core/catalogue-load';
import { advise } from '../../src/core/scoring';
import { SCENARIOS, type Scenario } from '../scenarios';

const catalogue = parseCatalogue(
  JSON.parse(readFileSync('data/methods.json', 'utf8')),
  JSON.parse(readFileSync('data/traits.json', 'utf8')),
);

function check(s: Scenario) {
  const { ranking } = advise({ ...DEFAULT_ANSWERS, ...s.answers }, catalogue, null);
  const top3 = ranking.slice(0, 3).map((r) => r.method);
  const shown = ranking.slice(0, 5).map((r) => `${r.method} ${r.score}`);
  if (s.expectTop) expect(top3[0], `ranking: ${shown.join(', ')}`).toBe(s.expectTop);
  if (s.expectTopThree) for (const m of s.expectTopThree) expect(top3, `ranking: ${shown.join(', ')}`).toContain(m);
}

describe('the scenario table', () => {
  it('has at least 20 scenarios, each with an expectation and a source', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(20);
    for (const s of SCENARIOS) {
      expect(s.expectTop ?? s.expectTopThree, s.name).toBeDefined();
      expect(s.source, s.name).toMatch(/Documentation\/|\(\d\)|lwn\.net|https:\/\//);
    }
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });
});

describe('advise() on realistic situations', () => {
  for (const s of SCENARIOS) {
    // A known rating gap is expected to fail; when the catalogue is fixed this turns red as a reminder
    // to drop the ratingGap note.
    if (s.ratingGap) it.fails(`${s.name} (needs a rating change)`, () => check(s));
    else it(s.name, () => check(s));
  }
});
