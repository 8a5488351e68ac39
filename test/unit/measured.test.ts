import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWERS } from '../../src/core/answers';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import { patternsFor } from '../../src/core/advice/measurements';
import { formatBytes, formatMBps, formatNs, formatRate, measuredAt } from '../../src/core/measured';
import fixture from '../fixtures/dataset-synthetic.json';

const dataset: Dataset = datasetSchema.parse(fixture);

function result(method: string, pattern: string, size: number, variant = '') {
  const r = dataset.results.find(
    (x) => x.method === method && x.pattern === pattern && x.sizeBytes === size && x.variant === variant,
  );
  if (!r) throw new Error(`fixture lacks ${method}/${variant}/${pattern}@${size}`);
  return r;
}

describe('the synthetic fixture', () => {
  it('is a valid dataset that says it is synthetic', () => {
    expect(dataset.id).toBe('fixture-synthetic');
    expect(dataset.host.kernel).toBe('fixture');
    expect(dataset.notes).toContain('SYNTHETIC TEST FIXTURE — not measured');
  });
});

describe('measuredAt', () => {
  it('never answers with a baseline backend (kcomm_min.ko), even when it is the cheapest', () => {
    const own = result('chardev', 'roundtrip', 1024);
    const withMin: Dataset = {
      ...dataset,
      results: [
        ...dataset.results.filter((r) => !(r.method === 'chardev' && r.variant === '')),
        { ...own, variant: 'minimal', backend: 'chardev/minimal', latencyNs: { ...own.latencyNs, p50: 1 } },
      ],
    };
    expect(measuredAt(withMin, 'chardev', 'roundtrip', 1024)?.variant).not.toBe('minimal');
    expect(measuredAt(withMin, 'chardev', 'roundtrip', 1024, 'minimal')).toBeNull();
  });

  it('returns the measured point itself on an exact size hit', () => {
    const r = result('genetlink', 'roundtrip', 1024);
    const m = measuredAt(dataset, 'genetlink', 'roundtrip', 1024);
    expect(m).toEqual({
      method: 'genetlink',
      variant: '',
      pattern: 'roundtrip',
      sizeBytes: 1024,
      latencyNs: { p50: r.latencyNs.p50, p99: r.latencyNs.p99 },
      msgsPerSec: r.msgsPerSec,
      MBps: r.MBps,
      lowerSize: 1024,
      upperSize: 1024,
      exact: true,
      extrapolated: false,
      samples: r.samples,
    });
  });

  it('interpolates on log–log axes between the two nearest measured sizes', () => {
    const lo = result('chardev', 'roundtrip', 1024);
    const hi = result('chardev', 'roundtrip', 4096);
    const m = measuredAt(dataset, 'chardev', 'roundtrip', 2048);
    expect(m).not.toBeNull();
    expect(m!.exact).toBe(false);
    expect(m!.extrapolated).toBe(false);
    expect(m!.lowerSize).toBe(1024);
    expect(m!.upperSize).toBe(4096);
    // 2048 is halfway between 1024 and 4096 on a log axis: the value is the geometric mean.
    expect(m!.latencyNs.p50).toBeCloseTo(Math.sqrt(lo.latencyNs.p50 * hi.latencyNs.p50), 6);
    expect(m!.latencyNs.p99).toBeCloseTo(Math.sqrt(lo.latencyNs.p99 * hi.latencyNs.p99), 6);
    expect(m!.msgsPerSec).toBeCloseTo(Math.sqrt(lo.msgsPerSec * hi.msgsPerSec), 6);
    expect(m!.MBps).toBeCloseTo(Math.sqrt(lo.MBps * hi.MBps), 6);
    expect(m!.samples).toBe(Math.min(lo.samples, hi.samples));
  });

  it('interpolates at an uneven position too (about a quarter of the way in log space)', () => {
    const lo = result('chardev', 'roundtrip', 64);
    const hi = result('chardev', 'roundtrip', 256);
    const m = measuredAt(dataset, 'chardev', 'roundtrip', 91)!;
    const t = Math.log(91 / 64) / Math.log(256 / 64);
    expect(t).toBeCloseTo(0.254, 3);
    expect(m.latencyNs.p50).toBeCloseTo(lo.latencyNs.p50 ** (1 - t) * hi.latencyNs.p50 ** t, 6);
    expect(m.lowerSize).toBe(64);
    expect(m.upperSize).toBe(256);
  });

  it('clamps to the nearest measured size and flags extrapolation outside the range', () => {
    const top = result('sysfs', 'roundtrip', 4096);
    const above = measuredAt(dataset, 'sysfs', 'roundtrip', 65536)!;
    expect(above).toMatchObject({ extrapolated: true, exact: false, lowerSize: 4096, upperSize: null });
    expect(above.latencyNs.p50).toBe(top.latencyNs.p50);
    expect(above.sizeBytes).toBe(65536);

    const bottom = result('sysfs', 'roundtrip', 64);
    const below = measuredAt(dataset, 'sysfs', 'roundtrip', 1)!;
    expect(below).toMatchObject({ extrapolated: true, exact: false, lowerSize: null, upperSize: 64 });
    expect(below.msgsPerSec).toBe(bottom.msgsPerSec);
  });

  it('returns null for a method or pattern the dataset did not measure', () => {
    expect(measuredAt(dataset, 'configfs', 'roundtrip', 64)).toBeNull();
    expect(measuredAt(dataset, 'sysfs', 'k2u', 64)).toBeNull();
    expect(measuredAt(dataset, 'mmap', 'k2u', 64, 'no-such-variant')).toBeNull();
  });

  it('picks the variant with the lowest p50 at that size unless one is named', () => {
    const ring = result('mmap', 'k2u', 1048576, 'ring');
    const seqlock = result('mmap', 'k2u', 1048576, 'seqlock');
    expect(ring.latencyNs.p50).toBeLessThan(seqlock.latencyNs.p50);
    expect(measuredAt(dataset, 'mmap', 'k2u', 1048576)!.variant).toBe('ring');
    // At 64 B the seqlock variant is the faster one in the fixture.
    expect(measuredAt(dataset, 'mmap', 'k2u', 64)!.variant).toBe('seqlock');
    expect(measuredAt(dataset, 'mmap', 'k2u', 64, 'ring')!.variant).toBe('ring');
  });

  it('ignores results with no samples', () => {
    const broken: Dataset = {
      ...dataset,
      results: dataset.results.map((r) =>
        r.method === 'eventfd' ? { ...r, samples: 0, errors: 10, msgsPerSec: 0, MBps: 0 } : r,
      ),
    };
    expect(measuredAt(broken, 'eventfd', 'notify', 8)).toBeNull();
  });
});

describe('patternsFor: the measured patterns that answer the question (advice and compare alike)', () => {
  const p = (over: Partial<typeof DEFAULT_ANSWERS>) => patternsFor({ ...DEFAULT_ANSWERS, ...over });
  it('maps each style and direction to the patterns the harness measures', () => {
    expect(p({ style: 'request' })).toEqual(['roundtrip']);
    expect(p({ style: 'config', dir: 'u2k' })).toEqual(['roundtrip']);
    expect(p({ style: 'stream', dir: 'k2u' })).toEqual(['k2u']);
    expect(p({ style: 'stream', dir: 'u2k' })).toEqual(['u2k']);
    expect(p({ style: 'stream', dir: 'both' })).toEqual(['k2u', 'u2k']);
  });
  it('takes a wake-up latency only from a notify pattern, and a kernel → user message only when it has data', () => {
    expect(p({ style: 'event', dir: 'k2u', size: 64 })).toEqual(['notify', 'k2u']);
    expect(p({ style: 'event', dir: 'k2u', size: 0 })).toEqual(['notify']);
    // A user → kernel doorbell: the kernel waking user space (notify) says nothing about it.
    expect(p({ style: 'event', dir: 'u2k', size: 8 })).toEqual(['u2k']);
  });
});

describe('formatters', () => {
  it('formats nanoseconds', () => {
    expect(formatNs(850)).toBe('850 ns');
    expect(formatNs(12_340)).toBe('12.3 µs');
    expect(formatNs(4_120_000)).toBe('4.1 ms');
    expect(formatNs(250_000)).toBe('250 µs');
    expect(formatNs(2_500_000_000)).toBe('2.5 s');
    expect(formatNs(999.7)).toBe('1 µs');
    expect(formatNs(10_000)).toBe('10 µs');
    expect(formatNs(0)).toBe('0 ns');
  });
  it('formats bytes in binary units', () => {
    expect(formatBytes(64)).toBe('64 B');
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(4096)).toBe('4 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(1048576)).toBe('1 MiB');
    expect(formatBytes(1024 ** 3)).toBe('1 GiB');
  });
  it('formats message rates', () => {
    expect(formatRate(60)).toBe('60 msg/s');
    expect(formatRate(0.5)).toBe('0.5 msg/s');
    expect(formatRate(1000)).toBe('1k msg/s');
    expect(formatRate(123_456)).toBe('123k msg/s');
    expect(formatRate(2_500_000)).toBe('2.5M msg/s');
  });
  it('formats throughput', () => {
    expect(formatMBps(850)).toBe('850 MB/s');
    expect(formatMBps(12.34)).toBe('12.3 MB/s');
    expect(formatMBps(1234)).toBe('1.2 GB/s');
    expect(formatMBps(0.045)).toBe('45 kB/s');
    expect(formatMBps(0)).toBe('0 MB/s');
  });
});

describe('which variant speaks for a method', () => {
  it("prefers the reference module (variant '') over a faster stock stand-in", () => {
    const at = measuredAt;
    const base = dataset;
    const r = (variant: string, p50: number) => ({
      method: 'chardev' as const,
      variant,
      pattern: 'k2u' as const,
      sizeBytes: 64,
      latencyNs: { p50, p90: p50, p99: p50, max: p50, mean: p50 },
      msgsPerSec: 1e9 / p50,
      MBps: 1,
      samples: 100,
      errors: 0,
    });
    const ds = { ...base, results: [r('dev-zero', 100), r('', 900)] };
    expect(at(ds, 'chardev', 'k2u', 64)?.variant).toBe('');
    const stockOnly = { ...base, results: [r('dev-zero', 100), r('dev-other', 300)] };
    expect(at(stockOnly, 'chardev', 'k2u', 64)?.variant).toBe('dev-zero');
  });
});
