import { markerPath, seriesStyle, type Marker } from '#src/core/series-style';

/**
 * A series' marker at (cx, cy): filled for a stable point, hollow (white inside, its colour around) for one
 * the harness marked unstable, so an unstable point never looks like a stable one, in colour or not.
 */
export function MarkerShape({
  seriesKey,
  cx,
  cy,
  r = 3.5,
  hollow = false,
  marker,
}: {
  seriesKey: string;
  cx: number;
  cy: number;
  r?: number;
  hollow?: boolean;
  marker?: Marker;
}) {
  const style = seriesStyle(seriesKey);
  return (
    <path
      d={markerPath(marker ?? style.marker, cx, cy, r)}
      fill={hollow ? '#fff' : style.color}
      stroke={hollow ? style.color : '#fff'}
      strokeWidth={hollow ? 1.6 : 0.8}
      className={hollow ? 'point unstable' : 'point'}
    />
  );
}

/** The legend's and tables' sample of a series: a short line in its dash with its marker on it. */
export function SeriesGlyph({ seriesKey, hollow = false }: { seriesKey: string; hollow?: boolean }) {
  const style = seriesStyle(seriesKey);
  return (
    <svg className="series-glyph" width="26" height="12" viewBox="0 0 26 12" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="6"
        x2="25"
        y2="6"
        stroke={style.color}
        strokeWidth="2"
        strokeDasharray={style.dash ?? undefined}
      />
      <MarkerShape seriesKey={seriesKey} cx={13} cy={6} r={3.6} hollow={hollow} />
    </svg>
  );
}

/** The legend's sample of an unstable point: a hollow neutral marker. */
export function UnstableGlyph() {
  return (
    <svg className="series-glyph" width="14" height="12" viewBox="0 0 14 12" aria-hidden="true" focusable="false">
      <path d={markerPath('circle', 7, 6, 4)} fill="#fff" stroke="#3d434b" strokeWidth="1.6" />
    </svg>
  );
}
