import { useTitle } from '#src/lib/use-title';
import { useCallback, useEffect, useMemo } from 'react';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { patternsIn } from '#src/core/chart-data';
import { useDataset } from '#src/lib/api/get-dataset';
import { useDatasets } from '#src/lib/api/get-datasets';
import { useMethods } from '#src/lib/api/get-methods';
import '../benchmarks.css';
import { useBenchmarkParams } from '../hooks/use-benchmark-params';
import type { SeriesControls } from './chart-controls';
import { DatasetCompare } from './DatasetCompare';
import { DatasetDetails } from './DatasetDetails';
import { DatasetPicker } from './DatasetPicker';
import { AllPointsPanel } from './AllPointsPanel';
import { LatencyChart } from './LatencyChart';
import { ThroughputChart } from './ThroughputChart';
import { WakeupChart } from './WakeupChart';

export function BenchmarksPage() {
  const { params, selectDataset, setCompare, toggleSeries, showAll, panelView, setPanelView } = useBenchmarkParams();
  const list = useDatasets();
  const methods = useMethods();
  const firstUsable = list.data?.find((s) => s.ok)?.id ?? null;
  const shownId = params.dataset ?? firstUsable;
  const compareId = params.compare && params.compare !== shownId ? params.compare : null;
  // An id the list does not hold is an error now, not after a request and its retries.
  const unknownId = list.data && shownId !== null && !list.data.some((d) => d.id === shownId) ? shownId : null;
  const shown = useDataset(list.data && !unknownId ? shownId : null);
  const compared = useDataset(compareId);

  // Without ?dataset= the newest usable dataset is shown; writing it into the URL makes the link shareable.
  useEffect(() => {
    if (!params.dataset && firstUsable) selectDataset(firstUsable);
  }, [params.dataset, firstUsable, selectDataset]);

  const names = useMemo(() => new Map((methods.data ?? []).map((m) => [m.id as string, m.name])), [methods.data]);
  const methodName = useCallback((id: string) => names.get(id), [names]);
  const controls: SeriesControls = useMemo(
    () => ({
      hidden: params.hidden,
      onToggle: toggleSeries,
      onShowAll: showAll,
      methodName,
      onPanelView: setPanelView,
    }),
    [params.hidden, toggleSeries, showAll, methodName, setPanelView],
  );

  const dataset = shown.data;
  useTitle(dataset ? `Benchmarks: ${dataset.id}` : 'Benchmarks');
  const patterns = dataset ? patternsIn(dataset) : [];

  return (
    <div className="benchmarks">
      <header className="page-header">
        <h1>Benchmarks</h1>
        <p className="lead">
          What each method costs on a real (or emulated) machine: latency and throughput by message size, measured by
          the kcomm harness against the reference modules, next to the same machine’s null syscall and memcpy.
        </p>
      </header>

      {list.isPending ? (
        <Loading what="the datasets" />
      ) : list.isError ? (
        <ErrorPanel title="The list of datasets could not be loaded" error={list.error} />
      ) : (
        <DatasetPicker
          datasets={list.data}
          shown={shownId}
          compare={compareId}
          onShow={selectDataset}
          onCompare={setCompare}
        />
      )}

      {unknownId && (
        <ErrorPanel
          title={`No dataset is called ${unknownId}`}
          error={`This server has no dataset "${unknownId}". Pick one of the datasets above.`}
        />
      )}
      {shownId && !unknownId && shown.isPending && !list.isPending && <Loading what={`dataset ${shownId}`} />}
      {shown.isError && <ErrorPanel title={`Dataset ${shownId} could not be loaded`} error={shown.error} />}

      {dataset && (
        <>
          <DatasetDetails dataset={dataset} />
          {compareId && compared.isPending && <Loading what={`dataset ${compareId}`} />}
          {compared.isError && (
            <ErrorPanel title={`Dataset ${compareId} could not be loaded for comparison`} error={compared.error} />
          )}
          {compared.data && <DatasetCompare a={dataset} b={compared.data} />}
          {patterns.length === 0 && (
            <p className="notice">This dataset has no measured points (every result has zero samples).</p>
          )}
          <div className="chart-grid">
            {patterns.includes('roundtrip') && (
              <div className="wide">
                <LatencyChart
                  dataset={dataset}
                  pattern="roundtrip"
                  controls={controls}
                  view={panelView('latency-roundtrip')}
                />
              </div>
            )}
            {patterns.includes('k2u') && (
              <ThroughputChart dataset={dataset} pattern="k2u" controls={controls} view={panelView('throughput-k2u')} />
            )}
            {patterns.includes('u2k') && (
              <ThroughputChart dataset={dataset} pattern="u2k" controls={controls} view={panelView('throughput-u2k')} />
            )}
            {patterns.includes('k2u') && (
              <LatencyChart dataset={dataset} pattern="k2u" controls={controls} view={panelView('latency-k2u')} />
            )}
            {patterns.includes('notify') && (
              <WakeupChart dataset={dataset} controls={controls} view={panelView('wakeup')} />
            )}
          </div>
          {patterns.length > 0 && <AllPointsPanel dataset={dataset} controls={controls} view={panelView('points')} />}
        </>
      )}
    </div>
  );
}
