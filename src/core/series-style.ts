// How a benchmark series looks, the same on every chart, table and page: a colour per method from a
// colour-blind-safe palette, a marker shape per method so two methods never differ by colour alone, and a
// dash pattern per variant (a variant is its method's colour, dashed). A function of the key alone, so a
// method keeps its look whatever dataset or chart shows it. No React.
import { METHOD_IDS, type MethodId } from './ids';

/**
 * Twenty colours, one per catalogue method, that stay apart on white: Okabe & Ito's six (without their
 * yellow, too pale on white, and black, the baselines' colour) first, then Paul Tol's "muted" and "bright"
 * tones and Tableau's darker ones. Past the first six no palette keeps twenty hues apart for every
 * colour-vision deficiency, so each method also has its own marker shape: colour and marker together tell
 * any two methods apart. Order = the order methods get them.
 */
export const PALETTE = [
  '#0072b2', // blue (Okabe–Ito)
  '#d55e00', // vermillion (Okabe–Ito)
  '#009e73', // bluish green (Okabe–Ito)
  '#cc79a7', // reddish purple (Okabe–Ito)
  '#e69f00', // orange (Okabe–Ito)
  '#56b4e9', // sky blue (Okabe–Ito)
  '#332288', // indigo (Tol muted)
  '#882255', // wine (Tol muted)
  '#999933', // olive (Tol muted)
  '#44aa99', // teal (Tol muted)
  '#8c564b', // brown (Tableau 10)
  '#6a6a00', // dark olive-yellow
  '#117733', // green (Tol muted)
  '#cc6677', // rose (Tol muted)
  '#aa4499', // purple (Tol muted)
  '#9467bd', // lavender (Tableau 10)
  '#17becf', // cyan (Tableau 10)
  '#661100', // dark red (Tol)
  '#1f3d7a', // navy
  '#b07aa1', // mauve (Tableau 10 new)
] as const;

export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'hexagon'] as const;
export type Marker = (typeof MARKERS)[number];

/** The baselines (null syscall, memcpy) are drawn in this colour so no method is mistaken for them. */
export const BASELINE_COLOR = '#3d434b';
const FALLBACK_COLOR = '#6b7280';

// The methods the harness measures, in this order (the first twelve kept their colours when the other
// reference modules arrived); every catalogue method has a colour of its own. Methods drawn side by side most
// often (the file-based ones, the sockets) are not neighbours in the palette.
const MEASURED_FIRST: MethodId[] = [
  'genetlink',
  'chardev',
  'mmap',
  'procfs',
  'ioctl',
  'netlink',
  'debugfs',
  'relay',
  'sysfs',
  'eventfd',
  'signal',
  'usermodehelper',
  'io-uring-cmd',
  'connector',
  'configfs',
  'sysctl',
  'uevent',
  'tracepoint',
  'modparam',
];
const METHOD_ORDER = [...MEASURED_FIRST, ...METHOD_IDS.filter((m) => !MEASURED_FIRST.includes(m))];

const METHOD_STYLE = new Map<string, { color: string; marker: Marker }>(
  METHOD_ORDER.map((m, i) => [
    m,
    {
      color: PALETTE[i % PALETTE.length]!,
      // Marker index steps with the palette index and again on each lap, so a reused colour has a new shape.
      marker: MARKERS[(i + Math.floor(i / PALETTE.length) * 3) % MARKERS.length]!,
    },
  ]),
);

/** SVG stroke-dasharray values, none for a method's own series. */
export const DASHES = ['7 3', '2 3', '9 3 2 3', '4 4'] as const;

// Variants the harness draws beside their method or each other get fixed, distinct dashes; mmap has no plain
// series, so its ring is solid.
const KNOWN_VARIANT_DASH: Record<string, string | null> = {
  ring: null,
  seqlock: DASHES[0],
  'ioctl-lock': DASHES[1],
  burst: DASHES[0],
  'dev-zero': DASHES[0],
  'dev-null': DASHES[1],
  'nlctrl-getfamily': DASHES[0],
  rndgetentcnt: DASHES[0],
  'sysfs-read': DASHES[0],
  'proc-read': DASHES[0],
  'eventfd-thread': DASHES[0],
  'rt-sigqueue': DASHES[0],
};

function variantDash(variant: string): string | null {
  if (!variant) return null;
  if (variant in KNOWN_VARIANT_DASH) return KNOWN_VARIANT_DASH[variant]!;
  let h = 0;
  for (const ch of variant) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return DASHES[h % DASHES.length]!;
}

export interface SeriesStyle {
  color: string;
  marker: Marker;
  /** stroke-dasharray, null for a solid line. */
  dash: string | null;
}

export function splitKey(key: string): { method: string; variant: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { method: key, variant: '' } : { method: key.slice(0, slash), variant: key.slice(slash + 1) };
}

/** The look of a series "method" or "method/variant"; a method it does not know is grey circles. */
export function seriesStyle(key: string): SeriesStyle {
  const { method, variant } = splitKey(key);
  const base = METHOD_STYLE.get(method) ?? { color: FALLBACK_COLOR, marker: 'circle' as Marker };
  return { ...base, dash: variantDash(variant) };
}

/** The colour of a series: its method's, whatever the variant (the dash tells variants apart). */
export function seriesColor(key: string): string {
  return seriesStyle(key).color;
}

/**
 * The SVG path of a marker centred on (cx, cy) with radius r (its area close to a circle of radius r), so
 * charts, legends and the exported SVG draw the same shapes.
 */
export function markerPath(marker: Marker, cx: number, cy: number, r: number): string {
  const poly = (pts: [number, number][]) =>
    `M${pts.map(([x, y]) => `${(cx + x).toFixed(2)},${(cy + y).toFixed(2)}`).join('L')}Z`;
  switch (marker) {
    case 'circle':
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': {
      const s = r * 0.89;
      return poly([
        [-s, -s],
        [s, -s],
        [s, s],
        [-s, s],
      ]);
    }
    case 'diamond': {
      const s = r * 1.25;
      return poly([
        [0, -s],
        [s, 0],
        [0, s],
        [-s, 0],
      ]);
    }
    case 'triangle':
    case 'triangle-down': {
      const s = r * 1.35;
      const d = marker === 'triangle' ? 1 : -1;
      return poly([
        [0, -s * d],
        [s * 0.87, s * 0.5 * d],
        [-s * 0.87, s * 0.5 * d],
      ]);
    }
    case 'hexagon': {
      const s = r * 1.1;
      return poly(
        Array.from({ length: 6 }, (_, i): [number, number] => [
          s * Math.cos((Math.PI / 3) * i),
          s * Math.sin((Math.PI / 3) * i),
        ]),
      );
    }
  }
}
