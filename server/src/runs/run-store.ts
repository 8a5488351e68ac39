// Run history on disk, one JSON file per run, each write atomic (temp file, fsync, rename, fsync of the
// folder), so a crash never leaves a half-written record nor loses a rename. A file that cannot be read or
// does not hold a run is listed in `corrupt` with its error; it never hides the others.
import {
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { runFileSchema, type CorruptRunFile } from '../../../src/core/runs';
import type { Run } from './types';

export class RunStore {
  readonly corrupt: CorruptRunFile[] = [];

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  loadAll(): Run[] {
    const runs: Run[] = [];
    for (const name of readdirSync(this.dir).sort()) {
      if (!name.endsWith('.json')) continue;
      try {
        runs.push(this.read(name));
      } catch (e) {
        this.corrupt.push({ file: name, error: (e as Error).message });
      }
    }
    return runs;
  }

  private read(name: string): Run {
    // O_NOFOLLOW: a symlink planted in the history folder is not followed.
    const fd = openSync(path.join(this.dir, name), constants.O_RDONLY | constants.O_NOFOLLOW);
    let text: string;
    try {
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('not valid JSON');
    }
    const parsed = runFileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`not a run record: ${z.prettifyError(parsed.error)}`);
    if (`${parsed.data.id}.json` !== name) throw new Error(`its id "${parsed.data.id}" differs from its file name`);
    return parsed.data;
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
    this.syncDir();
  }

  remove(id: string): void {
    rmSync(path.join(this.dir, `${id}.json`), { force: true });
  }

  private syncDir(): void {
    const fd = openSync(this.dir, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
