import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Method } from '#src/core/catalogue-schema';
import type { Dataset } from '#src/core/dataset-schema';
import { costUnitOf, logPadded, logSizeDomain, SIZE_AXIS_HEIGHT, type CostUnit } from '#src/core/chart-data';
import { formatCost } from '#src/core/format';
import { formatBytes, formatMBps, formatRate, WAKEUP_RATE_NOTE } from '#src/core/measured';
import { methodCurves, PATTERN_TITLE, variantLabel, type PatternCurves } from '../lib/method-curves';

// Fixed size: fits a 390 px phone inside the page padding, and several sit side by side on a desktop.
const WIDTH = 320;
const HEIGHT = 220;
const Y_AXIS_WIDTH = 60;
const MARGIN = { top: 8, right: 12, bottom: 4, left: 4 };
/** Room for a marker (a dot of r 2.5 with its stroke, and the hovered one a little larger) between the first and last value and the plot's edge. */
const MARKER_PAD = 5;
const COLOURS = ['#1f4e8c', '#b45309', '#21703a', '#7c3aed', '#a12626', '#0e7490'];

type Rows = PatternCurves['latencyRows'];

function Chart({
  title,
  caption,
  curves,
  rows,
  ticks,
  format,
  tickFormat = (v) => format(v).replace(' ', ''),
}: {
  title: string;
  caption: string;
  curves: PatternCurves;
  rows: Rows;
  ticks: number[];
  format: (v: number) => string;
  /** The axis's words for a tick, shorter than format's (the caption names the unit). */
  tickFormat?: (v: number) => string;
}) {
  const sizes = curves.sizeTicks;
  const many = curves.lines.length > 1;
  return (
    <figure className="curve" aria-label={title}>
      <figcaption>
        {caption}
        {!many && curves.lines[0]?.variant ? ` (${curves.lines[0].variant})` : ''}
      </figcaption>
      <LineChart width={WIDTH} height={HEIGHT} data={rows} margin={MARGIN}>
        <CartesianGrid stroke="#e3e6eb" />
        <XAxis
          dataKey="sizeBytes"
          type="number"
          scale="log"
          domain={logSizeDomain(sizes, WIDTH - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right, MARKER_PAD)}
          ticks={sizes}
          tickFormatter={(v: number) => formatBytes(v).replace(' ', '')}
          allowDataOverflow
          height={SIZE_AXIS_HEIGHT}
          fontSize={11}
        />
        <YAxis
          type="number"
          scale="log"
          domain={logPadded(
            [ticks[0] ?? 1, ticks[ticks.length - 1] ?? 10],
            HEIGHT - MARGIN.top - MARGIN.bottom - SIZE_AXIS_HEIGHT,
            MARKER_PAD,
          )}
          ticks={ticks}
          tickFormatter={tickFormat}
          allowDataOverflow
          width={Y_AXIS_WIDTH}
          fontSize={11}
        />
        <Tooltip
          labelFormatter={(v) => `${formatBytes(Number(v))} messages`}
          formatter={(v, name) => [format(Number(v)), String(name)]}
        />
        {many && <Legend wrapperStyle={{ fontSize: 12 }} />}
        {curves.lines.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={variantLabel(s.variant)}
            stroke={COLOURS[i % COLOURS.length]}
            strokeWidth={2}
            dot={{ r: 2.5 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}

function SinglePoints({ curves, unit }: { curves: PatternCurves; unit: CostUnit }) {
  if (curves.single.length === 0) return null;
  const wakeup = curves.pattern === 'notify';
  return (
    <div className="table-scroll">
      <table className="measured single-points">
        <caption>Measured at one size</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Size</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
            <th scope="col">Rate</th>
          </tr>
        </thead>
        <tbody>
          {curves.single.map((s) => (
            <tr key={`${s.key}-${s.point.sizeBytes}`}>
              <th scope="row">{variantLabel(s.variant)}</th>
              <td>{formatBytes(s.point.sizeBytes)}</td>
              <td>{formatCost(s.point.p50, unit)}</td>
              <td>{formatCost(s.point.p99, unit)}</td>
              <td>{wakeup ? '—' : formatRate(s.point.msgsPerSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {wakeup && <p className="point-note">{WAKEUP_RATE_NOTE}</p>}
    </div>
  );
}

/** Small log–log charts of one method's p50 latency and throughput against message size, per pattern. */
export default function MethodCharts({ dataset, method }: { dataset: Dataset; method: Method }) {
  const patterns = methodCurves(dataset, method.id);
  const unit = costUnitOf(dataset);
  const cost = (v: number) => formatCost(v, unit);
  return (
    <div className="curve-patterns">
      {patterns.map((c) => (
        <section
          key={c.pattern}
          className="curve-pattern"
          data-pattern={c.pattern}
          aria-label={PATTERN_TITLE[c.pattern]}
        >
          <h3>{PATTERN_TITLE[c.pattern]}</h3>
          {c.lines.length > 0 && (
            <div className="curve-row">
              <Chart
                title={`p50 latency vs message size, ${PATTERN_TITLE[c.pattern].toLowerCase()}`}
                curves={c}
                rows={c.latencyRows}
                caption={unit === 'instructions' ? 'p50 cost (guest instructions)' : 'p50 latency'}
                ticks={c.latencyTicks}
                format={cost}
                tickFormat={unit === 'instructions' ? (v) => cost(v).replace(' instr', '') : undefined}
              />
              {c.showThroughput && (
                <Chart
                  title={`Throughput vs message size, ${PATTERN_TITLE[c.pattern].toLowerCase()}`}
                  curves={c}
                  rows={c.throughputRows}
                  caption="Throughput"
                  ticks={c.throughputTicks}
                  format={formatMBps}
                />
              )}
            </div>
          )}
          <SinglePoints curves={c} unit={unit} />
        </section>
      ))}
    </div>
  );
}
