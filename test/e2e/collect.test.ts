// The Collect page end to end: a real quick VM run of two methods started from the page, followed on its
// progress bar to success, then the new dataset picked in the advisor. The server is in-process with a temp
// copy of data/ and a temp run history, so nothing is written into the repository's data/ or var/.
import type { FastifyInstance } from 'fastify';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import { launchBrowser, screenshotBoth, withContext } from './browser';

let dir: string;
let app: FastifyInstance;
let url: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const TOKEN = 'test-token-collect-e2e-0123456789';

/** Process ids of running QEMU system emulators; those whose parent is this process when `mine` is set. */
function qemuPids(mine = false): number[] {
  try {
    const args = mine ? ['-P', String(process.pid), '-f', 'qemu-system'] : ['-f', 'qemu-system'];
    return execFileSync('pgrep', args, { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Full-page shots from the top, so the sticky header is drawn where it belongs. */
async function shot(name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshotBoth(page, name);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-collect-'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  // The real runner: it writes the dataset into this app's own (temporary) data/benchmarks.
  app = await buildApp({ dataDir: path.join(dir, 'data'), runsDir: path.join(dir, 'runs'), token: TOKEN });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the app under its security headers', () => {
  it('no page violates the Content-Security-Policy', async () => {
    await withContext(browser, undefined, async (context) => {
      const p = await context.newPage();
      const violations: string[] = [];
      await p.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await p.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { reportViolation(v: string): void }).reportViolation(
            `${e.violatedDirective} ${e.blockedURI} at ${location.pathname}`,
          );
        });
      });
      p.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const pages = [
        '/',
        '/results?dir=k2u&style=event&size=4096&rate=1000&v=1',
        '/compare?methods=genetlink,chardev,mmap',
        '/methods',
        '/methods/genetlink',
        '/legend',
        '/benchmarks',
        `/collect?token=${TOKEN}`,
      ];
      for (const target of pages) {
        await p.goto(`${url}${target}`, { waitUntil: 'networkidle' });
        await p.locator('main h1').first().waitFor();
      }
      // The method page's code viewer and the benchmark charts are lazy chunks: opened above, drawn here.
      await p.goto(`${url}/benchmarks`, { waitUntil: 'networkidle' });
      await p.locator('.recharts-surface').first().waitFor();
      expect(violations).toEqual([]);
    });
  });

  it('a page on another origin can neither frame the app nor start a run with the user’s session', async () => {
    await withContext(browser, undefined, async (context) => {
      const p = await context.newPage();
      // The user has opened the app with its token: the session cookies are in this browser.
      await p.goto(`${url}/collect?token=${TOKEN}`);
      await p.getByRole('heading', { name: 'Collect benchmarks' }).waitFor();
      // Another server on this machine (same site: cookies ignore ports) tries both.
      const evil: Server = createServer((_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(`<!doctype html><iframe id="f" src="${url}/collect"></iframe><script>
          window.attempts = Promise.all([
            fetch('${url}/api/runs', { method: 'POST', credentials: 'include', mode: 'no-cors',
              headers: { 'content-type': 'text/plain' }, body: '{"target":"vm","profile":"stock"}' }).then(() => 'sent', (e) => String(e)),
            fetch('${url}/api/runs', { method: 'POST', credentials: 'include',
              headers: { 'content-type': 'application/json', 'x-kcomm-csrf': 'guess' },
              body: '{"target":"vm","profile":"stock"}' }).then((r) => String(r.status), (e) => String(e)),
          ]);
        </script>`);
      });
      await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = evil.address() as { port: number };
        const blocked: string[] = [];
        p.on('console', (m) => blocked.push(m.text()));
        await p.goto(`http://127.0.0.1:${port}/`);
        await p.evaluate(() => (window as unknown as { attempts: Promise<string[]> }).attempts);
        const frame = p.frames().find((f) => f !== p.mainFrame());
        // The framed document is refused: Chromium shows its error page in the frame instead of the app.
        expect(frame?.url()).toMatch(/^chrome-error:/);
        expect(blocked.join('\n')).toMatch(/frame-ancestors|X-Frame-Options/i);
        expect(app.runs.list().total).toBe(0);
      } finally {
        evil.close();
      }
    });
  });
});

describe('collect page in the browser', () => {
  it(
    'runs a quick VM benchmark from the page and offers the new dataset in the advisor',
    async () => {
      const datasetsBefore = readdirSync(path.join(REPO_ROOT, 'data', 'benchmarks'));
      const qemuBefore = new Set(qemuPids());

      // As a user does: the link `npm start` printed, which leaves the token in cookies and the clean URL.
      await page.goto(`${url}/collect?token=${TOKEN}`);
      await page.getByRole('heading', { name: 'Collect benchmarks' }).waitFor();
      expect(new URL(page.url()).search).toBe('');
      await page.getByText('Guest kernel and headers').waitFor();
      await expect(page.getByRole('radio', { name: /^This machine/ }).isDisabled()).resolves.toBe(true);
      await page.getByRole('checkbox', { name: 'ioctl on a device node' }).waitFor();
      await page.getByRole('button', { name: 'None' }).click();
      await page.getByRole('checkbox', { name: 'ioctl on a device node' }).check();
      await page.getByRole('checkbox', { name: 'Character device (read/write/poll)' }).check();
      await shot('collect-idle');

      await page.getByRole('button', { name: 'Start run' }).click();
      await page.waitForURL(/[?&]run=run-/);
      const bar = page.getByRole('progressbar', { name: 'Run progress' });
      await bar.waitFor();

      // Follow the bar until the run ends, recording every value it showed and the QEMU this process ran.
      const seen: number[] = [];
      const ours = new Set<number>();
      let shotRunning = false;
      const deadline = Date.now() + 9 * 60_000;
      let state: string;
      for (;;) {
        seen.push(Number(await bar.getAttribute('aria-valuenow')));
        for (const pid of qemuPids(true)) ours.add(pid);
        state = (await page.locator('.run-live .panel-head .badge').textContent()) ?? '';
        if (!shotRunning && seen.at(-1)! > 0 && state === 'running') {
          await shot('collect-running');
          shotRunning = true;
        }
        if (state !== 'queued' && state !== 'running') break;
        if (Date.now() > deadline) throw new Error(`the run is still ${state} after 9 minutes`);
        await page.waitForTimeout(1_000);
      }
      if (state !== 'succeeded') {
        const log = await page.getByLabel('Run log').textContent();
        throw new Error(`the run ended ${state}:\n${log?.split('\n').slice(-30).join('\n')}`);
      }
      const rising = seen.filter((v, i) => i > 0 && v > seen[i - 1]!);
      expect(rising.length).toBeGreaterThan(0);
      // It started below 100 (it may reach 100 while the dataset is written, before the run ends).
      expect(Math.min(...seen)).toBeLessThan(100);
      await expect(bar.getAttribute('aria-valuenow')).resolves.toBe('100');

      const ready = page.locator('.run-done');
      await ready.waitFor();
      const datasetId = (await ready.locator('code').textContent()) ?? '';
      expect(datasetId).toMatch(/^vm-(tcg|kvm)-quick-/);
      expect(existsSync(path.join(dir, 'data', 'benchmarks', `${datasetId}.json`))).toBe(true);
      await page.locator('.runs-table').getByRole('link', { name: datasetId }).waitFor();
      await shot('collect-done');

      // No emulator left behind, and nothing written into the repository's datasets.
      expect(qemuPids(true)).toEqual([]);
      expect(qemuPids().filter((pid) => !qemuBefore.has(pid) && ours.has(pid))).toEqual([]);
      expect(readdirSync(path.join(REPO_ROOT, 'data', 'benchmarks'))).toEqual(datasetsBefore);

      // The advisor's dataset picker offers it at once (the link preselects it).
      await page.getByRole('link', { name: 'Use it in the advisor' }).click();
      const picker = page.getByRole('combobox', { name: 'Benchmark dataset' });
      await picker.waitFor();
      // Offered under its human name (kind, kernel, date), with its id as the value.
      // The list is refetched when the run ends; wait for that answer rather than for a time.
      const option = picker.locator(`option[value="${datasetId}"]`);
      await option.filter({ hasText: /^QEMU emulated/ }).waitFor({ state: 'attached' });
      await expect(option.textContent()).resolves.toMatch(/^QEMU emulated · kernel \d+\.\d+ · \d{4}-\d{2}-\d{2}/);
      await expect(picker.inputValue()).resolves.toBe(datasetId);
      expect(pageErrors).toEqual([]);
    },
    10 * 60_000,
  );
});
