// Builds the harness and the reference modules (`make -C server`) unless a fresh build is already there:
// fresh = the harness binary and every module are newer than every source under server/harness and
// server/reference, and the modules were built for the kernel they will be loaded into (vermagic).
import { execFile } from 'node:child_process';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listModules } from './initramfs';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const SERVER_DIR = join(REPO_ROOT, 'server');
export const BUILD_DIR = join(SERVER_DIR, 'build');
export const HARNESS_BIN = join(BUILD_DIR, 'kcomm-harness');
export const MODULES_DIR = join(BUILD_DIR, 'modules');

const BUILD_TIMEOUT_MS = 15 * 60_000;

export class BuildError extends Error {
  override name = 'BuildError';
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

async function newestMtime(path: string): Promise<number> {
  const s = await stat(path).catch(() => undefined);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const name of await readdir(path)) {
    if (name === 'build' || name.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, name)));
  }
  return newest;
}

/** The kernel release a module was built for, from its `vermagic=` modinfo string. */
export function moduleVermagic(ko: Buffer): string | undefined {
  const at = ko.indexOf('vermagic=');
  if (at < 0) return undefined;
  const end = ko.indexOf(0, at);
  return ko
    .subarray(at + 'vermagic='.length, end < 0 ? undefined : end)
    .toString('utf8')
    .split(' ')[0];
}

export async function isBuildFresh(kernelVersion: string | undefined): Promise<boolean> {
  const harness = await stat(HARNESS_BIN).catch(() => undefined);
  if (!harness) return false;
  const sources = Math.max(
    await newestMtime(join(SERVER_DIR, 'harness')),
    await newestMtime(join(SERVER_DIR, 'reference')),
    await newestMtime(join(SERVER_DIR, 'Makefile')),
  );
  if (harness.mtimeMs < sources) return false;
  if (kernelVersion === undefined) return true;
  const modules = await listModules(MODULES_DIR);
  if (modules.length === 0) return false;
  for (const ko of modules) {
    if ((await stat(ko)).mtimeMs < sources) return false;
    if (moduleVermagic(await readFile(ko)) !== kernelVersion) return false;
  }
  return true;
}

export interface MakeOptions {
  /** Kernel headers the modules build against; passed as KDIR=. */
  kdir?: string;
  /** e.g. ['W=1'], or a target: ['harness'] builds the user side only (no kernel headers needed). */
  extraArgs?: string[];
  signal?: AbortSignal;
}

/** `make -C server [KDIR=..] [extra]`; resolves with the combined output, rejects with BuildError. */
export function makeServer(o: MakeOptions = {}): Promise<string> {
  const args = ['-C', SERVER_DIR, ...(o.kdir ? [`KDIR=${o.kdir}`] : []), ...(o.extraArgs ?? [])];
  return new Promise((resolvePromise, reject) => {
    execFile(
      'make',
      args,
      { timeout: BUILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, signal: o.signal, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (err) {
          const tail = output.trim().split('\n').slice(-40).join('\n');
          reject(new BuildError(`make ${args.join(' ')} failed: ${err.message.split('\n')[0]}\n${tail}`, output));
        } else resolvePromise(output);
      },
    );
  });
}

/** Builds unless fresh. kernelVersion: the release the modules must load into; undefined = harness only. */
export async function ensureBuild(kernelVersion: string | undefined, kdir: string | undefined, signal?: AbortSignal) {
  if (await isBuildFresh(kernelVersion)) return { built: false, output: '' };
  const output = await makeServer({ kdir, signal, extraArgs: kernelVersion === undefined ? ['harness'] : [] });
  if (!(await stat(HARNESS_BIN).catch(() => undefined))) {
    throw new BuildError(`make succeeded but ${HARNESS_BIN} is missing`, output);
  }
  return { built: true, output };
}

/** Builds the harness alone (no kernel headers needed) and returns the JSON lines of `kcomm-harness args`. */
export async function harnessJsonLines(args: string[]): Promise<unknown[]> {
  await makeServer({ extraArgs: ['harness'] });
  const { stdout } = await promisify(execFile)(HARNESS_BIN, args, { timeout: 30_000 });
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as unknown);
}
