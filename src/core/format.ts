// Every number kcomm prints, formatted once: durations, sizes, rates, byte rates and ratios.

// One scaled formatter for all units: below 100 of a unit one decimal, otherwise a whole number. A value
// that rounds up to the next unit (999.7 ns) is shown in that unit ("1.0 µs").
function scaled(value: number, units: readonly string[], step: number, wholeFirst: boolean, sep = ' '): string {
  if (!Number.isFinite(value)) return `${value}`;
  let i = 0;
  let v = value;
  while (i < units.length - 1 && Math.abs(v) >= step) {
    v /= step;
    i++;
  }
  const text = (x: number, unit: number) => {
    if (unit === 0 && wholeFirst) return String(Math.round(x));
    return Math.abs(x) < 100 ? x.toFixed(1).replace(/\.0$/, '') : String(Math.round(x));
  };
  let s = text(v, i);
  if (Math.abs(Number(s)) >= step && i < units.length - 1) {
    v /= step;
    i++;
    s = text(v, i);
  }
  return `${s}${sep}${units[i]}`;
}

/** "850 ns", "12.3 µs", "4.1 ms", "1.2 s". */
export function formatNs(ns: number): string {
  return scaled(ns, ['ns', 'µs', 'ms', 's'], 1000, true);
}

/** "958 instr", "66k instr", "1.2M instr": guest instruction counts (vm-icount), never written as time. */
export function formatInstructions(n: number): string {
  return scaled(n, [' instr', 'k instr', 'M instr', 'G instr'], 1000, true, '');
}

/** A latency in its dataset's unit: time, or guest instructions. */
export function formatCost(v: number, unit: 'ns' | 'instructions'): string {
  return unit === 'instructions' ? formatInstructions(v) : formatNs(v);
}

/** "64 B", "1.5 KiB", "4 KiB", "1 MiB": binary units, no trailing ".0". */
export function formatBytes(b: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = b;
  while (i < units.length - 1 && v >= 1024) {
    v /= 1024;
    i++;
  }
  const s = i === 0 || Number.isInteger(v) ? String(Math.round(v)) : v < 100 ? v.toFixed(1) : String(Math.round(v));
  return `${s.replace(/\.0$/, '')} ${units[i]}`;
}

function trimmed(x: number): string {
  const s = x < 100 ? x.toFixed(1) : String(Math.round(x));
  return s.replace(/\.0$/, '');
}

/** "60 msg/s", "0.5 msg/s", "1k msg/s", "123k msg/s", "2.5M msg/s". */
export function formatRate(msgsPerSec: number): string {
  const units = ['', 'k', 'M', 'G'];
  let i = 0;
  let v = msgsPerSec;
  while (i < units.length - 1 && v >= 1000) {
    v /= 1000;
    i++;
  }
  if (i < units.length - 1 && Number(trimmed(v)) >= 1000) {
    v /= 1000;
    i++;
  }
  const s = i === 0 && v < 1 ? String(Number(v.toPrecision(2))) : trimmed(v);
  return `${s}${units[i]} msg/s`;
}

/** "45 kB/s", "12.3 MB/s", "850 MB/s", "1.2 GB/s" (decimal units, as the harness reports MB/s). */
export function formatMBps(MBps: number): string {
  if (MBps === 0) return '0 MB/s';
  if (MBps < 1) return `${trimmed(MBps * 1000)} kB/s`;
  if (MBps >= 1000) return `${trimmed(MBps / 1000)} GB/s`;
  return `${trimmed(MBps)} MB/s`;
}

/** "1.3×", "12×", "1,200×": a ratio in a sentence, to about two significant digits. */
export function roughRatio(x: number): string {
  return x < 10 ? `${x.toFixed(1)}×` : `${Math.round(x).toLocaleString('en-US')}×`;
}

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

/** A share as a percentage to two significant digits: "1.5%", "10%", "33%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toPrecision(2))}%`;
}
