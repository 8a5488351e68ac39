// One bench run at a time may use server/build: a run rebuilds the harness and the modules there (make) and
// then loads them, so a second run would overwrite the files the first is loading. The lock is a file that
// names its holder's pid, created exclusively: written whole under a name of its own, then hard-linked to the
// lock's name, which fails if the lock exists (an open(..., 'wx') would let a reader see it half-written).
// A lock whose pid is dead is taken over. proper-lockfile was the alternative: its locks go stale by an mtime
// the holder must keep refreshing and do not name their holder, while here a stale lock is one whose process
// is gone and the refusal can say which run to wait for or stop. server/build is local to the checkout, so
// the pid is one of this machine's.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BUILD_DIR } from './build';

export const BUILD_LOCK = join(BUILD_DIR, '.bench.lock');

export interface LockHolder {
  pid: number;
  startedAt: string;
  command: string;
}

export class BuildLockedError extends Error {
  override name = 'BuildLockedError';
  constructor(readonly holder: LockHolder) {
    super(
      `another bench run (pid ${holder.pid}, started ${holder.startedAt}: ${holder.command}) is using server/build; ` +
        `wait for it to finish, or stop it (kill ${holder.pid}) and start again`,
    );
  }
}

/** Whether a process with this pid runs on this machine (EPERM: it runs as another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<LockHolder | null> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text === null) return null;
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isInteger(h.pid) && (h.pid as number) > 0)
      return { pid: h.pid!, startedAt: String(h.startedAt), command: String(h.command) };
  } catch {
    /* not JSON: a lock damaged on disk, whose holder cannot be known */
  }
  return { pid: 0, startedAt: '?', command: 'an unreadable lock file' };
}

/** A holder that can no longer release its lock: its process is gone (or the lock is unreadable). */
const isStale = (h: LockHolder) => h.pid === 0 || !isAlive(h.pid);

/**
 * Moves a stale lock out of the way. The rename is atomic, so of two runs taking over the same stale lock one
 * moves it; the other moves the lock the first has since created, sees a live holder and puts it back.
 */
async function removeStale(path: string, stale: LockHolder): Promise<void> {
  const aside = `${path}.stale-${randomBytes(8).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await readHolder(aside);
  if (moved && moved.pid !== stale.pid && !isStale(moved)) {
    await link(aside, path).catch(() => undefined);
    await unlink(aside);
    throw new BuildLockedError(moved);
  }
  await unlink(aside);
}

/**
 * Takes the build lock or throws BuildLockedError naming the run that holds it; resolves with the release,
 * which removes the lock only while it is still this run's.
 */
export async function acquireBuildLock(path = BUILD_LOCK): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  const token = randomBytes(8).toString('hex');
  // The token tells this acquisition's lock from another of the same process (the release checks it).
  const content = JSON.stringify({ ...me, token });
  const mine = `${path}.${process.pid}-${token}.new`;
  await writeFile(mine, content);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, path);
        return async () => {
          const now = await readFile(path, 'utf8').catch(() => null);
          if (now === content) await unlink(path).catch(() => undefined);
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = await readHolder(path);
      if (holder === null) continue;
      if (!isStale(holder)) throw new BuildLockedError(holder);
      await removeStale(path, holder);
    }
    const holder = await readHolder(path);
    throw new BuildLockedError(holder ?? { ...me, command: 'a run that came and went' });
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

/** Runs `fn` holding the build lock. */
export async function withBuildLock<T>(fn: () => Promise<T>, path = BUILD_LOCK): Promise<T> {
  const release = await acquireBuildLock(path);
  try {
    return await fn();
  } finally {
    await release();
  }
}
