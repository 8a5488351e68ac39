import { Link } from 'react-router-dom';
import { MeasuredTable } from '#src/components/MeasuredTable';
import { reportUnit, type Report } from '#src/core/report';
import '#src/styles/methods.css';
import { methodPath } from '#src/lib/paths';
import { UnverifiedMark } from './UnverifiedMark';

type Ranked = Report['ranking'][number];

function Pick({ item, kind, report }: { item: Ranked; kind: 'top' | 'alt'; report: Report }) {
  const dataset = report.dataset?.id;
  return (
    <article className={`pick ${kind}`} aria-labelledby={`pick-${item.method}`}>
      <p className="pick-kind">{kind === 'top' ? 'Top pick' : 'Credible alternative'}</p>
      <h2>
        <Link to={methodPath(item.method, dataset)} id={`pick-${item.method}`}>
          {item.name}
        </Link>
        <span className="pick-score" aria-label={`score ${item.score} of 100`}>
          {item.score}
          <small>/100</small>
        </span>
      </h2>
      {item.unverified && <UnverifiedMark />}
      <h3 className="why">Why</h3>
      <ul className="reasons">
        {item.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {item.measured.length > 0 && (
        <div className="pick-measured table-scroll">
          <MeasuredTable points={item.measured} unit={reportUnit(report)} caption="Measured at your message size" />
        </div>
      )}
    </article>
  );
}

export function TopPicks({ report }: { report: Report }) {
  const [top, alt] = report.ranking;
  if (!top) {
    return (
      <div className="notice warn" role="status">
        <h2>No method fits every constraint</h2>
        <p>Every method was eliminated. The list below says why; relax a constraint to get a recommendation.</p>
      </div>
    );
  }
  return (
    <div className="picks">
      <Pick item={top} kind="top" report={report} />
      {alt && <Pick item={alt} kind="alt" report={report} />}
    </div>
  );
}
