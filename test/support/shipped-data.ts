// The shipped catalogue and benchmark datasets, read synchronously from the working tree: one loader for the
// tests and the scripts that judge the advice (the server reads the same files through its own stores).
import { readdirSync, readFileSync } from 'node:fs';
import { parseCatalogue, parseFrameworks } from '../../src/core/catalogue-load';
import type { Catalogue } from '../../src/core/catalogue-schema';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

export function shippedCatalogue(): Catalogue {
  return {
    ...parseCatalogue(readJson('data/methods.json'), readJson('data/traits.json')),
    frameworks: parseFrameworks(readJson('data/frameworks.json')),
  };
}

/** Every dataset in data/benchmarks/, by file name order. */
export function shippedDatasets(): Dataset[] {
  return readdirSync('data/benchmarks')
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => datasetSchema.parse(readJson(`data/benchmarks/${f}`)));
}
