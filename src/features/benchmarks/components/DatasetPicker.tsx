import type { DatasetSummary } from '#src/core/dataset-schema';
import { formatUtc } from '#src/lib/format-date';
import { TARGET_LABEL } from '../utils/provenance';

type OkSummary = Extract<DatasetSummary, { ok: true }>;

function Provenance({ s }: { s: OkSummary }) {
  return (
    <dl className="provenance">
      <div>
        <dt>Target</dt>
        <dd>
          <code>{s.host.target}</code> {TARGET_LABEL[s.host.target]}
        </dd>
      </div>
      <div>
        <dt>Kernel</dt>
        <dd>
          <code>{s.host.kernel}</code>
        </dd>
      </div>
      <div>
        <dt>CPU</dt>
        <dd>{s.host.cpuModel}</dd>
      </div>
      <div>
        <dt>CPUs</dt>
        <dd>{s.host.cpus}</dd>
      </div>
      <div>
        <dt>Collected</dt>
        <dd>
          <time dateTime={s.collectedAt}>{formatUtc(s.collectedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Profile</dt>
        <dd>{s.harness.profile}</dd>
      </div>
      <div>
        <dt>Harness</dt>
        <dd>
          <code>{s.harness.version}</code>
        </dd>
      </div>
      <div>
        <dt>Samples per point</dt>
        <dd>{s.harness.samplesPerPoint.toLocaleString('en-US')}</dd>
      </div>
      <div>
        <dt>Points</dt>
        <dd>
          {s.resultCount} ({s.methods.length} methods)
        </dd>
      </div>
    </dl>
  );
}

/** Every dataset the server has, with where and how it was measured; broken files show why. */
export function DatasetPicker({
  datasets,
  shown,
  compare,
  onShow,
  onCompare,
}: {
  datasets: DatasetSummary[];
  shown: string | null;
  compare: string | null;
  onShow: (id: string) => void;
  onCompare: (id: string | null) => void;
}) {
  if (datasets.length === 0)
    return (
      <div className="notice">
        <p>
          No benchmark datasets yet. Run the harness (<code>npm run bench</code>) to measure this machine or a VM;
          datasets land in <code>data/benchmarks/</code>.
        </p>
      </div>
    );
  return (
    <fieldset className="dataset-picker">
      <legend>Datasets</legend>
      <ul className="dataset-list">
        {datasets.map((s) =>
          s.ok ? (
            <li key={s.id} className={s.id === shown ? 'dataset-card selected' : 'dataset-card'} data-dataset={s.id}>
              <div className="dataset-card-head">
                <label className="dataset-choose">
                  <input
                    type="radio"
                    name="bench-dataset"
                    value={s.id}
                    checked={s.id === shown}
                    onChange={() => onShow(s.id)}
                  />
                  <span className="dataset-id">{s.id}</span>
                </label>
                <span className={s.host.target === 'vm-tcg' ? 'badge warn' : 'badge'}>{s.host.target}</span>
              </div>
              <Provenance s={s} />
              {s.id === shown ? (
                <p className="dataset-compare shown-note">Shown below</p>
              ) : (
                <label className="check compact dataset-compare">
                  <input
                    type="checkbox"
                    checked={s.id === compare}
                    onChange={(e) => onCompare(e.target.checked ? s.id : null)}
                  />
                  <span>Compare with the shown dataset</span>
                </label>
              )}
            </li>
          ) : (
            <li key={s.id} className="dataset-card broken" data-dataset={s.id}>
              <div className="dataset-card-head">
                <span className="dataset-id">{s.id}</span>
                <span className="badge danger">unreadable</span>
              </div>
              <p className="dataset-error">
                <code>{s.file}</code> could not be loaded: {s.error}
              </p>
            </li>
          ),
        )}
      </ul>
    </fieldset>
  );
}
