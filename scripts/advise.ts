// Prints the advice for a permalink's query string, as GET /api/advice would compute it:
//   node --import tsx scripts/advise.ts 'dir=k2u&style=stream&size=4096&rate=10000[&dataset=ID]' [--why]
import { readFileSync } from 'node:fs';
import { decodeAnswers } from '../src/core/answers-codec';
import { datasetSchema } from '../src/core/dataset-schema';
import { advise } from '../src/core/scoring';
import { shippedCatalogue } from '../test/support/shipped-data';

const [query = '', ...rest] = process.argv.slice(2);
const { answers, errors } = decodeAnswers(query);
for (const e of errors) console.error(`answer error: ${e.message}`);
const catalogue = shippedCatalogue();
const ds = answers.dataset
  ? datasetSchema.parse(JSON.parse(readFileSync(`data/benchmarks/${answers.dataset}.json`, 'utf8')))
  : null;
const advice = advise(answers, catalogue, ds);
console.log(advice.verdict.sentence);
for (const w of advice.verdict.whyNotRunnerUp) console.log(`  why not the runner-up: ${w}`);
for (const w of advice.verdict.runnerUpStrengths ?? []) console.log(`  for the runner-up: ${w}`);
for (const w of advice.inputWarnings) console.log(`  warning: ${w}`);
for (const r of advice.ranking) {
  console.log(`${String(r.score).padStart(4)}  ${r.method}${r.unverified ? ' (unverified)' : ''}`);
  if (rest.includes('--why')) for (const x of r.reasons) console.log(`        ${x}`);
}
console.log(`eliminated: ${advice.eliminated.map((e) => e.method).join(', ')}`);
if (rest.includes('--why')) for (const e of advice.eliminated) console.log(`  ${e.method}: ${e.reasons.join(' ')}`);
for (const c of advice.whatWouldChange) console.log(`  change: ${c.sentence}`);
