// The starter archive builds as its README says: downloaded from the API, unpacked with tar, the module built
// with the README's `make -C /lib/modules/$(uname -r)/build M=$PWD W=1 modules` against the oldest and the
// newest installed kernel (no warning allowed), and the user side with the README's `cc` line plus -Werror,
// after its `clang` and `bpftool` lines where the folder has a BPF program (bpf-ringbuf).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import { listGuestKernels } from '../../server/src/bench/kernel';
import { loadCatalogue } from '../../server/src/lib/catalogue-store';

const run = promisify(execFile);
const catalogue = await loadCatalogue(path.join(REPO_ROOT, 'data'));
const methods = catalogue.methods.filter((m) => m.reference.path !== null).map((m) => m.id);
const installed = listGuestKernels();
const kernels = [...new Set([installed[0], installed.at(-1)])].filter((k) => k !== undefined);

let app: FastifyInstance;
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kcomm-starter-'));
  app = await buildApp({ distDir: path.join(work, 'no-dist'), runsDir: path.join(work, 'runs') });
});
afterAll(async () => {
  await app?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Downloads and unpacks a method's archive into a folder of its own; returns the top folder and README. */
async function unpack(method: string, into: string): Promise<{ dir: string; readme: string }> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/methods/${method}/starter.tar.gz`,
    headers: { host: 'localhost' },
  });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  await rm(into, { recursive: true, force: true });
  await run('mkdir', ['-p', into]);
  const file = path.join(into, 'starter.tar.gz');
  await writeFile(file, res.rawPayload);
  await run('tar', ['-xzf', file, '-C', into]);
  const dir = path.join(into, `kcomm-${method}-starter`);
  return { dir, readme: await readFile(path.join(dir, 'README.md'), 'utf8') };
}

/** The README's indented command that starts with prefix. */
function readmeCommand(readme: string, prefix: string): string {
  const line = readme.split('\n').find((l) => l.startsWith(`    ${prefix}`));
  expect(line, `the README has no "${prefix}" command`).toBeDefined();
  return line!.trim();
}

const sh = (command: string, cwd: string) =>
  run('bash', ['-c', `${command} 2>&1`], { cwd, env: { ...process.env, PWD: cwd }, maxBuffer: 16 << 20 });

describe('starter archive', () => {
  it('has kernels with headers to build against', () => {
    expect(kernels.length, 'node scripts/ensure-kernel-deps.mjs installs them (as root)').toBeGreaterThan(0);
  });

  for (const method of methods) {
    it(`${method}: the user side builds with the README's cc line and -Werror`, async () => {
      const { dir, readme } = await unpack(method, path.join(work, `${method}-user`));
      for (const line of readme.split('\n').filter((l) => /^ {4}(clang|bpftool) /.test(l))) {
        const { stdout } = await sh(line.trim(), dir);
        expect(stdout).not.toMatch(/warning:/);
      }
      const cc = readmeCommand(readme, 'cc ');
      const { stdout } = await sh(cc.replace(/^cc /, 'cc -Werror '), dir);
      expect(stdout).not.toMatch(/warning:/);
      const list = await run(path.join(dir, 'kcomm-harness'), ['list']);
      expect(list.stdout).toContain(`"method":"${method}"`);
    });

    for (const kernel of kernels) {
      it(`${method}: the module builds against ${kernel.version} with W=1 and no warning`, async () => {
        const { dir, readme } = await unpack(method, path.join(work, `${method}-${kernel.version}`));
        const make = readmeCommand(readme, 'make -C ').replace('$(uname -r)', kernel.version);
        expect(existsSync(`/lib/modules/${kernel.version}/build/Makefile`)).toBe(true);
        const { stdout } = await sh(make, dir);
        expect(stdout).not.toMatch(/warning:/);
        const ko = /`([a-z0-9_]+\.ko)`/.exec(readme)?.[1];
        expect(ko, 'the README names the .ko').toBeDefined();
        expect(existsSync(path.join(dir, ko!)), `${ko} after: ${stdout.slice(-2000)}`).toBe(true);
      });
    }
  }
});
