import { seriesColor } from '#src/core/chart-data';

export interface BaselineKey {
  label: string;
  dashed?: boolean;
  dotted?: boolean;
}

export interface LegendEntry {
  key: string;
  /** The method's full name, shown on hover. */
  title?: string;
}

/** The chart's legend: one toggle per series with its colour; switched-off series stay listed, struck out. */
export function SeriesLegend({
  entries,
  hidden,
  onToggle,
  onShowAll,
  baselines,
}: {
  entries: LegendEntry[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onShowAll: (keys: string[]) => void;
  /** Reference lines drawn on the chart, listed after the series (not toggles). */
  baselines: BaselineKey[];
}) {
  const hiddenHere = entries.filter((e) => hidden.has(e.key)).map((e) => e.key);
  return (
    <div className="series-legend">
      <ul aria-label="Series shown (press to switch on or off)">
        {entries.map((e) => {
          const on = !hidden.has(e.key);
          return (
            <li key={e.key}>
              <button
                type="button"
                className="series-toggle"
                aria-pressed={on}
                title={e.title ? `${e.title}: ${on ? 'hide' : 'show'}` : undefined}
                onClick={() => onToggle(e.key)}
              >
                <span className="swatch" style={{ background: seriesColor(e.key) }} aria-hidden="true" />
                {e.key}
              </button>
            </li>
          );
        })}
        {baselines.map((b) => (
          <li key={b.label} className="baseline-key">
            <span
              className={['swatch baseline', b.dashed && 'dashed', b.dotted && 'dotted'].filter(Boolean).join(' ')}
              aria-hidden="true"
            />
            {b.label}
          </li>
        ))}
      </ul>
      {hiddenHere.length > 0 && (
        <button type="button" className="button quiet small" onClick={() => onShowAll(hiddenHere)}>
          Show all ({hiddenHere.length} hidden)
        </button>
      )}
    </div>
  );
}
