import { describe, expect, it } from 'vitest';
import { cellValue, factsOf, filterFacts, pivot, sortPivotRows, type PivotFact } from '../../src/core/bench-pivot';
import type { BenchResult, Dataset } from '../../src/core/dataset-schema';

// SYNTHETIC: hand-made numbers to check the pivot, not measurements.
function result(
  method: BenchResult['method'],
  variant: string,
  pattern: BenchResult['pattern'],
  size: number,
  p50: number,
  ratio?: [number, number, number],
): BenchResult {
  return {
    method,
    variant,
    pattern,
    sizeBytes: size,
    latencyNs: { p50, p90: p50 * 2, p99: p50 * 3, max: p50 * 4, mean: p50 },
    msgsPerSec: 1e9 / p50,
    MBps: pattern === 'notify' ? 0 : size / p50,
    samples: 100,
    errors: 0,
    ...(ratio && {
      ratio: {
        reference: 'syscall',
        median: ratio[0],
        ci95: [ratio[1], ratio[2]] as [number, number],
        blocks: 20,
        instability: (ratio[2] - ratio[1]) / 2 / ratio[0],
        referenceNs: { p50: 100, p99: 200 },
      },
      unstable: (ratio[2] - ratio[1]) / 2 / ratio[0] > 0.1,
    }),
  };
}

const dataset: Dataset = {
  schema: 'kcomm-bench/2',
  id: 'pivot',
  collectedAt: '2026-11-29T00:00:00Z',
  host: { target: 'vm-icount', kernel: 'k', cpuModel: 'c', cpus: 1, memoryMiB: 512, hypervisor: 'qemu' },
  harness: { version: 't', profile: 'quick', samplesPerPoint: 100 },
  unit: 'instructions',
  baselines: { syscallNs: { p50: 100, p99: 200 }, memcpyMBps: [], pipeRoundtripNs: { p50: 1, p99: 2 } },
  results: [
    result('ioctl', '', 'roundtrip', 8, 900, [2.2, 2.1, 2.3]),
    result('ioctl', '', 'roundtrip', 4096, 5000, [1.5, 1.0, 2.0]),
    result('chardev', '', 'roundtrip', 8, 1200, [3, 2.9, 3.1]),
    result('mmap', 'ring', 'k2u', 4096, 3000, [1.1, 1.05, 1.15]),
    result('mmap', 'seqlock', 'k2u', 4096, 2000, [0.9, 0.85, 0.95]),
    result('mmap', 'ring', 'notify', 0, 700),
  ],
  notes: [],
};

const ids = (facts: PivotFact[]) => facts.map((f) => `${f.key}@${f.pattern}/${f.sizeBytes}`);

describe('benchmark pivot table', () => {
  it('lists every measured point once as a fact', () => {
    expect(ids(factsOf(dataset))).toEqual([
      'chardev@roundtrip/8',
      'ioctl@roundtrip/8',
      'ioctl@roundtrip/4096',
      'mmap/ring@k2u/4096',
      'mmap/seqlock@k2u/4096',
      'mmap/ring@notify/0',
    ]);
    expect(ids(factsOf(dataset, ['k2u']))).toEqual(['mmap/ring@k2u/4096', 'mmap/seqlock@k2u/4096']);
  });

  it('puts methods down and sizes across, sizes in numeric order, one point per cell', () => {
    const p = pivot(factsOf(dataset, ['roundtrip']), 'method', 'size');
    // variant and pattern do not vary here, so they are not folded into the rows.
    expect(p.rowDims).toEqual(['method']);
    expect(p.columns.map((c) => c.label)).toEqual(['8 B', '4 KiB']);
    expect(p.rows.map((r) => r.id)).toEqual(['chardev', 'ioctl']);
    expect(p.rows[1]!.cells.get('4 KiB')!.point.p50).toBe(5000);
    expect(p.rows[0]!.cells.has('4 KiB')).toBe(false);
    expect(p.rows[1]!.seriesKey).toBe('ioctl');
  });

  it('folds the dimensions that vary but are neither rows nor columns into the row, so none collide', () => {
    const p = pivot(factsOf(dataset), 'method', 'size');
    expect(p.rowDims).toEqual(['method', 'variant', 'pattern']);
    expect(p.rows.map((r) => r.id)).toEqual([
      'chardev · (plain) · roundtrip',
      'ioctl · (plain) · roundtrip',
      'mmap · ring · k2u',
      'mmap · ring · notify',
      'mmap · seqlock · k2u',
    ]);
    const cells = p.rows.reduce((n, r) => n + r.cells.size, 0);
    expect(cells).toBe(factsOf(dataset).length);
  });

  it('turns around: sizes down, methods across', () => {
    const p = pivot(factsOf(dataset, ['roundtrip']), 'size', 'method');
    expect(p.rows.map((r) => r.id)).toEqual(['8 B', '4 KiB']);
    expect(p.columns.map((c) => c.id)).toEqual(['chardev', 'ioctl']);
    expect(p.rows[0]!.seriesKey).toBeNull();
    expect(() => pivot(factsOf(dataset), 'size', 'size')).toThrow(/both "size"/);
  });

  it('reads a cell as the ratio with its interval, a percentile, or throughput (none where no data moved)', () => {
    const [ring] = factsOf(dataset, ['k2u']);
    expect(cellValue(ring!, 'ratio')).toEqual({ value: 1.1, interval: [1.05, 1.15] });
    expect(cellValue(ring!, 'p99')).toEqual({ value: 9000, interval: null });
    const [wake] = factsOf(dataset, ['notify']);
    expect(cellValue(wake!, 'ratio')).toBeNull();
    expect(cellValue(wake!, 'MBps')).toBeNull();
  });

  it('sorts by any column either way, rows without a value there last, and by the row labels', () => {
    const p = pivot(factsOf(dataset, ['roundtrip']), 'method', 'size');
    const by = (column: string, direction: 'ascending' | 'descending', v: 'ratio' | 'p50' = 'p50') =>
      sortPivotRows(p, { column, direction }, v).map((r) => r.id);
    expect(by('8 B', 'ascending')).toEqual(['ioctl', 'chardev']);
    expect(by('8 B', 'descending')).toEqual(['chardev', 'ioctl']);
    expect(by('8 B', 'descending', 'ratio')).toEqual(['chardev', 'ioctl']);
    expect(by('4 KiB', 'ascending')).toEqual(['ioctl', 'chardev']);
    expect(by('4 KiB', 'descending')).toEqual(['ioctl', 'chardev']);
    expect(by('row', 'descending')).toEqual(['ioctl', 'chardev']);
    const sizes = pivot(factsOf(dataset, ['roundtrip']), 'size', 'method');
    expect(sortPivotRows(sizes, { column: 'row', direction: 'descending' }, 'p50').map((r) => r.id)).toEqual([
      '4 KiB',
      '8 B',
    ]);
  });

  it('filters by method, variant or pattern text, every word having to match', () => {
    const facts = factsOf(dataset);
    expect(ids(filterFacts(facts, 'MMAP  ring'))).toEqual(['mmap/ring@k2u/4096', 'mmap/ring@notify/0']);
    expect(ids(filterFacts(facts, 'ring k2u'))).toEqual(['mmap/ring@k2u/4096']);
    expect(ids(filterFacts(facts, 'roundtrip'))).toHaveLength(3);
    expect(filterFacts(facts, '   ')).toBe(facts);
    expect(filterFacts(facts, 'nosuch')).toEqual([]);
  });
});
