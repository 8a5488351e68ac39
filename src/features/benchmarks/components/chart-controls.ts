import type { ChartMetric, PanelView } from '#src/core/bench-view-codec';

/** What every chart needs from the page to switch series on and off, to name methods and to keep its view. */
export interface SeriesControls {
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onShowAll: (keys: string[]) => void;
  methodName: (method: string) => string | undefined;
  /** Writes a change of a panel's view to the URL (undefined fields go back to defaults). */
  onPanelView: (panel: string, change: PanelView) => void;
}

/** What the charts plot, as they name it. */
export type PlotMetric = 'p50' | 'ratioMedian' | 'MBps' | 'msgsPerSec';

const PLOT_OF: Record<ChartMetric, PlotMetric> = { p50: 'p50', ratio: 'ratioMedian', MBps: 'MBps', msgs: 'msgsPerSec' };
const URL_OF: Record<PlotMetric, ChartMetric> = { p50: 'p50', ratioMedian: 'ratio', MBps: 'MBps', msgsPerSec: 'msgs' };

/**
 * A chart's metric from the URL (one it does not draw, or a ratio without paired ratios, is its default) and
 * the setter that writes a choice back (the default as no parameter at all).
 */
export function panelMetric<M extends PlotMetric>(
  controls: SeriesControls,
  panel: string,
  view: PanelView,
  offered: readonly M[],
  fallback: M,
  intervals: boolean,
): [M, (metric: M) => void] {
  const as = view.as;
  const wanted = as ? PLOT_OF[as] : undefined;
  const metric =
    wanted && (offered as readonly PlotMetric[]).includes(wanted) && (wanted !== 'ratioMedian' || intervals)
      ? (wanted as M)
      : fallback;
  const set = (next: M) => controls.onPanelView(panel, { as: next === fallback ? undefined : URL_OF[next] });
  return [metric, set];
}

/** What a cost chart (latency, wake-up) plots: the p50 cost, or the paired ratio to its reference. */
export type CostMetric = 'p50' | 'ratioMedian';

/** A cost chart's metric and setter: the paired ratio by default where the dataset has intervals, else the p50. */
export function costMetric(
  controls: SeriesControls,
  panel: string,
  view: PanelView,
  intervals: boolean,
): [CostMetric, (metric: CostMetric) => void] {
  return panelMetric<CostMetric>(
    controls,
    panel,
    view,
    ['p50', 'ratioMedian'],
    intervals ? 'ratioMedian' : 'p50',
    intervals,
  );
}
