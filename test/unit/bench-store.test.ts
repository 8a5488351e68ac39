import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import { DatasetExistsError, publish, writeDataset } from '../../server/src/bench/store';

const dataset: Dataset = {
  schema: 'kcomm-bench/1',
  id: 'vm-tcg-quick-2026-11-27t0805z',
  collectedAt: '2026-11-27T08:05:00.000Z',
  host: { target: 'vm-tcg', kernel: '6.1.0', cpuModel: 'x', cpus: 2, memoryMiB: 512, hypervisor: 'QEMU 7.2.22 TCG' },
  harness: { version: 'abc1234', profile: 'quick', samplesPerPoint: 100 },
  baselines: {
    syscallNs: { p50: 1, p99: 2 },
    memcpyMBps: [{ sizeBytes: 64, MBps: 1 }],
    pipeRoundtripNs: { p50: 1, p99: 2 },
  },
  results: [],
  notes: ['synthetic'],
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcomm-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeDataset', () => {
  it('writes <id>.json as 2-space JSON with a trailing newline and leaves no temp file', async () => {
    const path = await writeDataset(dataset, dir);
    expect(path).toBe(join(dir, `${dataset.id}.json`));
    const text = await readFile(path, 'utf8');
    expect(text).toBe(`${JSON.stringify(dataset, null, 2)}\n`);
    expect(datasetSchema.parse(JSON.parse(text))).toEqual(dataset);
    expect(await readdir(dir)).toEqual([`${dataset.id}.json`]);
  });

  it('never overwrites an existing id', async () => {
    await writeFile(join(dir, `${dataset.id}.json`), 'original\n');
    await expect(writeDataset(dataset, dir)).rejects.toBeInstanceOf(DatasetExistsError);
    expect(await readFile(join(dir, `${dataset.id}.json`), 'utf8')).toBe('original\n');
    expect(await readdir(dir)).toEqual([`${dataset.id}.json`]);
  });

  it('refuses an invalid dataset before touching the directory', async () => {
    await expect(writeDataset({ ...dataset, id: 'Upper Case' }, dir)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('publishes on a filesystem without hard links, still never overwriting', async () => {
    const noLinks = async () => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
    };
    const temp = join(dir, '.x.tmp');
    await writeFile(temp, '{"a":1}\n');
    await publish(temp, join(dir, 'x.json'), noLinks);
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('{"a":1}\n');
    await writeFile(temp, '{"a":2}\n');
    await expect(publish(temp, join(dir, 'x.json'), noLinks)).rejects.toBeInstanceOf(DatasetExistsError);
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('{"a":1}\n');
  });
});
