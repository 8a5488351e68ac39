import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireBuildLock, BUILD_LOCK, BuildLockedError, withBuildLock } from '../../server/src/bench/build-lock';

let dir: string;
let lock: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcomm-lock-'));
  lock = join(dir, 'build', '.bench.lock');
  await mkdir(join(dir, 'build'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped), so that no process has it now. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  const pid = child.pid!;
  await new Promise((resolve) => child.on('exit', resolve));
  return pid;
}

const holderPid = async () => (JSON.parse(await readFile(lock, 'utf8')) as { pid: number }).pid;

describe('the bench build lock: one run at a time in server/build', () => {
  it('refuses a second acquirer with the holder’s pid and what to do, until the first releases', async () => {
    const release = await acquireBuildLock(lock);
    expect(await holderPid()).toBe(process.pid);
    const second = await acquireBuildLock(lock).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(BuildLockedError);
    expect((second as Error).message).toMatch(
      new RegExp(`^another bench run \\(pid ${process.pid}, started .*\\) is using server/build; wait for it`),
    );
    expect((second as Error).message).toContain(`kill ${process.pid}`);
    await release();
    await expect(readdir(join(dir, 'build'))).resolves.toEqual([]);
    await (
      await acquireBuildLock(lock)
    )();
  });

  it('takes over a lock whose process is gone', async () => {
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), startedAt: '2026-11-30T08:00:00Z', command: 'x' }));
    const release = await acquireBuildLock(lock);
    expect(await holderPid()).toBe(process.pid);
    await release();
  });

  it('takes over an unreadable lock', async () => {
    await writeFile(lock, '{"pid":');
    const release = await acquireBuildLock(lock);
    expect(await holderPid()).toBe(process.pid);
    await release();
  });

  it('lets exactly one of two runs that find the same stale lock take it over', async () => {
    await writeFile(lock, JSON.stringify({ pid: await deadPid(), startedAt: '?', command: 'bench' }));
    const outcomes = await Promise.allSettled([acquireBuildLock(lock), acquireBuildLock(lock)]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.any(BuildLockedError)]);
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
    await expect(readdir(join(dir, 'build'))).resolves.toEqual([]);
  });

  it('releases the lock when the work fails, and never removes a lock that is no longer its own', async () => {
    await expect(withBuildLock(() => Promise.reject(new Error('make failed')), lock)).rejects.toThrow('make failed');
    await expect(readdir(join(dir, 'build'))).resolves.toEqual([]);
    const release = await acquireBuildLock(lock);
    const other = JSON.stringify({ pid: process.pid, startedAt: 'later', command: 'another run' });
    await writeFile(lock, other);
    await release();
    expect(await readFile(lock, 'utf8')).toBe(other);
  });

  it('npm run build:kernel refuses, naming the holder, while a bench run holds server/build', async () => {
    // The real lock: a bench run in progress makes this acquisition fail, with the holder's pid.
    const release = await acquireBuildLock(BUILD_LOCK);
    try {
      const child = spawn(process.execPath, ['scripts/build-kernel.mjs'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(out).toContain(`build:kernel: another bench run (pid ${process.pid}`);
      expect(out).not.toContain('make');
      expect(code).toBe(1);
    } finally {
      await release();
    }
  });
});
