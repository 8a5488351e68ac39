import { Link } from 'react-router-dom';
import { MeasuredTable } from '#src/components/MeasuredTable';
import { ScoreBar } from '#src/components/ScoreBar';
import { reportUnit, type Report } from '#src/core/report';
import { methodPath } from '#src/lib/paths';
import { UnverifiedMark } from './UnverifiedMark';

export function RankingList({ report }: { report: Report }) {
  if (report.ranking.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">Full ranking</h2>
      <ol className="ranking">
        {report.ranking.map((r, i) => (
          <li key={r.method} className="rank-row" data-method={r.method}>
            <div className="rank-head">
              <span className="rank-number">{i + 1}</span>
              <span className="rank-name-cell">
                <Link to={methodPath(r.method, report.dataset?.id)} className="rank-name">
                  {r.name}
                </Link>
                {r.unverified && <UnverifiedMark short />}
              </span>
              <ScoreBar score={r.score} max={100} label={`${r.name} score`} />
              <span className="rank-score">{r.score}</span>
            </div>
            <details className="rank-details" open={i < 3}>
              <summary>Reasons{r.measured.length > 0 ? ' and measurements' : ''}</summary>
              <ul className="reasons">
                {r.reasons.map((reason, j) => (
                  <li key={j}>{reason}</li>
                ))}
              </ul>
              {r.measured.length > 0 && (
                <div className="table-scroll">
                  <MeasuredTable points={r.measured} unit={reportUnit(report)} />
                </div>
              )}
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
