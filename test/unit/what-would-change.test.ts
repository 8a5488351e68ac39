import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import type { Catalogue } from '../../src/core/catalogue-schema';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import { DIRECTIONS, STYLES } from '../../src/core/ids';
import { rawScores } from '../../src/core/advice/evaluate';
import { memoisedRescore, whatWouldChange } from '../../src/core/advice/what-would-change';
import { topPick } from '../../src/core/scoring';
import fixture from '../fixtures/dataset-synthetic.json';
import { SCENARIOS } from '../scenarios';
import { shippedCatalogue, shippedDatasets } from '../support/shipped-data';

const catalogue: Catalogue = shippedCatalogue();
const synthetic: Dataset = datasetSchema.parse(fixture);
const shipped = shippedDatasets();

// Deterministic answer sets spread over the values where the rules change their minds: the i-th set takes
// each answer from its list by a different prime stride, so that every value of every answer occurs and the
// combinations vary (a failure names the set).
const VALUES = {
  dir: DIRECTIONS,
  style: STYLES,
  size: [0, 1, 8, 64, 512, 513, 2048, 4096, 65536, 1 << 20, 8 << 20, 123_457],
  rate: [0.01, 1, 10, 100, 1000, 5000, 20_000, 50_000, 1e6, 333_333],
  lat: [null, 1, 10, 100, 1000, 10_000, 1e6],
  listeners: [1, 2, 10, 50],
  stable: [true, false],
  module: [true, false, true],
  unpriv: [false, true, false],
  shell: [false, true, false],
  kernel: ['3.10', '4.19', '5.4', '5.10', '5.15', '6.1', '6.12'],
  dataset: [null],
  daemon: [null, true, false],
  scope: [null, 'device', 'system', 'object'],
  loss: [null, true, false],
  atload: [null, true, false],
  asks: [null, 'user', 'kernel'],
  topic: [null, 'process', 'device', 'system', 'trace'],
  grows: [null, true, false],
  framework: [null, 'input', 'power-supply', 'none', 'v4l2', 'thermal', 'watchdog'],
  keep: [null, 'procfs', null, 'chardev', 'sysfs', null, 'ioctl'],
  worker: [null, true, false],
} as const satisfies { [K in keyof Answers]: readonly Answers[K][] };
const STRIDES = [1, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79];

function generated(first: number, n: number): Answers[] {
  return Array.from({ length: n }, (_, j) => {
    const i = first + j;
    const entries = Object.entries(VALUES).map(([k, xs], f) => [k, xs[(i * STRIDES[f]! + f) % xs.length]]);
    return Object.fromEntries(entries) as Answers;
  });
}

const scenarios = SCENARIOS.map((s) => ({ ...DEFAULT_ANSWERS, ...s.answers }));

/** The straightforward search: every candidate scored by a full evaluateAll(). */
function reference(a: Answers, ds: Dataset | null) {
  return whatWouldChange(a, catalogue, ds, topPick(a, catalogue, ds), (changed) => rawScores(changed, catalogue, ds));
}

describe('the memoised what-would-change search', () => {
  it.each([
    ['no dataset', null, 100],
    ['the synthetic dataset', synthetic, 100],
    ...shipped.map((d) => [d.id, d, 20] as const),
  ] as const)('returns exactly what the straightforward search returns (%s)', (_name, ds, n) => {
    for (const a of [...scenarios, ...generated(n * 7, n)]) {
      const top = topPick(a, catalogue, ds);
      expect(whatWouldChange(a, catalogue, ds, top), JSON.stringify(a)).toEqual(reference(a, ds));
    }
  });

  it('scores any other answers exactly as a full evaluation does, for one or many changed answers', () => {
    for (const ds of [null, synthetic, ...shipped])
      for (let i = 0; i < 40; i++) {
        const [a, b] = generated(1000 + 97 * i, 2) as [Answers, Answers];
        const rescore = memoisedRescore(catalogue, ds);
        // Every single answer taken from b, then all of b at once.
        for (const k of Object.keys(a) as (keyof Answers)[]) {
          const changed = { ...a, [k]: b[k] } as Answers;
          expect(rescore(changed), `${JSON.stringify(a)} ${k}=${String(b[k])}`).toEqual(
            rawScores(changed, catalogue, ds),
          );
        }
        expect(rescore(b)).toEqual(rawScores(b, catalogue, ds));
        expect(rescore(a)).toEqual(rawScores(a, catalogue, ds));
      }
  });

  it('finds changes at all (the equivalence above is not between two empty lists)', () => {
    const withChanges = generated(500, 40).filter(
      (a) => whatWouldChange(a, catalogue, null, topPick(a, catalogue, null)).length > 0,
    );
    expect(withChanges.length).toBeGreaterThan(20);
  });
});

describe('what would change: the words', () => {
  const withModule: Answers = { ...DEFAULT_ANSWERS, style: 'stream', size: 1 << 20, rate: 60 };
  const moduleChange = (a: Answers) =>
    whatWouldChange(a, catalogue, null, topPick(a, catalogue, null)).find((c) => c.param === 'module');

  it('without a module and no topic said, says that only data the kernel already exposes could cross', () => {
    expect(moduleChange(withModule)?.sentence).toMatch(
      /^If you could not ship a kernel module and the kernel already exposed this data, .* would come first/,
    );
  });
});
