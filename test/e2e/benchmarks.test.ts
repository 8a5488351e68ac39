// The benchmarks page in Chromium against the built app and the real server: pick a dataset, switch a method
// off, read the table, download the chart as SVG and PNG, compare two datasets. Uses the datasets in
// data/benchmarks when there are any, else the synthetic fixture in a temporary data folder.
import type { FastifyInstance } from 'fastify';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import type { DatasetSummary } from '../../src/core/dataset-schema';
import { seriesStyle } from '../../src/core/series-style';
import { launchBrowser, screenshotBoth, tick, VIEWPORTS, withContext } from './browser';

const DOCS = path.resolve('docs/screenshots');

/** An element as it lies on the full page (an element screenshot would slide the sticky menu over it). */
async function shootElement(element: Locator, file: string): Promise<void> {
  const box = (await element.boundingBox())!;
  const scrollY = await element.page().evaluate(() => window.scrollY);
  await element.page().screenshot({
    path: path.join(DOCS, file),
    fullPage: true,
    clip: { x: box.x, y: box.y + scrollY, width: box.width, height: Math.min(box.height, 1400) },
  });
}

let app: FastifyInstance;
let url: string;
let browser: Browser;
let page: Page;
let tempDir: string | null = null;
let datasets: Extract<DatasetSummary, { ok: true }>[] = [];
const pageErrors: string[] = [];

function dataDir(): string | undefined {
  const real = path.resolve('data/benchmarks');
  if (existsSync(real) && readdirSync(real).some((n) => n.endsWith('.json'))) return undefined;
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'kcomm-bench-e2e-'));
  mkdirSync(path.join(tempDir, 'benchmarks'));
  for (const f of ['methods.json', 'traits.json', 'frameworks.json'])
    copyFileSync(path.resolve('data', f), path.join(tempDir, f));
  copyFileSync(
    path.resolve('test/fixtures/dataset-synthetic.json'),
    path.join(tempDir, 'benchmarks', 'fixture-synthetic.json'),
  );
  return tempDir;
}

beforeAll(async () => {
  app = await buildApp({ dataDir: dataDir() });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  const list = (await (await fetch(`${url}/api/datasets`)).json()) as { datasets: DatasetSummary[] };
  datasets = list.datasets.filter((d): d is Extract<DatasetSummary, { ok: true }> => d.ok);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

describe('benchmarks page in the browser', () => {
  let chosen: Extract<DatasetSummary, { ok: true }>;
  let hiddenKey = '';

  it('picks a dataset from the list and shows its provenance and charts', async () => {
    expect(datasets.length).toBeGreaterThan(0);
    chosen = datasets.find((d) => d.host.target === 'vm-tcg') ?? datasets[0]!;
    await page.goto(`${url}/benchmarks`);
    await page.locator('.dataset-card').first().waitFor();
    await page.getByRole('radio', { name: chosen.id }).check();
    await page.waitForURL((u) => u.searchParams.get('dataset') === chosen.id);
    await page.getByRole('heading', { name: `Showing ${chosen.id}` }).waitFor();
    const card = page.locator(`.dataset-card[data-dataset="${chosen.id}"]`);
    await expect(card.textContent()).resolves.toContain(chosen.host.kernel);
    await expect(card.textContent()).resolves.toContain(chosen.harness.version);
    const banner = page.getByText('Emulated CPU (QEMU TCG): compare methods with each other here');
    await expect(banner.count()).resolves.toBe(chosen.host.target === 'vm-tcg' ? 1 : 0);
    await page.locator('.chart-panel svg.recharts-surface').first().waitFor();
    expect(await page.locator('.chart-panel').count()).toBeGreaterThan(1);
    await screenshotBoth(page, `benchmarks-${chosen.host.target}`);
  });

  it('switches a method off from a chart legend', async () => {
    const first = page.locator('section.chart-panel').first();
    const toggle = first.locator('.series-toggle').first();
    hiddenKey = (await toggle.textContent()) ?? '';
    const cls = `s-${hiddenKey.replace(/[^a-z0-9-]/gi, '_')}`;
    expect(await first.locator(`.recharts-line.${cls}`).count()).toBe(1);
    const surface = first.locator('svg.recharts-surface');
    const box = (await surface.boundingBox())!;
    await surface.hover({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
    const tip = first.locator('.chart-tip');
    await tip.waitFor();
    expect(await tip.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(tip.locator('thead').textContent()).resolves.toMatch(/p50.*p90.*p99.*max.*msg\/s.*MB\/s.*n/);
    await screenshotBoth(page, 'benchmarks-tooltip');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.waitForURL((u) => (u.searchParams.get('hide') ?? '').split(',').includes(hiddenKey));
    expect(await page.locator(`.recharts-line.${cls}`).count()).toBe(0);
  });

  it('shows the same numbers as a table', async () => {
    const first = page.locator('section.chart-panel').first();
    await first.getByRole('button', { name: 'Table', exact: true }).click();
    const table = first.getByRole('table');
    await table.waitFor();
    await expect(table.locator('caption').textContent()).resolves.toContain(chosen.id);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await table.locator(`tbody tr[data-series="${hiddenKey}"]`).count()).toBe(0);
    await screenshotBoth(page, 'benchmarks-table');
    await first.getByRole('button', { name: 'Chart', exact: true }).click();
    await first.locator('svg.recharts-surface').waitFor();
  });

  it('downloads a chart as SVG and as PNG', async () => {
    const first = page.locator('section.chart-panel').first();
    // The heading's own text, without the icon's <title>.
    const title = await first.locator('h2').evaluate((h) =>
      Array.from(h.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : ''))
        .join('')
        .trim(),
    );
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: /download svg/i }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe(`kcomm-${chosen.id}-${await first.getAttribute('data-chart')}.svg`);
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(title);
    expect(svg).toContain('recharts-line');
    expect(svg).not.toContain(`>${hiddenKey}</text>`);
    // Provenance and, for an emulated CPU, the warning travel with the file (the PNG is drawn from this SVG).
    expect(svg).toContain(`dataset ${chosen.id}`);
    expect(svg.includes('Emulated CPU: times are not your hardware')).toBe(chosen.host.target === 'vm-tcg');
    const parsed = await page.evaluate(
      (text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null,
      svg,
    );
    expect(parsed).toBe(true);
    // The legend draws each shown series as the page's legend does: colour, dash and marker.
    const shown = await first.locator('.series-toggle[aria-pressed="true"]').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    const legend = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const g = doc.documentElement.lastElementChild!;
      return Array.from(g.querySelectorAll('path.legend-marker'), (m) => ({
        label: m.nextElementSibling?.textContent ?? '',
        marker: m.getAttribute('data-marker'),
        fill: m.getAttribute('fill'),
        dash: m.previousElementSibling?.getAttribute('stroke-dasharray') ?? null,
      }));
    }, svg);
    expect(legend.slice(0, shown.length)).toEqual(
      shown.map((key) => ({
        label: key,
        marker: seriesStyle(key).marker,
        fill: seriesStyle(key).color,
        dash: seriesStyle(key).dash,
      })),
    );

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: /download png/i }).click(),
    ]);
    const png = await readFile((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('draws each point’s 95% interval as a band and unstable points hollow, saying why in the tooltip', async () => {
    const withUnstable = datasets.find((d) => d.lacks?.length === 0 && d.host.target === 'vm-tcg');
    if (!withUnstable) throw new Error('no complete kcomm-bench/2 vm-tcg dataset to check intervals on');
    await page.goto(`${url}/benchmarks?dataset=${withUnstable.id}`);
    const panel = page.locator('section.chart-panel[data-chart="latency-roundtrip"]');
    await panel.locator('svg.recharts-surface').waitFor();
    // A complete dataset opens on the paired ratios, with their intervals as bands.
    await expect(panel.getByRole('button', { name: '× ref' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(panel.locator('.chart-description').textContent()).resolves.toContain('band: its 95% interval');
    expect(await panel.locator('.recharts-area.band').count()).toBeGreaterThan(0);
    const hollow = panel.locator('path.point.unstable');
    const unstable = await hollow.count();
    expect(unstable).toBeGreaterThan(0);
    await expect(panel.locator('.unstable-key').textContent()).resolves.toContain(`unstable point (${unstable})`);
    expect(await panel.locator('path.point:not(.unstable)').count()).toBeGreaterThan(unstable);
    await page.setViewportSize({ width: 1440, height: 900 });
    await panel.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 60));
    await hollow.first().hover({ force: true });
    const tip = panel.locator('.chart-tip');
    await tip.locator('.tip-unstable').first().waitFor();
    await expect(tip.locator('.tip-unstable').first().textContent()).resolves.toMatch(
      /unstable: (its 95% interval runs from −[\d.]+% to \+[\d.]+% of the ratio \(beyond ±10%\)|too few blocks)/,
    );
    await expect(tip.locator('thead').textContent()).resolves.toContain('× ref (95% CI)');
    await shootElement(panel, 'benchmarks-intervals-desktop.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('reads a chart from the keyboard: the chart takes focus and the arrow keys move a live tooltip', async () => {
    const panel = page.locator('section.chart-panel[data-chart="latency-roundtrip"]');
    const surface = panel.locator('svg.recharts-surface');
    await expect(surface.getAttribute('tabindex')).resolves.toBe('0');
    // Tab from the control just before the chart lands on it.
    await panel.getByRole('button', { name: 'PNG' }).focus();
    let guard = 0;
    while (!(await surface.evaluate((el) => el === document.activeElement)) && guard++ < 60)
      await page.keyboard.press('Tab');
    expect(await surface.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.mouse.move(0, 0);
    await page.keyboard.press('ArrowRight');
    const tip = panel.locator('.chart-tip[role="status"]');
    await tip.waitFor();
    const first = await tip.locator('.tip-size').textContent();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      ([sel, before]) => document.querySelector(sel)?.querySelector('.tip-size')?.textContent !== before,
      ['section[data-chart="latency-roundtrip"] .chart-tip', first] as const,
    );
    expect(await tip.locator('tbody tr').count()).toBeGreaterThan(0);
    await expect(tip.getAttribute('aria-live')).resolves.toBe('polite');
  });

  it('pivots every point: sizes or methods down, sortable by any column, filtered, and usable on a phone', async () => {
    const all = page.locator('section.all-points');
    await all.locator('summary').click();
    const table = all.getByRole('table');
    await table.waitFor();
    await expect(table.locator('caption').textContent()).resolves.toContain('Ratio to reference (95% interval)');
    await expect(table.locator('thead th').first().textContent()).resolves.toContain('× reference');
    expect(await table.locator('td .pivot-interval').count()).toBeGreaterThan(0);
    expect(await table.locator('td.unstable .unstable-flag').count()).toBeGreaterThan(0);

    // Sort by the first size column: biggest ratio first, then smallest.
    const firstSize = table.locator('thead th').nth(1);
    const label = ((await firstSize.textContent()) ?? '').trim();
    const column = async () => {
      const index = await firstSize.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
      return table.locator('tbody tr').evaluateAll(
        (rows, i) =>
          rows
            .map((r) => (r as HTMLTableRowElement).cells[i]?.querySelector('.pivot-value')?.textContent ?? '')
            .filter((t) => t.endsWith('×'))
            .map((t) => Number.parseFloat(t)),
        index,
      );
    };
    await firstSize.getByRole('button').click();
    await expect(firstSize.getAttribute('aria-sort')).resolves.toBe('descending');
    const down = await column();
    expect(down.length).toBeGreaterThan(1);
    expect(down).toEqual([...down].sort((x, y) => y - x));
    await firstSize.getByRole('button').click();
    await expect(firstSize.getAttribute('aria-sort')).resolves.toBe('ascending');
    expect(await column()).toEqual([...down].sort((x, y) => x - y));
    expect(label).toMatch(/B$/);

    // Sizes down, methods across, filtered to one method.
    await all.getByLabel('Rows', { exact: true }).selectOption('size');
    await expect(all.getByLabel('Columns', { exact: true }).inputValue()).resolves.toBe('method');
    await all.getByLabel('Filter', { exact: true }).fill('genetlink');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.all-points thead th:not(:first-child)')).every((th) =>
        th.textContent?.startsWith('genetlink'),
      ),
    );
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
    await all.getByLabel('Filter', { exact: true }).fill('');
    await all.getByLabel('Rows', { exact: true }).selectOption('method');
    await all.getByLabel('Columns', { exact: true }).selectOption('size');

    await page.setViewportSize({ width: 390, height: 844 });
    await all.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const scroller = all.locator('.table-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const rowHead = table.locator('tbody th').first();
    await expect(rowHead.evaluate((el) => getComputedStyle(el).position)).resolves.toBe('sticky');
    const before = (await rowHead.boundingBox())!.x;
    await scroller.evaluate((el) => el.scrollBy(200, 0));
    await page.waitForFunction(() => document.querySelector('.all-points .table-scroll')!.scrollLeft > 0);
    expect(Math.abs((await rowHead.boundingBox())!.x - before)).toBeLessThan(1);
    await shootElement(all, 'benchmarks-pivot-phone.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await shootElement(all, 'benchmarks-pivot-desktop.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('puts the × ref view and the pivoted table in the link, and the link reopens them', async () => {
    const complete = datasets.find((d) => d.lacks?.length === 0 && d.host.target === 'vm-tcg');
    if (!complete) throw new Error('no complete kcomm-bench/2 vm-tcg dataset to check the ratio view on');
    await page.goto(`${url}/benchmarks?dataset=${complete.id}`);
    const throughput = page.locator('section.chart-panel[data-chart="throughput-k2u"]');
    await throughput.locator('svg.recharts-surface').waitFor();
    await throughput.getByRole('button', { name: '× ref' }).click();
    await page.waitForURL((u) => u.searchParams.get('throughput-k2u.as') === 'ratio');
    const all = page.locator('section.all-points');
    await all.locator('summary').click();
    await page.waitForURL((u) => u.searchParams.get('points.view') === 'table');
    await all.getByLabel('Rows', { exact: true }).selectOption('size');
    await all.getByLabel('Show', { exact: true }).selectOption('p99');
    await all.getByLabel('Filter', { exact: true }).fill('genetlink');
    const firstColumn = all.locator('thead th').nth(1);
    await firstColumn.getByRole('button').click();
    await page.waitForURL(
      (u) =>
        u.searchParams.get('points.rows') === 'size' &&
        u.searchParams.get('points.cell') === 'p99' &&
        u.searchParams.get('points.filter') === 'genetlink' &&
        (u.searchParams.get('points.sort') ?? '').startsWith('-genetlink'),
    );
    const rows = await all.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(1);
    const link = page.url();

    const other = await page.context().newPage();
    try {
      await other.goto(link);
      const again = other.locator('section.all-points');
      await again.locator('tbody tr').first().waitFor();
      await expect(again.getByLabel('Rows', { exact: true }).inputValue()).resolves.toBe('size');
      await expect(again.getByLabel('Show', { exact: true }).inputValue()).resolves.toBe('p99');
      await expect(again.getByLabel('Filter', { exact: true }).inputValue()).resolves.toBe('genetlink');
      await expect(again.locator('thead th').nth(1).getAttribute('aria-sort')).resolves.toBe('descending');
      expect(await again.locator('tbody tr').allTextContents()).toEqual(rows);
      const ratio = other.locator('section.chart-panel[data-chart="throughput-k2u"]');
      await expect(ratio.getByRole('button', { name: '× ref' }).getAttribute('aria-pressed')).resolves.toBe('true');
      expect(await ratio.locator('.recharts-area.band').count()).toBeGreaterThan(0);
      // The other charts open as they would without the link's extras.
      const latency = other.locator('section.chart-panel[data-chart="latency-roundtrip"]');
      await expect(latency.getByRole('button', { name: '× ref' }).getAttribute('aria-pressed')).resolves.toBe('true');
    } finally {
      await other.close();
    }
  });

  it('labels an instruction-counted dataset in guest instructions, never as time', async () => {
    const icount = datasets.find((d) => d.host.target === 'vm-icount');
    if (!icount) throw new Error('no vm-icount dataset in data/benchmarks');
    await page.goto(`${url}/benchmarks?dataset=${icount.id}`);
    const panel = page.locator('section.chart-panel[data-chart="latency-roundtrip"]');
    await panel.locator('svg.recharts-surface').waitFor();
    await expect(panel.locator('.chart-description').textContent()).resolves.toContain('Guest instructions, not time');
    await panel.getByRole('button', { name: 'instr', exact: true }).click();
    await page.waitForFunction(() =>
      Array.from(
        document.querySelectorAll('section[data-chart="latency-roundtrip"] .recharts-yAxis-tick-labels text'),
      ).some((t) => t.textContent?.endsWith('instr')),
    );
    const ticks = await panel.locator('.recharts-yAxis-tick-labels text').allTextContents();
    expect(ticks.some((t) => /\b(ns|µs|ms)$/.test(t))).toBe(false);
    await panel.getByRole('button', { name: 'Table', exact: true }).click();
    await panel.getByLabel('Show', { exact: true }).selectOption('p50');
    await expect(panel.locator('thead th').first().textContent()).resolves.toContain('guest instructions, not time');
  });

  it('still shows a kcomm-bench/1 dataset, saying its intervals are missing, within 390 px', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kcomm-bench-v1-'));
    mkdirSync(path.join(dir, 'benchmarks'));
    for (const f of ['methods.json', 'traits.json', 'frameworks.json'])
      copyFileSync(path.resolve('data', f), path.join(dir, f));
    copyFileSync(
      path.resolve('test/fixtures/dataset-synthetic.json'),
      path.join(dir, 'benchmarks', 'fixture-synthetic.json'),
    );
    const old = await buildApp({ dataDir: dir });
    try {
      const oldUrl = await old.listen({ host: '127.0.0.1', port: 0 });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${oldUrl}/benchmarks?dataset=fixture-synthetic`);
      const panel = page.locator('section.chart-panel[data-chart="latency-roundtrip"]');
      await panel.locator('svg.recharts-surface').waitFor();
      await expect(panel.locator('.intervals-missing').textContent()).resolves.toContain('Intervals are missing');
      await expect(panel.getByRole('button', { name: '× ref' }).isDisabled()).resolves.toBe(true);
      await page.mouse.move(0, 0);
      await panel.getByRole('button', { name: 'Table', exact: true }).click();
      await panel.locator('table.pivot-table').waitFor();
      await expect(panel.locator('.pivot-missing').textContent()).resolves.toContain(
        'intervals and unstable flags are missing',
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
      await old.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares two datasets, with no ratio between guest instructions and nanoseconds', async () => {
    const real = datasets.find((d) => d.host.target === 'local' || d.host.target === 'vm-kvm');
    const counted = datasets.find((d) => d.host.target === 'vm-icount');
    if (chosen.host.target !== 'vm-tcg' || !real || !counted)
      throw new Error('data/benchmarks needs a vm-tcg, a real-CPU and a vm-icount dataset for this test');
    const cases = [
      { other: real, sentence: `A (${chosen.id}) is the emulated one`, ratios: true },
      { other: counted, sentence: 'B counts guest instructions (QEMU -icount) and A times nanoseconds', ratios: false },
    ];
    for (const { other, sentence, ratios } of cases) {
      await page.goto(`${url}/benchmarks?dataset=${chosen.id}`);
      await tick(page.locator(`.dataset-card[data-dataset="${other.id}"] input[type="checkbox"]`));
      await page.waitForURL((u) => u.searchParams.get('compare') === other.id);
      const compare = page.locator('.dataset-compare-panel');
      await compare.locator('table.ratio-table tbody tr').first().waitFor();
      await expect(compare.locator('.emulation-sentence').textContent()).resolves.toContain(sentence);
      const p50Ratios = await compare.locator('table.ratio-table tbody tr td:nth-of-type(5)').allTextContents();
      expect(p50Ratios.length).toBeGreaterThan(0);
      if (ratios) expect(p50Ratios.some((r) => /×$/.test(r))).toBe(true);
      else expect(new Set(p50Ratios)).toEqual(new Set(['—']));
      if (ratios) await screenshotBoth(page, 'benchmarks-compare');
    }
    await page.goto(`${url}/benchmarks?dataset=${real.id}`);
    await page.getByRole('heading', { name: `Showing ${real.id}` }).waitFor();
    await page.locator('.chart-panel svg.recharts-surface').first().waitFor();
    await screenshotBoth(page, `benchmarks-${real.host.target}`);
    expect(pageErrors).toEqual([]);
  });
});

describe('the curves by message size', () => {
  // The x axis used to end at the largest size, and the y axis on a power of ten: a marker there sat on the
  // plot's clipped edge, cut in half.
  it.each(Object.entries(VIEWPORTS))('draw every marker whole inside the plot area at %s size', async (_, viewport) => {
    const dataset = datasets.find((d) => d.host.target === 'vm-tcg') ?? datasets[0]!;
    await withContext(browser, viewport, async (context) => {
      const p = await context.newPage();
      await p.goto(`${url}/benchmarks?dataset=${dataset.id}`);
      await p.locator('.chart-panel .recharts-line-dots').first().waitFor();
      const charts = await p.evaluate(() =>
        [...document.querySelectorAll('.chart-panel svg.recharts-surface')]
          .filter((svg) => svg.querySelector('.recharts-line-dots'))
          .map((svg) => {
            // The plot area is the clip rectangle recharts cuts lines and markers with, in the svg's own px.
            const rect = svg.querySelector('clipPath rect')!;
            const origin = svg.getBoundingClientRect();
            const left = origin.left + Number(rect.getAttribute('x'));
            const right = left + Number(rect.getAttribute('width'));
            const top = origin.top + Number(rect.getAttribute('y'));
            const bottom = top + Number(rect.getAttribute('height'));
            const markers = [...svg.querySelectorAll('.recharts-line-dots > g')]
              .map((g) => g.getBoundingClientRect())
              .filter((r) => r.width > 0);
            return {
              title: svg.closest('.chart-panel')?.querySelector('h2, h3')?.textContent ?? '',
              markers: markers.length,
              cut: markers.filter((r) => r.left < left - 0.5 || r.right > right + 0.5).length,
              cutY: markers.filter((r) => r.top < top - 0.5 || r.bottom > bottom + 0.5).length,
            };
          }),
      );
      expect(charts.length).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c.markers, c.title).toBeGreaterThan(0);
        expect(c.cut, `${c.title}: markers past the plot's left or right edge`).toBe(0);
        expect(c.cutY, `${c.title}: markers past the plot's top or bottom edge`).toBe(0);
      }
    });
  });
});
