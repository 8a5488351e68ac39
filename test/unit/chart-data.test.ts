import { describe, expect, it } from 'vitest';
import {
  BASELINE_COLOR,
  baselinesOf,
  compareDatasets,
  costUnitOf,
  forLogAxes,
  hasIntervals,
  logPadded,
  logSizeDomain,
  logTicks,
  memcpyValue,
  patternsIn,
  seriesColor,
  seriesFor,
  sizeTicks,
  thinTicks,
  timeUnitFor,
  toRows,
  unstableReason,
  valueExtent,
  wakeupRows,
  withMemcpy,
} from '../../src/core/chart-data';
import { formatCost } from '../../src/core/format';
import { METHOD_IDS } from '../../src/core/ids';
import { MARKERS, markerPath, PALETTE, seriesStyle } from '../../src/core/series-style';
import { shippedDatasets } from '../support/shipped-data';
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

  it('leaves out the baselines (kcomm_min.ko), which are not a way to use a method', () => {
    const withMin = dataset('min', [
      ...a.results,
      { ...result('relay', 'minimal', 'k2u', 1024, 4000), backend: 'relay/minimal' },
      { ...result('chardev', 'minimal', 'u2k', 1024, 3700), backend: 'chardev/minimal' },
    ]);
    expect(seriesFor(withMin, 'k2u').map((x) => x.key)).toEqual(['mmap/ring']);
    expect(seriesFor(withMin, 'u2k')).toEqual([]);
    expect(patternsIn(withMin)).toEqual(['roundtrip', 'k2u']);
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

  it('gives no ratio between guest instructions and nanoseconds, and keeps it between two instruction counts', () => {
    const counted = (d: typeof a) => ({ ...d, host: { ...d.host, target: 'vm-icount' as const } });
    for (const rows of [compareDatasets(counted(a), b), compareDatasets(a, counted(b))]) {
      expect(rows).toHaveLength(2);
      for (const r of rows) expect(r).toMatchObject({ p50Ratio: null, MBpsRatio: null });
    }
    expect(compareDatasets(counted(a), counted(b)).find((r) => r.key === 'ioctl')!.p50Ratio).toBe(2);
  });
});

describe('series styles', () => {
  const shippedMethods = [...new Set(shippedDatasets().flatMap((d) => d.results.map((r) => r.method)))];

  it('gives every method its own colour and marker pair, none in the baselines’ colour', () => {
    const styles = METHOD_IDS.map((m) => seriesStyle(m));
    expect(new Set(styles.map((s) => `${s.color} ${s.marker}`)).size).toBe(METHOD_IDS.length);
    expect(styles.map((s) => s.color)).not.toContain(BASELINE_COLOR);
    for (const s of styles) {
      expect(PALETTE).toContain(s.color);
      expect(MARKERS).toContain(s.marker);
      expect(s.dash).toBeNull();
    }
  });

  it('gives the methods the shipped datasets draw together a colour each', () => {
    expect(shippedMethods.length).toBeGreaterThan(8);
    const colours = shippedMethods.map((m) => seriesColor(m));
    expect(new Set(colours).size).toBe(shippedMethods.length);
  });

  it('is a function of the key alone, so a method keeps its look in every chart and dataset', () => {
    expect(seriesStyle('mmap/ring')).toEqual(seriesStyle('mmap/ring'));
    expect(seriesColor('chardev/dev-null')).toBe(seriesColor('chardev'));
  });

  it('draws variants in their method’s colour with dashes that differ from each other and the method', () => {
    const mmap = ['mmap/ring', 'mmap/seqlock', 'mmap/ioctl-lock'].map((k) => seriesStyle(k).dash);
    expect(new Set(mmap).size).toBe(3);
    expect(seriesStyle('relay/burst').dash).not.toBe(seriesStyle('relay').dash);
    expect(seriesStyle('chardev/dev-zero').dash).not.toBeNull();
    expect(seriesStyle('chardev/something-new').dash).toMatch(/^\d/);
  });

  it('falls back to grey circles for a method it does not know', () => {
    expect(seriesStyle('nosuch')).toEqual({ color: '#6b7280', marker: 'circle', dash: null });
  });

  it('draws every marker as a closed SVG path around its centre', () => {
    for (const m of MARKERS) {
      const d = markerPath(m, 10, 20, 4);
      expect(d).toMatch(/^M.*Z$/);
      const xs = [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((x) => Number(x[1]));
      for (const x of xs) expect(Math.abs(x - 10)).toBeLessThanOrEqual(6);
    }
  });
});

describe('intervals and unstable points', () => {
  const paired = (median: number, ci95: [number, number], unstable: boolean): BenchResult => ({
    ...result('chardev', '', 'k2u', 64, 500),
    ratio: {
      reference: 'syscall+memcpy',
      median,
      ci95,
      blocks: 20,
      instability: (ci95[1] - ci95[0]) / 2 / median,
      referenceNs: { p50: 100, p99: 200 },
    },
    unstable,
  });
  const d2 = {
    ...dataset('two', [paired(2, [1.9, 2.1], false), { ...paired(4, [2, 6], true), sizeBytes: 4096 }]),
    schema: 'kcomm-bench/2' as const,
  };

  it('extracts the median and the 95% interval, and knows a /1 point has none', () => {
    const [p64, p4k] = seriesFor(d2, 'k2u')[0]!.points;
    expect(p64!.ratio).toMatchObject({ median: 2, lo: 1.9, hi: 2.1, blocks: 20, reference: 'syscall+memcpy' });
    expect(p64!.ratioMedian).toBe(2);
    expect(p64!.unstable).toBe(false);
    expect(p4k!.unstable).toBe(true);
    const old = seriesFor(a, 'roundtrip')[0]!.points[0]!;
    expect(old.ratio).toBeNull();
    expect(old.ratioMedian).toBe(0);
    expect(old.unstable).toBe(false);
    expect(hasIntervals(d2)).toBe(true);
    expect(hasIntervals(a)).toBe(false);
  });

  it('draws the interval as the ratio’s band and spans it', () => {
    const rows = toRows(seriesFor(d2, 'k2u'), 'ratioMedian');
    expect(rows).toEqual([
      { sizeBytes: 64, chardev: 2, 'chardev:band': [1.9, 2.1] },
      { sizeBytes: 4096, chardev: 4, 'chardev:band': [2, 6] },
    ]);
    expect(valueExtent(seriesFor(d2, 'k2u'), 'ratioMedian')).toEqual([1.9, 6]);
    expect(forLogAxes(seriesFor(a, 'roundtrip'), 'ratioMedian')).toEqual([]);
  });

  it('says why a point is unstable, with its figure, and nothing for a stable one', () => {
    const [p64, p4k] = seriesFor(d2, 'k2u')[0]!.points;
    expect(unstableReason(p64!)).toBeNull();
    expect(unstableReason(p4k!)).toBe(
      'unstable: its 95% interval runs from −50% to +50% of the ratio (beyond ±10%); no goal is judged on it',
    );
    // One side beyond 10% is enough, as in the harness (stats.c).
    const lopsided = { unstable: true, ratio: { ...p64!.ratio!, median: 3.35, lo: 3.22, hi: 3.84 } };
    expect(unstableReason(lopsided)).toMatch(/−3.9% to \+14.6%/);
    expect(unstableReason({ unstable: true, ratio: null })).toMatch(/marked so by the harness/);
  });

  it('counts instructions, not time, in a vm-icount dataset', () => {
    expect(costUnitOf({ unit: 'instructions', host: a.host })).toBe('instructions');
    expect(costUnitOf({ host: { ...a.host, target: 'vm-icount' } })).toBe('instructions');
    expect(costUnitOf(a)).toBe('ns');
    expect(formatCost(958, 'instructions')).toBe('958 instr');
    expect(formatCost(66_025, 'instructions')).toBe('66k instr');
    expect(formatCost(1_250_000, 'instructions')).toBe('1.3M instr');
    expect(formatCost(1_250, 'ns')).toBe('1.3 µs');
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

describe('logSizeDomain', () => {
  // Where a size lands on a log axis drawn px wide over domain.
  const at = (size: number, [lo, hi]: [number, number], px: number) => (px * Math.log(size / lo)) / Math.log(hi / lo);

  it('puts the first and the last size a marker’s pad inside the plot, not on its edge', () => {
    const sizes = [8, 32, 128, 512, 2048, 8192, 32768, 131072, 524288, 1048576];
    const domain = logSizeDomain(sizes, 400, 9);
    expect(at(8, domain, 400)).toBeCloseTo(9, 6);
    expect(at(1048576, domain, 400)).toBeCloseTo(400 - 9, 6);
    // Every tick of the measured sizes stays inside the domain.
    for (const t of sizeTicks(sizes)) {
      expect(t).toBeGreaterThanOrEqual(domain[0]);
      expect(t).toBeLessThanOrEqual(domain[1]);
    }
  });

  it('spans a factor of 4 around one size, and ignores sizes that a log axis cannot draw', () => {
    expect(logSizeDomain([0, 4096], 300, 9)).toEqual([2048, 8192]);
    expect(logSizeDomain([], 300, 9)).toEqual([1, 4]);
  });
});

describe('logPadded', () => {
  const at = (v: number, [lo, hi]: [number, number], px: number) => (px * Math.log(v / lo)) / Math.log(hi / lo);

  it('puts the ends of a value axis (powers of ten) a marker’s pad inside the plot', () => {
    const domain = logPadded([100, 100_000], 180, 9);
    expect(at(100, domain, 180)).toBeCloseTo(9, 6);
    expect(at(100_000, domain, 180)).toBeCloseTo(180 - 9, 6);
  });

  it('leaves a span it cannot pad as it is', () => {
    expect(logPadded([10, 10], 180, 9)).toEqual([10, 10]);
    expect(logPadded([0, 10], 180, 9)).toEqual([0, 10]);
  });
});
