import { SeriesGlyph, UnstableGlyph } from '#src/components/SeriesMarks';

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

/**
 * The chart's legend: one toggle per series with its colour, dash and marker (switched-off series stay listed,
 * struck out), then the baselines, the band and, when any is drawn, what a hollow (unstable) marker means.
 */
export function SeriesLegend({
  entries,
  hidden,
  onToggle,
  onShowAll,
  baselines,
  unstableCount = 0,
  bandLabel,
}: {
  entries: LegendEntry[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onShowAll: (keys: string[]) => void;
  /** Reference lines drawn on the chart, listed after the series (not toggles). */
  baselines: BaselineKey[];
  /** Unstable points among those drawn: when any, the legend says what a hollow marker means. */
  unstableCount?: number;
  /** What the shaded band around each line is ("p90 to p99", "95% interval"). */
  bandLabel?: string;
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
                <SeriesGlyph seriesKey={e.key} />
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
        {bandLabel && (
          <li className="baseline-key">
            <span className="swatch band-key" aria-hidden="true" />
            band: {bandLabel}
          </li>
        )}
        {unstableCount > 0 && (
          <li className="baseline-key unstable-key">
            <UnstableGlyph />
            hollow: unstable point ({unstableCount}), interval wider than ±10%
          </li>
        )}
      </ul>
      {hiddenHere.length > 0 && (
        <button type="button" className="button quiet small" onClick={() => onShowAll(hiddenHere)}>
          Show all ({hiddenHere.length} hidden)
        </button>
      )}
    </div>
  );
}
