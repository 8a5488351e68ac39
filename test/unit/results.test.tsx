// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import methodsJson from '../../data/methods.json';
import { MeasuredTable } from '../../src/components/MeasuredTable';
import type { Report } from '../../src/core/report';
import beforeVerdictJson from '../fixtures/report-synthetic-before-verdict.json';
import reportJson from '../fixtures/report-synthetic.json';
import { methodsWithoutReference } from '../support/without-reference';
import { renderApp, STATE_TIMEOUT_MS } from '../support/render-app';

const report = reportJson as Report;
const QUERY =
  'dir=both&style=request&size=256&rate=1000&listeners=1&stable=1&module=1&unpriv=0&shell=0&kernel=5.10&dataset=fixture-synthetic&v=1';
const datasets = [
  {
    id: 'fixture-synthetic',
    ok: true,
    collectedAt: report.dataset!.collectedAt,
    host: report.dataset!.host,
    harness: report.dataset!.harness,
    resultCount: 106,
    methods: [],
  },
  { id: 'broken', ok: false, file: 'broken.json', error: 'is not valid JSON' },
];

let fetchMock: ReturnType<typeof vi.fn>;

const adviceCalls = () => fetchMock.mock.calls.map((c) => String(c[0])).filter((u) => u.startsWith('/api/advice'));

beforeEach(() => {
  fetchMock = vi.fn(async (url: string) => {
    if (url.startsWith('/api/datasets')) return Response.json({ datasets });
    if (url.startsWith('/api/advice')) return Response.json(report);
    if (url.startsWith('/api/traits')) return Response.json({ traits: [] });
    return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// Each test may wait up to STATE_TIMEOUT_MS for the page to load (see test/support/render-app.tsx).
describe('results page', { timeout: STATE_TIMEOUT_MS + 10_000 }, () => {
  it('shows the top pick, a credible alternative and their reasons', async () => {
    renderApp(`/results?${QUERY}`);
    const top = await screen.findByRole('article', { name: report.ranking[0]!.name });
    expect(within(top).getByText('Top pick')).toBeInTheDocument();
    expect(within(top).getByText(report.ranking[0]!.reasons[0]!)).toBeInTheDocument();
    expect(within(top).getByLabelText(`score ${report.ranking[0]!.score} of 100`)).toBeInTheDocument();
    const alt = screen.getByRole('article', { name: report.ranking[1]!.name });
    expect(within(alt).getByText('Credible alternative')).toBeInTheDocument();
    expect(adviceCalls()[0]).toBe(`/api/advice?${QUERY}`);
  });

  it('opens on the verdict, focused, with the emulation label for an emulated dataset and unverified methods marked', async () => {
    const verdict = {
      sentence: `A tie between ${report.ranking[0]!.name} and ${report.ranking[1]!.name}: here is what separates them.`,
      confidence: 'tie',
      top: report.ranking[0]!.method,
      runnerUp: report.ranking[1]!.method,
      margin: 1,
      tieMargin: 3,
      whyNotRunnerUp: ['it copies every message twice'],
      runnerUpStrengths: ['it needs no memory barriers'],
      whenNotToUse: ['when messages exceed 64 KiB'],
      measurement: { datasetId: 'fixture-synthetic', kind: 'emulated', note: 'Times are relative only.' },
    };
    const ranking = report.ranking.map((r, i) => ({ ...r, unverified: i === 2 }));
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/datasets')) return Response.json({ datasets });
      if (url.startsWith('/api/advice')) return Response.json({ ...report, verdict, ranking });
      return Response.json({ traits: [] });
    });
    renderApp(`/results?${QUERY}`);
    const region = await screen.findByRole('region', { name: verdict.sentence });
    await waitFor(() => expect(region).toHaveFocus());
    expect(region).toHaveTextContent("Emulated CPU: times are not your hardware's");
    expect(region).toHaveTextContent('Tie');
    expect(within(region).getByRole('heading', { name: `What separates it from ${report.ranking[1]!.name}` }));
    expect(region).toHaveTextContent('it copies every message twice');
    // A tie shows both sides: what favours the pick and what favours the runner-up.
    expect(within(region).getByRole('heading', { name: `In favour of ${report.ranking[0]!.name}` }));
    expect(within(region).getByRole('heading', { name: `In favour of ${report.ranking[1]!.name}` }));
    expect(region).toHaveTextContent('it needs no memory barriers');
    expect(within(region).getByRole('heading', { name: `When not to use ${report.ranking[0]!.name}` }));
    expect(region).toHaveTextContent('when messages exceed 64 KiB');
    expect(region).toHaveTextContent('Times are relative only.');
    const ranked = screen.getByRole('region', { name: 'Full ranking' });
    expect(within(ranked).getAllByText('unverified')).toHaveLength(1);
  });

  it('offers the starter code of the pick in the verdict (both in a tie), only for methods with a kcomm module', async () => {
    const methods = methodsWithoutReference(methodsJson.methods, 'bpf-ringbuf');
    let verdict = {};
    const verdictOf = (top: string, runnerUp: string, confidence: 'clear' | 'tie') => ({
      sentence: `${top} over ${runnerUp}.`,
      confidence,
      top,
      runnerUp,
      margin: confidence === 'tie' ? 1 : 10,
      tieMargin: 3,
      whyNotRunnerUp: [],
      whenNotToUse: [],
      measurement: null,
    });
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/datasets')) return Response.json({ datasets });
      if (url.startsWith('/api/advice')) return Response.json({ ...report, verdict });
      if (url.startsWith('/api/methods')) return Response.json({ methods });
      return Response.json({ traits: [] });
    });
    const starterLinks = async (v: ReturnType<typeof verdictOf>) => {
      cleanup();
      verdict = v;
      renderApp(`/results?${QUERY}`);
      const region = await screen.findByRole('region', { name: v.sentence });
      // The links wait for the catalogue (which methods have a module); every case shows at least one.
      const links = await within(region).findAllByRole('link', { name: /starter code/ });
      return links.map((a) => a.getAttribute('href'));
    };
    expect(await starterLinks(verdictOf('genetlink', 'mmap', 'clear'))).toEqual([
      '/api/methods/genetlink/starter.tar.gz',
    ]);
    expect(await starterLinks(verdictOf('genetlink', 'mmap', 'tie'))).toEqual([
      '/api/methods/genetlink/starter.tar.gz',
      '/api/methods/mmap/starter.tar.gz',
    ]);
    // A pick without a module gets no link; the runner-up of the tie still does.
    expect(await starterLinks(verdictOf('bpf-ringbuf', 'genetlink', 'tie'))).toEqual([
      '/api/methods/genetlink/starter.tar.gz',
    ]);
  });

  it('offers no starter module when the answers say no module may be shipped', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/datasets')) return Response.json({ datasets });
      if (url.startsWith('/api/advice'))
        return Response.json({ ...report, answers: { ...report.answers, module: false } });
      if (url.startsWith('/api/methods'))
        return Response.json({
          methods: [{ id: report.verdict.top, name: 'Top', reference: { path: 'server/reference/x/', note: 'n' } }],
        });
      return Response.json({ traits: [] });
    });
    renderApp(`/results?${QUERY.replace('module=1', 'module=0')}`);
    const region = await screen.findByRole('region', { name: report.verdict.sentence });
    await within(region).findByRole('link', { name: /works, with its reference code/ });
    expect(within(region).queryByRole('link', { name: /starter code/ })).toBeNull();
  });

  it('reads a report from before the verdict (kcomm-report/1 gained it later): the top pick is the sentence', async () => {
    const old = beforeVerdictJson as Report;
    expect(old.verdict).toBeUndefined();
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/datasets')) return Response.json({ datasets });
      if (url.startsWith('/api/advice')) return Response.json(old);
      return Response.json({ traits: [] });
    });
    renderApp(`/results?${QUERY}`);
    const region = await screen.findByRole('region', { name: `${old.ranking[0]!.name}.` });
    expect(region).toHaveTextContent('Likely pick');
    expect(within(region).getByRole('heading', { name: `Why not ${old.ranking[1]!.name}` })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: old.ranking[0]!.name })).toBeInTheDocument();
  });

  it('lists the full ranking with score bars, the eliminated methods and measured numbers', async () => {
    renderApp(`/results?${QUERY}`);
    const ranking = await screen.findByRole('region', { name: 'Full ranking' });
    const rows = within(ranking)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('rank-row'));
    expect(rows).toHaveLength(report.ranking.length);
    expect(within(ranking).getAllByRole('meter')).toHaveLength(report.ranking.length);
    const eliminated = screen.getByRole('region', { name: /eliminated/i });
    for (const e of report.eliminated) {
      const item = within(eliminated).getByRole('link', { name: e.name }).closest('li')!;
      expect(item).toHaveTextContent(e.reasons[0]!);
    }
    expect(await screen.findByText(/Ranked on traits and on measurements from dataset/)).toBeInTheDocument();
    // The measured tables need the dataset list as well as the report: wait for them, not for a time.
    expect(await screen.findAllByRole('table', { name: 'Measured at your message size' })).toHaveLength(2);
  });

  it('links every "what would change" sentence to the results with that one answer changed', async () => {
    const user = userEvent.setup();
    const router = renderApp(`/results?${QUERY}`);
    const section = await screen.findByRole('region', { name: /what would change/i });
    const links = within(section).getAllByRole('link');
    expect(links).toHaveLength(report.whatWouldChange.length);
    const change = report.whatWouldChange[0]!;
    const link = within(section).getByRole('link', { name: change.sentence });
    const target = new URLSearchParams(link.getAttribute('href')!.split('?')[1]);
    expect(target.get(change.param)).toBe(change.to === '' ? null : change.to);
    await user.click(link);
    expect(new URLSearchParams(router.state.location.search).get(change.param)).toBe(
      change.to === '' ? null : change.to,
    );
  });

  it('edits answers in place and re-ranks without starting over', async () => {
    const user = userEvent.setup();
    const router = renderApp(`/results?${QUERY}`);
    await screen.findByRole('article', { name: report.ranking[0]!.name });
    await user.click(screen.getByRole('button', { name: 'Edit answers' }));
    const panel = screen.getByRole('form', { name: 'Edit answers' });
    const size = within(panel).getByRole('textbox', { name: 'Message size' });
    await user.clear(size);
    await user.type(size, '2');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Message size unit' }), 'MiB');
    await user.click(within(panel).getByRole('button', { name: /apply/i }));
    expect(new URLSearchParams(router.state.location.search).get('size')).toBe(String(2 * 1024 * 1024));
    expect(new URLSearchParams(router.state.location.search).get('dir')).toBe('both');
  });

  it('shows each bad permalink parameter with the default used, never a blank page', async () => {
    renderApp('/results?dir=sideways&size=12abc&rate=0&kernel=five&bogus=1&dataset=gone&v=1');
    expect(await screen.findByText(/dataset "gone" does not exist on this server/)).toBeInTheDocument();
    const alert = screen.getByRole('alert', { name: /6 parts of this link were not understood/i });
    expect(alert).toHaveTextContent('dir must be one of k2u, u2k, both, got "sideways"');
    expect(alert).toHaveTextContent(/using the default, Kernel → user space/);
    expect(alert).toHaveTextContent(/size must be a whole number of bytes/);
    expect(alert).toHaveTextContent(/rate must be a number of messages per second > 0/);
    expect(alert).toHaveTextContent(/kernel must be a version major.minor/);
    expect(alert).toHaveTextContent(/unknown parameter "bogus"/);
    expect(alert).toHaveTextContent(/dataset "gone" does not exist on this server/);
    expect(await screen.findByRole('article', { name: report.ranking[0]!.name })).toBeInTheDocument();
    const asked = new URLSearchParams(adviceCalls()[0]!.split('?')[1]);
    expect(asked.get('dir')).toBe('k2u');
    expect(asked.get('size')).toBe('64');
    expect(asked.get('dataset')).toBeNull();
  });

  it('reports an unreadable dataset by its error', async () => {
    renderApp('/results?dataset=broken&v=1');
    expect(await screen.findByText(/dataset "broken" cannot be read/)).toBeInTheDocument();
    const alert = screen.getByRole('alert', { name: /not understood/i });
    expect(alert).toHaveTextContent('dataset "broken" cannot be read (is not valid JSON)');
  });

  it('shows the API error and its parameters when the server refuses the answers', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/datasets')) return Response.json({ datasets });
      return Response.json(
        {
          error: 'invalid-request',
          message: 'rate is off',
          errors: [{ param: 'rate', value: '5', message: 'rate is off' }],
        },
        { status: 400 },
      );
    });
    renderApp('/results?rate=5&v=1');
    const panel = await screen.findByRole('alert');
    expect(panel).toHaveTextContent('The recommendation could not be computed');
    expect(panel).toHaveTextContent('rate=5');
  });
});

describe('the measured table under each pick', () => {
  const point = (pattern: 'notify' | 'k2u') => ({
    method: 'chardev' as const,
    variant: '',
    pattern,
    sizeBytes: 64,
    latencyNs: { p50: 5477, p99: 6120 },
    msgsPerSec: 497,
    MBps: 0,
    lowerSize: 0,
    upperSize: null,
    exact: false,
    extrapolated: true,
    samples: 100,
  });

  it("writes guest instructions as instructions, and gives a wake-up no rate (the test's delay sets it)", () => {
    render(<MeasuredTable points={[point('notify'), point('k2u')]} unit="instructions" />);
    const [wake, k2u] = screen.getAllByRole('row').slice(1, 3);
    expect(
      within(wake!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5.5k instr', '6.1k instr', '—', '—']);
    expect(
      within(k2u!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5.5k instr', '6.1k instr', '497 msg/s', '0 MB/s']);
    expect(screen.getByText(/A wake-up's rate is set by the test's delay/)).toBeInTheDocument();
    cleanup();
    render(<MeasuredTable points={[point('k2u')]} unit="ns" />);
    expect(screen.getAllByRole('cell')[0]!.textContent).toBe('5.5 µs');
    expect(screen.queryByText(/A wake-up's rate/)).toBeNull();
  });
});
