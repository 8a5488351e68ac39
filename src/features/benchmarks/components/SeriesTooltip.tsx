import { unstableReason, type CostUnit, type SeriesPoint } from '#src/core/chart-data';
import { formatBytes, formatCost, formatMBps, formatRate, formatRatio } from '#src/core/format';
import { SeriesGlyph } from '#src/components/SeriesMarks';

/** What the tooltip needs to know per hovered entry: the series key and the full point behind it. */
export interface HoveredPoint {
  key: string;
  point: SeriesPoint;
}

const shortRate = (r: number) => formatRate(r).replace(' msg/s', '');

/** "2.29× (2.10–2.51)": the paired ratio to the reference with its 95% interval. */
export function ratioWithInterval(p: SeriesPoint): string {
  if (!p.ratio) return '—';
  return `${formatRatio(p.ratio.median)} (${Number(p.ratio.lo.toPrecision(3))}–${formatRatio(p.ratio.hi)})`;
}

/**
 * The tooltip body: the size, then one row per hovered series with its exact numbers, then why any of them
 * is unstable. A grid rather than a paragraph per series, so eight methods at one size still fit beside the
 * cursor; a narrow chart drops max and msg/s (the table view has them). It is a live region, so a screen
 * reader reads it when the arrow keys move the chart's focus from size to size.
 */
export function SeriesTooltipBody({
  sizeBytes,
  hovered,
  baselines,
  compact = false,
  unit = 'ns',
  intervals = false,
  wakeup = false,
}: {
  sizeBytes: number | null;
  hovered: HoveredPoint[];
  baselines?: string[];
  compact?: boolean;
  unit?: CostUnit;
  /** The dataset carries paired ratios: show each point's ratio and 95% interval. */
  intervals?: boolean;
  /** Wake-ups: no msg/s, which the test's delay before each event sets (WAKEUP_RATE_NOTE). */
  wakeup?: boolean;
}) {
  if (hovered.length === 0 && !baselines?.length) return null;
  const cost = (v: number) => formatCost(v, unit);
  const unstable = hovered.flatMap(({ key, point }) => {
    const why = unstableReason(point);
    return why ? [{ key, why }] : [];
  });
  return (
    <div className={compact ? 'chart-tip compact' : 'chart-tip'} role="status" aria-live="polite">
      {sizeBytes !== null && <div className="tip-size">{formatBytes(sizeBytes)} messages</div>}
      {hovered.length > 0 && (
        <table className="tip-table">
          <thead>
            <tr>
              <th scope="col">method</th>
              {intervals && <th scope="col">× ref (95% CI)</th>}
              <th scope="col">p50</th>
              {!compact && <th scope="col">p90</th>}
              <th scope="col">p99</th>
              {!compact && <th scope="col">max</th>}
              {!compact && !wakeup && <th scope="col">msg/s</th>}
              <th scope="col">MB/s</th>
              {!compact && <th scope="col">n</th>}
            </tr>
          </thead>
          <tbody>
            {hovered.map(({ key, point: p }) => (
              <tr key={key} className={p.unstable ? 'unstable' : undefined}>
                <th scope="row">
                  <SeriesGlyph seriesKey={key} hollow={p.unstable} />
                  {key}
                  {p.unstable && <span className="unstable-flag"> unstable</span>}
                </th>
                {intervals && <td>{ratioWithInterval(p)}</td>}
                <td>{cost(p.p50)}</td>
                {!compact && <td>{cost(p.p90)}</td>}
                <td>{cost(p.p99)}</td>
                {!compact && <td>{cost(p.max)}</td>}
                {!compact && !wakeup && <td>{shortRate(p.msgsPerSec)}</td>}
                <td>{p.MBps > 0 ? formatMBps(p.MBps) : '—'}</td>
                {!compact && (
                  <td>
                    {p.samples.toLocaleString('en-US')}
                    {p.errors > 0 && <span className="tip-errors"> ({p.errors} errors)</span>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unstable.map((u) => (
        <div key={u.key} className="tip-unstable">
          {u.key}: {u.why}
        </div>
      ))}
      {baselines?.map((b) => (
        <div key={b} className="tip-baseline">
          {b}
        </div>
      ))}
    </div>
  );
}
