// `npm run build:kernel`: every reference module for every installed kernel and the static harness, W=1
// (server/Makefile), holding the bench build lock (server/src/bench/build-lock.ts) for the whole make, as a
// bench run does for its own rebuild: make writes the .ko files and the harness in server/build, and a bench
// run loading them at the same time would measure half-written files. A run in progress makes this exit
// with the lock holder's pid and command instead.
//
// `node scripts/build-kernel.mjs <make args>` runs other server/Makefile targets under the same lock:
// `npm test` runs the harness C unit tests (`-s check`) this way, since they compile the harness core into
// the same server/build/obj a bench run's rebuild writes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { withBuildLock, BuildLockedError } = await tsImport('../server/src/bench/build-lock.ts', import.meta.url);

const targets = process.argv.length > 2 ? process.argv.slice(2) : ['W=1', 'modules-all', 'harness'];

const make = () =>
  new Promise((resolve, reject) => {
    const child = spawn('make', ['-C', path.join(ROOT, 'server'), ...targets], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(signal ? 128 : (code ?? 1)));
  });

try {
  process.exitCode = await withBuildLock(make);
} catch (e) {
  if (!(e instanceof BuildLockedError)) throw e;
  console.error(`build:kernel: ${e.message}`);
  process.exitCode = 1;
}
