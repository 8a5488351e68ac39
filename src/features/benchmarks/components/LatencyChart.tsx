import { useMemo } from 'react';
import { baselinesOf, forLogAxes, seriesFor, toRows, valueExtent } from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import { formatNs } from '#src/core/measured';
import { PATTERN_TITLE } from '../utils/provenance';
import { ChartPanel } from './ChartPanel';
import { LogLogChart } from './LogLogChart';
import { PointsTable } from './PointsTable';
import type { SeriesControls } from './chart-controls';

const TEXT = {
  roundtrip: {
    title: 'Round-trip latency by message size',
    icon: 'arrows-both',
    description:
      'User space sends a message and waits for the kernel’s answer of the same size. Line: p50; band: p90 to p99.',
  },
  k2u: {
    title: 'Kernel → user latency by message size',
    icon: 'arrow-down',
    description: 'From the kernel stamping a message to user space holding it (one way). Line: p50; band: p90 to p99.',
  },
  u2k: {
    title: 'User → kernel latency by message size',
    icon: 'arrow-up',
    description: 'From user space sending a message to the kernel holding it (one way). Line: p50; band: p90 to p99.',
  },
} as const;

/** p50 latency against message size on log–log axes, with the p90–p99 band and the null-syscall floor. */
export function LatencyChart({
  dataset,
  pattern,
  controls,
}: {
  dataset: Dataset;
  pattern: 'roundtrip' | 'k2u' | 'u2k';
  controls: SeriesControls;
}) {
  const all = useMemo(() => forLogAxes(seriesFor(dataset, pattern), 'p50'), [dataset, pattern]);
  const { hidden } = controls;
  const visible = all.filter((s) => !hidden.has(s.key));
  const base = baselinesOf(dataset);
  const floor = base.syscallP50Ns;
  const text = TEXT[pattern];
  const floorLabel = `null syscall p50 ${formatNs(floor)}`;

  return (
    <ChartPanel
      id={`latency-${pattern}`}
      title={text.title}
      icon={text.icon}
      iconLabel={PATTERN_TITLE[pattern]}
      description={<p>{text.description}</p>}
      dataset={dataset}
      entries={all.map((s) => ({ key: s.key, title: controls.methodName(s.method) }))}
      hidden={hidden}
      onToggle={controls.onToggle}
      onShowAll={controls.onShowAll}
      baselines={[{ label: floorLabel, dashed: true }]}
      renderChart={(size) => (
        <LogLogChart
          {...size}
          rows={toRows(visible, 'p50')}
          series={visible}
          sizes={all.flatMap((s) => s.points.map((p) => p.sizeBytes))}
          bands
          yExtent={valueExtent(visible, 'p50', [floor]) ?? [floor, floor * 10]}
          yFormat={formatNs}
          references={[{ y: floor, label: 'null syscall p50' }]}
        />
      )}
      renderTable={() => (
        <PointsTable
          caption={`${text.title}: ${dataset.id}`}
          rows={visible.flatMap((s) => s.points.map((point) => ({ key: s.key, point })))}
          footnote={`Baseline: ${floorLabel} (p99 ${formatNs(base.syscallP99Ns)}).`}
        />
      )}
    />
  );
}
