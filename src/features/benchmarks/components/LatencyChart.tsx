import { memo, useMemo } from 'react';
import type { PanelView } from '#src/core/bench-view-codec';
import { factsOf } from '#src/core/bench-pivot';
import {
  baselinesOf,
  costUnitOf,
  forLogAxes,
  hasIntervals,
  seriesFor,
  toRows,
  valueExtent,
  referencesOf,
} from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatCost, formatRatio } from '#src/core/format';
import { PATTERN_LABEL } from '#src/core/measured';
import { ChartPanel } from './ChartPanel';
import { IntervalsMissing, RatioButton } from './RatioControls';
import { LogLogChart } from './LogLogChart';
import { PivotView } from './PivotView';
import { costMetric, type SeriesControls } from './chart-controls';

const TEXT = {
  roundtrip: {
    title: 'Round-trip latency by message size',
    icon: 'arrows-both',
    what: 'User space sends a message and waits for the kernel’s answer of the same size.',
  },
  k2u: {
    title: 'Kernel → user latency by message size',
    icon: 'arrow-down',
    what: 'From the kernel stamping a message to user space holding it (one way).',
  },
  u2k: {
    title: 'User → kernel latency by message size',
    icon: 'arrow-up',
    what: 'From user space sending a message to the kernel holding it (one way).',
  },
} as const;

/**
 * Latency against message size on log–log axes: the p50 with its p90–p99 band over the null-syscall floor,
 * or (kcomm-bench/2) the paired ratio to the point's reference with its 95% interval as the band.
 */
export const LatencyChart = memo(function LatencyChart({
  dataset,
  pattern,
  controls,
  view,
}: {
  dataset: Dataset;
  pattern: 'roundtrip' | 'k2u' | 'u2k';
  controls: SeriesControls;
  /** This panel's view as the URL has it (the same object while it does not change). */
  view: PanelView;
}) {
  const intervals = hasIntervals(dataset);
  const panel = `latency-${pattern}`;
  const [metric, setMetric] = costMetric(controls, panel, view, intervals);
  const all = useMemo(() => forLogAxes(seriesFor(dataset, pattern), metric), [dataset, pattern, metric]);
  const { hidden } = controls;
  const visible = all.filter((s) => !hidden.has(s.key));
  const unit = costUnitOf(dataset);
  const cost = (v: number) => formatCost(v, unit);
  const base = baselinesOf(dataset);
  const floor = base.syscallP50Ns;
  const text = TEXT[pattern];
  const ratio = metric === 'ratioMedian';
  const floorLabel = ratio ? '1× = as cheap as its reference' : `null syscall p50 ${cost(floor)}`;
  const unstableCount = visible.reduce((n, s) => n + s.points.filter((p) => p.unstable).length, 0);

  const tools = (
    <div className="segmented" role="group" aria-label="Latency shown as">
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
      title={text.title}
      icon={text.icon}
      iconLabel={PATTERN_LABEL[pattern]}
      description={
        <p>
          {text.what}{' '}
          {ratio
            ? `Line: the median of the paired per-block ratios to the point’s reference (${referencesOf(visible)}), measured interleaved with it in the same run; band: its 95% interval.`
            : 'Line: p50; band: p90 to p99.'}
          {unit === 'instructions' && <strong> Guest instructions, not time.</strong>}
          <IntervalsMissing intervals={intervals} />
        </p>
      }
      dataset={dataset}
      entries={all.map((s) => ({ key: s.key, title: controls.methodName(s.method) }))}
      hidden={hidden}
      onToggle={controls.onToggle}
      onShowAll={controls.onShowAll}
      baselines={[{ label: floorLabel, dashed: true }]}
      bandLabel={ratio ? '95% interval of the ratio' : 'p90 to p99'}
      unstableCount={unstableCount}
      tools={tools}
      renderChart={(size) => (
        <LogLogChart
          {...size}
          rows={toRows(visible, metric)}
          series={visible}
          sizes={all.flatMap((s) => s.points.map((p) => p.sizeBytes))}
          bands
          metric={metric}
          unit={unit}
          intervals={intervals}
          yExtent={valueExtent(visible, metric, [ratio ? 1 : floor]) ?? (ratio ? [1, 10] : [floor, floor * 10])}
          yFormat={ratio ? formatRatio : cost}
          references={[ratio ? { y: 1, label: '1× reference' } : { y: floor, label: 'null syscall p50' }]}
        />
      )}
      renderTable={() => (
        <PivotView
          caption={`${text.title}, ${dataset.id}`}
          facts={factsOf(dataset, [pattern]).filter((f) => !hidden.has(f.key))}
          unit={unit}
          dims={['method', 'variant', 'size']}
          values={['ratio', 'p50', 'p99', 'MBps']}
          initial={{ rows: 'method', cols: 'size', value: ratio ? 'ratio' : 'p50' }}
          intervals={intervals}
          state={view}
          onChange={(change) => controls.onPanelView(panel, change)}
          footnote={`Baseline: null syscall p50 ${cost(floor)} (p99 ${cost(base.syscallP99Ns)}).`}
        />
      )}
    />
  );
});
