// The measured rows of the compare table: each method's numbers at the user's message size in the chosen
// dataset (interpolated between the nearest measured sizes, which the cell names), set against what the
// user asked for. The patterns and the variant that speak for each method are the ones the advice uses
// (measure() in core/advice/measurements.ts), so the table shows the figures the ranking was judged by.
// Eliminated methods get their numbers too: seeing why a method fails is the point.
import { describePoint } from '#src/components/MeasuredTable';
import type { Answers } from '#src/core/answers';
import type { Method } from '#src/core/catalogue-schema';
import type { Dataset } from '#src/core/dataset-schema';
import { measure, patternsFor } from '#src/core/advice/measurements';
import type { Pattern } from '#src/core/ids';
import { formatBytes, formatMBps, formatNs, formatRate, type MeasuredPoint } from '#src/core/measured';

export const PATTERN_LABEL: Record<Pattern, string> = {
  roundtrip: 'round trip',
  k2u: 'kernel → user',
  u2k: 'user → kernel',
  notify: 'wake-up',
};

/** Bytes per second the answers need, as MB/s (decimal, as the harness reports). */
export const neededMBps = (a: Pick<Answers, 'size' | 'rate'>) => (a.size * a.rate) / 1e6;

export interface Asked {
  label: string;
  value: string;
}

/** What the user asked for, in the words the measured rows are judged by. */
export function askedFor(a: Answers): Asked[] {
  return [
    { label: 'Message size', value: formatBytes(a.size) },
    { label: 'Rate', value: formatRate(a.rate) },
    { label: 'Load', value: `${formatBytes(a.size)} × ${formatRate(a.rate)} = ${formatMBps(neededMBps(a))}` },
    { label: 'Latency budget', value: a.lat === null ? 'none' : formatNs(a.lat * 1000) },
  ];
}

export type Verdict = 'fits' | 'over' | null;

export interface MeasuredCell {
  kind: 'measured';
  text: string;
  /** Which size(s) the number comes from, and the variant that speaks for the method. */
  note: string;
  verdict: Verdict;
}

export interface MeasuredRow {
  key: string;
  label: string;
  cells: (MeasuredCell | { kind: 'missing'; text: string })[];
}

function note(p: MeasuredPoint): string {
  return p.variant ? `${p.variant}: ${describePoint(p)}` : describePoint(p);
}

export function measuredRows(methods: Method[], answers: Answers, dataset: Dataset): MeasuredRow[] {
  const rows: MeasuredRow[] = [];
  const budgetNs = answers.lat === null ? null : answers.lat * 1000;
  const need = neededMBps(answers);
  const measured = methods.map((m) => measure(m, { dataset, a: answers }).points);
  for (const pattern of patternsFor(answers)) {
    const points = measured.map((list) => list.find((p) => p.pattern === pattern) ?? null);
    if (points.every((p) => p === null)) continue;
    const where = PATTERN_LABEL[pattern];
    const metric = (
      key: string,
      label: string,
      value: (p: MeasuredPoint) => string,
      verdict: (p: MeasuredPoint) => Verdict,
    ) =>
      rows.push({
        key: `measured-${pattern}-${key}`,
        label,
        cells: points.map((p) =>
          p
            ? { kind: 'measured', text: value(p), note: note(p), verdict: verdict(p) }
            : { kind: 'missing', text: `not measured in ${dataset.id}` },
        ),
      });
    metric(
      'p50',
      `p50 latency, ${where}`,
      (p) => formatNs(p.latencyNs.p50),
      () => null,
    );
    metric(
      'p99',
      budgetNs === null ? `p99 latency, ${where}` : `p99 latency, ${where} (budget ${formatNs(budgetNs)})`,
      (p) => formatNs(p.latencyNs.p99),
      (p) => (budgetNs === null ? null : p.latencyNs.p99 <= budgetNs ? 'fits' : 'over'),
    );
    metric(
      'rate',
      `Rate, ${where} (you need ${formatRate(answers.rate)})`,
      (p) => formatRate(p.msgsPerSec),
      (p) => (p.msgsPerSec >= answers.rate ? 'fits' : 'over'),
    );
    // A wake-up carries no payload: its throughput is zero by construction and says nothing.
    if (pattern !== 'notify')
      metric(
        'mbps',
        `Throughput, ${where} (you need ${formatMBps(need)})`,
        (p) => formatMBps(p.MBps),
        (p) => (need === 0 ? null : p.MBps >= need ? 'fits' : 'over'),
      );
  }
  return rows;
}
