import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  cellValue,
  filterFacts,
  pivot,
  sortPivotRows,
  type PivotDim,
  type PivotFact,
  type PivotSort,
  type PivotValue,
} from '#src/core/bench-pivot';
import type { PanelView } from '#src/core/bench-view-codec';
import { unstableReason, type CostUnit } from '#src/core/chart-data';
import { plainNumber, preciseCost, formatRatio } from '#src/core/format';
import { SeriesGlyph } from '#src/components/SeriesMarks';

const DIM_LABEL: Record<PivotDim, string> = { method: 'Method', variant: 'Variant', pattern: 'Pattern', size: 'Size' };

const VALUE_LABEL: Record<PivotValue, string> = {
  ratio: 'Ratio to reference (95% interval)',
  p50: 'p50 latency',
  p99: 'p99 latency',
  MBps: 'Throughput',
};

/** The unit a value is in, as the table's header says it. */
export function valueUnit(value: PivotValue, unit: CostUnit): string {
  if (value === 'ratio') return '× reference';
  if (value === 'MBps') return 'MB/s (10⁶ B/s)';
  return unit === 'instructions' ? 'guest instructions, not time' : 'ns, µs, ms';
}

function formatValue(v: number, value: PivotValue, unit: CostUnit): string {
  if (value === 'ratio') return formatRatio(v);
  if (value === 'MBps') return plainNumber(v, v < 10 ? 3 : 1);
  return preciseCost(v, unit);
}

function DimSelect(props: { label: string; dims: PivotDim[]; value: PivotDim; onChange: (d: PivotDim) => void }) {
  return (
    <label>
      {props.label}
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value as PivotDim)}>
        {props.dims.map((d) => (
          <option key={d} value={d}>
            {DIM_LABEL[d]}
          </option>
        ))}
      </select>
    </label>
  );
}

export interface PivotViewProps {
  facts: PivotFact[];
  caption: string;
  unit: CostUnit;
  /** The dimensions offered for rows and columns (a chart's table has one pattern, so not that one). */
  dims: PivotDim[];
  values: PivotValue[];
  initial: { rows: PivotDim; cols: PivotDim; value: PivotValue };
  /** The dataset carries paired ratios; without them the ratio is offered as missing. */
  intervals: boolean;
  footnote?: string;
  /** The table's state as the URL holds it (rows, cols, cell, sort, filter); what it leaves out is initial. */
  state: PanelView;
  /** Writes a change of state to the URL; a field set to undefined goes back to the initial one. */
  onChange: (change: PanelView) => void;
}

/** How long the filter waits after the last key before it writes the URL. */
const FILTER_PAUSE_MS = 300;

const ROW_ASCENDING: PivotSort = { column: 'row', direction: 'ascending' };

/**
 * The points as a pivot table the reader shapes: which dimension runs down, which across, what each cell
 * shows, a text filter, and a sort on any column (aria-sort). Each cell shows the value, its 95% interval
 * for a ratio, and an "unstable" flag with the reason. The table scrolls in its own box with the first
 * column sticky, so it stays usable on a phone.
 */
export function PivotView(props: PivotViewProps) {
  const id = useId();
  const { state, onChange, initial, dims } = props;
  const offered = (d: PivotDim | undefined): d is PivotDim => d !== undefined && dims.includes(d);
  const rowDim = offered(state.rows) ? state.rows : initial.rows;
  const wantedCols = offered(state.cols) ? state.cols : initial.cols;
  // Rows and columns are two dimensions: a link naming only one of them swaps the other out of its way.
  const colDim = wantedCols !== rowDim ? wantedCols : [initial.rows, initial.cols, ...dims].find((d) => d !== rowDim)!;
  const initialValue = initial.value === 'ratio' && !props.intervals ? 'p50' : initial.value;
  const value =
    state.cell && props.values.includes(state.cell) && (state.cell !== 'ratio' || props.intervals)
      ? state.cell
      : initialValue;
  const linked = state.filter ?? '';
  // The filter box answers each key at once; the URL (which redraws the whole page) follows once typing
  // pauses, and a link that changes under the box (back, another link) sets it.
  const [filter, setFilterText] = useState(linked);
  const [lastLinked, setLastLinked] = useState(linked);
  if (linked !== lastLinked) {
    setLastLinked(linked);
    setFilterText(linked);
  }
  const write = useRef(onChange);
  useEffect(() => {
    write.current = onChange;
  });
  useEffect(() => {
    if (filter === linked) return;
    const timer = setTimeout(() => write.current({ filter: filter || undefined }), FILTER_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filter, linked]);
  const shownFilter = useDeferredValue(filter);
  const sort = state.sort ?? ROW_ASCENDING;

  const table = useMemo(
    () => pivot(filterFacts(props.facts, shownFilter), rowDim, colDim),
    [props.facts, shownFilter, rowDim, colDim],
  );
  const sortable = sort.column === 'row' || table.columns.some((c) => c.id === sort.column);
  const rows = sortPivotRows(table, sortable ? sort : ROW_ASCENDING, value);

  const setDims = (rows: PivotDim, cols: PivotDim) =>
    onChange({
      rows: rows === initial.rows ? undefined : rows,
      cols: cols === initial.cols ? undefined : cols,
      sort: undefined,
    });
  const chooseRows = (d: PivotDim) => setDims(d, d === colDim ? rowDim : colDim);
  const chooseCols = (d: PivotDim) => setDims(d === rowDim ? colDim : rowDim, d);
  const setValue = (v: PivotValue) => onChange({ cell: v === initialValue ? undefined : v });
  const setFilter = (text: string) => setFilterText(text);
  const setSort = (next: PivotSort) =>
    onChange({ sort: next.column === 'row' && next.direction === 'ascending' ? undefined : next });
  const sortBy = (column: string) =>
    setSort(
      sort.column === column
        ? { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: column === 'row' ? 'ascending' : 'descending' },
    );
  const ariaSort = (column: string) => (sort.column === column ? sort.direction : undefined);
  const arrow = (column: string) => (sort.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '');
  const unitText = valueUnit(value, props.unit);
  const rowHead = table.rowDims.map((d) => DIM_LABEL[d]).join(' · ');

  return (
    <div className="pivot">
      <div className="pivot-controls">
        <DimSelect label="Rows" dims={dims} value={rowDim} onChange={chooseRows} />
        <DimSelect label="Columns" dims={dims} value={colDim} onChange={chooseCols} />
        <label>
          Show
          <select aria-label="Show" value={value} onChange={(e) => setValue(e.target.value as PivotValue)}>
            {props.values.map((v) => (
              <option key={v} value={v} disabled={v === 'ratio' && !props.intervals}>
                {VALUE_LABEL[v]}
                {v === 'ratio' && !props.intervals ? ' (missing here)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="pivot-filter">
          Filter
          <input
            type="search"
            aria-label="Filter"
            value={filter}
            placeholder="method, variant or pattern"
            onChange={(e) => setFilter(e.target.value)}
            aria-describedby={`${id}-count`}
          />
        </label>
        <span id={`${id}-count`} className="pivot-count" aria-live="polite">
          {props.facts.length === 0
            ? 'no points'
            : `${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'} of ${props.facts.length === 1 ? 'one point' : `${props.facts.length} points`}`}
        </span>
      </div>
      {!props.intervals && (
        <p className="notice pivot-missing">
          This dataset carries no paired ratios: intervals and unstable flags are missing (measured before
          kcomm-bench/2).
        </p>
      )}
      {rows.length === 0 ? (
        <p className="chart-empty">
          {filter ? `Nothing matches “${filter}”.` : 'No series switched on: nothing to list.'}
        </p>
      ) : (
        <div className="pivot-box">
          {/* The caption names the table for assistive technology; its twin above the box wraps on a phone. */}
          <p className="pivot-caption" aria-hidden="true">
            {props.caption}: {VALUE_LABEL[value]}, in {unitText}
          </p>
          <div className="table-scroll">
            <table className="points-table pivot-table">
              <caption className="visually-hidden">
                {props.caption}: {VALUE_LABEL[value]}, in {unitText}
              </caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={ariaSort('row')}>
                    <button type="button" className="sort-button" onClick={() => sortBy('row')}>
                      {rowHead}
                      {arrow('row')}
                    </button>
                    <span className="pivot-unit">{unitText}</span>
                  </th>
                  {table.columns.map((c) => (
                    <th key={c.id} scope="col" aria-sort={ariaSort(c.id)}>
                      <button type="button" className="sort-button" onClick={() => sortBy(c.id)}>
                        {c.label}
                        {arrow(c.id)}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-row={r.id} data-series={r.seriesKey ?? undefined}>
                    <th scope="row">
                      {r.seriesKey && <SeriesGlyph seriesKey={r.seriesKey} />}
                      {r.labels.join(' · ')}
                    </th>
                    {table.columns.map((c) => {
                      const f = r.cells.get(c.id);
                      const v = f ? cellValue(f, value) : null;
                      const why = f ? unstableReason(f.point) : null;
                      if (!f) return <td key={c.id} className="empty" />;
                      return (
                        <td key={c.id} className={why ? 'unstable' : undefined} title={why ?? undefined}>
                          <span className="pivot-value">{v ? formatValue(v.value, value, props.unit) : '—'}</span>
                          {v?.interval && (
                            <span className="pivot-interval">
                              {formatValue(v.interval[0], value, props.unit)}–
                              {formatValue(v.interval[1], value, props.unit)}
                            </span>
                          )}
                          {why && (
                            <span className="unstable-flag">
                              unstable<span className="visually-hidden">: {why}</span>
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {props.footnote && <p className="table-note">{props.footnote}</p>}
    </div>
  );
}
