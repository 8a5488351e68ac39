// The advice golden: every scenario of test/scenarios.ts and a seeded set of random answers, run through
// advise() without a dataset, with the synthetic fixture and with each shipped dataset. Each advice is kept
// as a short hash of its JSON, so that a change meant to be invisible (a speed-up) can prove that no
// ranking, score, elimination, sentence or what-would-change moved. test/unit/advice-golden.test.ts checks
// it; scripts/advice-golden.ts writes it (and can dump the full advice for a diff between two commits).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import type { Catalogue } from '../../src/core/catalogue-schema';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import { ASKERS, DIRECTIONS, FRAMEWORK_ANSWERS, METHOD_IDS, SCOPES, STYLES, TOPICS } from '../../src/core/ids';
import { advise, type Advice } from '../../src/core/scoring';
import { SCENARIOS } from '../scenarios';
import { seeded } from './seeded';
import { shippedDatasets } from './shipped-data';

export const GOLDEN_FILE = 'test/fixtures/advice-golden.json';
export const GOLDEN_SEED = 8;
export const GOLDEN_RANDOM = 100;
/** The key of the runs without a dataset. */
export const NO_DATASET = '(none)';

export interface Golden {
  about: string;
  seed: number;
  random: number;
  scenarios: number;
  /** Dataset id (or NO_DATASET) → one hash per case, in goldenCases() order. */
  hashes: Record<string, string[]>;
}

/**
 * Random answers over the whole domain: half the numbers from the values where the rules change their minds,
 * half drawn on a log scale (sizes between measured ones, rates and budgets of any magnitude).
 */
export function randomAnswers(seed: number, n: number): Answers[] {
  const r = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const logUniform = (lo: number, hi: number) => 10 ** (lo + (hi - lo) * r());
  // The framework answer draws from a stream of its own, so that the answers drawn before it existed stay
  // the same and the golden's diff shows only what the framework changes.
  const f = seeded(seed + 1);
  const framework = () => (f() < 0.5 ? null : FRAMEWORK_ANSWERS[Math.floor(f() * FRAMEWORK_ANSWERS.length)]!);
  // The existing interface (keep) likewise, from a third stream.
  const k = seeded(seed + 2);
  const keep = () => (k() < 0.7 ? null : METHOD_IDS[Math.floor(k() * METHOD_IDS.length)]!);
  // And where the kernel's work runs (worker), from a fourth.
  const w = seeded(seed + 3);
  const worker = () => [null, true, false][Math.floor(w() * 3)]!;
  const out: Answers[] = [];
  for (let i = 0; i < n; i++)
    out.push({
      dir: pick(DIRECTIONS),
      style: pick(STYLES),
      size:
        r() < 0.5
          ? pick([0, 1, 8, 64, 512, 513, 2048, 4095, 4096, 16384, 65536, 1 << 20, 8 << 20])
          : Math.round(logUniform(0, 8)),
      rate: r() < 0.5 ? pick([0.01, 1, 10, 100, 1000, 5000, 20_000, 50_000, 1e6]) : logUniform(-2, 7),
      lat: r() < 0.3 ? null : r() < 0.5 ? pick([1, 10, 100, 1000, 10_000, 1e6]) : logUniform(-1.5, 6),
      listeners: pick([1, 1, 1, 2, 10, 50, 1000]),
      stable: r() < 0.6,
      module: r() < 0.7,
      unpriv: r() < 0.3,
      shell: r() < 0.25,
      kernel: pick(['2.6', '3.10', '4.4', '4.19', '5.4', '5.10', '5.15', '6.1', '6.6', '6.12']),
      dataset: null,
      daemon: pick([null, true, false]),
      scope: pick([null, ...SCOPES]),
      loss: pick([null, true, false]),
      atload: pick([null, true, false]),
      asks: pick([null, ...ASKERS]),
      topic: pick([null, ...TOPICS]),
      grows: pick([null, true, false]),
      framework: framework(),
      keep: keep(),
      worker: worker(),
    });
  return out;
}

/** The answers of the golden, in order: the scenarios, then the random ones. */
export function goldenCases(): Answers[] {
  return [
    ...SCENARIOS.map((s) => ({ ...DEFAULT_ANSWERS, ...s.answers })),
    ...randomAnswers(GOLDEN_SEED, GOLDEN_RANDOM),
  ];
}

/** No dataset, the synthetic fixture, then every shipped dataset. */
export function goldenDatasets(): [string, Dataset | null][] {
  const synthetic = datasetSchema.parse(JSON.parse(readFileSync('test/fixtures/dataset-synthetic.json', 'utf8')));
  return [[NO_DATASET, null], ...[synthetic, ...shippedDatasets()].map((d) => [d.id, d] as [string, Dataset])];
}

export function adviceFor(a: Answers, catalogue: Catalogue, ds: Dataset | null): Advice {
  return advise({ ...a, dataset: ds?.id ?? null }, catalogue, ds);
}

export function adviceHash(advice: Advice): string {
  return createHash('sha256').update(JSON.stringify(advice)).digest('hex').slice(0, 16);
}
