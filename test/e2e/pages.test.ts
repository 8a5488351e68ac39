// Every page at a desktop (1440×900) and a phone (390×844) width: nothing scrolls sideways, no console error or
// CSP violation, each page has its own title; the emulation label is on an emulated recommendation.
// Screenshots of each page at both sizes go to docs/screenshots/ (the README shows the first screen).
import type { FastifyInstance } from 'fastify';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, ViewportSize } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_IDS } from '../../src/core/ids';
import { launchBrowser, startServer, VIEWPORTS, withContext } from './browser';

const SHOTS = path.resolve('docs/screenshots');
const ANSWERS = 'dir=k2u&style=stream&size=4096&rate=1000&listeners=1&stable=1&module=1&unpriv=0&shell=0&kernel=5.10';
// The shipped emulated (plain TCG) dataset, whatever its collection date.
const EMULATED = readdirSync('data/benchmarks')
  .filter((f) => f.startsWith('vm-tcg-') && f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort()
  .at(-1);
if (!EMULATED) throw new Error('no vm-tcg-* dataset in data/benchmarks: the emulation label cannot be checked');

// Two method pages are photographed for docs/ (one with a kcomm module, one without); every one is visited.
const SHOT_METHODS = new Set(['genetlink', 'bpf-ringbuf']);

// name, path, what to wait for (a state, never a time), and whether docs/ keeps a screenshot of it.
const PAGES: { name: string; path: string; ready: string; shot?: boolean }[] = [
  { name: 'first-screen', path: '/', ready: '.situations' },
  { name: 'wizard-constraints', path: '/?step=constraints&dir=k2u&v=1', ready: '.step-fields select' },
  { name: 'results', path: `/results?${ANSWERS}&dataset=${EMULATED}&v=1`, ready: '.verdict' },
  { name: 'compare', path: `/compare?m=mmap,chardev,relay&${ANSWERS}&dataset=${EMULATED}&v=1`, ready: 'table.compare' },
  { name: 'methods', path: '/methods', ready: '.method-card' },
  ...METHOD_IDS.map((id) => ({
    name: `method-${id}`,
    path: `/methods/${id}`,
    ready: '.method-page',
    shot: SHOT_METHODS.has(id),
  })),
  { name: 'legend', path: '/legend', ready: 'main h1' },
  { name: 'benchmarks', path: `/benchmarks?dataset=${EMULATED}`, ready: '.chart-panel svg.recharts-surface' },
  { name: 'benchmarks-unknown', path: '/benchmarks?dataset=no-such-dataset', ready: '.error-panel' },
  { name: 'collect', path: '/collect', ready: 'main h1' },
  { name: 'not-found', path: '/no-such-page', ready: 'main h1' },
];

let app: FastifyInstance;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url } = await startServer());
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(context: BrowserContext, p: (typeof PAGES)[number]) {
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${url}${p.path}`);
  await page.locator(p.ready).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
  return { page, problems };
}

/** The entry of PAGES with this name; a name that is not there is an error of the test itself. */
function pageNamed(name: string): (typeof PAGES)[number] {
  const entry = PAGES.find((e) => e.name === name);
  if (!entry) throw new Error(`no page named ${name} in PAGES`);
  return entry;
}

/** Opens one page (an entry of PAGES, or its name) in a fresh context at this size; the context always closes. */
function withPage(
  viewport: ViewportSize,
  p: (typeof PAGES)[number] | string,
  fn: (opened: Awaited<ReturnType<typeof open>>) => Promise<void>,
): Promise<void> {
  const entry = typeof p === 'string' ? pageNamed(p) : p;
  return withContext(browser, viewport, async (context) => fn(await open(context, entry)));
}

for (const [label, viewport] of Object.entries(VIEWPORTS)) {
  describe(`every page at ${label} ${viewport.width}×${viewport.height}`, () => {
    const titles = new Map<string, string>();

    for (const p of PAGES) {
      it(`${p.name}: no sideways scroll, no console error, its own title`, async () => {
        await withPage(viewport, p, async ({ page, problems }) => {
          const widths = await page.evaluate(() => ({
            doc: document.documentElement.scrollWidth,
            body: document.body.scrollWidth,
            view: window.innerWidth,
          }));
          if (p.shot !== false)
            await page.screenshot({ path: path.join(SHOTS, `${p.name}-${label}.png`), fullPage: true });
          expect(widths.doc, `${p.path} is ${widths.doc} px wide`).toBeLessThanOrEqual(widths.view);
          expect(widths.body).toBeLessThanOrEqual(widths.view);
          expect(problems).toEqual([]);
          const title = await page.title();
          expect(title).toMatch(/kcomm$/);
          const same = [...titles].find(([, t]) => t === title);
          expect(same, `${p.name} has the title of ${same?.[0]}`).toBeUndefined();
          titles.set(p.name, title);
        });
      });
    }

    it('the emulated recommendation says so first, with the verdict focused', async () => {
      await withPage(viewport, 'results', async ({ page }) => {
        const warning = page.locator('.verdict .kind-warning');
        await expect(warning.textContent()).resolves.toContain("Emulated CPU: times are not your hardware's");
        await page.waitForFunction(() => document.activeElement?.classList.contains('verdict'));
        // The verdict is the first thing on a phone: its top within the first screen.
        const box = (await page.locator('.verdict').boundingBox())!;
        expect(box.y).toBeLessThan(viewport.height / 2);
        const header = (await page.locator('.app-header').boundingBox())!;
        expect(header.height).toBeLessThanOrEqual(64);
      });
    });

    it('the menu’s Compare keeps the answers and the dataset of the recommendation just seen', async () => {
      await withPage(viewport, 'results', async ({ page }) => {
        await page.locator('.rank-row').first().waitFor();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
        await page.waitForURL((u) => u.pathname === '/compare');
        const q = new URL(page.url()).searchParams;
        expect(q.get('dir')).toBe('k2u');
        expect(q.get('size')).toBe('4096');
        expect(q.get('dataset')).toBe(EMULATED);
        expect((q.get('m') ?? '').split(',').length).toBeGreaterThan(1);
        await page.locator('table.compare').waitFor();
      });
    });

    // The page is the one thing that scrolls down: the compare table used to sit in a box 80% of the viewport tall.
    it('scrolls the compare table with the page, not in a box of its own', async () => {
      await withPage(viewport, 'compare', async ({ page }) => {
        const boxes = await page.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY))
            .filter((el) => el.scrollHeight > el.clientHeight + 1)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.clientHeight} of ${el.scrollHeight} px`),
        );
        expect(boxes, 'boxes that scroll down inside the page').toEqual([]);
      });
    });

    // Every table of every method page fits its box: "Measured at one size" used to scroll sideways by up to 45 px
    // on a phone, and by 4 px in the desktop's narrow chart column.
    it('shows the method pages’ tables without a sideways scroll', async () => {
      await withContext(browser, viewport, async (context) => {
        const wide: string[] = [];
        for (const id of METHOD_IDS) {
          const { page } = await open(context, pageNamed(`method-${id}`));
          const boxes = await page.evaluate(() =>
            [...document.querySelectorAll('main .table-scroll')]
              .filter((el) => el.scrollWidth > el.clientWidth)
              .map(
                (el) => `"${el.querySelector('caption, th')?.textContent}" ${el.scrollWidth} px in ${el.clientWidth}`,
              ),
          );
          wide.push(...boxes.map((b) => `${id}: ${b}`));
          await page.close();
        }
        expect(wide).toEqual([]);
      });
    });

    it('a skip link takes the keyboard past the step list to the first answer', async () => {
      await withPage(viewport, 'first-screen', async ({ page }) => {
        const focused = () =>
          page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            return {
              text: el?.textContent?.trim() ?? '',
              tag: el?.tagName ?? '',
              inStep: !!el?.closest('.step-fields'),
            };
          });
        let tabs = 0;
        for (; tabs < 40 && (await focused()).text !== 'Skip the step list'; tabs++) await page.keyboard.press('Tab');
        expect((await focused()).text).toBe('Skip the step list');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        const first = await focused();
        expect(first.inStep, `focus went to ${first.tag} "${first.text}"`).toBe(true);
        expect(first.tag).toBe('INPUT');
      });
    });
  });
}

describe('on a phone', () => {
  // WCAG 2.5.5: a finger needs 44 × 44 CSS px. The menu, the wizard's steps, fields, tick boxes, presets and buttons,
  // the results' actions, the charts' switches and series toggles, the tick boxes that pick datasets and methods.
  it('gives every primary control a 44 px tap target', async () => {
    await withContext(browser, VIEWPORTS.phone, async (context) => {
      const small: string[] = [];
      for (const [name, selector] of [
        ['first-screen', '.app-header nav a, .step-link, main .button'],
        ['wizard-constraints', 'main select, main input[type="text"], main input[type="number"], main .check'],
        ['wizard-size', '.step-fields .chip'],
        ['results', '.app-header nav a, main .button'],
        ['benchmarks', '.chart-panel .segmented button, .chart-panel .series-toggle, label.dataset-compare'],
        ['compare', 'main .check'],
      ] as const) {
        const { page } = await open(
          context,
          PAGES.find((p) => p.name === name) ?? { name, path: '/?step=size&dir=k2u&v=1', ready: '.step-fields .chip' },
        );
        const controls = page.locator(selector);
        await controls.first().waitFor();
        for (const c of await controls.all()) {
          const box = await c.boundingBox();
          if (box && box.height < 44) small.push(`${name}: "${(await c.textContent())?.trim()}" ${box.height} px`);
        }
        const legend = (await page.locator('.legend-button').boundingBox())!;
        if (legend.width < 44) small.push(`${name}: the trait icons button is ${legend.width} px wide`);
      }
      expect(small).toEqual([]);
    });
  });

  // The verdict takes the focus, and a phone scrolls to it: not under the sticky header, whose 52 px would hide
  // the emulation warning at its top.
  it('scrolls the focused verdict into view below the sticky header', async () => {
    await withPage(VIEWPORTS.phone, 'results', async ({ page }) => {
      await page.waitForFunction(() => document.activeElement?.classList.contains('verdict'));
      const gap = await page.evaluate(
        () =>
          document.querySelector('.verdict')!.getBoundingClientRect().top -
          document.querySelector('.app-header')!.getBoundingClientRect().bottom,
      );
      expect(gap).toBeGreaterThanOrEqual(0);
    });
  });
  it('keeps the trait legend’s cards inside their panel', async () => {
    await withPage(VIEWPORTS.phone, 'legend', async ({ page }) => {
      await page.locator('.legend-item').first().waitFor();
      const out = await page.evaluate(() => {
        const list = document.querySelector('.legend.detailed')!.getBoundingClientRect();
        return [...document.querySelectorAll('.legend-item')]
          .map((el) => el.getBoundingClientRect().right - list.right)
          .filter((past) => past > 0.5);
      });
      expect(out, 'cards past the right edge of the list, by px').toEqual([]);
    });
  });
});

describe('the menu on a phone', () => {
  // Six links do not fit 390 px: the menu is a strip that scrolls, and it must show where the reader is.
  it.each(['benchmarks', 'collect', 'legend'])('shows the link of the current page, %s, whole', async (name) => {
    await withPage(VIEWPORTS.phone, name, async ({ page }) => {
      const inView = page.waitForFunction(
        () => {
          const nav = document.querySelector('.app-header nav')!.getBoundingClientRect();
          const link = document.querySelector('.app-header nav a.active')?.getBoundingClientRect();
          // 24 px: the strip's right edge fades out.
          return !!link && link.left >= nav.left && link.right <= nav.right - 24;
        },
        undefined,
        { timeout: 10_000 },
      );
      await expect(inView).resolves.toBeTruthy();
    });
  });
});

describe('printing one recommendation', () => {
  it('fits on at most 3 A4 pages, with the emulation label printed', async () => {
    await withPage(VIEWPORTS.desktop, 'results', async ({ page }) => {
      await page.locator('.rank-row').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.verdict .kind-warning').isVisible()).toBe(true);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBeGreaterThan(0);
      expect(pages.length).toBeLessThanOrEqual(3);
    });
  });
});
