import { Link } from 'react-router-dom';
import type { Report } from '#src/core/report';
import { methodPath } from '#src/lib/paths';

export function EliminatedList({ report }: { report: Report }) {
  return (
    <section className="panel" aria-labelledby="eliminated-heading">
      <h2 id="eliminated-heading">Eliminated ({report.eliminated.length})</h2>
      {report.eliminated.length === 0 ? (
        <p className="muted">No method was ruled out by your constraints.</p>
      ) : (
        <ul className="eliminated">
          {report.eliminated.map((e) => (
            <li key={e.method} data-method={e.method}>
              <Link to={methodPath(e.method, report.dataset?.id)}>{e.name}</Link>
              <ul>
                {e.reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
