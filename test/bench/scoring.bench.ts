import { bench, describe } from 'vitest';
import { DEFAULT_ANSWERS, type Answers } from '../../src/core/answers';
import { shippedCatalogue } from '../support/shipped-data';
import { datasetSchema } from '../../src/core/dataset-schema';
import { advise, topPick } from '../../src/core/scoring';
import fixture from '../fixtures/dataset-synthetic.json';

const catalogue = shippedCatalogue();
const dataset = datasetSchema.parse(fixture);
const answers: Answers = { ...DEFAULT_ANSWERS, style: 'stream', size: 2048, rate: 50_000, lat: 100 };

// advise() includes whatWouldChange, which re-scores every method for a few dozen alternative answers;
// one scoring pass over the catalogue costs roughly advise() divided by (candidates + 1).
describe('advise() over the whole catalogue', () => {
  bench('traits only', () => {
    advise(answers, catalogue, null);
  });
  bench('with the synthetic dataset', () => {
    advise(answers, catalogue, dataset);
  });
});

// The core pass alone: eliminate and score every method once, no reasons, no whatWouldChange.
describe('one scoring pass over the catalogue (topPick)', () => {
  bench('traits only', () => {
    topPick(answers, catalogue, null);
  });
  bench('with the synthetic dataset', () => {
    topPick(answers, catalogue, dataset);
  });
});
