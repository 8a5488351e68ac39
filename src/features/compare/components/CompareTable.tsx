import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { AbiBadge } from '#src/components/MethodFacts';
import { RatingPips } from '#src/components/RatingPips';
import { ScoreBar } from '#src/components/ScoreBar';
import { SeriesGlyph } from '#src/components/SeriesMarks';
import { TraitIcon } from '#src/components/TraitIcon';
import type { Method } from '#src/core/catalogue-schema';
import { methodPath } from '#src/lib/paths';
import type { Cell, CompareRow } from '../utils/compare-rows';

function CellView({ cell }: { cell: Cell }) {
  switch (cell.kind) {
    case 'text':
      return <>{cell.text}</>;
    case 'missing':
      return <span className="muted">{cell.text}</span>;
    case 'limit':
      return (
        <span className="rating-cell">
          <span>
            <Breakable text={cell.text} />
          </span>
          {(cell.note || cell.source) && (
            <span className="rating-why">
              {cell.note}
              {cell.note && cell.source && ' '}
              {cell.source && <code>{cell.source}</code>}
            </span>
          )}
        </span>
      );
    case 'abi':
      return <AbiBadge abi={cell.abi} />;
    case 'rating':
      return cell.rating === null ? (
        <span className="muted">not rated</span>
      ) : (
        <span className="rating-cell">
          <RatingPips rating={cell.rating} polarity={cell.polarity} />
          <span className="rating-why">{cell.why}</span>
        </span>
      );
    case 'score':
      return (
        <span className="score-cell">
          <ScoreBar score={cell.score} max={100} label="score" />
          <strong>{cell.score}</strong> <span className="muted">#{cell.rank}</span>
        </span>
      );
    case 'measured':
      return (
        <span className={`measured-cell${cell.verdict ? ` ${cell.verdict}` : ''}`}>
          <strong>{cell.text}</strong>
          {cell.verdict && (
            <span className={cell.verdict === 'over' ? 'badge warn' : 'badge'}>
              {cell.verdict === 'over' ? 'falls short' : 'fits'}
            </span>
          )}
          {cell.relative && (
            <span className={cell.relative === 'cheapest' ? 'badge best' : 'badge'}>{cell.relative}</span>
          )}
          <span className="point-note">{cell.note}</span>
        </span>
      );
    case 'eliminated':
      return (
        <span className="eliminated-cell">
          <span className="badge warn">eliminated</span>
          {cell.reasons.map((r, i) => (
            <span key={i} className="rating-why">
              {r}
            </span>
          ))}
        </span>
      );
  }
}

/**
 * Text that may wrap inside an identifier or a path on a phone rather than widen its column: after each
 * slash ("Character device (read/write/poll)") and underscore (GENL_UNS_ADMIN_PERM, call_usermodehelper),
 * and before an opening parenthesis; ordinary words stay whole.
 */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[/_])|(?=\()/);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </>
  );
}

export function CompareTable({
  methods,
  rows,
  groupTitles = {},
  dataset = null,
}: {
  methods: Method[];
  rows: CompareRow[];
  /** A longer heading for a group than its name (e.g. where the measured numbers come from). */
  groupTitles?: Partial<Record<CompareRow['group'], string>>;
  /** Kept on the links to method pages, so their curves come from the same dataset. */
  dataset?: string | null;
}) {
  return (
    <div className="table-scroll">
      {/* Explicit roles: on a phone two methods' rows are laid out as grids (app.css), and a browser may drop
          a table's semantics when its display changes. */}
      <table className="compare" data-columns={methods.length} role="table">
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" className="row-head" role="columnheader">
              <span className="visually-hidden">Property</span>
            </th>
            {methods.map((m) => (
              <th key={m.id} scope="col" role="columnheader">
                {/* The method's colour, dash and marker, as on every benchmark chart. */}
                <SeriesGlyph seriesKey={m.id} />
                <Link to={methodPath(m.id, dataset)}>
                  <Breakable text={m.name} />
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.flatMap((r, i) => {
            const out = [];
            if (r.group !== rows[i - 1]?.group) {
              out.push(
                <tr key={`group-${r.group}`} className="group-row" role="row">
                  <th scope="colgroup" colSpan={methods.length + 1} role="columnheader">
                    {groupTitles[r.group] ?? r.group}
                  </th>
                </tr>,
              );
            }
            out.push(
              <tr key={r.key} data-row={r.key} className={r.same ? 'same' : undefined} role="row">
                <th scope="row" className="row-head" role="rowheader">
                  <span className="trait-name">
                    {r.icon && <TraitIcon name={r.icon} label={r.label} size={16} />}
                    {r.label}
                  </span>
                </th>
                {r.cells.map((c, i) => (
                  <td key={methods[i]?.id ?? i} role="cell">
                    <CellView cell={c} />
                  </td>
                ))}
              </tr>,
            );
            return out;
          })}
        </tbody>
      </table>
    </div>
  );
}
