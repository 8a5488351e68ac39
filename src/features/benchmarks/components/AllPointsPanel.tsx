import { memo, useMemo } from 'react';
import type { PanelView } from '#src/core/bench-view-codec';
import { factsOf } from '#src/core/bench-pivot';
import { costUnitOf, hasIntervals } from '#src/core/chart-data';
import type { Dataset } from '#src/core/dataset-schema';
import type { SeriesControls } from './chart-controls';
import { PivotView } from './PivotView';

/**
 * Every point of the dataset in one pivot table (methods by sizes, or any other pair of dimensions), drawn
 * when opened: a full dataset is a few hundred cells that the charts do not need. Opened, and how, is in
 * the URL as the "points" panel.
 */
export const AllPointsPanel = memo(function AllPointsPanel({
  dataset,
  controls,
  view: state,
}: {
  dataset: Dataset;
  controls: SeriesControls;
  view: PanelView;
}) {
  const { hidden } = controls;
  const open = state.view === 'table';
  const facts = useMemo(() => factsOf(dataset).filter((f) => !hidden.has(f.key)), [dataset, hidden]);
  const intervals = hasIntervals(dataset);
  return (
    <section className="panel all-points" aria-labelledby="all-points-title">
      <details
        open={open}
        onToggle={(e) => {
          if (e.currentTarget.open !== open)
            controls.onPanelView('points', { view: e.currentTarget.open ? 'table' : undefined });
        }}
      >
        <summary>
          <h2 id="all-points-title">Every point, as a table ({facts.length})</h2>
        </summary>
        {open && (
          <>
            <p className="chart-description">
              Pick what runs down and across, sort by any column, filter by method, variant or pattern. Series switched
              off in a legend are left out here too.
            </p>
            <PivotView
              caption={`All points of ${dataset.id}`}
              facts={facts}
              unit={costUnitOf(dataset)}
              dims={['method', 'variant', 'pattern', 'size']}
              values={['ratio', 'p50', 'p99', 'MBps']}
              initial={{ rows: 'method', cols: 'size', value: intervals ? 'ratio' : 'p50' }}
              intervals={intervals}
              state={state}
              onChange={(change) => controls.onPanelView('points', change)}
            />
          </>
        )}
      </details>
    </section>
  );
});
