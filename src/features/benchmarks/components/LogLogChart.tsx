import type React from 'react';
import { Area, CartesianGrid, ComposedChart, ErrorBar, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import {
  bandOf,
  BASELINE_COLOR,
  logPadded,
  logSizeDomain,
  SIZE_AXIS_HEIGHT,
  logTicks,
  sizeTicks,
  thinTicks,
  type CostUnit,
  type Metric,
  type Series,
  type SeriesPoint,
} from '#src/core/chart-data';
import { formatBytes } from '#src/core/measured';
import { seriesStyle } from '#src/core/series-style';
import type { ChartSize } from './ChartPanel';
import { MarkerShape } from '#src/components/SeriesMarks';
import { SeriesTooltipBody } from './SeriesTooltip';

export type ChartRow = Record<string, number | [number, number] | undefined>;

export interface ReferenceY {
  y: number;
  label: string;
  dotted?: boolean;
}

export interface LogLogChartProps extends ChartSize {
  rows: ChartRow[];
  /** The series switched on; each draws as a line under its key (and a band under `${key}:band`). */
  series: Series[];
  /** Every size any series of this chart measured, switched on or not, so the x axis stays put. */
  sizes: number[];
  bands: boolean;
  yExtent: [number, number];
  yFormat: (v: number) => string;
  references: ReferenceY[];
  /** A baseline drawn as a dashed series under this key (memcpy on throughput charts). */
  baselineSeries?: { key: string; label: string };
  /** What the lines draw; its band (bandOf) is the shaded area. */
  metric: Metric;
  unit: CostUnit;
  /** The dataset carries paired ratios (the tooltip shows them). */
  intervals: boolean;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: ChartRow;
}

export const cssKey = (key: string) => `s-${key.replace(/[^a-z0-9-]/gi, '_')}`;

const AXIS_TICK = { fontSize: 12, fill: '#3d434b' };
const MARKER_PAD = 9;

/** Size on a log x axis against a positive value on a log y axis: one line (and band) per series. */
export function LogLogChart(props: LogLogChartProps) {
  const { width, height, series, sizes, yExtent, yFormat } = props;
  // A band needs two sizes to have an area; a series measured at one size shows its band as an error bar.
  const single = new Set(props.bands ? series.filter((s) => s.points.length === 1).map((s) => s.key) : []);
  const rows =
    single.size === 0
      ? props.rows
      : props.rows.map((row) => {
          const out = { ...row };
          for (const s of series) {
            const p = s.points[0]!;
            const band = bandOf(p, props.metric);
            if (single.has(s.key) && band && p.sizeBytes === row.sizeBytes)
              out[`${s.key}:err`] = [p[props.metric] - band[0], band[1] - p[props.metric]];
          }
          return out;
        });
  const positiveSizes = sizes.filter((s) => s > 0);
  const xTicks = thinTicks(sizeTicks(positiveSizes), Math.max(2, Math.floor((width - 90) / 62)));
  const allYTicks = logTicks(yExtent[0], yExtent[1]);
  const yTicks = thinTicks(allYTicks, Math.max(3, Math.floor((height - 60) / 32)));
  const points = new Map(
    series.map((s) => [s.key, new Map<number, SeriesPoint>(s.points.map((p) => [p.sizeBytes, p]))]),
  );
  const compact = width < 520;
  // Tick labels carry their unit ("100 MB/s"); the axis is as wide as the longest so none wraps.
  const yAxisWidth = Math.max(...yTicks.map((t) => yFormat(t).length)) * 7 + 18;
  const margin = { top: 12, right: compact ? 8 : 20, bottom: 28, left: 0 };
  // Room for the hovered marker's ring (r 7 and its stroke) at the first and the last size.
  const xDomain = logSizeDomain(positiveSizes, width - yAxisWidth - margin.left - margin.right, MARKER_PAD);
  // The same room above the top tick and below the bottom one, for a value on a power of ten.
  const yDomain = logPadded(
    [allYTicks[0]!, allYTicks[allYTicks.length - 1]!],
    height - margin.top - margin.bottom - SIZE_AXIS_HEIGHT,
    MARKER_PAD,
  );

  return (
    <ComposedChart width={width} height={height} data={rows} margin={margin} accessibilityLayer>
      <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 4" />
      <XAxis
        dataKey="sizeBytes"
        type="number"
        scale="log"
        domain={xDomain}
        ticks={xTicks}
        tickFormatter={formatBytes}
        tick={AXIS_TICK}
        allowDataOverflow
        height={SIZE_AXIS_HEIGHT}
        label={{ value: 'message size (log)', position: 'insideBottom', offset: -16, fontSize: 12, fill: '#5a6470' }}
      />
      <YAxis
        type="number"
        scale="log"
        domain={yDomain}
        ticks={yTicks}
        tickFormatter={yFormat}
        tick={AXIS_TICK}
        width={yAxisWidth}
        allowDataOverflow
      />
      <Tooltip
        isAnimationActive={false}
        content={({ active, payload }) => {
          if (!active || !payload?.length) return null;
          const row = payload[0]?.payload as ChartRow | undefined;
          const size = typeof row?.sizeBytes === 'number' ? row.sizeBytes : null;
          if (size === null) return null;
          const hovered = series
            .map((s) => ({ key: s.key, point: points.get(s.key)?.get(size) }))
            .filter((h): h is { key: string; point: SeriesPoint } => h.point !== undefined)
            .sort((a, b) => b.point[props.metric] - a.point[props.metric]);
          const base = props.baselineSeries;
          const baseValue = base ? row?.[base.key] : undefined;
          return (
            <SeriesTooltipBody
              compact={compact}
              sizeBytes={size}
              hovered={hovered}
              baselines={base && typeof baseValue === 'number' ? [`${base.label}: ${yFormat(baseValue)}`] : undefined}
              unit={props.unit}
              intervals={props.intervals}
            />
          );
        }}
      />
      {props.bands &&
        series
          .filter((s) => !single.has(s.key))
          .map((s) => (
            <Area
              key={`${s.key}:band`}
              className={`band ${cssKey(s.key)}`}
              dataKey={`${s.key}:band`}
              name={`${s.key} band`}
              type="linear"
              stroke="none"
              fill={seriesStyle(s.key).color}
              fillOpacity={0.12}
              connectNulls
              isAnimationActive={false}
              activeDot={false}
              tooltipType="none"
            />
          ))}
      {props.references.map((r) => (
        <ReferenceLine
          key={r.label}
          y={r.y}
          stroke={BASELINE_COLOR}
          strokeDasharray={r.dotted ? '2 4' : '6 4'}
          strokeWidth={1.5}
          ifOverflow="extendDomain"
          label={{ value: r.label, position: 'insideBottomRight', fontSize: 11, fill: BASELINE_COLOR }}
        />
      ))}
      {props.baselineSeries && (
        <Line
          className="baseline-series"
          dataKey={props.baselineSeries.key}
          name={props.baselineSeries.label}
          type="linear"
          stroke={BASELINE_COLOR}
          strokeWidth={1.5}
          strokeDasharray="5 4"
          dot={false}
          activeDot={false}
          connectNulls
          isAnimationActive={false}
        />
      )}
      {series.map((s) => {
        const style = seriesStyle(s.key);
        const byPoint = points.get(s.key);
        const marker = (d: DotProps & { key?: React.Key | null }, active: boolean) => {
          const p = typeof d.payload?.sizeBytes === 'number' ? byPoint?.get(d.payload.sizeBytes) : undefined;
          if (d.cx === undefined || d.cy === undefined || !p) return <g key={d.key ?? undefined} />;
          return (
            <g key={d.key ?? undefined} className={active ? 'active-point' : undefined}>
              <MarkerShape seriesKey={s.key} cx={d.cx} cy={d.cy} r={p.unstable ? 4 : 3.5} hollow={p.unstable} />
              {active && <circle cx={d.cx} cy={d.cy} r={7} fill="none" stroke={style.color} strokeWidth={1.2} />}
            </g>
          );
        };
        return (
          <Line
            key={s.key}
            className={`series ${cssKey(s.key)}`}
            dataKey={s.key}
            name={s.key}
            type="linear"
            stroke={style.color}
            strokeWidth={2}
            strokeDasharray={style.dash ?? undefined}
            dot={(d: DotProps & { key?: React.Key | null }) => marker(d, false)}
            activeDot={(d: DotProps) => marker(d, true)}
            connectNulls
            isAnimationActive={false}
          >
            {single.has(s.key) && (
              <ErrorBar
                dataKey={`${s.key}:err`}
                direction="y"
                width={8}
                stroke={style.color}
                strokeWidth={1.5}
                isAnimationActive={false}
              />
            )}
          </Line>
        );
      })}
    </ComposedChart>
  );
}
