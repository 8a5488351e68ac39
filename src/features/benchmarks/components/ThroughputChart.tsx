import { memo, useMemo } from 'react';
import type { PanelView } from '#src/core/bench-view-codec';
import { factsOf } from '#src/core/bench-pivot';
import {
  baselinesOf,
  costUnitOf,
  forLogAxes,
  hasIntervals,
  memcpyValue,
  referencesOf,
  seriesFor,
  toRows,
  valueExtent,
  withMemcpy,
} from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatBytes, formatMBps, formatRate } from '#src/core/measured';
import { formatRatio } from '#src/core/format';
import { PATTERN_LABEL } from '#src/core/measured';
import { ChartPanel } from './ChartPanel';
import { IntervalsMissing, RatioButton } from './RatioControls';
import { panelMetric, type SeriesControls } from './chart-controls';
import { LogLogChart } from './LogLogChart';
import { PivotView } from './PivotView';

type ThroughputMetric = 'MBps' | 'msgsPerSec' | 'ratioMedian';

const TEXT = {
  k2u: { title: 'Kernel → user throughput by message size', icon: 'arrow-down' },
  u2k: { title: 'User → kernel throughput by message size', icon: 'arrow-up' },
} as const;

const MEMCPY_KEY = '__memcpy';

/**
 * Throughput against message size (log–log), in MB/s or messages/s under the machine's memcpy, or
 * (kcomm-bench/2) each point's paired cost ratio to its reference with the 95% interval as a band. A path
 * that moves no data draws no MB/s line.
 */
export const ThroughputChart = memo(function ThroughputChart({
  dataset,
  pattern,
  controls,
  view,
}: {
  dataset: Dataset;
  pattern: 'k2u' | 'u2k';
  controls: SeriesControls;
  /** This panel's view as the URL has it (the same object while it does not change). */
  view: PanelView;
}) {
  const intervals = hasIntervals(dataset);
  const panel = `throughput-${pattern}`;
  const [metric, setMetric] = panelMetric<ThroughputMetric>(
    controls,
    panel,
    view,
    ['MBps', 'msgsPerSec', 'ratioMedian'],
    'MBps',
    intervals,
  );
  const all = useMemo(() => forLogAxes(seriesFor(dataset, pattern), metric), [dataset, pattern, metric]);
  const { hidden } = controls;
  const visible = all.filter((s) => !hidden.has(s.key));
  const unit = costUnitOf(dataset);
  const base = baselinesOf(dataset);
  const ratio = metric === 'ratioMedian';
  const memcpy = ratio ? [] : base.memcpy.filter((m) => m.sizeBytes > 0 && m.MBps > 0);
  const peak = memcpy.reduce((best, m) => Math.max(best, m.MBps), 0);
  const format = metric === 'MBps' ? formatMBps : metric === 'msgsPerSec' ? formatRate : formatRatio;
  const text = TEXT[pattern];
  const baselines = ratio
    ? [{ label: '1× = as cheap as its reference', dashed: true }]
    : [
        { label: 'memcpy at each size', dashed: true },
        ...(metric === 'MBps' && peak > 0 ? [{ label: `memcpy peak ${formatMBps(peak)}`, dotted: true }] : []),
      ];
  const memcpyValues = ratio ? [1] : memcpy.map((m) => memcpyValue(m, metric));
  const unstableCount = visible.reduce((n, s) => n + s.points.filter((p) => p.unstable).length, 0);

  const tools = (
    <div className="segmented" role="group" aria-label="Throughput shown as">
      <button type="button" aria-pressed={metric === 'MBps'} onClick={() => setMetric('MBps')}>
        MB/s
      </button>
      <button type="button" aria-pressed={metric === 'msgsPerSec'} onClick={() => setMetric('msgsPerSec')}>
        msg/s
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
          {ratio
            ? `Cost per message as a multiple of its reference (${referencesOf(visible)}), median of the paired per-block ratios; band: its 95% interval. Lower is better.`
            : `${metric === 'MBps' ? 'Megabytes (10⁶ bytes) moved per second' : 'Messages moved per second'}, one sender back to back. The dashed line is memcpy on the same machine: a method that copies cannot beat it. A path that moves no data has no line.`}
          {unit === 'instructions' && <strong> Per guest-instruction “second”: instructions, not time.</strong>}
          <IntervalsMissing intervals={intervals} />
        </p>
      }
      dataset={dataset}
      entries={all.map((s) => ({ key: s.key, title: controls.methodName(s.method) }))}
      hidden={hidden}
      onToggle={controls.onToggle}
      onShowAll={controls.onShowAll}
      baselines={baselines}
      bandLabel={ratio ? '95% interval of the ratio' : undefined}
      unstableCount={unstableCount}
      tools={tools}
      renderChart={(size) => (
        <LogLogChart
          {...size}
          rows={ratio ? toRows(visible, metric) : withMemcpy(toRows(visible, metric), memcpy, metric, MEMCPY_KEY)}
          series={visible}
          sizes={[...all.flatMap((s) => s.points.map((p) => p.sizeBytes)), ...memcpy.map((m) => m.sizeBytes)]}
          bands={ratio}
          metric={metric}
          unit={unit}
          intervals={intervals}
          yExtent={valueExtent(visible, metric, memcpyValues) ?? [1, 10]}
          yFormat={format}
          references={
            ratio
              ? [{ y: 1, label: '1× reference' }]
              : metric === 'MBps' && peak > 0
                ? [{ y: peak, label: 'memcpy peak', dotted: true }]
                : []
          }
          baselineSeries={ratio ? undefined : { key: MEMCPY_KEY, label: 'memcpy' }}
        />
      )}
      renderTable={() => (
        <PivotView
          caption={`${text.title}, ${dataset.id}`}
          facts={factsOf(dataset, [pattern]).filter((f) => !hidden.has(f.key))}
          unit={unit}
          dims={['method', 'variant', 'size']}
          values={['MBps', 'ratio', 'p50', 'p99']}
          initial={{ rows: 'method', cols: 'size', value: ratio ? 'ratio' : 'MBps' }}
          intervals={intervals}
          state={view}
          onChange={(change) => controls.onPanelView(panel, change)}
          footnote={`Baseline memcpy: ${base.memcpy.map((m) => `${formatBytes(m.sizeBytes)}: ${formatMBps(m.MBps)}`).join(', ') || 'not measured'}.`}
        />
      )}
    />
  );
});
