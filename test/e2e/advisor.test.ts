// The advisor end to end in Chromium against the built app served by the real server: answer the wizard,
// read the recommendation, compare, download the Markdown report, reload the permalink.
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotBoth, startServer, tick } from './browser';

let app: FastifyInstance;
let url: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ app, url } = await startServer());
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function rankingOf(p: Page): Promise<{ name: string; score: string }[]> {
  const rows = p.locator('.rank-row');
  await rows.first().waitFor();
  const out = [];
  for (const row of await rows.all()) {
    out.push({
      name: (await row.locator('.rank-name').textContent()) ?? '',
      score: (await row.locator('.rank-score').textContent()) ?? '',
    });
  }
  return out;
}

async function answerChips(p: Page): Promise<string[]> {
  return p.locator('.answer-chips > div').allTextContents();
}

describe('advisor in the browser', () => {
  let resultsUrl = '';
  let ranking: { name: string; score: string }[] = [];

  it('answers the wizard with the keyboard and mouse and shows a recommendation', async () => {
    await page.goto(`${url}/`);
    await page.getByText('Step 1 of 7').waitFor();
    await screenshotBoth(page, 'wizard');
    await page.getByRole('radio', { name: /both ways/i }).check();
    await page.keyboard.press('Enter');
    await page.getByText('Step 2 of 7').waitFor();
    await page.getByRole('radio', { name: /request \/ response/i }).check();
    await page.getByRole('button', { name: /next/i }).click();
    await page.getByText('Step 3 of 7').waitFor();
    const size = page.getByRole('textbox', { name: 'Message size' });
    await size.fill('abc');
    await page.getByText(/"abc" is not a number/).waitFor();
    await screenshotBoth(page, 'wizard-invalid-size');
    await size.fill('256');
    await size.press('Enter');
    await page.getByText('Step 4 of 7').waitFor();
    await page.getByRole('combobox', { name: 'Messages unit' }).selectOption('msg/s');
    await page.getByRole('textbox', { name: 'Messages' }).fill('2000');
    await page.getByRole('textbox', { name: 'Messages' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Step 5 of 7').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Step 6 of 7').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Step 7 of 7').waitFor();
    await screenshotBoth(page, 'wizard-constraints');
    await page.getByRole('button', { name: /show recommendation/i }).click();

    await page.waitForURL(/\/results\?/);
    resultsUrl = page.url();
    const params = new URL(resultsUrl).searchParams;
    expect(params.get('dir')).toBe('both');
    expect(params.get('style')).toBe('request');
    expect(params.get('size')).toBe('256');
    expect(params.get('rate')).toBe('2000');
    await page.getByText('Top pick').waitFor();
    ranking = await rankingOf(page);
    expect(ranking.length).toBeGreaterThan(2);
    await expect(page.locator('.pick.top h2 a').textContent()).resolves.toBe(ranking[0]!.name);
    await expect(page.locator('.pick.alt h2 a').textContent()).resolves.toBe(ranking[1]!.name);
    await page.getByText(/ranking rests on traits alone/).waitFor();
    await screenshotBoth(page, 'results');
    await page.emulateMedia({ media: 'print' });
    await screenshotBoth(page, 'results-print');
    await expect(page.locator('.report-actions').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('downloads a Markdown report naming the top pick and the scores', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const md = await readFile((await download.path())!, 'utf8');
    expect(md).toContain(`**Top pick: ${ranking[0]!.name}**`);
    expect(md).toContain(`score ${ranking[0]!.score}/100`);
    expect(md).toContain(`| 2 | ${ranking[1]!.name}`);
    expect(md).toContain('| Message size | 256 B |');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const report = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(report.schema).toBe('kcomm-report/1');
    expect(report.ranking[0].name).toBe(ranking[0]!.name);
  });

  it('opens the top three in compare with their scores', async () => {
    await page.getByRole('link', { name: /compare the top 3/i }).click();
    await page.waitForURL(/\/compare\?/);
    const table = page.locator('table.compare');
    await table.waitFor();
    const heads = await table.locator('thead th').allTextContents();
    expect(heads.slice(1)).toEqual(ranking.slice(0, 3).map((r) => r.name));
    await table.locator('tr[data-row="score"]').waitFor();
    const scoreRow = await table.locator('tr[data-row="score"] td').allTextContents();
    expect(scoreRow[0]).toContain(ranking[0]!.score);
    await screenshotBoth(page, 'compare');
    const before = await table.locator('tbody tr[data-row]').count();
    await tick(page.getByRole('checkbox', { name: /hide rows where they agree/i }));
    await expect.poll(() => table.locator('tbody tr[data-row]').count()).toBeLessThan(before);
    await screenshotBoth(page, 'compare-differences');
  });

  it('reloads the permalink to the same answers and ranking', async () => {
    await page.goto(resultsUrl);
    await page.getByText('Top pick').waitFor();
    const chipsFirst = await answerChips(page);
    expect(chipsFirst).toContain('Message size256 B');
    expect(chipsFirst).toContain('Rate2k msg/s');
    expect(chipsFirst).toContain('DirectionBoth ways');
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(resultsUrl);
    await fresh.getByText('Top pick').waitFor();
    expect(await rankingOf(fresh)).toEqual(ranking);
    expect(await answerChips(fresh)).toEqual(chipsFirst);
    await fresh.reload();
    expect(await rankingOf(fresh)).toEqual(ranking);
    await fresh.close();
  });

  it('shows a broken permalink’s errors with the defaults it used', async () => {
    await page.goto(`${url}/results?dir=sideways&size=-1&lat=fast&v=2`);
    const alert = page.getByRole('alert').filter({ hasText: 'not understood' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/dir must be one of k2u, u2k, both/);
    await page.getByText('Top pick').waitFor();
    await screenshotBoth(page, 'results-bad-link');
  });

  it('renders the other pages and the legend dialog', async () => {
    await page.goto(`${url}/methods`);
    await page.locator('.method-card').first().waitFor();
    await screenshotBoth(page, 'methods');
    await page.goto(`${url}/methods/genetlink`);
    await page.getByRole('heading', { name: 'Trait ratings' }).waitFor();
    await screenshotBoth(page, 'method-genetlink');
    await page.goto(`${url}/legend`);
    await page.locator('.legend-item').first().waitFor();
    await screenshotBoth(page, 'legend');
    await page.goto(`${url}/benchmarks`);
    await page.getByRole('heading', { name: 'Benchmarks' }).waitFor();
    await screenshotBoth(page, 'benchmarks');
    await page.getByRole('button', { name: /trait icons/i }).click();
    await page.getByRole('dialog', { name: 'Trait legend' }).locator('.legend-item').first().waitFor();
    await screenshotBoth(page, 'legend-dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
