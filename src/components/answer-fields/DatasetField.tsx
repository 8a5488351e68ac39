import { useId } from 'react';
import { useDatasets } from '#src/lib/api/get-datasets';
import { bestDataset, datasetKind, datasetName, KIND_LABEL } from '#src/lib/datasets';

interface DatasetFieldProps {
  value: string | null;
  onChange: (v: string | null) => void;
}

export function DatasetField({ value, onChange }: DatasetFieldProps) {
  const id = useId();
  const datasets = useDatasets();
  const list = datasets.data ?? [];
  const broken = list.filter((d) => !d.ok);
  const unknown = value !== null && !list.some((d) => d.id === value);
  // A run that just finished refetches the list; until that answer arrives the id is not "missing".
  const checking = unknown && datasets.isFetching;
  const best = bestDataset(list);
  return (
    <div className="text-field">
      <label htmlFor={id}>Benchmark dataset</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        aria-describedby={`${id}-hint`}
      >
        <option value="">None — rank on traits alone</option>
        {unknown && (
          <option value={value}>
            {value} {checking ? '(looking for it…)' : '(not on this server)'}
          </option>
        )}
        {list.map((d) =>
          d.ok ? (
            <option key={d.id} value={d.id}>
              {datasetName(d)} ({KIND_LABEL[datasetKind(d.host.target)]}, {d.methods.length} methods)
            </option>
          ) : (
            <option key={d.id} value={d.id} disabled>
              {d.id} — unreadable
            </option>
          ),
        )}
      </select>
      <p className="field-hint" id={`${id}-hint`}>
        {datasets.isPending
          ? 'Loading the datasets…'
          : datasets.isError
            ? `The dataset list could not be loaded: ${datasets.error.message}`
            : list.length === 0
              ? 'No datasets on this server yet; the ranking will rest on traits alone.'
              : 'Measured numbers at your message size are shown next to each method and refine the ranking.'}
      </p>
      {best && best.dataset.id !== value && (
        <p className="dataset-proposal">
          Proposed: <strong>{datasetName(best.dataset)}</strong>, {best.reason}.{' '}
          <button type="button" className="button small" onClick={() => onChange(best.dataset.id)}>
            Use it
          </button>
        </p>
      )}
      {broken.length > 0 && (
        <ul className="field-error dataset-errors">
          {broken.map((d) =>
            d.ok ? null : (
              <li key={d.id}>
                Dataset <code>{d.id}</code> ({d.file}) cannot be used: {d.error}
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
