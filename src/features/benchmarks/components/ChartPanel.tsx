import { useRef, useState, type ReactNode } from 'react';
import { TraitIcon } from '#src/components/TraitIcon';
import { BASELINE_COLOR } from '#src/core/chart-data';
import { seriesStyle } from '#src/core/series-style';
import type { IconName } from '#src/core/ids';
import { downloadBlob, downloadText } from '#src/lib/download';
import { useElementWidth } from '../hooks/use-element-width';
import type { Dataset } from '#src/core/dataset-schema';
import { datasetKind, datasetName, KIND_WARNING } from '#src/lib/datasets';
import { formatUtc } from '#src/lib/format-date';
import { chartSvgMarkup, svgToPng, type ExportLegendItem } from '../utils/export-chart';
import { SeriesLegend, type BaselineKey, type LegendEntry } from './SeriesLegend';

export interface ChartSize {
  width: number;
  height: number;
}

export interface ChartPanelProps {
  id: string;
  title: string;
  icon: IconName;
  iconLabel: string;
  description: ReactNode;
  /** Whose numbers these are: the export names the dataset and warns when its CPU was emulated. */
  dataset: Pick<Dataset, 'id' | 'collectedAt' | 'host'>;
  entries: LegendEntry[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onShowAll: (keys: string[]) => void;
  baselines: BaselineKey[];
  /** Extra controls beside the view toggle (e.g. MB/s or messages/s). */
  tools?: ReactNode;
  renderChart: (size: ChartSize) => ReactNode;
  renderTable: () => ReactNode;
  /** Unstable points among those drawn (the legend explains the hollow marker when any). */
  unstableCount?: number;
  /** What the shaded band is, for the legend. */
  bandLabel?: string;
  /** The chart or its table, as the URL has it, and the switch that writes the choice there. */
  view: 'chart' | 'table';
  onView: (view: 'chart' | 'table') => void;
}

const FALLBACK_WIDTH = 720;

function heightFor(width: number): number {
  return Math.round(Math.min(380, Math.max(260, width * 0.55)));
}

/** One chart with its legend, the chart/table switch and the SVG and PNG downloads. */
export function ChartPanel(props: ChartPanelProps) {
  const { view, onView: setView } = props;
  const [exportError, setExportError] = useState<string | null>(null);
  const [measure, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH);
  const chartRef = useRef<HTMLDivElement>(null);
  const headingId = `chart-${props.id}-title`;

  const exportMarkup = (): string | null => {
    const svg = chartRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return null;
    const legend: ExportLegendItem[] = [
      ...props.entries
        .filter((e) => !props.hidden.has(e.key))
        .map((e): ExportLegendItem => ({ kind: 'series', label: e.key, ...seriesStyle(e.key) })),
      ...props.baselines.map((b): ExportLegendItem => ({
        kind: 'baseline',
        label: b.label,
        color: BASELINE_COLOR,
        dashed: b.dashed,
        dotted: b.dotted,
      })),
      ...(props.bandLabel ? [{ kind: 'band', label: `band: ${props.bandLabel}`, color: BASELINE_COLOR } as const] : []),
      ...(props.unstableCount
        ? [
            {
              kind: 'unstable',
              label: `hollow: unstable point (${props.unstableCount})`,
              color: BASELINE_COLOR,
            } as const,
          ]
        : []),
    ];
    const d = props.dataset;
    return chartSvgMarkup(svg, {
      title: props.title,
      subtitle: `${datasetName(d)} · kernel ${d.host.kernel} · ${d.host.cpuModel} · collected ${formatUtc(d.collectedAt)} · dataset ${d.id}`,
      warning: KIND_WARNING[datasetKind(d.host.target)],
      legend,
    });
  };

  const fileBase = `kcomm-${props.dataset.id}-${props.id}`;
  const downloadSvg = () => {
    const markup = exportMarkup();
    if (markup) downloadText(`${fileBase}.svg`, markup, 'image/svg+xml');
  };
  const downloadPng = async () => {
    const markup = exportMarkup();
    if (!markup) return;
    try {
      setExportError(null);
      downloadBlob(`${fileBase}.png`, await svgToPng(markup));
    } catch (e) {
      setExportError(`The PNG could not be made: ${(e as Error).message}`);
    }
  };

  const size = { width, height: heightFor(width) };
  const visibleCount = props.entries.filter((e) => !props.hidden.has(e.key)).length;

  return (
    <section className="panel chart-panel" aria-labelledby={headingId} data-chart={props.id}>
      <div className="chart-head">
        <h2 id={headingId}>
          <TraitIcon name={props.icon} label={props.iconLabel} size={20} />
          {props.title}
        </h2>
        <div className="chart-tools">
          {props.tools}
          <div className="segmented" role="group" aria-label="View">
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              Chart
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              Table
            </button>
          </div>
          {view === 'chart' && visibleCount > 0 && (
            <div className="download-group">
              <button
                type="button"
                className="button small"
                onClick={downloadSvg}
                aria-label={`Download SVG of ${props.title}`}
              >
                SVG
              </button>
              <button
                type="button"
                className="button small"
                onClick={() => void downloadPng()}
                aria-label={`Download PNG of ${props.title}`}
              >
                PNG
              </button>
            </div>
          )}
        </div>
      </div>
      <div className="chart-description">{props.description}</div>
      <SeriesLegend
        entries={props.entries}
        hidden={props.hidden}
        onToggle={props.onToggle}
        onShowAll={props.onShowAll}
        baselines={props.baselines}
        unstableCount={view === 'chart' ? props.unstableCount : 0}
        bandLabel={view === 'chart' ? props.bandLabel : undefined}
      />
      {exportError && (
        <p className="field-error" role="alert">
          {exportError}
        </p>
      )}
      <div ref={measure} className="chart-body">
        {view === 'table' ? (
          props.renderTable()
        ) : visibleCount === 0 ? (
          <p className="chart-empty">Every series is switched off: switch one on in the legend above.</p>
        ) : (
          <>
            <div ref={chartRef} className="chart-frame" aria-describedby={`${headingId}-keys`}>
              {props.renderChart(size)}
            </div>
            <p id={`${headingId}-keys`} className="chart-keys">
              Keyboard: Tab to the chart, then ← and → step through the sizes and read each point. Every number is also
              in the{' '}
              <button type="button" className="link-button" onClick={() => setView('table')}>
                table view
              </button>
              .
            </p>
          </>
        )}
      </div>
    </section>
  );
}
