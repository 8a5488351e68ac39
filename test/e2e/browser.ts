// Shared by the browser suites: the real server in-process on a free port, and Debian's Chromium.
import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type ViewportSize,
} from 'playwright-core';
import { buildApp } from '../../server/src/app';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** The two sizes every page is checked and photographed at (docs/screenshots/ too). */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export async function startServer(): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp();
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: address };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Runs fn in a fresh context (at this viewport, if given) and closes the context afterwards, whatever fn did. */
export async function withContext<T>(
  browser: Browser,
  viewport: ViewportSize | undefined,
  fn: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

/**
 * Waits until the page has laid itself out at the viewport's width: the window has the new width and the
 * document's size has stayed the same for three frames in a row (charts re-measure themselves in a
 * ResizeObserver and re-render after the resize).
 */
export async function layoutSettled(page: Page): Promise<void> {
  const width = page.viewportSize()?.width;
  await page.waitForFunction((w) => w === undefined || window.innerWidth === w, width);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = '';
        let same = 0;
        const look = () => {
          const d = document.documentElement;
          const now = `${d.scrollWidth}x${d.scrollHeight}`;
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

/** Full-page screenshots at both widths, named <name>-desktop.png and <name>-phone.png. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await layoutSettled(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/**
 * Ticks a checkbox whose state lives in the URL: the click navigates, and the box shows the new state
 * only once the page has re-rendered from the URL, which on a busy machine is after Playwright's check()
 * has already looked. Waits for the state instead.
 */
export async function tick(box: Locator, checked = true): Promise<void> {
  if ((await box.isChecked()) !== checked) await box.click();
  // Re-queried on every look: the re-render may replace the element.
  const deadline = Date.now() + 30_000;
  while ((await box.isChecked()) !== checked) {
    if (Date.now() > deadline) throw new Error(`${String(box)} did not become ${checked ? 'checked' : 'unchecked'}`);
    await box.page().waitForTimeout(50);
  }
}
