import { seriesColor, type SeriesPoint } from '#src/core/chart-data';
import { formatBytes, formatMBps, formatNs, formatRate } from '#src/core/measured';

/** What the tooltip needs to know per hovered entry: the series key and the full point behind it. */
export interface HoveredPoint {
  key: string;
  point: SeriesPoint;
}

const shortRate = (r: number) => formatRate(r).replace(' msg/s', '');
const shortMBps = (v: number) => formatMBps(v);

/**
 * The tooltip body: the size, then one row per hovered series with its exact numbers. A grid rather than a
 * paragraph per series, so eight methods at one size still fit beside the cursor. A narrow chart drops max and
 * msg/s (the table view has them).
 */
export function SeriesTooltipBody({
  sizeBytes,
  hovered,
  baselines,
  compact = false,
}: {
  sizeBytes: number | null;
  hovered: HoveredPoint[];
  baselines?: string[];
  compact?: boolean;
}) {
  if (hovered.length === 0 && !baselines?.length) return null;
  return (
    <div className={compact ? 'chart-tip compact' : 'chart-tip'}>
      {sizeBytes !== null && <div className="tip-size">{formatBytes(sizeBytes)} messages</div>}
      {hovered.length > 0 && (
        <table className="tip-table">
          <thead>
            <tr>
              <th scope="col">method</th>
              <th scope="col">p50</th>
              <th scope="col">p90</th>
              <th scope="col">p99</th>
              {!compact && <th scope="col">max</th>}
              {!compact && <th scope="col">msg/s</th>}
              <th scope="col">MB/s</th>
              <th scope="col">n</th>
            </tr>
          </thead>
          <tbody>
            {hovered.map(({ key, point: p }) => (
              <tr key={key}>
                <th scope="row">
                  <span className="swatch" style={{ background: seriesColor(key) }} aria-hidden="true" />
                  {key}
                </th>
                <td>{formatNs(p.p50)}</td>
                <td>{formatNs(p.p90)}</td>
                <td>{formatNs(p.p99)}</td>
                {!compact && <td>{formatNs(p.max)}</td>}
                {!compact && <td>{shortRate(p.msgsPerSec)}</td>}
                <td>{p.MBps > 0 ? shortMBps(p.MBps) : '—'}</td>
                <td>
                  {p.samples.toLocaleString('en-US')}
                  {p.errors > 0 && <span className="tip-errors"> ({p.errors} errors)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {baselines?.map((b) => (
        <div key={b} className="tip-baseline">
          {b}
        </div>
      ))}
    </div>
  );
}
