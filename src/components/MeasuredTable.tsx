import { formatBytes, formatMBps, formatNs, formatRate, type MeasuredPoint } from '../core/measured';

const PATTERN_LABEL: Record<string, string> = {
  roundtrip: 'round trip',
  k2u: 'kernel → user',
  u2k: 'user → kernel',
  notify: 'wake-up',
};

export function describePoint(p: MeasuredPoint): string {
  if (p.exact) return `measured at ${formatBytes(p.sizeBytes)}`;
  if (p.extrapolated)
    return `nearest measured size ${formatBytes((p.lowerSize ?? p.upperSize) as number)}: outside the measured range, not a prediction`;
  return `interpolated between ${formatBytes(p.lowerSize as number)} and ${formatBytes(p.upperSize as number)}`;
}

/** The dataset's numbers for one method at the user's size, one row per measured pattern. */
export function MeasuredTable({ points, caption }: { points: MeasuredPoint[]; caption?: string }) {
  if (points.length === 0) return null;
  return (
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
        {points.map((p) => (
          <tr key={`${p.pattern}-${p.variant}`}>
            <th scope="row">
              {PATTERN_LABEL[p.pattern] ?? p.pattern}
              {p.variant && <span className="muted"> ({p.variant})</span>}
              <span className={p.extrapolated ? 'point-note warn' : 'point-note'}>{describePoint(p)}</span>
            </th>
            <td>{formatNs(p.latencyNs.p50)}</td>
            <td>{formatNs(p.latencyNs.p99)}</td>
            <td>{formatRate(p.msgsPerSec)}</td>
            <td>{formatMBps(p.MBps)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
