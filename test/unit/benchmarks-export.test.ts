// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BASELINE_COLOR, markerPath, seriesStyle } from '../../src/core/series-style';
import { chartSvgMarkup, type ExportLegendItem } from '../../src/features/benchmarks/utils/export-chart';

function chart(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '640');
  svg.setAttribute('height', '300');
  svg.setAttribute('class', 'recharts-surface');
  return svg;
}

const series = (key: string): ExportLegendItem => ({ kind: 'series', label: key, ...seriesStyle(key) });

describe('chart export legend', () => {
  it('draws each series with its colour, dash and marker, as the page’s legend does', () => {
    const keys = ['genetlink', 'chardev', 'mmap/seqlock', 'procfs', 'ioctl'];
    const markup = chartSvgMarkup(chart(), {
      title: 'Round-trip latency by message size',
      subtitle: 'dataset x',
      warning: null,
      legend: [
        ...keys.map(series),
        { kind: 'baseline', label: 'null syscall p50 400 ns', color: BASELINE_COLOR, dashed: true },
        { kind: 'band', label: 'band: p90 to p99', color: BASELINE_COLOR },
        { kind: 'unstable', label: 'hollow: unstable point (3)', color: BASELINE_COLOR },
      ],
    });
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const legend = doc.documentElement.lastElementChild!;
    const markers = [...legend.querySelectorAll('path.legend-marker')];
    expect(markers).toHaveLength(keys.length + 1);
    keys.forEach((key, i) => {
      const style = seriesStyle(key);
      const marker = markers[i]!;
      expect(marker.getAttribute('data-marker')).toBe(style.marker);
      expect(marker.getAttribute('fill')).toBe(style.color);
      const line = marker.previousElementSibling!;
      expect(line.getAttribute('stroke')).toBe(style.color);
      expect(line.getAttribute('stroke-dasharray')).toBe(style.dash);
      const [x, y] = [Number(line.getAttribute('x1')) + 9, Number(line.getAttribute('y1'))];
      expect(marker.getAttribute('d')).toBe(markerPath(style.marker, x, y, 3.6));
    });
    // Five methods, five shapes: the export tells them apart without colour too.
    expect(new Set(markers.slice(0, keys.length).map((m) => m.getAttribute('data-marker'))).size).toBe(5);
    const hollow = markers.at(-1)!;
    expect(hollow.getAttribute('data-marker')).toBe('hollow');
    expect(hollow.getAttribute('fill')).toBe('#ffffff');
    expect(legend.querySelectorAll('rect')).toHaveLength(1);
    expect([...legend.querySelectorAll('text')].map((t) => t.textContent)).toEqual([
      ...keys,
      'null syscall p50 400 ns',
      'band: p90 to p99',
      'hollow: unstable point (3)',
    ]);
  });

  it('wraps the provenance and shrinks the warning on a phone-width chart instead of cutting them off', () => {
    const svg = chart();
    svg.setAttribute('width', '340');
    const subtitle =
      'QEMU emulated · kernel 6.12 · 2026-11-30 · kernel 6.12.117+deb12-amd64 · Intel Core Processor (Haswell, no TSX) · collected 2026-11-30 03:16 UTC · dataset vm-tcg-full-2026-11-30t0316z';
    const markup = chartSvgMarkup(svg, {
      title: 'Kernel → user throughput by message size',
      subtitle,
      warning: "Emulated CPU: times are not your hardware's",
      legend: [],
    });
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const lines = [...doc.querySelectorAll('text.provenance tspan')].map((t) => t.textContent!);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' · ')).toBe(subtitle);
    for (const line of lines) expect(line.length * 6.6).toBeLessThanOrEqual(340 - 24);
    const warning = doc.querySelector('text.kind-warning')!;
    const size = Number(warning.getAttribute('font-size'));
    expect(size).toBeLessThan(13);
    expect(warning.textContent!.length * size * 0.63).toBeLessThanOrEqual(340 - 24);
    // The chart starts below the last line of the header.
    const inner = doc.documentElement.querySelector('svg')!;
    expect(Number(inner.getAttribute('y'))).toBeGreaterThan(Number(warning.getAttribute('y')));
  });
});
