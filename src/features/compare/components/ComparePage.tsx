import { useTitle } from '#src/lib/use-title';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { AnswerErrors } from '#src/components/AnswerErrors';
import { DatasetField } from '#src/components/answer-fields/DatasetField';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { METHOD_IDS, type MethodId } from '#src/core/ids';
import { formatBytes } from '#src/core/measured';
import { useAdvice } from '#src/lib/api/get-advice';
import { useDataset } from '#src/lib/api/get-dataset';
import { useMethods } from '#src/lib/api/get-methods';
import { useTraits } from '#src/lib/api/get-traits';
import { datasetKind } from '#src/lib/datasets';
import { describeAnswers } from '#src/lib/describe-answers';
import { benchmarksPath, comparePath, resultsPath } from '#src/lib/paths';
import { useUrlAnswers } from '#src/lib/url-answers';
import '#src/styles/methods.css';
import { askedFor, measuredRows } from '../utils/compare-measured';
import { buildCompareRows } from '../utils/compare-rows';
import { CompareTable } from './CompareTable';

const OWN = ['m', 'diff'] as const;
export const MAX_COMPARED = 4;

function parseMethods(raw: string | null): { ids: MethodId[]; unknown: string[] } {
  const ids: MethodId[] = [];
  const unknown: string[] = [];
  for (const part of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if ((METHOD_IDS as readonly string[]).includes(part)) {
      if (!ids.includes(part as MethodId)) ids.push(part as MethodId);
    } else unknown.push(part);
  }
  return { ids, unknown };
}

export function ComparePage() {
  const { answers, errors, pending, ownParams } = useUrlAnswers(OWN);
  const navigate = useNavigate();
  const methods = useMethods();
  const traits = useTraits();
  const advice = useAdvice(pending ? null : answers);
  const dataset = useDataset(pending ? null : answers.dataset);
  const mParam = ownParams.get('m');
  const { ids: allIds, unknown } = useMemo(() => parseMethods(mParam), [mParam]);
  const ids = useMemo(() => allIds.slice(0, MAX_COMPARED), [allIds]);
  const hideSame = ownParams.get('diff') === '1';

  const go = (next: MethodId[], diff: boolean) => {
    navigate(comparePath(next, answers, { diff }), { replace: true });
  };
  const chooseDataset = (next: string | null) => {
    navigate(comparePath(ids, { ...answers, dataset: next }, { diff: hideSame }), { replace: true });
  };

  const selected = useMemo(
    () => (methods.data ?? []).filter((m) => ids.includes(m.id)).sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)),
    [methods.data, ids],
  );
  const measured = useMemo(
    () => (dataset.data && answers.dataset !== null ? measuredRows(selected, answers, dataset.data) : []),
    [selected, answers, dataset.data],
  );
  useTitle(selected.length > 0 ? `Compare ${selected.map((m) => m.name).join(' vs ')}` : 'Compare methods');
  const rows = useMemo(
    () => buildCompareRows(selected, traits.data ?? [], advice.data, measured),
    [selected, traits.data, advice.data, measured],
  );

  if (methods.isPending || traits.isPending) return <Loading what="the methods" />;
  if (methods.isError) return <ErrorPanel title="The methods could not be loaded" error={methods.error} />;
  if (traits.isError) return <ErrorPanel title="The traits could not be loaded" error={traits.error} />;

  const shown = hideSame && selected.length > 1 ? rows.filter((r) => !r.same) : rows;
  const hiddenCount = rows.length - shown.length;
  const linkErrors = [
    ...errors,
    ...unknown.map((u) => ({ param: 'm', value: u, message: `no method is called "${u}"; it is left out` })),
    ...(allIds.length > MAX_COMPARED
      ? [
          {
            param: 'm',
            value: allIds.slice(MAX_COMPARED).join(','),
            message: `at most ${MAX_COMPARED} methods side by side; the rest are left out`,
          },
        ]
      : []),
  ];

  return (
    <div className="compare-page">
      <header className="page-header">
        <h1>Compare methods</h1>
        <p className="lead">
          Pick two to four methods. Scores are for your current answers (
          {describeAnswers(answers)
            .filter((a) => ['dir', 'style', 'size', 'rate'].includes(a.param))
            .map((a) => a.value)
            .join(', ')}
          ; <Link to={resultsPath(answers)}>see the recommendation</Link>).
        </p>
      </header>

      <AnswerErrors errors={linkErrors} />

      <fieldset className="panel method-picker">
        <legend>
          Methods to compare ({ids.length} of at most {MAX_COMPARED})
        </legend>
        <div className="picker-grid">
          {methods.data.map((m) => {
            const checked = ids.includes(m.id);
            return (
              <label key={m.id} className="check compact">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && ids.length >= MAX_COMPARED}
                  onChange={() => go(checked ? ids.filter((x) => x !== m.id) : [...ids, m.id], hideSame)}
                />
                <span>{m.name}</span>
              </label>
            );
          })}
        </div>
      </fieldset>

      {selected.length < 2 ? (
        <p className="notice">Tick at least two methods to see them side by side.</p>
      ) : (
        <section className="panel" aria-labelledby="compare-heading">
          <div className="panel-head">
            <h2 id="compare-heading">Side by side</h2>
            <label className="check compact">
              <input type="checkbox" checked={hideSame} onChange={(e) => go(ids, e.target.checked)} />
              <span>Hide rows where they agree{hideSame && hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}</span>
            </label>
          </div>
          {advice.isError && (
            <p className="notice warn" role="alert">
              Scores are missing: {advice.error.message}
            </p>
          )}
          <div className="compare-context">
            <dl className="asked" aria-label="What you asked for">
              {askedFor(answers).map((a) => (
                <div key={a.label}>
                  <dt>{a.label}</dt>
                  <dd>{a.value}</dd>
                </div>
              ))}
            </dl>
            <div className="compare-dataset no-print">
              <DatasetField value={answers.dataset} onChange={chooseDataset} />
            </div>
          </div>
          {answers.dataset === null ? (
            <p className="notice basis" data-basis="traits">
              No dataset selected: no measured numbers, and the ranking rests on traits alone. Choose a dataset above to
              see each method measured at {formatBytes(answers.size)}.
            </p>
          ) : dataset.isPending ? (
            <p className="loading" role="status">
              Loading the measurements of dataset {answers.dataset}…
            </p>
          ) : dataset.isError ? (
            <p className="notice warn" role="alert">
              Dataset {answers.dataset} could not be loaded ({dataset.error.message}): no measured numbers here.
            </p>
          ) : measured.length === 0 ? (
            <p className="notice basis" data-basis="traits">
              Dataset <strong>{answers.dataset}</strong> has no measurements of these methods for your answers: the
              ranking rests on traits alone.
            </p>
          ) : (
            <p className="notice basis" data-basis="traits+measurements">
              {dataset.data.host.target === 'vm-tcg' && (
                <>
                  <span className="badge warn">emulated CPU (QEMU TCG)</span>{' '}
                </>
              )}
              {dataset.data.host.target === 'vm-icount' && (
                <>
                  <span className="badge warn">guest instructions, not time</span>{' '}
                </>
              )}
              Measured numbers at {formatBytes(answers.size)} from dataset <strong>{dataset.data.id}</strong> (
              {dataset.data.host.target}, kernel {dataset.data.host.kernel}, collected{' '}
              {dataset.data.collectedAt.slice(0, 10)}): interpolated between the nearest measured sizes, which each cell
              names.{' '}
              {datasetKind(dataset.data.host.target) === 'native'
                ? 'Measured on a real CPU: each figure is held against what you asked for.'
                : 'Not a real CPU: the methods are compared with each other (the p50 rows), not held against your budget or rate.'}{' '}
              <Link to={benchmarksPath(dataset.data.id)}>See the curves</Link>.
            </p>
          )}
          <CompareTable
            methods={selected}
            rows={shown}
            dataset={answers.dataset}
            groupTitles={{
              Measured: `Measured at ${formatBytes(answers.size)}${answers.dataset ? ` (dataset ${answers.dataset})` : ''}`,
            }}
          />
        </section>
      )}
    </div>
  );
}
