// `npm test`: every suite, in the order that fails fastest. Each vitest suite also writes a JSON report so
// the last line can count every test: "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const reports = path.resolve('var/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const vitest = (project) => [
  'npx',
  [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/${project}.json`,
  ],
];

const steps = [
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['unit + API', ...vitest('unit')],
  ['browser prerequisites', 'node', ['scripts/ensure-chromium.mjs']],
  ['build app', 'npx', ['vite', 'build']],
  ['browser end-to-end', ...vitest('e2e')],
  ['kernel prerequisites', 'node', ['scripts/ensure-kernel-deps.mjs']],
  ['harness C unit tests', 'node', ['scripts/build-kernel.mjs', '-s', 'check']],
  ['kernel modules for every installed kernel (W=1)', 'npm', ['run', '--silent', 'build:kernel']],
  ['kernel checkers (checkpatch --strict, sparse)', 'npm', ['run', '--silent', 'check:kernel']],
  ['kernel (each kernel: VM, quick profile, robustness)', ...vitest('kernel')],
];

let failedStep = null;
const timings = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push(`${String(seconds).padStart(5)} s  ${name}`);
  console.log(`=== ${name}: ${seconds} s`);
  if (r.status !== 0) {
    failedStep = `${name} (exit ${r.status ?? r.signal})`;
    break;
  }
}
console.log(`\nphase times:\n${timings.join('\n')}`);

let passed = 0;
let failed = 0;
for (const project of ['unit', 'e2e', 'kernel']) {
  try {
    const r = JSON.parse(readFileSync(`${reports}/${project}.json`, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  } catch {
    // suite did not run
  }
}
if (failedStep) {
  console.error(`\nnpm test stopped at: ${failedStep}`);
  failed = Math.max(failed, 1);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
