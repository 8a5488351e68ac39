import { lazy, Suspense, useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { benchmarksPath } from '#src/lib/paths';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import type { Method } from '#src/core/catalogue-schema';
import { isBaselinePoint } from '#src/core/dataset-schema';
import { useDataset } from '#src/lib/api/get-dataset';
import { useDatasets } from '#src/lib/api/get-datasets';
import { defaultDatasetId, provenanceLine } from '../lib/method-curves';

// recharts is a large library; only this section needs it, and only once a dataset is on screen.
const MethodCharts = lazy(() => import('./MethodCharts'));

/**
 * The method's measured curves in one dataset. The dataset comes from the URL's `dataset` (the answers'
 * parameter, so a link from a recommendation keeps it), else the newest dataset that can be read.
 */
export function MethodCurvesSection({ method }: { method: Method }) {
  const [search, setSearch] = useSearchParams();
  const datasets = useDatasets();
  const selectId = useId();
  const wanted = search.get('dataset');
  const id = datasets.data ? defaultDatasetId(datasets.data, wanted) : null;
  const dataset = useDataset(id);

  const choose = (next: string) => {
    const p = new URLSearchParams(search);
    p.set('dataset', next);
    setSearch(p, { replace: true, preventScrollReset: true });
  };

  let body;
  if (datasets.isPending) body = <Loading what="the datasets" />;
  else if (datasets.isError) body = <ErrorPanel title="The datasets could not be listed" error={datasets.error} />;
  else if (id === null)
    body = (
      <p className="notice">
        No benchmark dataset can be read yet. Collect one on the <Link to="/benchmarks">benchmarks page</Link>.
      </p>
    );
  else if (dataset.isPending) body = <Loading what={`dataset ${id}`} />;
  else if (dataset.isError) body = <ErrorPanel title={`Dataset ${id} could not be loaded`} error={dataset.error} />;
  else {
    const d = dataset.data;
    const measured = d.results.some((r) => r.method === method.id && r.samples > 0 && !isBaselinePoint(r));
    body = (
      <>
        <p className="provenance">
          {d.host.target === 'vm-tcg' && <span className="badge warn">emulated CPU (QEMU TCG)</span>}{' '}
          {provenanceLine(d)}
          {d.host.target === 'vm-tcg' && (
            <span className="muted">
              {' '}
              Absolute numbers are far slower than real hardware: compare methods, not machines.
            </span>
          )}
        </p>
        {measured ? (
          <Suspense fallback={<Loading what="the charts" />}>
            <MethodCharts dataset={d} method={method} />
          </Suspense>
        ) : (
          <p className="notice">
            Dataset <code>{d.id}</code> has no measurements of {method.name}.
          </p>
        )}
        <p>
          <Link to={benchmarksPath(d.id)}>All methods in this dataset on the benchmarks page</Link>
        </p>
      </>
    );
  }

  const okSets = (datasets.data ?? []).filter((d) => d.ok);
  return (
    <section className="panel curves-section" aria-labelledby="curves-heading">
      <div className="panel-head">
        <h2 id="curves-heading">Measured curves</h2>
        {okSets.length > 0 && id !== null && (
          <div className="dataset-select">
            <label htmlFor={selectId}>Dataset</label>
            <select id={selectId} value={id} onChange={(e) => choose(e.target.value)}>
              {okSets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.id}
                  {d.ok && d.host.target === 'vm-tcg' ? ' (emulated)' : ''}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {body}
    </section>
  );
}
