import type { CostUnit } from '../core/chart-data';
import { PATTERN_LABEL, pointFigures, sizeBasis, WAKEUP_RATE_NOTE, type MeasuredPoint } from '../core/measured';

/** The dataset's numbers for one method at the user's size, one row per measured pattern. */
export function MeasuredTable({
  points,
  unit,
  caption,
}: {
  points: MeasuredPoint[];
  /** What the dataset's latencies count: time, or guest instructions (vm-icount), never written as time. */
  unit: CostUnit;
  caption?: string;
}) {
  if (points.length === 0) return null;
  return (
    <>
      <table className="measured">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">Pattern</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
            <th scope="col">Rate</th>
            <th scope="col">Throughput</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => {
            const f = pointFigures(p, unit);
            return (
              <tr key={`${p.pattern}-${p.variant}`}>
                <th scope="row">
                  {PATTERN_LABEL[p.pattern]}
                  {p.variant && <span className="muted"> ({p.variant})</span>}
                  <span className={p.extrapolated ? 'point-note warn' : 'point-note'}>{sizeBasis(p)}</span>
                </th>
                <td>{f.p50}</td>
                <td>{f.p99}</td>
                <td>{f.rate ?? '—'}</td>
                <td>{f.throughput ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {points.some((p) => p.pattern === 'notify') && <p className="point-note">{WAKEUP_RATE_NOTE}</p>}
    </>
  );
}
