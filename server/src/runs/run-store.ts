// Run history on disk, one JSON file per run, each write atomic (temp file, fsync, rename), so a crash never
// leaves a half-written record. At start, runs that were queued or running when the server stopped become
// 'interrupted'.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Run } from './types';

export const RUN_ID_PATTERN = /^run-[0-9]{8}t[0-9]{6}z-[a-z0-9]{6}$/;

export class RunStore {
  readonly corrupt: { file: string; error: string }[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  loadAll(): Run[] {
    const runs: Run[] = [];
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(this.dir, name);
      try {
        const run = JSON.parse(readFileSync(file, 'utf8')) as Run;
        if (!RUN_ID_PATTERN.test(run.id)) throw new Error('bad id');
        runs.push(run);
      } catch (e) {
        this.corrupt.push({ file, error: (e as Error).message });
      }
    }
    return runs;
  }

  save(run: Run): void {
    const file = path.join(this.dir, `${run.id}.json`);
    const tmp = `${file}.tmp-${process.pid}`;
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(run, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  }
}
