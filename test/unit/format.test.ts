import { describe, expect, it } from 'vitest';
import { formatRatio, formatShare, preciseNs, roughRatio } from '../../src/core/format';
import { formatUtc } from '../../src/lib/format-date';

describe('benchmark table formats', () => {
  it('prints latencies with four significant digits in the unit that suits each', () => {
    expect(preciseNs(228)).toBe('228 ns');
    expect(preciseNs(1808)).toBe('1.808 µs');
    expect(preciseNs(14_060)).toBe('14.06 µs');
    expect(preciseNs(10_680_123)).toBe('10.68 ms');
    expect(preciseNs(2_500_000_000)).toBe('2.5 s');
  });

  it('prints ratios with three significant digits and a dash when there is none', () => {
    expect(formatRatio(0.5)).toBe('0.5×');
    expect(formatRatio(2.3456)).toBe('2.35×');
    expect(formatRatio(123.4)).toBe('123×');
    expect(formatRatio(null)).toBe('—');
  });

  it('rounds a ratio in a sentence to about two significant digits', () => {
    expect(roughRatio(1.26)).toBe('1.3×');
    expect(roughRatio(9.94)).toBe('9.9×');
    expect(roughRatio(12.4)).toBe('12×');
    expect(roughRatio(1234)).toBe('1,234×');
  });

  it('prints a share as a percentage to two significant digits', () => {
    expect(formatShare(0.015)).toBe('1.5%');
    expect(formatShare(0.1)).toBe('10%');
    expect(formatShare(0.333)).toBe('33%');
  });

  it('prints the collection time in UTC whatever the reader’s time zone', () => {
    expect(formatUtc('2026-11-27T07:33:12.345Z')).toBe('2026-11-27 07:33 UTC');
    expect(formatUtc('not a date')).toBe('not a date');
  });
});
