// Writes test/fixtures/advice-golden.json (see test/support/advice-golden.ts): the hash of the advice for
// every scenario and a seeded set of random answers, with no dataset, the synthetic one and each shipped one.
// Run it after a change that is meant to change the advice (a scoring rule, the catalogue, a new dataset):
//   node --import tsx scripts/advice-golden.ts
// A change meant to change nothing (a speed-up) must leave the file as it is. To see what moved, dump the
// full advice at two commits and diff the dumps:
//   node --import tsx scripts/advice-golden.ts --dump var/advice-before.jsonl   (writes no golden)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  adviceFor,
  adviceHash,
  GOLDEN_FILE,
  GOLDEN_RANDOM,
  GOLDEN_SEED,
  goldenCases,
  goldenDatasets,
  type Golden,
} from '../test/support/advice-golden';
import { shippedCatalogue } from '../test/support/shipped-data';
import { SCENARIOS } from '../test/scenarios';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dump = dumpAt >= 0 ? args[dumpAt + 1] : undefined;
if (dumpAt >= 0 && !dump) throw new Error('--dump needs a file name');

const catalogue = shippedCatalogue();
const cases = goldenCases();
const lines: string[] = [];
const golden: Golden = {
  about:
    'Hashes of advise() for test/support/advice-golden.ts goldenCases(); regenerate: node --import tsx scripts/advice-golden.ts',
  seed: GOLDEN_SEED,
  random: GOLDEN_RANDOM,
  scenarios: SCENARIOS.length,
  hashes: {},
};
for (const [id, ds] of goldenDatasets())
  golden.hashes[id] = cases.map((a, i) => {
    const advice = adviceFor(a, catalogue, ds);
    if (dump) lines.push(JSON.stringify({ dataset: id, case: i, answers: a, advice }));
    return adviceHash(advice);
  });

if (dump) {
  mkdirSync(dirname(dump), { recursive: true });
  writeFileSync(dump, `${lines.join('\n')}\n`);
  console.log(`${dump}: ${lines.length} advices`);
} else {
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(golden, null, 2)}\n`);
  execFileSync('npx', ['prettier', '--write', GOLDEN_FILE], { stdio: 'ignore' });
  console.log(`${GOLDEN_FILE}: ${Object.keys(golden.hashes).length} datasets × ${cases.length} answers`);
}
