/**
 * A latency with four significant digits in the unit that suits it ("228 ns", "1.808 µs", "10.68 ms"): the
 * tables' exact numbers, where the charts' formatNs rounds for axis labels.
 */
export function preciseNs(ns: number): string {
  if (!Number.isFinite(ns)) return String(ns);
  const units = [
    ['s', 1e9],
    ['ms', 1e6],
    ['µs', 1e3],
  ] as const;
  for (const [unit, div] of units) if (Math.abs(ns) >= div) return `${Number((ns / div).toPrecision(4))} ${unit}`;
  return `${Math.round(ns)} ns`;
}

/** A latency in its dataset's unit with four significant digits: time, or guest instructions ("66,025 instr"). */
export function preciseCost(v: number, unit: 'ns' | 'instructions'): string {
  return unit === 'instructions' ? `${plainNumber(Math.round(v), 0)} instr` : preciseNs(v);
}

/** "2.35×", "0.41×", "123×": three significant digits. */
export function formatRatio(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return '—';
  return `${Number(r.toPrecision(3))}×`;
}

/** Messages per second in the table: whole numbers with separators, two decimals below ten. */
export function plainNumber(v: number, digits: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: digits });
}
