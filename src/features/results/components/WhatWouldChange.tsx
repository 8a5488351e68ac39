import { Link } from 'react-router-dom';
import type { Answers } from '#src/core/answers';
import type { Report } from '#src/core/report';
import { changedResultsPath } from '#src/lib/paths';

export function WhatWouldChange({ report, answers }: { report: Report; answers: Answers }) {
  return (
    <section className="panel" aria-labelledby="change-heading">
      <h2 id="change-heading">What would change the answer</h2>
      {report.whatWouldChange.length === 0 ? (
        <p className="muted">No single change to your answers would change the top pick.</p>
      ) : (
        <ul className="changes">
          {report.whatWouldChange.map((c) => (
            <li key={`${c.param}-${c.to}`}>
              <Link to={changedResultsPath(answers, c.param, c.to)}>{c.sentence}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
