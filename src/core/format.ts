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

/** "3.2×", "1,200×"; "far above" for an infinite ratio. */
export function formatRatio(x: number): string {
  if (!Number.isFinite(x)) return 'far above';
  return x >= 100 ? `${Math.round(x).toLocaleString('en-US')}×` : `${x.toFixed(1)}×`;
}
