import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AnswerErrors } from '../../../components/AnswerErrors';
import { ErrorPanel, Loading } from '../../../components/QueryStatus';
import { encodeAnswers } from '../../../core/answers-codec';
import { useAdvice } from '../../../lib/api/get-advice';
import { describeAnswers } from '../../../lib/describe-answers';
import { useUrlAnswers } from '../../../lib/url-answers';
import { EditAnswersPanel } from './EditAnswersPanel';
import { EliminatedList } from './EliminatedList';
import { RankingList } from './RankingList';
import { ReportActions } from './ReportActions';
import { TopPicks } from './TopPicks';
import { WhatWouldChange } from './WhatWouldChange';

export function ResultsPage() {
  const { answers, errors, pending } = useUrlAnswers();
  const advice = useAdvice(pending ? null : answers);
  const [editing, setEditing] = useState(false);
  const query = encodeAnswers(answers).toString();
  const report = advice.data;

  return (
    <div className="results">
      <header className="page-header">
        <h1>Recommendation</h1>
        <p className="print-only">Permalink: {`${window.location.origin}/results?${query}`}</p>
      </header>

      <AnswerErrors errors={errors} />

      <section className="panel answers-panel" aria-labelledby="answers-heading">
        <div className="panel-head">
          <h2 id="answers-heading">Your answers</h2>
          <div className="panel-tools no-print">
            <button
              type="button"
              className="button small"
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
            >
              {editing ? 'Close editor' : 'Edit answers'}
            </button>
            <Link className="button small quiet" to={`/?step=dir&${query}`}>
              Step through the wizard
            </Link>
          </div>
        </div>
        <dl className="answer-chips">
          {describeAnswers(answers).map((a) => (
            <div key={a.param} data-param={a.param}>
              <dt>{a.label}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {editing && <EditAnswersPanel key={query} answers={answers} onClose={() => setEditing(false)} />}

      {pending || advice.isPending ? (
        <Loading what="the recommendation" />
      ) : advice.isError ? (
        <ErrorPanel title="The recommendation could not be computed" error={advice.error}>
          <p>
            <Link to={`/?${query}`}>Go back to the wizard</Link> or{' '}
            <button type="button" className="button small" onClick={() => advice.refetch()}>
              try again
            </button>
            .
          </p>
        </ErrorPanel>
      ) : report ? (
        <div className={advice.isPlaceholderData ? 'report stale' : 'report'} aria-busy={advice.isFetching}>
          <ReportActions report={report} answers={answers} />
          <TopPicks report={report} />
          {report.basis === 'traits' ? (
            <p className="notice basis" data-basis="traits">
              {answers.dataset === null
                ? 'No benchmark dataset is selected: the ranking rests on traits alone.'
                : `Dataset ${answers.dataset} has no measurements for these answers: the ranking rests on traits alone.`}
            </p>
          ) : (
            <p className="notice basis" data-basis="traits+measurements">
              Ranked on traits and on measurements from dataset <strong>{report.dataset?.id}</strong>
              {report.dataset && (
                <>
                  {' '}
                  ({report.dataset.host.target}, kernel {report.dataset.host.kernel}, {report.dataset.host.cpuModel},
                  collected {new Date(report.dataset.collectedAt).toLocaleDateString()})
                </>
              )}
              .
            </p>
          )}
          {report.ranking.length > 1 && (
            <p className="no-print">
              <Link
                className="button small"
                to={`/compare?m=${report.ranking
                  .slice(0, 3)
                  .map((r) => r.method)
                  .join(',')}&${query}`}
              >
                Compare the top {Math.min(3, report.ranking.length)} side by side
              </Link>
            </p>
          )}
          <WhatWouldChange report={report} answers={answers} />
          <RankingList report={report} />
          <EliminatedList report={report} />
        </div>
      ) : null}
    </div>
  );
}
