import { useMemo, useState } from 'react';
import { baselinesOf, forLogAxes, memcpyValue, seriesFor, toRows, valueExtent, withMemcpy } from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatBytes, formatMBps, formatRate } from '#src/core/measured';
import { PATTERN_TITLE } from '../utils/provenance';
import { ChartPanel } from './ChartPanel';
import type { SeriesControls } from './chart-controls';
import { LogLogChart } from './LogLogChart';
import { PointsTable } from './PointsTable';

type ThroughputMetric = 'MBps' | 'msgsPerSec';

const TEXT = {
  k2u: { title: 'Kernel → user throughput by message size', icon: 'arrow-down' },
  u2k: { title: 'User → kernel throughput by message size', icon: 'arrow-up' },
} as const;

const MEMCPY_KEY = '__memcpy';

/** Throughput against message size (log–log), in MB/s or messages/s, under the machine's memcpy. */
export function ThroughputChart({
  dataset,
  pattern,
  controls,
}: {
  dataset: Dataset;
  pattern: 'k2u' | 'u2k';
  controls: SeriesControls;
}) {
  const [metric, setMetric] = useState<ThroughputMetric>('MBps');
  const all = useMemo(() => forLogAxes(seriesFor(dataset, pattern), metric), [dataset, pattern, metric]);
  const { hidden } = controls;
  const visible = all.filter((s) => !hidden.has(s.key));
  const base = baselinesOf(dataset);
  const memcpy = base.memcpy.filter((m) => m.sizeBytes > 0 && m.MBps > 0);
  const peak = memcpy.reduce((best, m) => Math.max(best, m.MBps), 0);
  const format = metric === 'MBps' ? formatMBps : formatRate;
  const text = TEXT[pattern];
  const baselines = [
    { label: 'memcpy at each size', dashed: true },
    ...(metric === 'MBps' && peak > 0 ? [{ label: `memcpy peak ${formatMBps(peak)}`, dotted: true }] : []),
  ];
  const memcpyValues = memcpy.map((m) => memcpyValue(m, metric));

  const tools = (
    <div className="segmented" role="group" aria-label="Throughput unit">
      <button type="button" aria-pressed={metric === 'MBps'} onClick={() => setMetric('MBps')}>
        MB/s
      </button>
      <button type="button" aria-pressed={metric === 'msgsPerSec'} onClick={() => setMetric('msgsPerSec')}>
        msg/s
      </button>
    </div>
  );

  return (
    <ChartPanel
      id={`throughput-${pattern}`}
      title={text.title}
      icon={text.icon}
      iconLabel={PATTERN_TITLE[pattern]}
      description={
        <p>
          {metric === 'MBps' ? 'Megabytes (10⁶ bytes) moved per second' : 'Messages moved per second'}, one sender back
          to back. The dashed line is memcpy on the same machine: a method that copies cannot beat it.
        </p>
      }
      dataset={dataset}
      entries={all.map((s) => ({ key: s.key, title: controls.methodName(s.method) }))}
      hidden={hidden}
      onToggle={controls.onToggle}
      onShowAll={controls.onShowAll}
      baselines={baselines}
      tools={tools}
      renderChart={(size) => (
        <LogLogChart
          {...size}
          rows={withMemcpy(toRows(visible, metric), memcpy, metric, MEMCPY_KEY)}
          series={visible}
          sizes={[...all.flatMap((s) => s.points.map((p) => p.sizeBytes)), ...memcpy.map((m) => m.sizeBytes)]}
          bands={false}
          yExtent={valueExtent(visible, metric, memcpyValues) ?? [1, 10]}
          yFormat={format}
          references={metric === 'MBps' && peak > 0 ? [{ y: peak, label: 'memcpy peak', dotted: true }] : []}
          baselineSeries={{ key: MEMCPY_KEY, label: 'memcpy' }}
        />
      )}
      renderTable={() => (
        <PointsTable
          caption={`${text.title}: ${dataset.id}`}
          rows={visible.flatMap((s) => s.points.map((point) => ({ key: s.key, point })))}
          footnote={`Baseline memcpy: ${memcpy.map((m) => `${formatBytes(m.sizeBytes)}: ${formatMBps(m.MBps)}`).join(', ') || 'not measured'}.`}
        />
      )}
    />
  );
}
