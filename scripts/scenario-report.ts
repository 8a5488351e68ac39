// Prints every scenario of test/scenarios.ts with the advice's first three, with no dataset and with each
// shipped dataset: `node --import tsx scripts/scenario-report.ts [--failing]`.
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_ANSWERS } from '../src/core/answers';
import { parseCatalogue } from '../src/core/catalogue-load';
import { datasetSchema, type Dataset } from '../src/core/dataset-schema';
import { advise } from '../src/core/scoring';
import { SCENARIOS } from '../test/scenarios';

const catalogue = parseCatalogue(
  JSON.parse(readFileSync('data/methods.json', 'utf8')),
  JSON.parse(readFileSync('data/traits.json', 'utf8')),
);
const datasets: (Dataset | null)[] = [
  null,
  ...readdirSync('data/benchmarks')
    .filter((f) => f.endsWith('.json'))
    .map((f) => datasetSchema.parse(JSON.parse(readFileSync(`data/benchmarks/${f}`, 'utf8')))),
];
const failingOnly = process.argv.includes('--failing');
let failures = 0;
for (const ds of datasets) {
  let ok = 0;
  for (const s of SCENARIOS) {
    const advice = advise({ ...DEFAULT_ANSWERS, ...s.answers }, catalogue, ds);
    const top3 = advice.ranking.slice(0, 3).map((r) => `${r.method} ${r.score}`);
    const ids = advice.ranking.map((r) => r.method as string);
    const problems: string[] = [];
    if (ids[0] !== s.expectTop) problems.push(`top ${ids[0] ?? 'none'} ≠ ${s.expectTop}`);
    for (const m of ids.slice(0, 3)) if (!(s.acceptableTopThree as string[]).includes(m)) problems.push(`${m} in top 3`);
    for (const m of s.mustEliminate ?? []) if (ids.includes(m)) problems.push(`${m} not eliminated`);
    if (problems.length === 0) ok++;
    else failures++;
    if (!failingOnly || problems.length > 0)
      console.log(`${problems.length ? '✗' : '✓'} [${ds?.id ?? 'none'}] ${s.name}: ${top3.join(', ')}  ${problems.join('; ')}`);
  }
  console.log(`== ${ds?.id ?? 'no dataset'}: ${ok}/${SCENARIOS.length} agree`);
}
process.exitCode = failures > 0 ? 1 : 0;
