import { memo, useMemo } from 'react';
import type { PanelView } from '#src/core/bench-view-codec';
import { factsOf } from '#src/core/bench-pivot';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import {
  BASELINE_COLOR,
  baselinesOf,
  costUnitOf,
  hasIntervals,
  logTicks,
  seriesColor,
  thinTicks,
  wakeupRows,
  type WakeupRow,
} from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatCost, formatRatio } from '#src/core/format';
import { ChartPanel } from './ChartPanel';
import { IntervalsMissing, RatioButton } from './RatioControls';
import { costMetric, type SeriesControls } from './chart-controls';
import { cssKey } from './LogLogChart';
import { PivotView } from './PivotView';
import { MarkerShape } from '#src/components/SeriesMarks';
import { SeriesTooltipBody } from './SeriesTooltip';

const AXIS_TICK = { fontSize: 12, fill: '#3d434b' };
const ROW_HEIGHT = 30;

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: WakeupRow;
}

function ShownDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <g className={`series ${cssKey(payload.key)}`}>
      <MarkerShape seriesKey={payload.key} cx={cx} cy={cy} r={payload.unstable ? 5.5 : 5} hollow={payload.unstable} />
    </g>
  );
}

/** Wake-up latency (notify: one size, no payload): a dot at p50 and a bar from p90 to p99 per method. */
export const WakeupChart = memo(function WakeupChart({
  dataset,
  controls,
  view,
}: {
  dataset: Dataset;
  controls: SeriesControls;
  view: PanelView;
}) {
  const intervals = hasIntervals(dataset);
  const panel = 'wakeup';
  const [metric, setMetric] = costMetric(controls, panel, view, intervals);
  const ratio = metric === 'ratioMedian';
  const unit = costUnitOf(dataset);
  const cost = (v: number) => formatCost(v, unit);
  // What is drawn (shown, shownBand): p50 and p90–p99, or the paired ratio and its 95% interval, a point
  // without one left out. The row keeps its own numbers for the tooltip.
  const all = useMemo(
    () =>
      wakeupRows(dataset)
        .flatMap((r) =>
          !ratio
            ? [{ ...r, shown: r.p50, shownBand: r.band }]
            : r.ratio
              ? [{ ...r, shown: r.ratio.median, shownBand: [r.ratio.lo, r.ratio.hi] as [number, number] }]
              : [],
        )
        .sort((x, y) => x.shown - y.shown || x.key.localeCompare(y.key)),
    [dataset, ratio],
  );
  const { hidden } = controls;
  const visible = all.filter((r) => !hidden.has(r.key));
  const base = baselinesOf(dataset);
  const floor = ratio ? 1 : base.syscallP50Ns;
  const floorLabel = ratio ? '1× = as cheap as a null syscall' : `null syscall p50 ${cost(floor)}`;
  const format = ratio ? formatRatio : cost;
  const title = 'Wake-up latency (notify)';
  const drawn = visible.flatMap((r) => [r.shown, ...r.shownBand]).filter((v) => v > 0);
  const extent: [number, number] = drawn.length
    ? [Math.min(floor, ...drawn), Math.max(floor, ...drawn)]
    : [floor, floor * 10];
  const unstableCount = visible.filter((r) => r.unstable).length;
  const tools = (
    <div className="segmented" role="group" aria-label="Wake-up shown as">
      <button type="button" aria-pressed={!ratio} onClick={() => setMetric('p50')}>
        {unit === 'instructions' ? 'instr' : 'time'}
      </button>
      <RatioButton intervals={intervals} pressed={ratio} onClick={() => setMetric('ratioMedian')} />
    </div>
  );

  return (
    <ChartPanel
      id={panel}
      view={view.view ?? 'chart'}
      onView={(v) => controls.onPanelView(panel, { view: v === 'chart' ? undefined : v })}
      title={title}
      icon="bell"
      iconLabel="wake-up"
      description={
        <p>
          From the kernel signalling an event to a blocked user-space waiter running. No payload, so one point per
          method.{' '}
          {ratio
            ? 'Dot: the median of the paired per-block ratios to a null syscall measured interleaved with it; bar: its 95% interval.'
            : 'Dot: p50; bar: p90 to p99.'}
          {unit === 'instructions' && <strong> Guest instructions, not time.</strong>}
          <IntervalsMissing intervals={intervals} />
        </p>
      }
      dataset={dataset}
      entries={all.map((r) => ({ key: r.key, title: controls.methodName(r.key.split('/')[0]!) }))}
      hidden={hidden}
      onToggle={controls.onToggle}
      onShowAll={controls.onShowAll}
      baselines={[{ label: floorLabel, dashed: true }]}
      bandLabel={ratio ? '95% interval of the ratio' : 'p90 to p99'}
      unstableCount={unstableCount}
      tools={tools}
      renderChart={({ width }) => {
        const ticksAll = logTicks(extent[0], extent[1]);
        const compact = width < 520;
        // Room for the longest method/variant name, but never more than 40% of the chart.
        const longest = Math.max(...visible.map((r) => r.key.length));
        const labelWidth = Math.min(Math.round(width * 0.4), longest * (compact ? 6.2 : 7) + 14);
        const ticks = thinTicks(ticksAll, Math.max(2, Math.floor((width - labelWidth - 20) / 58)));
        return (
          <ComposedChart
            layout="vertical"
            width={width}
            height={visible.length * ROW_HEIGHT + 74}
            data={visible}
            margin={{ top: 22, right: compact ? 12 : 24, bottom: 24, left: 0 }}
            accessibilityLayer
          >
            <CartesianGrid stroke="#e3e6ea" strokeDasharray="3 4" horizontal={false} />
            <XAxis
              type="number"
              scale="log"
              domain={[ticksAll[0]!, ticksAll[ticksAll.length - 1]!]}
              ticks={ticks}
              tickFormatter={format}
              tick={AXIS_TICK}
              allowDataOverflow
              label={{
                value: ratio ? '× null syscall (log)' : 'latency (log)',
                position: 'insideBottom',
                offset: -14,
                fontSize: 12,
                fill: '#5a6470',
              }}
            />
            <YAxis
              type="category"
              dataKey="key"
              width={labelWidth}
              tick={compact ? { ...AXIS_TICK, fontSize: 11 } : AXIS_TICK}
              interval={0}
            />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: 'rgb(31 78 140 / 6%)' }}
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as WakeupRow | undefined;
                if (!active || !row) return null;
                return (
                  <SeriesTooltipBody
                    sizeBytes={null}
                    hovered={[{ key: row.key, point: row }]}
                    compact={compact}
                    unit={unit}
                    intervals={intervals}
                    wakeup
                  />
                );
              }}
            />
            <Bar dataKey="shownBand" barSize={8} isAnimationActive={false} name={ratio ? '95% interval' : 'p90–p99'}>
              {visible.map((r) => (
                <Cell key={r.key} fill={seriesColor(r.key)} fillOpacity={0.35} />
              ))}
            </Bar>
            <Line
              dataKey="shown"
              name={ratio ? 'ratio' : 'p50'}
              stroke="none"
              dot={<ShownDot />}
              activeDot={false}
              isAnimationActive={false}
            />
            <ReferenceLine
              x={floor}
              stroke={BASELINE_COLOR}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              label={{ value: ratio ? '1×' : 'null syscall', position: 'top', fontSize: 11, fill: BASELINE_COLOR }}
            />
          </ComposedChart>
        );
      }}
      renderTable={() => (
        <PivotView
          caption={`${title}, ${dataset.id}`}
          facts={factsOf(dataset, ['notify']).filter((f) => !hidden.has(f.key))}
          unit={unit}
          dims={['method', 'variant', 'size']}
          values={['ratio', 'p50', 'p99']}
          initial={{ rows: 'method', cols: 'variant', value: ratio ? 'ratio' : 'p50' }}
          intervals={intervals}
          state={view}
          onChange={(change) => controls.onPanelView(panel, change)}
          footnote={`Baseline: null syscall p50 ${cost(base.syscallP50Ns)} (p99 ${cost(base.syscallP99Ns)}).`}
        />
      )}
    />
  );
});
