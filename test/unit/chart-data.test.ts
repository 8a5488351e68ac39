import { describe, expect, it } from 'vitest';
import {
  BASELINE_COLOR,
  baselinesOf,
  compareDatasets,
  forLogAxes,
  logTicks,
  memcpyValue,
  patternsIn,
  seriesColor,
  seriesFor,
  sizeTicks,
  thinTicks,
  timeUnitFor,
  toRows,
  valueExtent,
  wakeupRows,
  withMemcpy,
} from '../../src/core/chart-data';
import { METHOD_IDS } from '../../src/core/ids';
import type { BenchResult, Dataset } from '../../src/core/dataset-schema';

// SYNTHETIC: hand-made numbers to check the transforms, not measurements.
function result(
  method: BenchResult['method'],
  variant: string,
  pattern: BenchResult['pattern'],
  size: number,
  p50: number,
  MBps = 0,
): BenchResult {
  return {
    method,
    variant,
    pattern,
    sizeBytes: size,
    latencyNs: { p50, p90: p50 * 1.5, p99: p50 * 3, max: p50 * 10, mean: p50 * 1.2 },
    msgsPerSec: 1e9 / p50,
    MBps,
    samples: 1000,
    errors: 0,
  };
}

function dataset(id: string, results: BenchResult[]): Dataset {
  return {
    schema: 'kcomm-bench/1',
    id,
    collectedAt: '2026-11-27T08:00:00Z',
    host: { target: 'vm-tcg', kernel: 'synthetic', cpuModel: 'synthetic', cpus: 2, memoryMiB: 512, hypervisor: 'none' },
    harness: { version: 'test', profile: 'quick', samplesPerPoint: 1000 },
    baselines: {
      syscallNs: { p50: 100, p99: 300 },
      memcpyMBps: [
        { sizeBytes: 65536, MBps: 9000 },
        { sizeBytes: 8, MBps: 500 },
      ],
      pipeRoundtripNs: { p50: 5000, p99: 9000 },
    },
    results,
    notes: ['SYNTHETIC TEST DATA'],
  };
}

const a = dataset('a', [
  result('ioctl', '', 'roundtrip', 64, 400),
  result('ioctl', '', 'roundtrip', 8, 300),
  result('mmap', 'ring', 'k2u', 65536, 20000, 3000),
  result('chardev', '', 'roundtrip', 8, 900),
  { ...result('sysfs', '', 'notify', 8, 1), samples: 0 },
]);
const b = dataset('b', [result('ioctl', '', 'roundtrip', 8, 600), result('mmap', 'ring', 'k2u', 65536, 10000, 6000)]);

describe('chart data transforms', () => {
  it('groups results into one series per method/variant, sorted by size, with the p90–p99 band', () => {
    const s = seriesFor(a, 'roundtrip');
    expect(s.map((x) => x.key)).toEqual(['chardev', 'ioctl']);
    const ioctl = s[1]!;
    expect(ioctl.points.map((p) => p.sizeBytes)).toEqual([8, 64]);
    expect(ioctl.points[0]!.band).toEqual([450, 900]);
    expect(seriesFor(a, 'k2u')[0]!.key).toBe('mmap/ring');
  });

  it('leaves out points without samples and patterns with nothing measured', () => {
    expect(seriesFor(a, 'notify')).toEqual([]);
    expect(patternsIn(a)).toEqual(['roundtrip', 'k2u']);
  });

  it('builds rows keyed by size with a value per series and its band', () => {
    const rows = toRows(seriesFor(a, 'roundtrip'), 'p50');
    expect(rows).toEqual([
      { sizeBytes: 8, chardev: 900, 'chardev:band': [1350, 2700], ioctl: 300, 'ioctl:band': [450, 900] },
      { sizeBytes: 64, ioctl: 400, 'ioctl:band': [600, 1200] },
    ]);
    expect(toRows(seriesFor(a, 'k2u'), 'MBps')).toEqual([{ sizeBytes: 65536, 'mmap/ring': 3000 }]);
  });

  it('picks a time unit that keeps numbers readable', () => {
    expect(timeUnitFor(850)).toEqual({ unit: 'ns', divisor: 1 });
    expect(timeUnitFor(12_300)).toEqual({ unit: 'µs', divisor: 1e3 });
    expect(timeUnitFor(41_000_000)).toEqual({ unit: 'ms', divisor: 1e6 });
  });

  it('makes log ticks in powers of ten and size ticks in powers of four', () => {
    expect(logTicks(300, 20000)).toEqual([100, 1000, 10000, 100000]);
    expect(logTicks(5, 5)).toEqual([1, 10]);
    expect(sizeTicks([8, 64, 65536])).toEqual([8, 32, 128, 512, 2048, 8192, 32768]);
    expect(sizeTicks([])).toEqual([]);
  });

  it('exposes the baselines with memcpy sorted by size', () => {
    const base = baselinesOf(a);
    expect(base.syscallP50Ns).toBe(100);
    expect(base.memcpy.map((m) => m.sizeBytes)).toEqual([8, 65536]);
  });

  it('compares two datasets point by point with b relative to a', () => {
    const rows = compareDatasets(a, b);
    expect(rows).toHaveLength(2);
    const ioctl = rows.find((r) => r.key === 'ioctl')!;
    expect(ioctl.p50Ratio).toBe(2);
    const ring = rows.find((r) => r.key === 'mmap/ring')!;
    expect(ring.MBpsRatio).toBe(2);
    expect(ring.p50Ratio).toBe(0.5);
  });
});

describe('chart colours', () => {
  it('gives every method its own colour, none of them the baselines’ colour', () => {
    const colours = METHOD_IDS.map((m) => seriesColor(m));
    expect(new Set(colours).size).toBe(METHOD_IDS.length);
    expect(colours).not.toContain(BASELINE_COLOR);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('is a function of the key alone, so a method keeps its colour in every chart and dataset', () => {
    expect(seriesColor('mmap/ring')).toBe(seriesColor('mmap/ring'));
    expect(seriesColor('chardev/dev-null')).toBe(seriesColor('chardev/dev-null'));
  });

  it('shades the variants drawn side by side apart from each other', () => {
    const mmap = ['mmap/ring', 'mmap/seqlock', 'mmap/ioctl-lock'].map(seriesColor);
    expect(new Set(mmap).size).toBe(3);
    expect(seriesColor('relay/burst')).not.toBe(seriesColor('relay'));
    expect(seriesColor('chardev/dev-zero')).not.toBe(seriesColor('chardev'));
  });

  it('falls back to a neutral colour for a method it does not know', () => {
    expect(seriesColor('nosuch')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('log–log chart helpers', () => {
  const notify = dataset('n', [
    result('eventfd', '', 'notify', 0, 2000),
    result('signal', '', 'notify', 0, 1500),
    result('mmap', 'ring', 'notify', 0, 1500),
  ]);

  it('drops points a log axis cannot place (size 0, value 0) and series left empty', () => {
    const withZero = dataset('z', [result('chardev', '', 'k2u', 0, 100, 0), result('chardev', '', 'k2u', 64, 200, 5)]);
    const s = forLogAxes(seriesFor(withZero, 'k2u'), 'MBps');
    expect(s[0]!.points.map((p) => p.sizeBytes)).toEqual([64]);
    expect(forLogAxes(seriesFor(notify, 'notify'), 'p50')).toEqual([]);
  });

  it('spans the values, the latency bands and the baselines', () => {
    expect(valueExtent(seriesFor(a, 'roundtrip'), 'p50', [100])).toEqual([100, 2700]);
    expect(valueExtent(seriesFor(a, 'k2u'), 'MBps')).toEqual([3000, 3000]);
    expect(valueExtent([], 'p50')).toBeNull();
  });

  it('adds memcpy to throughput rows, at its own sizes too, in MB/s or messages/s', () => {
    const rows = withMemcpy(toRows(seriesFor(a, 'k2u'), 'MBps'), baselinesOf(a).memcpy, 'MBps');
    expect(rows).toEqual([
      { sizeBytes: 8, memcpy: 500 },
      { sizeBytes: 65536, 'mmap/ring': 3000, memcpy: 9000 },
    ]);
    expect(memcpyValue({ sizeBytes: 1000, MBps: 500 }, 'msgsPerSec')).toBe(500_000);
  });

  it('thins ticks to fit, keeping the first', () => {
    expect(thinTicks([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
    expect(thinTicks([1, 2], 5)).toEqual([1, 2]);
  });

  it('lists wake-ups fastest first, ties by name', () => {
    expect(wakeupRows(notify).map((r) => [r.key, r.p50])).toEqual([
      ['mmap/ring', 1500],
      ['signal', 1500],
      ['eventfd', 2000],
    ]);
  });
});
