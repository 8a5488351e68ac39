import { useMemo } from 'react';
import { compareDatasets, costUnitOf, patternsIn, seriesColor, seriesFor } from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatCost, formatRatio } from '#src/core/format';
import { formatBytes, formatMBps, PATTERN_LABEL } from '#src/core/measured';

function emulationSentence(a: Dataset, b: Dataset): string {
  const aCounts = a.host.target === 'vm-icount';
  const bCounts = b.host.target === 'vm-icount';
  if (aCounts !== bCounts) {
    const [counts, times] = aCounts ? (['A', 'B'] as const) : (['B', 'A'] as const);
    return `${counts} counts guest instructions (QEMU -icount) and ${times} times nanoseconds: a ratio of the two would divide one unit by the other, so none is shown. Each side keeps its own unit.`;
  }
  if (aCounts)
    return 'Both A and B count guest instructions (QEMU -icount): the ratios say how the two runs differ in work done, not in time.';
  const aTcg = a.host.target === 'vm-tcg';
  const bTcg = b.host.target === 'vm-tcg';
  if (aTcg && bTcg)
    return 'Both A and B ran on an emulated CPU (QEMU TCG): the ratios say how the two runs differ, not how fast real hardware is.';
  if (aTcg)
    return `A (${a.id}) is the emulated one (QEMU TCG); B (${b.id}) ran on a real CPU (${b.host.target}). Much of each ratio is the emulation, not the method.`;
  if (bTcg)
    return `B (${b.id}) is the emulated one (QEMU TCG); A (${a.id}) ran on a real CPU (${a.host.target}). Much of each ratio is the emulation, not the method.`;
  return `Neither ran on an emulated CPU: A on ${a.host.target} (${a.host.cpuModel}), B on ${b.host.target} (${b.host.cpuModel}).`;
}

function keysOf(d: Dataset): string[] {
  return [...new Set(patternsIn(d).flatMap((p) => seriesFor(d, p).map((s) => s.key)))].sort();
}

/** Two datasets point by point: A, B and B/A for p50 latency and MB/s where both measured the same thing. */
export function DatasetCompare({ a, b }: { a: Dataset; b: Dataset }) {
  const rows = useMemo(() => compareDatasets(a, b), [a, b]);
  const unitA = costUnitOf(a);
  const unitB = costUnitOf(b);
  return (
    <section className="panel dataset-compare-panel" aria-labelledby="dataset-compare-title">
      <h2 id="dataset-compare-title">
        A <code>{a.id}</code> against B <code>{b.id}</code>
      </h2>
      <p className="emulation-sentence">{emulationSentence(a, b)}</p>
      {rows.length === 0 ? (
        <div className="notice">
          <p>
            The two datasets measured no point in common (the same method, variant, pattern and size), so there is
            nothing to put side by side.
          </p>
          <p className="muted">
            A has {keysOf(a).join(', ') || 'nothing'}. B has {keysOf(b).join(', ') || 'nothing'}.
          </p>
        </div>
      ) : (
        <div className="table-scroll compare-scroll">
          <table className="points-table ratio-table">
            <caption>
              {rows.length} points measured in both. A ratio above 1× means B took longer (p50) or moved more (MB/s).
            </caption>
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col">Pattern</th>
                <th scope="col">Size</th>
                <th scope="col">p50 A</th>
                <th scope="col">p50 B</th>
                <th scope="col">p50 B/A</th>
                <th scope="col">MB/s A</th>
                <th scope="col">MB/s B</th>
                <th scope="col">MB/s B/A</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.pattern}:${r.key}:${r.sizeBytes}`} data-series={r.key}>
                  <th scope="row">
                    <span className="swatch" style={{ background: seriesColor(r.key) }} aria-hidden="true" />
                    {r.key}
                  </th>
                  <td>{PATTERN_LABEL[r.pattern]}</td>
                  <td>{formatBytes(r.sizeBytes)}</td>
                  <td>{formatCost(r.a.p50, unitA)}</td>
                  <td>{formatCost(r.b.p50, unitB)}</td>
                  <td className="ratio">{formatRatio(r.p50Ratio)}</td>
                  <td>{r.a.MBps > 0 ? formatMBps(r.a.MBps) : '—'}</td>
                  <td>{r.b.MBps > 0 ? formatMBps(r.b.MBps) : '—'}</td>
                  <td className="ratio">{formatRatio(r.MBpsRatio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
