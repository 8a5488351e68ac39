import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { AnswerErrors } from '#src/components/AnswerErrors';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { encodeAnswers } from '#src/core/answers-codec';
import { useAdvice } from '#src/lib/api/get-advice';
import { givenAnswers } from '#src/lib/describe-answers';
import { useLastResults } from '#src/lib/last-results';
import { comparePath, wizardPath } from '#src/lib/paths';
import { useTitle } from '#src/lib/use-title';
import { useUrlAnswers } from '#src/lib/url-answers';
import { EditAnswersPanel } from './EditAnswersPanel';
import { EliminatedList } from './EliminatedList';
import { RankingList } from './RankingList';
import { ReportActions } from './ReportActions';
import { TopPicks } from './TopPicks';
import { VerdictPanel } from './VerdictPanel';
import { WhatWouldChange } from './WhatWouldChange';
import '../results.css';

const wide = () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 48rem)').matches;

export function ResultsPage() {
  const { answers, errors, pending } = useUrlAnswers();
  const advice = useAdvice(pending ? null : answers);
  const [editing, setEditing] = useState(false);
  // On a phone the answers fold into one line under the verdict; on a desktop they stay open.
  const [answersOpen, setAnswersOpen] = useState(wide);
  const query = encodeAnswers(answers).toString();
  const report = advice.data;
  const top = report?.ranking.slice(0, 3).map((r) => r.method) ?? [];
  const topKey = top.join(',');
  const remember = useLastResults((s) => s.remember);
  useTitle(report?.ranking[0] ? `Recommendation: ${report.ranking[0].name}` : 'Recommendation');

  useEffect(() => {
    if (topKey !== '') remember(answers, topKey.split(','));
  }, [remember, answers, topKey]);

  const chips = givenAnswers(answers);

  return (
    <div className="results">
      <header className="page-header">
        <h1>Recommendation</h1>
        <p className="print-only">Permalink: {`${window.location.origin}/results?${query}`}</p>
      </header>

      <AnswerErrors errors={errors} />

      {pending || advice.isPending ? (
        <Loading what="the recommendation" />
      ) : advice.isError ? (
        <ErrorPanel title="The recommendation could not be computed" error={advice.error}>
          <p>
            <Link to={wizardPath(answers)}>Go back to the wizard</Link> or{' '}
            <button type="button" className="button small" onClick={() => advice.refetch()}>
              try again
            </button>
            .
          </p>
        </ErrorPanel>
      ) : report ? (
        <VerdictPanel report={report} focusKey={query} />
      ) : null}

      <section className="panel answers-panel" aria-labelledby="answers-heading">
        <details
          className="answers-fold"
          open={answersOpen}
          onToggle={(e) => setAnswersOpen((e.target as HTMLDetailsElement).open)}
        >
          <summary>
            <h2 id="answers-heading">Your answers</h2>
            <span className="answers-line">
              {chips
                .filter((c) => ['dir', 'style', 'size', 'rate'].includes(c.param))
                .map((c) => c.value)
                .join(' · ')}
            </span>
          </summary>
          <dl className="answer-chips">
            {chips.map((a) => (
              <div key={a.param} data-param={a.param}>
                <dt>{a.label}</dt>
                <dd>{a.value}</dd>
              </div>
            ))}
          </dl>
        </details>
        <div className="panel-tools no-print">
          <button type="button" className="button small" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            {editing ? 'Close editor' : 'Edit answers'}
          </button>
          <Link className="button small quiet" to={wizardPath(answers, 'dir')}>
            Step through the wizard
          </Link>
          {report && <ReportActions report={report} answers={answers} />}
        </div>
      </section>

      {editing && <EditAnswersPanel key={query} answers={answers} onClose={() => setEditing(false)} />}

      {report && !advice.isError && !pending && (
        <div className={advice.isPlaceholderData ? 'report stale' : 'report'} aria-busy={advice.isFetching}>
          <TopPicks report={report} />
          {report.ranking.length > 1 && (
            <p className="no-print">
              <Link className="button small" to={comparePath(top, answers)}>
                Compare the top {top.length} side by side
              </Link>
            </p>
          )}
          <WhatWouldChange report={report} answers={answers} />
          <RankingList report={report} />
          <EliminatedList report={report} />
        </div>
      )}
    </div>
  );
}
