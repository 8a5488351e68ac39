// Writes test/fixtures/report-synthetic.json: the report kcomm gives for fixed answers on the synthetic dataset
// test/fixtures/dataset-synthetic.json (made-up numbers on a "Synthetic CPU (fixture)", not a measurement).
// Run after a change to the report or the scoring: node --import tsx scripts/fixture-report.ts
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeAnswers } from '../src/core/answers-codec';
import { datasetSchema } from '../src/core/dataset-schema';
import { buildReport } from '../src/core/report';
import { shippedCatalogue } from '../test/support/shipped-data';

const QUERY = 'dir=both&style=request&size=256&rate=1000&listeners=1&stable=1&module=1&unpriv=0&shell=0&kernel=5.10';
const OUT = 'test/fixtures/report-synthetic.json';

const dataset = datasetSchema.parse(JSON.parse(readFileSync('test/fixtures/dataset-synthetic.json', 'utf8')));
const { answers, errors } = decodeAnswers(`${QUERY}&dataset=${dataset.id}&v=1`);
if (errors.length > 0) throw new Error(`bad answers: ${JSON.stringify(errors)}`);
const report = buildReport(answers, shippedCatalogue(), dataset, 'http://127.0.0.1:5178');
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
execFileSync('npx', ['prettier', '--write', OUT], { stdio: 'ignore' });
console.log(`${OUT}: ${report.verdict?.sentence}`);
