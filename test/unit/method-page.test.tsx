// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import methodsJson from '../../data/methods.json';
import frameworksJson from '../../data/frameworks.json';
import traitsJson from '../../data/traits.json';
import type { Dataset, DatasetSummary } from '../../src/core/dataset-schema';
import { buildSteps, type Reference, type ReferenceFile } from '../../src/features/methods/lib/build-steps';
import { renderMarkdown } from '../../src/features/methods/lib/markdown';
import { defaultDatasetId, methodCurves } from '../../src/features/methods/lib/method-curves';
import datasetJson from '../fixtures/dataset-synthetic.json';
import { renderApp, STATE_TIMEOUT_MS } from '../support/render-app';
import { methodsWithoutReference, NO_REFERENCE_NOTE } from '../support/without-reference';

const fixture = datasetJson as Dataset;
// A second, newer dataset measured natively: the page picks it when the URL names none.
const newer: Dataset = {
  ...fixture,
  id: 'newer-local',
  collectedAt: '2026-02-01T00:00:00.000Z',
  host: { ...fixture.host, target: 'local', hypervisor: '' },
};
const summary = (d: Dataset): DatasetSummary => ({
  id: d.id,
  ok: true,
  collectedAt: d.collectedAt,
  host: d.host,
  harness: d.harness,
  resultCount: d.results.length,
  methods: [],
});

function genetlinkReference(): Reference {
  const dir = 'server/reference/genetlink';
  const file = (name: string, role: ReferenceFile['role'], language: ReferenceFile['language']) => ({
    name,
    role,
    language,
    content: readFileSync(`${dir}/${name}`, 'utf8'),
  });
  return {
    method: 'genetlink',
    path: 'server/reference/genetlink/',
    note: 'A family with a request/response command and a multicast event group.',
    files: [
      file('README.md', 'readme', 'markdown'),
      file('kcomm_genetlink.c', 'kernel', 'c'),
      file('kcomm_genetlink.h', 'uapi', 'c'),
      file('genetlink_user.c', 'user', 'c'),
      file('Kbuild', 'build', 'makefile'),
      file('Makefile', 'build', 'makefile'),
    ],
    tested: [
      { version: '6.1.0-57-amd64', built: true, robust: true },
      { version: '6.12.117+deb12-rt-amd64', built: true, robust: false },
    ],
  };
}

// A README written to break a careless renderer: raw HTML must stay text.
const hostileReference: Reference = {
  method: 'netlink',
  path: 'server/reference/netlink/',
  note: 'Hostile fixture.',
  files: [
    {
      name: 'README.md',
      role: 'readme',
      language: 'markdown',
      content: '# Title <img src=x onerror=alert(1)>\n\nText <script>alert(1)</script> [x](javascript:alert(1))\n',
    },
    { name: 'kcomm_netlink.c', role: 'kernel', language: 'c', content: 'int x; /* <b>not bold</b> */\n' },
  ],
};

// Every method has a kcomm reference folder; the page's path for a method without one is shown on sysctl,
// served here as if it had none.
const catalogueMethods = methodsWithoutReference(methodsJson.methods, 'sysctl');

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/methods/genetlink/reference') return Response.json(genetlinkReference());
    if (url === '/api/methods/netlink/reference') return Response.json(hostileReference);
    // Any other method's code is not part of these fixtures (not the catalogue either).
    if (/^\/api\/methods\/[^/]+\/reference$/.test(url))
      return Response.json({ error: 'not-found', message: 'no fixture' }, { status: 404 });
    if (url.startsWith('/api/methods')) return Response.json({ methods: catalogueMethods });
    if (url.startsWith('/api/traits')) return Response.json({ traits: traitsJson.traits });
    if (url === '/api/frameworks') return Response.json({ frameworks: frameworksJson.frameworks });
    if (url === '/api/datasets') return Response.json({ datasets: [summary(fixture), summary(newer)] });
    if (url === `/api/datasets/${fixture.id}`) return Response.json(fixture);
    if (url === `/api/datasets/${newer.id}`) return Response.json(newer);
    return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The page, the code viewer and the charts are lazy chunks: the first render of each waits for its import, up
// to STATE_TIMEOUT_MS (test/support/render-app.tsx); a test may wait that long more than once (a lazy chunk,
// then highlighting a 600-line file on a busy machine).
const TEST_TIMEOUT = { timeout: 3 * STATE_TIMEOUT_MS };
// Load them once before the tests (a cold transform can outlast any render timeout on a busy machine).
beforeAll(async () => {
  await Promise.all([
    import('../../src/features/methods/components/MethodPage'),
    import('../../src/features/methods/components/ReferenceCode'),
    import('../../src/features/methods/components/MethodCurvesSection'),
  ]);
}, 120_000);
const codeSection = () => screen.getByRole('region', { name: 'Reference code' });

describe('method page: kernel frameworks', TEST_TIMEOUT, () => {
  it('lists the frameworks built on the method, how they use it and the kernel source', async () => {
    renderApp('/methods/mmap');
    const section = await screen.findByRole('region', { name: 'Kernel frameworks built on it' });
    const items = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^ALSA \(sound cards.*\), exposes it for a stream: .*writing-an-alsa-driver\.rst/);
    expect(items[1]).toMatch(
      /^Video4Linux2 \(V4L2\) .*exposes it for a stream: .*Documentation\/userspace-api\/media\/v4l\/mmap\.rst/,
    );
    expect(items[2]).toMatch(/^the DRM subsystem \(DRM\/KMS\) .*also uses it for .*Documentation\/gpu\/drm-mm\.rst/);
  });

  it('shows no section for a method no framework builds on', async () => {
    renderApp('/methods/relay');
    await screen.findByRole('region', { name: 'Caveats' });
    await screen.findByRole('heading', { name: 'Kernel context and locking' });
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain('/api/frameworks');
    expect(screen.queryByRole('region', { name: 'Kernel frameworks built on it' })).toBeNull();
  });
});

describe('method page: reference code', TEST_TIMEOUT, () => {
  it('says on which kernels the module was built and robust-tested, and says so when there is no record', async () => {
    renderApp('/methods/genetlink');
    const table = await screen.findByRole('table', { name: /Proven by the kernel suite/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['6.1.0-57-amd64yesyes', '6.12.117+deb12-rt-amd64yesno']);
    cleanup();
    renderApp('/methods/netlink');
    await screen.findByText(/kcomm has no record of a kernel this module was built and tested on/);
  });

  it('lists every file of the reference folder with its name and role, the kernel module first on screen', async () => {
    renderApp('/methods/genetlink');
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'README.mdREADME',
      'kcomm_genetlink.cKernel module',
      'kcomm_genetlink.hShared uapi header',
      'genetlink_user.cUser side (harness backend)',
      'KbuildBuild',
      'MakefileBuild',
    ]);
    expect(screen.getByRole('tab', { name: /kcomm_genetlink\.c/ })).toHaveAttribute('aria-selected', 'true');
    const source = screen.getByRole('region', { name: 'kcomm_genetlink.c source' });
    // Highlighted: keywords and the include's header name are their own spans, and no text is lost.
    expect(source.querySelectorAll('.hljs-keyword').length).toBeGreaterThan(0);
    expect(within(source).getAllByText('static')[0]).toHaveClass('hljs-type');
    expect(within(source).getByText('<net/genetlink.h>')).toHaveClass('hljs-string');
    expect(source.textContent).toBe(genetlinkReference().files[1]!.content);
    // One line element per source line, numbered through data-n (CSS shows it; copying leaves it out).
    const lines = source.querySelectorAll('.code-line');
    expect(lines[0]).toHaveAttribute('data-n', '1');
    expect(lines.length).toBe(genetlinkReference().files[1]!.content.trimEnd().split('\n').length);
    expect(screen.getByRole('button', { name: 'Copy kcomm_genetlink.c' })).toBeInTheDocument();
  });

  it('switches files by tab, keeps the choice in the URL and copies the file', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const router = renderApp('/methods/genetlink');
    await user.click(await screen.findByRole('tab', { name: /genetlink_user\.c/ }));
    expect(router.state.location.search).toContain('file=genetlink_user.c');
    expect(screen.getByRole('region', { name: 'genetlink_user.c source' })).toBeInTheDocument();
    // Arrow keys move between tabs, as in any tab list.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /^Kbuild/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: /^Kbuild/ })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Kbuild source' }).querySelector('[class^="hljs-"]')).not.toBeNull();
    await user.keyboard('{ArrowLeft}');
    await user.click(screen.getByRole('button', { name: 'Copy genetlink_user.c' }));
    expect(writeText).toHaveBeenCalledWith(genetlinkReference().files[3]!.content);
  });

  it('says how to build and load the module, with what the README says to run', async () => {
    renderApp('/methods/genetlink');
    const steps = await within(await screen.findByRole('region', { name: 'Reference code' })).findByRole('region', {
      name: 'How to build and load it',
    });
    const text = steps.textContent ?? '';
    expect(text).toContain('make KDIR=/lib/modules/$(uname -r)/build');
    expect(text).toContain('sudo insmod kcomm_genetlink.ko');
    expect(text).toContain('genl-ctrl-list | grep kcomm');
    expect(text).toContain('kcomm-harness run --methods genetlink');
    expect(text).toContain('sudo rmmod kcomm_genetlink');
  });

  it('renders the README as Markdown: headings, paragraphs with code, code blocks', async () => {
    const user = userEvent.setup();
    renderApp('/methods/genetlink?file=README.md');
    const panel = await screen.findByRole('tabpanel');
    expect(within(panel).getByRole('heading', { name: /genetlink: a generic netlink family/ })).toBeInTheDocument();
    expect(within(panel).getAllByText('kcomm_genetlink.c', { selector: 'code' }).length).toBeGreaterThan(0);
    expect(panel.querySelector('pre.md-code')?.textContent).toContain('insmod kcomm_genetlink.ko');
    expect(panel.textContent).not.toContain('# genetlink');
    await user.click(screen.getByRole('tab', { name: /Makefile/ }));
    expect(screen.getByRole('region', { name: 'Makefile source' })).toBeInTheDocument();
  });

  it('never turns README or source text into markup', async () => {
    renderApp('/methods/netlink?file=README.md');
    const panel = await screen.findByRole('tabpanel');
    expect(panel.querySelector('img, script, b')).toBeNull();
    expect(panel.textContent).toContain('<script>alert(1)</script>');
    expect(within(panel).queryByRole('link')).toBeNull();
  });

  it('shows where the kernel keeps its own sample for a method without a kcomm module, and fetches no code', async () => {
    renderApp('/methods/sysctl');
    const note = await screen.findByText(NO_REFERENCE_NOTE);
    expect(codeSection()).toContainElement(note);
    expect(screen.queryByRole('tab')).toBeNull();
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('/reference'))).toBe(false);
    expect(screen.queryByRole('link', { name: /starter code/ })).toBeNull();
  });

  it('offers the starter archive of a method with a kcomm module', async () => {
    renderApp('/methods/genetlink');
    const link = await screen.findByRole('link', { name: /Download starter code/ });
    expect(link).toHaveAttribute('href', '/api/methods/genetlink/starter.tar.gz');
    expect(link).toHaveAttribute('download', 'kcomm-genetlink-starter.tar.gz');
  });
});

describe('method page: measured curves', TEST_TIMEOUT, () => {
  it('draws the curves from the dataset in the URL, with provenance, the emulation badge and a benchmarks link', async () => {
    renderApp(`/methods/genetlink?dataset=${fixture.id}`);
    const section = await screen.findByRole('region', { name: 'Measured curves' });
    expect(
      await within(section).findByRole('figure', { name: /p50 latency vs message size, round trip/i }),
    ).toBeInTheDocument();
    expect(
      within(section).getByRole('figure', { name: /throughput vs message size, kernel → user/i }),
    ).toBeInTheDocument();
    expect(within(section).getByText('emulated CPU (QEMU TCG)')).toBeInTheDocument();
    expect(section.textContent).toContain('Synthetic CPU (fixture), 2 CPUs, 1024 MiB');
    expect(within(section).getByRole('link', { name: /benchmarks page/ })).toHaveAttribute(
      'href',
      '/benchmarks?dataset=fixture-synthetic',
    );
    // A wake-up has no payload: one measured size, shown as numbers and without a throughput chart.
    const notify = within(section).getByRole('region', { name: 'Wake-up (notify)' });
    const single = within(notify).getByRole('table', { name: 'Measured at one size' });
    expect(within(notify).queryByRole('figure', { name: /throughput/i })).toBeNull();
    // Its rate is the test's delay before each event, not the method's: none is shown, and the note says why.
    expect(within(single).getAllByRole('cell').at(-1)!.textContent).toBe('—');
    expect(within(notify).getByText(/A wake-up's rate is set by the test's delay/)).toBeInTheDocument();
  });

  it('starts on the newest dataset when the URL names none, and switches with the selector', async () => {
    const user = userEvent.setup();
    const router = renderApp('/methods/genetlink');
    const select = await screen.findByRole('combobox', { name: 'Dataset' });
    expect(select).toHaveValue('newer-local');
    const section = screen.getByRole('region', { name: 'Measured curves' });
    await within(section).findAllByRole('figure');
    expect(within(section).queryByText('emulated CPU (QEMU TCG)')).toBeNull();
    await user.selectOptions(select, fixture.id);
    expect(router.state.location.search).toContain(`dataset=${fixture.id}`);
    expect(await within(section).findByText('emulated CPU (QEMU TCG)')).toBeInTheDocument();
  });

  it('says so when the dataset has no measurements of the method', async () => {
    renderApp(`/methods/configfs?dataset=${fixture.id}`);
    expect(await screen.findByText(/has no measurements of configfs/)).toBeInTheDocument();
  });
});

describe('method page helpers', () => {
  it('prefers the asked dataset when readable, else the newest readable one', () => {
    const list: DatasetSummary[] = [summary(fixture), summary(newer), { id: 'bad', ok: false, file: 'b', error: 'x' }];
    expect(defaultDatasetId(list, fixture.id)).toBe(fixture.id);
    expect(defaultDatasetId(list, 'bad')).toBe('newer-local');
    expect(defaultDatasetId(list, null)).toBe('newer-local');
    expect(defaultDatasetId([], null)).toBeNull();
  });

  it('draws variants measured at two sizes or more as lines and lists single sizes as numbers', () => {
    const curves = methodCurves(fixture, 'mmap');
    expect(curves.map((c) => c.pattern)).toEqual(['k2u', 'notify']);
    expect(curves[0]!.lines.map((s) => s.variant)).toEqual(['ring', 'seqlock']);
    expect(curves[0]!.showThroughput).toBe(true);
    expect(curves[1]!.lines).toEqual([]);
    expect(curves[1]!.single.map((s) => s.point.sizeBytes)).toEqual([8]);
    expect(curves[1]!.showThroughput).toBe(false);
  });

  it('takes the run steps from every reference README, leaving out the build and load lines shown above', () => {
    for (const method of ['chardev', 'eventfd', 'genetlink', 'procfs', 'usermodehelper']) {
      const content = readFileSync(`server/reference/${method}/README.md`, 'utf8');
      const steps = buildSteps([
        { name: `kcomm_${method}.c`, role: 'kernel', language: 'c', content: '' },
        { name: 'README.md', role: 'readme', language: 'markdown', content },
      ])!;
      expect(steps.load).toBe(`sudo insmod kcomm_${method}.ko`);
      expect(steps.run.join('\n')).not.toMatch(/^\s*(sudo\s+)?(insmod|make\b(?! harness))/m);
      expect(steps.run.length + steps.harness.length, method).toBeGreaterThan(0);
      for (const h of steps.harness) expect(h).toMatch(/kcomm-harness (run|robust)/);
    }
  });

  it('renders the Markdown the READMEs use with marked, sanitised, headings below the page’s own', () => {
    const html = renderMarkdown(
      '# T\n\nSome `code` and **bold**\ncontinued.\n\n    make\n    insmod x.ko\n\n- one\n- two\n\n| a | b |\n|---|---|\n| `c` | d \\| e |\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))\n',
    );
    const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
    expect(doc.querySelector('h3')?.textContent).toBe('T');
    expect(doc.querySelector('p code')?.textContent).toBe('code');
    expect(doc.querySelector('pre.md-code code')?.textContent).toBe('make\ninsmod x.ko');
    expect(doc.querySelectorAll('ul li')).toHaveLength(2);
    expect(doc.querySelector('.table-scroll table.md-table td')?.textContent).toBe('c');
    expect(doc.querySelectorAll('td')[1]?.textContent).toBe('d | e');
    expect(doc.querySelector('img, script, [onerror]')).toBeNull();
    expect(doc.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
