import { useMemo } from 'react';
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import {
  BASELINE_COLOR,
  baselinesOf,
  logTicks,
  seriesColor,
  thinTicks,
  valueExtent,
  wakeupRows,
  type WakeupRow,
} from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatNs } from '#src/core/measured';
import { ChartPanel } from './ChartPanel';
import type { SeriesControls } from './chart-controls';
import { cssKey } from './LogLogChart';
import { PointsTable } from './PointsTable';
import { SeriesTooltipBody } from './SeriesTooltip';

const AXIS_TICK = { fontSize: 12, fill: '#3d434b' };
const ROW_HEIGHT = 30;

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: WakeupRow;
}

function P50Dot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <circle
      cx={cx}
      cy={cy}
      r={5}
      fill={seriesColor(payload.key)}
      stroke="#fff"
      strokeWidth={1.5}
      className={`series ${cssKey(payload.key)}`}
    />
  );
}

/** Wake-up latency (notify: one size, no payload): a dot at p50 and a bar from p90 to p99 per method. */
export function WakeupChart({ dataset, controls }: { dataset: Dataset; controls: SeriesControls }) {
  const all = useMemo(() => wakeupRows(dataset), [dataset]);
  const { hidden } = controls;
  const visible = all.filter((r) => !hidden.has(r.key));
  const base = baselinesOf(dataset);
  const floor = base.syscallP50Ns;
  const floorLabel = `null syscall p50 ${formatNs(floor)}`;
  const title = 'Wake-up latency (notify)';
  const extent = valueExtent(
    visible.map((r) => ({ key: r.key, method: '', variant: '', pattern: 'notify', points: [r] })),
    'p50',
    [floor],
  ) ?? [floor, floor * 10];

  return (
    <ChartPanel
      id="wakeup"
      title={title}
      icon="bell"
      iconLabel="wake-up"
      description={
        <p>
          From the kernel signalling an event to a blocked user-space waiter running. Dot: p50; bar: p90 to p99. No
          payload, so one point per method.
        </p>
      }
      dataset={dataset}
      entries={all.map((r) => ({ key: r.key, title: controls.methodName(r.key.split('/')[0]!) }))}
      hidden={hidden}
      onToggle={controls.onToggle}
      onShowAll={controls.onShowAll}
      baselines={[{ label: floorLabel, dashed: true }]}
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
              tickFormatter={formatNs}
              tick={AXIS_TICK}
              allowDataOverflow
              label={{ value: 'latency (log)', position: 'insideBottom', offset: -14, fontSize: 12, fill: '#5a6470' }}
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
                  <SeriesTooltipBody sizeBytes={null} hovered={[{ key: row.key, point: row }]} compact={compact} />
                );
              }}
            />
            <Bar dataKey="band" barSize={8} isAnimationActive={false} name="p90–p99">
              {visible.map((r) => (
                <Cell key={r.key} fill={seriesColor(r.key)} fillOpacity={0.35} />
              ))}
            </Bar>
            <Line dataKey="p50" name="p50" stroke="none" dot={<P50Dot />} activeDot={false} isAnimationActive={false} />
            <ReferenceLine
              x={floor}
              stroke={BASELINE_COLOR}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              label={{ value: 'null syscall', position: 'top', fontSize: 11, fill: BASELINE_COLOR }}
            />
          </ComposedChart>
        );
      }}
      renderTable={() => (
        <PointsTable
          caption={`${title}: ${dataset.id}`}
          rows={visible.map((r) => ({ key: r.key, point: r }))}
          showSize={false}
          footnote={`Baseline: ${floorLabel} (p99 ${formatNs(base.syscallP99Ns)}).`}
        />
      )}
    />
  );
}
