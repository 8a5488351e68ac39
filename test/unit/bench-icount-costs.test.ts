// The icount cost table: built from a vm-icount dataset, and a point more than 5% dearer fails.
import { describe, expect, it } from 'vitest';
import type { BenchResult, Dataset } from '../../src/core/dataset-schema';
import { compareCosts, costKey, costTableOf, loadCostTable } from '../../server/src/bench/icount-costs';

const point = (variant: string, p50: number, errors = 0): BenchResult => ({
  method: 'mmap',
  variant,
  pattern: 'k2u',
  sizeBytes: 65536,
  latencyNs: { p50, p90: p50, p99: p50, max: p50, mean: p50 },
  msgsPerSec: 1,
  MBps: 1,
  samples: 200,
  errors,
});

const dataset = (results: BenchResult[], target: Dataset['host']['target'] = 'vm-icount'): Dataset => ({
  schema: 'kcomm-bench/2',
  id: 'vm-icount-quick-2026-11-29t2300z',
  collectedAt: '2026-11-29T23:00:00.000Z',
  host: {
    target,
    kernel: '6.12',
    cpuModel: 'Haswell',
    cpus: 1,
    memoryMiB: 464,
    hypervisor: 'QEMU',
    qemuCpu: 'Haswell-noTSX',
  },
  harness: { version: 'abc', profile: 'quick', samplesPerPoint: 200 },
  baselines: { syscallNs: { p50: 1, p99: 1 }, memcpyMBps: [], pipeRoundtripNs: { p50: 1, p99: 1 } },
  results,
  notes: [],
});

describe('icount cost table', () => {
  it('keeps the points measured without error, keyed by backend, pattern and size', () => {
    const t = costTableOf(dataset([point('ring', 1000), point('seqlock', 5, 3)]));
    expect(t.costs).toEqual({ 'mmap/ring k2u 65536': 1000 });
    expect(costKey(point('', 1))).toBe('mmap k2u 65536');
    expect(() => costTableOf(dataset([], 'vm-tcg'))).toThrow(/not vm-icount/);
  });

  it('fails a point that grew by more than 5%, and a point no longer measured', () => {
    const t = costTableOf(dataset([point('ring', 1000), point('seqlock', 2000)]));
    expect(compareCosts(t, dataset([point('ring', 1050), point('seqlock', 2000)]))).toEqual({ grown: [], missing: [] });
    const { grown, missing } = compareCosts(t, dataset([point('ring', 1051)]));
    expect(grown.map((g) => g.key)).toEqual(['mmap/ring k2u 65536']);
    expect(missing).toEqual(['mmap/seqlock k2u 65536']);
  });

  it('treats a point the table does not hold yet (a new backend) as not measured yet, not as a failure', () => {
    const t = costTableOf(dataset([point('ring', 1000)]));
    const withNew = dataset([point('ring', 1000), { ...point('', 99_999), method: 'connector', pattern: 'roundtrip' }]);
    expect(compareCosts(t, withNew)).toEqual({ grown: [], missing: [] });
  });

  it('is committed, from a vm-icount run on a named CPU model', async () => {
    const t = await loadCostTable();
    expect(t.qemuCpu).not.toBe('max');
    expect(Object.keys(t.costs).length).toBeGreaterThan(100);
  });
});
