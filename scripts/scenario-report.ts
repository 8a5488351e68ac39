// Prints every scenario of test/scenarios.ts with the advice's first three, with no dataset and with each
// shipped dataset: `node --import tsx scripts/scenario-report.ts [--failing] [--write-known]`.
// --write-known rewrites test/scenario-disagreements.ts, the list of scenarios on which the advice and the
// maintainer still disagree (the scenario test expects exactly these to fail, so a fix turns it red).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DEFAULT_ANSWERS } from '../src/core/answers';
import type { Dataset } from '../src/core/dataset-schema';
import { advise, TIE_MARGIN } from '../src/core/scoring';
import { SCENARIOS } from '../test/scenarios';
import { shippedCatalogue, shippedDatasets } from '../test/support/shipped-data';

const catalogue = shippedCatalogue();
const datasets: (Dataset | null)[] = [null, ...shippedDatasets()];
const failingOnly = process.argv.includes('--failing');
let failures = 0;
const known: { dataset: string; name: string; problems: string }[] = [];
for (const ds of datasets) {
  let ok = 0;
  let topOk = 0;
  // First-pick disagreements by how far the maintainer's pick sits behind the advice's: within the tie
  // margin the advice itself calls it a tie (both are shown as equal), within twice that a close call.
  const behind = { tie: 0, close: 0, clear: 0, eliminated: 0 };
  for (const s of SCENARIOS) {
    const advice = advise({ ...DEFAULT_ANSWERS, ...s.answers }, catalogue, ds);
    const top3 = advice.ranking.slice(0, 3).map((r) => `${r.method} ${r.score}`);
    const ids = advice.ranking.map((r) => r.method as string);
    const problems: string[] = [];
    if (ids[0] !== s.expectTop) {
      problems.push(`top ${ids[0] ?? 'none'} ≠ ${s.expectTop}`);
      const expected = advice.ranking.find((r) => r.method === s.expectTop);
      const gap = expected ? advice.ranking[0]!.score - expected.score : null;
      behind[gap === null ? 'eliminated' : gap <= TIE_MARGIN ? 'tie' : gap <= 2 * TIE_MARGIN ? 'close' : 'clear']++;
    } else topOk++;
    for (const m of ids.slice(0, 3))
      if (!(s.acceptableTopThree as string[]).includes(m)) problems.push(`${m} in top 3`);
    for (const m of s.mustEliminate ?? []) if (ids.includes(m)) problems.push(`${m} not eliminated`);
    if (problems.length === 0) ok++;
    else {
      failures++;
      known.push({ dataset: ds?.id ?? 'none', name: s.name, problems: problems.join('; ') });
    }
    if (!failingOnly || problems.length > 0)
      console.log(
        `${problems.length ? '✗' : '✓'} [${ds?.id ?? 'none'}] ${s.name}: ${top3.join(', ')}  ${problems.join('; ')}`,
      );
  }
  console.log(
    `== ${ds?.id ?? 'no dataset'}: ${ok}/${SCENARIOS.length} agree in full, ${topOk}/${SCENARIOS.length} on the first pick` +
      ` (the maintainer's pick behind by at most ${TIE_MARGIN} points, a tie: ${behind.tie}; by at most ${2 * TIE_MARGIN}: ${behind.close};` +
      ` further: ${behind.clear}; eliminated: ${behind.eliminated})`,
  );
}
if (process.argv.includes('--write-known')) {
  const body = known.map((k) => `  ${JSON.stringify(k)},`).join('\n');
  writeFileSync(
    'test/scenario-disagreements.ts',
    `// Written by scripts/scenario-report.ts --write-known: where the advice still disagrees with the maintainer's
// answer in test/scenarios.ts, per dataset ('none' = traits only). test/unit/scenarios.test.ts expects exactly
// these to disagree: fixing one turns the test red until its line is removed here. Never add a line by hand.
export const KNOWN_DISAGREEMENTS: { dataset: string; name: string; problems: string }[] = [
${body}
];
`,
  );
  execFileSync('npx', ['prettier', '--write', 'test/scenario-disagreements.ts'], { stdio: 'ignore' });
}
process.exitCode = failures > 0 ? 1 : 0;
