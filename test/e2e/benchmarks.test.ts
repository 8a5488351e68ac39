// The benchmarks page in Chromium against the built app and the real server: pick a dataset, switch a method
// off, read the table, download the chart as SVG and PNG, compare two datasets. Uses the datasets in
// data/benchmarks when there are any, else the synthetic fixture in a temporary data folder.
import type { FastifyInstance } from 'fastify';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import type { DatasetSummary } from '../../src/core/dataset-schema';
import { launchBrowser, screenshotBoth } from './browser';

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
  for (const f of ['methods.json', 'traits.json']) copyFileSync(path.resolve('data', f), path.join(tempDir, f));
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

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: /download png/i }).click(),
    ]);
    const png = await readFile((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('compares two datasets when there are two', async () => {
    const other = datasets.find((d) => d.id !== chosen.id);
    if (!other) return;
    await page.goto(`${url}/benchmarks?dataset=${chosen.id}`);
    await page.locator(`.dataset-card[data-dataset="${other.id}"] input[type="checkbox"]`).check();
    await page.waitForURL((u) => u.searchParams.get('compare') === other.id);
    const compare = page.locator('.dataset-compare-panel');
    await compare.waitFor();
    const sentence = (await compare.locator('.emulation-sentence').textContent()) ?? '';
    if (chosen.host.target === 'vm-tcg' && other.host.target !== 'vm-tcg')
      expect(sentence).toContain(`A (${chosen.id}) is the emulated one`);
    await screenshotBoth(page, 'benchmarks-compare');
    await page.goto(`${url}/benchmarks?dataset=${other.id}`);
    await page.getByRole('heading', { name: `Showing ${other.id}` }).waitFor();
    await page.locator('.chart-panel svg.recharts-surface').first().waitFor();
    await screenshotBoth(page, `benchmarks-${other.host.target}`);
    expect(pageErrors).toEqual([]);
  });
});
