import { seriesColor, type SeriesPoint } from '#src/core/chart-data';
import { formatBytes } from '#src/core/measured';
import { plainNumber as number, preciseNs } from '../utils/format';

export interface TableRow {
  key: string;
  point: SeriesPoint;
}

/**
 * The numbers behind a chart, one row per series and size. Each latency carries its own unit with four
 * significant digits: one unit per column would print a TCG round trip of 1 MiB and one of 8 B as 10.68 and
 * 0.01 ms. Throughput is in the harness's units (MB = 10^6 bytes).
 */
export function PointsTable({
  caption,
  rows,
  showSize = true,
  footnote,
}: {
  caption: string;
  rows: TableRow[];
  showSize?: boolean;
  footnote?: string;
}) {
  if (rows.length === 0) return <p className="chart-empty">No series switched on: nothing to list.</p>;
  return (
    <div className="table-scroll">
      <table className="points-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            {showSize && <th scope="col">Size</th>}
            <th scope="col">p50</th>
            <th scope="col">p90</th>
            <th scope="col">p99</th>
            <th scope="col">max</th>
            <th scope="col">msg/s</th>
            <th scope="col">MB/s</th>
            <th scope="col">Samples</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, point: p }) => (
            <tr key={`${key}@${p.sizeBytes}`} data-series={key}>
              <th scope="row">
                <span className="swatch" style={{ background: seriesColor(key) }} aria-hidden="true" />
                {key}
              </th>
              {showSize && <td>{formatBytes(p.sizeBytes)}</td>}
              <td>{preciseNs(p.p50)}</td>
              <td>{preciseNs(p.p90)}</td>
              <td>{preciseNs(p.p99)}</td>
              <td>{preciseNs(p.max)}</td>
              <td>{number(p.msgsPerSec, p.msgsPerSec < 10 ? 2 : 0)}</td>
              <td>{number(p.MBps, p.MBps < 10 ? 3 : 1)}</td>
              <td>{number(p.samples, 0)}</td>
              <td>{number(p.errors, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {footnote && <p className="table-note">{footnote}</p>}
    </div>
  );
}
