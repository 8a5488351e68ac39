// The method page in Chromium against the built app and the real server: the genetlink reference code
// highlighted, switching files, the measured curves from a real dataset, phones that do not scroll sideways;
// compare and results with measured numbers. Screenshots go to test-results/screenshots/.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, layoutSettled, screenshotBoth, startServer, VIEWPORTS } from './browser';

let app: FastifyInstance;
let url: string;
let browser: Browser;
let page: Page;
let datasetId: string | null = null;
const pageErrors: string[] = [];

beforeAll(async () => {
  ({ app, url } = await startServer());
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const res = await app.inject({ method: 'GET', url: '/api/datasets' });
  type Summary = { id: string; ok: boolean; methods?: string[]; resultCount?: number };
  const list = (res.json() as { datasets: Summary[] }).datasets;
  // The fullest dataset that measured genetlink: it has curves, not single points.
  datasetId =
    list
      .filter((d) => d.ok && d.methods?.includes('genetlink'))
      .sort((a, b) => (b.resultCount ?? 0) - (a.resultCount ?? 0))[0]?.id ?? null;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** True when the page is no wider than the viewport (nothing pushes it sideways). */
async function fitsWidth(p: Page): Promise<boolean> {
  return p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('method page in the browser', () => {
  it('shows kcomm_genetlink.c highlighted with line numbers, and switches to genetlink_user.c', async () => {
    await page.goto(`${url}/methods/genetlink`);
    const kernelTab = page.getByRole('tab', { name: /kcomm_genetlink\.c/ });
    await kernelTab.waitFor();
    await expect(kernelTab.getAttribute('aria-selected')).resolves.toBe('true');
    const source = page.getByRole('region', { name: 'kcomm_genetlink.c source' });
    await source.waitFor();
    expect(await source.locator('.hljs-keyword').count()).toBeGreaterThan(20);
    expect(await source.locator('.hljs-comment').count()).toBeGreaterThan(5);
    await expect(source.locator('.hljs-string', { hasText: '<net/genetlink.h>' }).count()).resolves.toBe(1);
    // Line numbers come from CSS, so a reader sees them and a copy leaves them out.
    const firstNumber = await source
      .locator('.code-line')
      .first()
      .evaluate((el) => getComputedStyle(el, '::before').content);
    expect(firstNumber).toBe('"1"');
    await expect(page.getByText('sudo insmod kcomm_genetlink.ko').count()).resolves.toBeGreaterThan(0);
    await page.locator('#code-heading').scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'method-genetlink-code');

    await page.getByRole('tab', { name: /genetlink_user\.c/ }).click();
    await page.getByRole('region', { name: 'genetlink_user.c source' }).waitFor();
    expect(page.url()).toContain('file=genetlink_user.c');
    await screenshotBoth(page, 'method-genetlink-user');

    await page.getByRole('tab', { name: /README\.md/ }).click();
    await page.locator('.readme pre.md-code').first().waitFor();
    await screenshotBoth(page, 'method-genetlink-readme');
  });

  it('draws the measured curves of a real dataset, with its provenance', async () => {
    expect(datasetId, 'a dataset in data/benchmarks/ measures genetlink').not.toBeNull();
    await page.goto(`${url}/methods/genetlink?dataset=${datasetId}`);
    const section = page.getByRole('region', { name: 'Measured curves' });
    await section.locator('figure.curve svg .recharts-line').first().waitFor();
    await expect(section.getByRole('link', { name: /benchmarks page/ }).getAttribute('href')).resolves.toBe(
      `/benchmarks?dataset=${datasetId}`,
    );
    await expect(section.locator('.provenance').textContent()).resolves.toMatch(/kernel .+ · collected \d{4}-/);
    await section.scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'method-genetlink-curves');
  });

  it('keeps long source lines inside the code box on a phone', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(`${url}/methods/mmap?file=mmap_user.c`);
    const box = page.getByRole('region', { name: 'mmap_user.c source' });
    await box.waitFor();
    await page.locator('figure.curve').first().waitFor();
    expect(await fitsWidth(page)).toBe(true);
    const scrolls = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(true);
    await page.setViewportSize(VIEWPORTS.desktop);
    await screenshotBoth(page, 'method-mmap');
  });

  // io_uring has the longest limit label ("When the consumer of data the kernel produces falls behind").
  it('reads the hard limits and trait ratings on a phone without a sideways scroll, still as tables', async () => {
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(`${url}/methods/io-uring-cmd`);
    const limits = page.getByRole('table', { name: 'Hard limits' });
    const ratings = page.getByRole('table', { name: 'Trait ratings' });
    await limits.locator('tr[data-limit="kernelDataOverload"]').waitFor();
    await ratings.locator('tbody tr').first().waitFor();
    for (const table of [limits, ratings]) {
      const box = await table.evaluate((t) => {
        const scroller = t.parentElement!;
        return {
          wide: t.scrollWidth,
          room: scroller.clientWidth,
          sideways: scroller.scrollWidth > scroller.clientWidth,
        };
      });
      expect(box.sideways, `the table is ${box.wide} px wide in ${box.room} px`).toBe(false);
    }
    // The label reads above its value, not beside it.
    const row = limits.locator('tr[data-limit="kernelDataOverload"]');
    const label = (await row.getByRole('rowheader').boundingBox())!;
    const value = (await row.getByRole('cell').first().boundingBox())!;
    expect(value.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
    // What a screen reader gets is Chromium's accessibility tree, which has dropped a table's roles when CSS
    // changed its display: the label must still be a row header, in a row, in the table named Hard limits.
    const cdp = await page.context().newCDPSession(page);
    const rolesAround = async (selector: string) => {
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: true });
      return nodes.map((n) => `${n.role?.value} ${n.name?.value ?? ''}`.trim());
    };
    const around = await rolesAround('tr[data-limit="kernelDataOverload"] th');
    expect(around).toContain('rowheader When the consumer of data the kernel produces falls behind');
    expect(around).toContain('row');
    expect(around).toContain('table Hard limits');
    const cell = await rolesAround('tr[data-limit="kernelDataOverload"] td');
    expect(cell.some((r) => r.startsWith('cell new messages are dropped, and the drop is reported'))).toBe(true);
    await cdp.detach();
    await page.setViewportSize(VIEWPORTS.desktop);
  });

  // Every method has a kcomm module now (the page's note for one without is checked in the unit tests): the
  // BPF ring buffer's folder shows the module with its tracepoint, the BPF program and the libbpf consumer.
  it('shows the BPF ring buffer chain: the module, its BPF program as a file of its own, the consumer', async () => {
    await page.goto(`${url}/methods/bpf-ringbuf`);
    const program = page.getByRole('tab', { name: /kcomm_bpf_ringbuf\.bpf\.c/ });
    await program.waitFor();
    await expect(program.getAttribute('data-role')).resolves.toBe('bpf');
    await expect(page.getByRole('tab', { name: /bpf_ringbuf_user\.c/ }).count()).resolves.toBe(1);
    await program.click();
    await page.getByRole('region', { name: 'kcomm_bpf_ringbuf.bpf.c source' }).waitFor();
    await screenshotBoth(page, 'method-bpf-ringbuf');
  });
});

describe('measured numbers in compare and results', () => {
  const answers = 'dir=both&style=request&size=300&rate=20000&lat=200&v=1';

  it('compares methods at the asked size when a dataset is chosen, and says traits alone otherwise', async () => {
    await page.goto(`${url}/compare?m=genetlink,ioctl,sysfs,debugfs&${answers}`);
    await page.getByText(/ranking rests on traits alone/).waitFor();
    await screenshotBoth(page, 'compare-traits-only');
    await page.getByRole('combobox', { name: 'Benchmark dataset' }).selectOption(datasetId!);
    await page.locator('tr[data-row="measured-roundtrip-p50"]').waitFor();
    const p50 = await page.locator('tr[data-row="measured-roundtrip-p50"] td').allTextContents();
    expect(p50[0]).toMatch(/interpolated between 128 B and 512 B/);
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await fitsWidth(page), 'compare fits a phone (the table scrolls inside its box)').toBe(true);
    await page.setViewportSize(VIEWPORTS.desktop);
    await screenshotBoth(page, 'compare-measured');
  });

  it('puts two methods side by side on a phone without a sideways scroll; four scroll inside the card', async () => {
    const table = page.locator('table.compare');
    const fitsBox = () => table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth);
    // On a desktop four methods fit, hard limits with their sources (long paths) included.
    await page.goto(`${url}/compare?m=genetlink,chardev,uevent,eventfd&${answers}`);
    await page.locator('tr[data-row="limit-kernelReceives"]').waitFor();
    await layoutSettled(page);
    expect(await fitsBox(), 'four methods and their hard limits fit a desktop').toBe(true);
    await page.setViewportSize(VIEWPORTS.phone);
    try {
      await page.goto(`${url}/compare?m=mmap,chardev&${answers}&dataset=${datasetId}`);
      await page.locator('tr[data-row="measured-roundtrip-p50"]').waitFor();
      await layoutSettled(page);
      expect(await fitsBox(), 'two methods fit a 390 px phone').toBe(true);
      // The widest names, identifiers and limits of the catalogue: each row's name goes above its two
      // values, which share the whole width.
      for (const pair of ['io-uring-cmd,modparam', 'signal,io-uring-cmd', 'genetlink,netlink']) {
        await page.goto(`${url}/compare?m=${pair}&${answers}`);
        await page.locator('tr[data-row="limit-kernelReceives"]').waitFor();
        await layoutSettled(page);
        expect(await fitsBox(), `${pair} fit a 390 px phone`).toBe(true);
      }
      await page.goto(`${url}/compare?m=genetlink,ioctl,sysfs,debugfs&${answers}&dataset=${datasetId}`);
      await page.locator('tr[data-row="measured-roundtrip-p50"]').waitFor();
      await layoutSettled(page);
      expect(await fitsBox(), 'four methods scroll inside their card').toBe(false);
      expect(await fitsWidth(page), 'the page itself does not scroll sideways').toBe(true);
    } finally {
      await page.setViewportSize(VIEWPORTS.desktop);
    }
  });

  it('shows the top picks with their measured numbers', async () => {
    await page.goto(`${url}/results?${answers}&dataset=${datasetId}`);
    await page.locator('.pick.alt table.measured').waitFor();
    // On a desktop both picks' tables show every column without scrolling in their box.
    for (const box of await page.locator('.pick-measured').all())
      expect(await box.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await fitsWidth(page), 'results with measured tables fit a phone').toBe(true);
    await page.setViewportSize(VIEWPORTS.desktop);
    await screenshotBoth(page, 'results-measured');
    expect(pageErrors).toEqual([]);
  });
});

describe('starter code', () => {
  /** Clicks the link, waits for the download and lists the archive with tar. */
  async function download(name: string | RegExp): Promise<{ file: string; entries: string[] }> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    const path = await d.path();
    const { stdout } = await promisify(execFile)('tar', ['-tzf', path]);
    return { file: d.suggestedFilename(), entries: stdout.trim().split('\n') };
  }

  it("downloads a method's starter archive from its page, with the BPF program where there is one", async () => {
    await page.goto(`${url}/methods/mmap`);
    const got = await download('Download starter code');
    expect(got.file).toBe('kcomm-mmap-starter.tar.gz');
    expect(got.entries).toContain('kcomm-mmap-starter/README.md');
    expect(got.entries).toContain('kcomm-mmap-starter/kcomm_mmap.c');
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await fitsWidth(page), 'the method page with its actions fits a phone').toBe(true);
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(`${url}/methods/bpf-ringbuf`);
    const bpf = await download('Download starter code');
    expect(bpf.entries).toContain('kcomm-bpf-ringbuf-starter/kcomm_bpf_ringbuf.bpf.c');
  });

  it("downloads the pick's starter archive from the verdict", async () => {
    const answers = 'dir=both&style=request&size=300&rate=20000&lat=200&v=1';
    const report = (await app.inject({ method: 'GET', url: `/api/advice?${answers}` })).json();
    const top = report.ranking[0] as { method: string; name: string };
    expect(report.verdict.top).toBe(top.method);
    await page.goto(`${url}/results?${answers}`);
    const verdict = page.locator('section.verdict');
    await verdict.waitFor();
    const got = await download(`Download ${top.name} starter code`);
    expect(got.file).toBe(`kcomm-${top.method}-starter.tar.gz`);
    expect(got.entries).toContain(`kcomm-${top.method}-starter/README.md`);
    await page.setViewportSize(VIEWPORTS.phone);
    expect(await fitsWidth(page), 'the verdict with its actions fits a phone').toBe(true);
    await page.setViewportSize(VIEWPORTS.desktop);
    expect(pageErrors).toEqual([]);
  });
});
