// The measured rows of the compare table: each method's numbers at the user's message size in the chosen
// dataset (interpolated between the nearest measured sizes, which the cell names), set against what the
// user asked for. The patterns and the variant that speak for each method are the ones the advice uses
// (measure() in core/advice/measurements.ts), so the table shows the figures the ranking was judged by.
// Eliminated methods get their numbers too: seeing why a method fails is the point.
import type { Answers } from '#src/core/answers';
import type { Method } from '#src/core/catalogue-schema';
import { costUnitOf } from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { datasetKind } from '#src/core/advice/context';
import { measure, patternsFor } from '#src/core/advice/measurements';
import { formatBytes, formatMBps, formatNs, formatRate, roughRatio } from '#src/core/format';
import { PATTERN_LABEL, pointFigures, sizeBasis, type MeasuredPoint } from '#src/core/measured';

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
  /** Its p50 against the cheapest of the row ("2.3× the cheapest"); null on other rows. */
  relative: string | null;
}

export interface MeasuredRow {
  key: string;
  label: string;
  cells: (MeasuredCell | { kind: 'missing'; text: string })[];
}

function note(p: MeasuredPoint): string {
  return p.variant ? `${p.variant}: ${sizeBasis(p)}` : sizeBasis(p);
}

/** "cheapest", "2.3× the cheapest": a p50 against the lowest of the row, as the advice compares them. */
function againstCheapest(p50: number, cheapest: number): string {
  const ratio = Math.max(p50, 1) / Math.max(cheapest, 1);
  return ratio < 1.05 ? 'cheapest' : `${roughRatio(ratio)} the cheapest`;
}

/**
 * Only a real CPU's figures are held against what the user asked for ('fits', 'falls short'): an emulated
 * CPU's times are not the user's hardware's, and guest instructions are not time (measurements.ts). On
 * every dataset the p50 row compares the methods with each other, as the advice does.
 */
export function measuredRows(methods: Method[], answers: Answers, dataset: Dataset): MeasuredRow[] {
  const rows: MeasuredRow[] = [];
  const judged = datasetKind(dataset) === 'native';
  const unit = costUnitOf(dataset);
  const budgetNs = answers.lat === null || !judged ? null : answers.lat * 1000;
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
      relative?: (p: MeasuredPoint) => string,
    ) =>
      rows.push({
        key: `measured-${pattern}-${key}`,
        label,
        cells: points.map((p) =>
          p
            ? { kind: 'measured', text: value(p), note: note(p), verdict: verdict(p), relative: relative?.(p) ?? null }
            : { kind: 'missing', text: `not measured in ${dataset.id}` },
        ),
      });
    const present = points.filter((p): p is MeasuredPoint => p !== null);
    const cheapest = Math.min(...present.map((p) => p.latencyNs.p50));
    metric(
      'p50',
      `p50 latency, ${where}`,
      (p) => pointFigures(p, unit).p50,
      () => null,
      present.length > 1 ? (p) => againstCheapest(p.latencyNs.p50, cheapest) : undefined,
    );
    metric(
      'p99',
      budgetNs === null ? `p99 latency, ${where}` : `p99 latency, ${where} (budget ${formatNs(budgetNs)})`,
      (p) => pointFigures(p, unit).p99,
      (p) => (budgetNs === null ? null : p.latencyNs.p99 <= budgetNs ? 'fits' : 'over'),
    );
    // A wake-up has no rate of its own (the test paces it) and no throughput: WAKEUP_RATE_NOTE.
    if (pattern === 'notify') continue;
    metric(
      'rate',
      judged ? `Rate, ${where} (you need ${formatRate(answers.rate)})` : `Rate, ${where}`,
      (p) => formatRate(p.msgsPerSec),
      (p) => (!judged ? null : p.msgsPerSec >= answers.rate ? 'fits' : 'over'),
    );
    metric(
      'mbps',
      judged ? `Throughput, ${where} (you need ${formatMBps(need)})` : `Throughput, ${where}`,
      (p) => formatMBps(p.MBps),
      (p) => (!judged || need === 0 ? null : p.MBps >= need ? 'fits' : 'over'),
    );
  }
  return rows;
}
