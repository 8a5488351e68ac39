// A chart leaves the page as a standalone SVG: recharts' <svg> plus a title and the legend (which the page
// draws in HTML), with fonts and a white background set inline so it looks the same in any viewer. The PNG
// is that SVG drawn into a canvas. The legend draws what the page's legend shows: each series' colour, dash and
// marker (src/core/series-style.ts), the baselines, the band and the hollow marker of an unstable point.
import { markerPath, type Marker } from '#src/core/series-style';

export type ExportLegendItem =
  /** A series: its colour, its dash (null: solid) and its marker on the line. */
  | { kind: 'series'; label: string; color: string; dash: string | null; marker: Marker }
  /** A reference line without a marker (null syscall, memcpy). */
  | { kind: 'baseline'; label: string; color: string; dashed?: boolean; dotted?: boolean }
  /** The shaded band around each line. */
  | { kind: 'band'; label: string; color: string }
  /** What a hollow marker means. */
  | { kind: 'unstable'; label: string; color: string };

export interface ChartExport {
  title: string;
  subtitle: string;
  /** Printed in red above the chart, e.g. "Emulated CPU: times are not your hardware's"; null on a real CPU. */
  warning?: string | null;
  legend: ExportLegendItem[];
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif";
const HEADER = 48;
const WARNING = 22;
const LEGEND_ROW = 20;
const SUBTITLE_LINE = 14;

/** Joins the parts into lines of at most max characters (a part longer than that gets a line of its own). */
function wrapAt(parts: string[], glue: string, max: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + glue.length + part.length <= max)
      lines[lines.length - 1] = last + glue + part;
    else lines.push(part);
  }
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The 18 px sample left of a legend label, centred on (x + 9, y). */
function legendSample(item: ExportLegendItem, x: number, y: number): string {
  switch (item.kind) {
    case 'series':
      return [
        `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${item.color}" stroke-width="2"${
          item.dash ? ` stroke-dasharray="${item.dash}"` : ''
        }/>`,
        `<path class="legend-marker" data-marker="${item.marker}" d="${markerPath(item.marker, x + 9, y, 3.6)}" fill="${item.color}" stroke="#ffffff" stroke-width="0.8"/>`,
      ].join('');
    case 'baseline':
      return `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${item.color}" stroke-width="2"${
        item.dotted ? ' stroke-dasharray="2 3"' : item.dashed ? ' stroke-dasharray="5 3"' : ''
      }/>`;
    case 'band':
      return `<rect x="${x}" y="${y - 5}" width="18" height="10" rx="2" fill="${item.color}" fill-opacity="0.18"/>`;
    case 'unstable':
      return `<path class="legend-marker" data-marker="hollow" d="${markerPath('circle', x + 9, y, 4)}" fill="#ffffff" stroke="${item.color}" stroke-width="1.6"/>`;
  }
}

function legendMarkup(items: ExportLegendItem[], width: number): { markup: string; height: number } {
  const parts: string[] = [];
  let x = 12;
  let row = 0;
  for (const item of items) {
    // No text metrics outside the page: 7 px per character is a safe over-estimate at 12 px.
    const itemWidth = 26 + item.label.length * 7 + 14;
    if (x > 12 && x + itemWidth > width - 12) {
      x = 12;
      row++;
    }
    const y = row * LEGEND_ROW + 10;
    parts.push(
      legendSample(item, x, y),
      `<text x="${x + 24}" y="${y + 4}" font-size="12" fill="#1b1f24">${escapeXml(item.label)}</text>`,
    );
    x += itemWidth;
  }
  return { markup: parts.join(''), height: items.length ? (row + 1) * LEGEND_ROW + 8 : 0 };
}

/** The chart as a self-contained SVG document. */
export function chartSvgMarkup(svg: SVGSVGElement, info: ChartExport): string {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight || 360;
  const chart = svg.cloneNode(true) as SVGSVGElement;
  // No xmlns attribute: the serializer writes the SVG namespace of the element itself (a second one is an error).
  chart.setAttribute('x', '0');
  // The provenance wraps at its " · " separators (about 0.6 em per character at 11 px) so none is cut off on a
  // phone-width chart; the title and the warning shrink to fit instead (bold: about 0.63 em per character).
  const subtitle = wrapAt(info.subtitle.split(' · '), ' · ', Math.max(20, Math.floor((width - 24) / 6.6)));
  const subtitleBottom = 38 + (subtitle.length - 1) * SUBTITLE_LINE;
  const fit = (text: string, max: number) =>
    Math.max(9, Math.min(max, Math.floor((width - 24) / (text.length * 0.63))));
  const warning = info.warning ? `⚠ ${info.warning}` : null;
  const top = subtitleBottom + (HEADER - 38) + (warning ? WARNING : 0);
  chart.setAttribute('y', String(top));
  chart.removeAttribute('style');
  const legend = legendMarkup(info.legend, width);
  const total = top + height + legend.height;
  const inner = new XMLSerializer().serializeToString(chart);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="${fit(info.title, 15)}" font-weight="700" fill="#1b1f24">${escapeXml(info.title)}</text>`,
    `<text class="provenance" x="12" y="38" font-size="11" fill="#5a6470">${subtitle
      .map((line, i) => `<tspan x="12" dy="${i === 0 ? 0 : SUBTITLE_LINE}">${escapeXml(line)}</tspan>`)
      .join('')}</text>`,
    warning
      ? `<text class="kind-warning" x="12" y="${subtitleBottom + (HEADER - 38) + 12}" font-size="${fit(warning, 13)}" font-weight="700" fill="#a12626">${escapeXml(warning)}</text>`
      : '',
    inner,
    `<g transform="translate(0 ${top + height})">${legend.markup}</g>`,
    `</svg>`,
  ].join('');
}

/** Draws the SVG into a canvas at twice its size (sharp on high-density screens) and returns the PNG. */
export async function svgToPng(markup: string, scale = 2): Promise<Blob> {
  // The size from the root tag chartSvgMarkup wrote. Not DOMParser: a parsed document applies the page's CSP
  // to recharts' style attributes and reports a violation for each.
  const root = /^<svg [^>]*?width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(markup);
  if (!root) throw new Error('The chart export has no size.');
  const width = Number(root[1]);
  const height = Number(root[2]);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw into a canvas.');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The canvas gave no PNG.'))), 'image/png'),
  );
}
