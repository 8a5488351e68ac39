// One method's measured curves in a dataset, shaped for the method page's small charts: per pattern, the
// variants measured at two sizes or more become lines; a variant measured at one size only (a wake-up has
// no payload, a stock interface carries a fixed few bytes) is listed as numbers instead of a lone dot.
import {
  logTicks,
  patternsIn,
  seriesFor,
  sizeTicks,
  toRows,
  type Series,
  type SeriesPoint,
} from '#src/core/chart-data';
import type { Dataset, DatasetSummary } from '#src/core/dataset-schema';
import { formatUtc } from '#src/lib/format-date';
import type { Pattern } from '#src/core/ids';

export const PATTERN_TITLE: Record<Pattern, string> = {
  roundtrip: 'Round trip (request → reply)',
  k2u: 'Kernel → user',
  u2k: 'User → kernel',
  notify: 'Wake-up (notify)',
};

export interface SinglePoint {
  key: string;
  variant: string;
  point: SeriesPoint;
}

export interface PatternCurves {
  pattern: Pattern;
  /** Variants drawn as lines (sizes > 0 only: the axes are logarithmic). */
  lines: Series[];
  single: SinglePoint[];
  latencyRows: Record<string, number | [number, number] | undefined>[];
  throughputRows: Record<string, number | [number, number] | undefined>[];
  /** A throughput chart says something only where payloads grow; a wake-up carries none. */
  showThroughput: boolean;
  sizeTicks: number[];
  latencyTicks: number[];
  throughputTicks: number[];
}

const positive = (xs: number[]) => xs.filter((x) => x > 0);

export function variantLabel(variant: string): string {
  return variant || 'default';
}

export function methodCurves(dataset: Dataset, method: string): PatternCurves[] {
  const out: PatternCurves[] = [];
  for (const pattern of patternsIn(dataset)) {
    const all = seriesFor(dataset, pattern).filter((s) => s.method === method);
    if (all.length === 0) continue;
    const lines: Series[] = [];
    const single: SinglePoint[] = [];
    for (const s of all) {
      const drawable = s.points.filter((p) => p.sizeBytes > 0);
      if (drawable.length >= 2) lines.push({ ...s, points: drawable });
      else for (const point of s.points) single.push({ key: s.key, variant: s.variant, point });
    }
    const points = lines.flatMap((s) => s.points);
    const latencies = positive(points.map((p) => p.p50));
    const throughputs = positive(points.map((p) => p.MBps));
    out.push({
      pattern,
      lines,
      single,
      latencyRows: toRows(lines, 'p50'),
      throughputRows: toRows(lines, 'MBps'),
      showThroughput: pattern !== 'notify' && throughputs.length >= 2,
      sizeTicks: sizeTicks(points.map((p) => p.sizeBytes)),
      latencyTicks: latencies.length ? logTicks(Math.min(...latencies), Math.max(...latencies)) : [],
      throughputTicks: throughputs.length ? logTicks(Math.min(...throughputs), Math.max(...throughputs)) : [],
    });
  }
  return out;
}

/** The dataset a page starts with: the one asked for when it can be read, else the newest readable one. */
export function defaultDatasetId(datasets: DatasetSummary[], wanted: string | null): string | null {
  const ok = datasets.filter((d): d is Extract<DatasetSummary, { ok: true }> => d.ok);
  if (wanted && ok.some((d) => d.id === wanted)) return wanted;
  const newest = [...ok].sort((a, b) => b.collectedAt.localeCompare(a.collectedAt) || a.id.localeCompare(b.id))[0];
  return newest?.id ?? null;
}

const TARGET_TEXT: Record<Dataset['host']['target'], string> = {
  'vm-tcg': 'QEMU VM (vm-tcg)',
  'vm-kvm': 'QEMU VM with KVM (vm-kvm)',
  'vm-icount': 'QEMU VM counting instructions (vm-icount): guest instructions, not time',
  local: 'measured natively (local)',
};

/** "VM, emulated CPU (QEMU TCG) · kernel 6.12 · QEMU TCG CPU, 2 CPUs, 512 MiB · collected 2026-11-27 08:32 UTC · harness …" */
export function provenanceLine(d: Pick<Dataset, 'host' | 'harness' | 'collectedAt'>): string {
  const h = d.host;
  return [
    TARGET_TEXT[h.target],
    `kernel ${h.kernel}`,
    `${h.cpuModel}, ${h.cpus} CPU${h.cpus === 1 ? '' : 's'}, ${h.memoryMiB} MiB`,
    `collected ${formatUtc(d.collectedAt)}`,
    `harness ${d.harness.version}, ${d.harness.profile} profile, ${d.harness.samplesPerPoint} samples per point`,
  ].join(' · ');
}
