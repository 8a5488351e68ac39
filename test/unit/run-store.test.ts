import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Run } from '../../src/core/runs';

// What the store asks of the filesystem, in order: which path each fsync flushed, and each rename. The real
// calls still run; only their order and targets are recorded.
const ops: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  return {
    ...fs,
    openSync: (file: string, ...rest: Parameters<typeof fs.openSync> extends [unknown, ...infer R] ? R : never) => {
      const fd = fs.openSync(file, ...rest);
      paths.set(fd, file);
      return fd;
    },
    fsyncSync: (fd: number) => {
      ops.push(`fsync ${paths.get(fd)}`);
      fs.fsyncSync(fd);
    },
    renameSync: (from: string, to: string) => {
      ops.push(`rename ${from} -> ${to}`);
      fs.renameSync(from, to);
    },
  };
});

const { RunStore } = await import('../../server/src/runs/run-store');

const run: Run = {
  id: 'run-20260101t000000z-abcdef',
  request: { target: 'vm', profile: 'quick' },
  state: 'succeeded',
  phase: 'done',
  percent: 100,
  etaSeconds: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:01.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  datasetId: 'fake',
  error: null,
  pointsMeasured: 3,
  logTail: [],
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-run-store-'));
  ops.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('RunStore.save', () => {
  it('flushes the temp file, renames it over the record, then flushes the folder so the rename survives a crash', () => {
    new RunStore(dir).save(run);
    const file = path.join(dir, `${run.id}.json`);
    const tmp = `${file}.tmp-${process.pid}`;
    expect(ops).toEqual([`fsync ${tmp}`, `rename ${tmp} -> ${file}`, `fsync ${dir}`]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(run);
  });
});
