import { Link } from 'react-router-dom';
import { benchmarksPath } from '#src/lib/paths';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { useRuns } from '../api/get-runs';
import { formatDate, formatDuration } from '../utils/run-state';
import { StateBadge } from './StateBadge';

export function RunHistory({ watchedId, onWatch }: { watchedId: string | null; onWatch: (id: string) => void }) {
  const runs = useRuns();
  return (
    <section className="panel run-history" aria-labelledby="run-history-title">
      <h2 id="run-history-title">Run history</h2>
      {runs.isPending ? (
        <Loading what="the runs" />
      ) : runs.isError ? (
        <ErrorPanel title="The run history could not be loaded" error={runs.error} />
      ) : runs.data.length === 0 ? (
        <p className="field-hint">No runs yet on this server.</p>
      ) : (
        <div className="collect-table-scroll">
          <table className="runs-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">State</th>
                <th scope="col">Target</th>
                <th scope="col">Profile</th>
                <th scope="col">Methods</th>
                <th scope="col">Took</th>
                <th scope="col">Dataset</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((r) => (
                <tr key={r.id} data-run={r.id} aria-current={r.id === watchedId ? 'true' : undefined}>
                  <td data-label="Started">
                    <time dateTime={r.createdAt}>{formatDate(r.createdAt)}</time>
                  </td>
                  <td data-label="State">
                    <StateBadge state={r.state} />
                  </td>
                  <td data-label="Target">{r.request.target === 'vm' ? 'VM' : 'local'}</td>
                  <td data-label="Profile">{r.request.profile}</td>
                  <td data-label="Methods">{r.request.methods ? r.request.methods.join(', ') : 'all'}</td>
                  <td data-label="Took">{formatDuration(r.startedAt, r.finishedAt)}</td>
                  <td data-label="Dataset">
                    {r.datasetId ? <Link to={benchmarksPath(r.datasetId)}>{r.datasetId}</Link> : '—'}
                  </td>
                  <td className="run-show">
                    {r.id === watchedId ? (
                      <span className="field-hint">shown above</span>
                    ) : (
                      <button type="button" className="button small quiet" onClick={() => onWatch(r.id)}>
                        Show<span className="visually-hidden"> run {r.id}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
