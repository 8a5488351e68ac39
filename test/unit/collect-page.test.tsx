// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import methodsJson from '../../data/methods.json';
import { AppProvider } from '../../src/app/provider';
import { routes } from '../../src/app/router';
import type { Health, Run, RunEvent } from '../../src/core/runs';
import { methodsWithoutReference } from '../support/without-reference';

// The page is a lazy route: under load its first render can take longer than the default second.
configure({ asyncUtilTimeout: 5_000 });
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5_000 });

/** Stands in for the browser's EventSource: the test pushes the server's events by hand. */
class FakeEventSource {
  static all: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private listeners = new Map<string, Set<(e: Event) => void>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.all.push(this);
  }

  static latest(): FakeEventSource {
    const es = FakeEventSource.all.at(-1);
    if (!es) throw new Error('no EventSource was opened');
    return es;
  }

  addEventListener(type: string, fn: (e: Event) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }

  removeEventListener(type: string, fn: (e: Event) => void) {
    this.listeners.get(type)?.delete(fn);
  }

  close() {
    this.closed = true;
  }

  private dispatch(e: Event) {
    act(() => {
      for (const fn of this.listeners.get(e.type) ?? []) fn(e);
    });
  }

  open() {
    this.dispatch(new Event('open'));
  }

  send(event: RunEvent) {
    this.dispatch(new MessageEvent(event.type, { data: JSON.stringify(event) }));
  }

  fail() {
    this.dispatch(new Event('error'));
  }
}

const HEALTH: Health = {
  targets: {
    vm: { available: true, detail: "QEMU with Debian's kernel" },
    local: {
      available: false,
      detail:
        "The local target loads code into this machine's kernel; start the server with --allow-local to permit it.",
    },
  },
  checks: {
    qemu: { ok: true, detail: 'QEMU emulator version 7.2.0' },
    kvm: { ok: false, state: 'absent', detail: 'no usable /dev/kvm: the VM runs under TCG emulation' },
    kernel: { ok: true, detail: '6.1.0-56-amd64' },
    busybox: { ok: false, detail: 'busybox-static not installed', install: 'apt-get install -y busybox-static' },
    harness: { ok: true, detail: 'server/build/kcomm-harness' },
  },
};

const RUN_ID = 'run-20261127t080000z-abc123';

function makeRun(over: Partial<Run> = {}): Run {
  return {
    id: RUN_ID,
    request: { target: 'vm', profile: 'quick', methods: ['chardev', 'ioctl'] },
    state: 'running',
    phase: 'boot',
    percent: 0,
    etaSeconds: null,
    createdAt: '2026-11-27T08:00:00.000Z',
    startedAt: '2026-11-27T08:00:01.000Z',
    finishedAt: null,
    datasetId: null,
    error: null,
    pointsMeasured: 0,
    logTail: [],
    ...over,
  };
}

type Handler = (url: string, init: RequestInit | undefined) => Response | undefined;
let handler: Handler;
let runs: Run[];
let fetchMock: ReturnType<typeof vi.fn>;
const calls = (method: string, path: string) =>
  fetchMock.mock.calls.filter(([u, i]) => u === path && ((i as RequestInit | undefined)?.method ?? 'GET') === method);

function renderCollect(url = '/collect') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const invalidate = vi.spyOn(client, 'invalidateQueries');
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  render(
    <AppProvider client={client}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { client, invalidate, router };
}

/** The CSRF cookie the server sets when its link with the token is opened (server/src/lib/auth.ts). */
const CSRF = 'nonce123.signature456';
const setSession = (on: boolean) => {
  document.cookie = on ? `kcomm_csrf=${CSRF}; path=/` : 'kcomm_csrf=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
};

beforeEach(() => {
  setSession(true);
  FakeEventSource.all = [];
  runs = [];
  handler = () => undefined;
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const custom = handler(url, init);
    if (custom) return custom;
    if (url === '/api/health') return Response.json(HEALTH);
    // sysctl served without its reference folder: the page offers only methods it can measure.
    if (url === '/api/methods')
      return Response.json({ methods: methodsWithoutReference(methodsJson.methods, 'sysctl') });
    if (url === '/api/runs' && (init?.method ?? 'GET') === 'GET')
      return Response.json({ runs, total: runs.length, offset: 0, limit: 50, corrupt: [] });
    if (url === '/api/datasets') return Response.json({ datasets: [] });
    return Response.json({ error: 'not-found', message: `no ${url}` }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  setSession(false);
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('collect page: the host', () => {
  it('marks a missing piece and shows the command that installs it', async () => {
    renderCollect();
    const item = (await screen.findByText('BusyBox (static)')).closest('li')!;
    expect(within(item).getByText('missing')).toBeInTheDocument();
    expect(within(item).getByText('apt-get install -y busybox-static')).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: /copy: install busybox/i })).toBeInTheDocument();
    const qemu = screen.getByText('QEMU').closest('li')!;
    expect(within(qemu).getByText('ok')).toBeInTheDocument();
    expect(within(qemu).queryByRole('button')).toBeNull();
  });

  it('explains that without KVM the VM runs under TCG with emulated timings', async () => {
    renderCollect();
    const kvm = (await screen.findByText('KVM acceleration')).closest('li')!;
    expect(within(kvm).getByText('not available')).toBeInTheDocument();
    expect(kvm).toHaveTextContent(/Why: no usable \/dev\/kvm/);
    expect(kvm).toHaveTextContent(/falls back to TCG emulation: .*timings are emulated/);
  });

  it('disables the local target and says why the server refuses it', async () => {
    renderCollect();
    const local = await screen.findByRole('radio', { name: /^This machine/ });
    await waitFor(() => expect(local).toBeDisabled());
    expect(local).toHaveAccessibleDescription(/start the server with --allow-local/);
    expect(screen.getByRole('radio', { name: /^VM/ })).toBeChecked();
  });
});

describe('collect page: starting a run', () => {
  it('posts the target, profile and the methods left ticked', async () => {
    const user = userEvent.setup();
    handler = (url, init) =>
      url === '/api/runs' && init?.method === 'POST' ? Response.json({ id: RUN_ID }, { status: 202 }) : undefined;
    const { router } = renderCollect();
    await screen.findByRole('checkbox', { name: 'ioctl on a device node' });
    // Only methods with a reference module can be measured; the others are not offered.
    expect(screen.queryByRole('checkbox', { name: 'sysctl entry' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'BPF ring buffer' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'configfs' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /full/i }));
    await user.click(screen.getByRole('button', { name: 'None' }));
    await user.click(screen.getByRole('checkbox', { name: 'Character device (read/write/poll)' }));
    await user.click(screen.getByRole('checkbox', { name: 'ioctl on a device node' }));
    await user.click(screen.getByRole('button', { name: 'Start run' }));

    await waitFor(() => expect(calls('POST', '/api/runs')).toHaveLength(1));
    const init = calls('POST', '/api/runs')[0]![1] as RequestInit;
    expect(JSON.parse(init.body as string)).toEqual({ target: 'vm', profile: 'full', methods: ['chardev', 'ioctl'] });
    // The session's CSRF cookie goes back as a header: what a page on another origin cannot do.
    expect((init.headers as Record<string, string>)['x-kcomm-csrf']).toBe(CSRF);
    await waitFor(() => expect(router.state.location.search).toBe(`?run=${RUN_ID}`));
    await waitFor(() => expect(FakeEventSource.latest().url).toBe(`/api/runs/${RUN_ID}/events`));
  });

  it('sends no method list when every method is ticked', async () => {
    const user = userEvent.setup();
    handler = (url, init) =>
      url === '/api/runs' && init?.method === 'POST' ? Response.json({ id: RUN_ID }, { status: 202 }) : undefined;
    renderCollect();
    await screen.findByRole('checkbox', { name: 'ioctl on a device node' });
    await user.click(screen.getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(calls('POST', '/api/runs')).toHaveLength(1));
    expect(JSON.parse((calls('POST', '/api/runs')[0]![1] as RequestInit).body as string)).toEqual({
      target: 'vm',
      profile: 'quick',
    });
  });

  it('without the token’s session, says how to get it and does not offer to start', async () => {
    setSession(false);
    renderCollect();
    await screen.findByRole('checkbox', { name: 'ioctl on a device node' });
    expect(screen.getByText(/Starting runs needs this server’s token/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start run' })).toBeDisabled();
    expect(calls('POST', '/api/runs')).toHaveLength(0);
  });

  it('cancels with the session’s CSRF header', async () => {
    const user = userEvent.setup();
    runs = [makeRun()];
    handler = (url, init) =>
      url === `/api/runs/${RUN_ID}` && init?.method === 'DELETE'
        ? Response.json({ id: RUN_ID, cancelling: true })
        : undefined;
    renderCollect(`/collect?run=${RUN_ID}`);
    await waitFor(() => expect(FakeEventSource.all.length).toBeGreaterThan(0));
    FakeEventSource.latest().send({ type: 'state', run: makeRun() });
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(calls('DELETE', `/api/runs/${RUN_ID}`)).toHaveLength(1));
    const init = calls('DELETE', `/api/runs/${RUN_ID}`)[0]![1] as RequestInit;
    expect((init.headers as Record<string, string>)['x-kcomm-csrf']).toBe(CSRF);
  });

  it('shows the server’s message when it refuses the run', async () => {
    const user = userEvent.setup();
    handler = (url, init) =>
      url === '/api/runs' && init?.method === 'POST'
        ? Response.json(
            { error: 'invalid-request', message: 'kcomm has no benchmark backend for sysctl.' },
            { status: 400 },
          )
        : undefined;
    renderCollect();
    await screen.findByRole('checkbox', { name: 'ioctl on a device node' });
    await user.click(screen.getByRole('button', { name: 'Start run' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The run could not be started');
    expect(alert).toHaveTextContent('kcomm has no benchmark backend for sysctl.');
  });
});

describe('collect page: the live view', () => {
  async function follow(run: Run = makeRun()) {
    runs = [run];
    const rendered = renderCollect(`/collect?run=${run.id}`);
    await waitFor(() => expect(FakeEventSource.all.length).toBeGreaterThan(0));
    const es = FakeEventSource.latest();
    es.open();
    es.send({ type: 'state', run });
    return { ...rendered, es };
  }

  it('moves the progress bar and shows percent, time left, phase and points', async () => {
    const { es } = await follow();
    const bar = await screen.findByRole('progressbar', { name: 'Run progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    es.send({ type: 'phase', name: 'measure' });
    es.send({ type: 'point', result: {} });
    es.send({ type: 'point', result: {} });
    es.send({ type: 'progress', percent: 37.5, etaSeconds: 95 });
    expect(bar).toHaveAttribute('aria-valuenow', '37.5');
    const live = screen.getByRole('region', { name: /run run-/i });
    expect(within(live).getByText('38 %')).toBeInTheDocument();
    expect(within(live).getByText('1 min 35 s left')).toBeInTheDocument();
    expect(within(live).getByText('Measuring')).toBeInTheDocument();
    expect(live.querySelector('.run-points')).toHaveTextContent('2');
    es.send({ type: 'progress', percent: 80, etaSeconds: 20 });
    expect(bar).toHaveAttribute('aria-valuenow', '80');
  });

  it('opens the log and shows the error when the run fails', async () => {
    const { es } = await follow();
    es.send({ type: 'log', line: 'console: Booting Linux' });
    const log = screen.getByText(/^Log \(/).closest('details')!;
    expect(log).not.toHaveAttribute('open');
    es.send({
      type: 'state',
      run: makeRun({
        state: 'failed',
        phase: 'failed',
        finishedAt: '2026-11-27T08:01:00.000Z',
        error: 'VM stopped (QEMU exit 1) before the harness finished',
        logTail: ['console: Booting Linux', 'console: Kernel panic - not syncing'],
      }),
    });
    expect(log).toHaveAttribute('open');
    expect(within(log).getByLabelText('Run log')).toHaveTextContent('Kernel panic - not syncing');
    expect(screen.getByRole('alert')).toHaveTextContent('VM stopped (QEMU exit 1) before the harness finished');
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect(es.closed).toBe(true);
  });

  it('on success refreshes the dataset list and links to the new dataset', async () => {
    const { es, invalidate } = await follow();
    es.send({ type: 'progress', percent: 90, etaSeconds: 5 });
    expect(invalidate).not.toHaveBeenCalledWith({ queryKey: ['kcomm', 'datasets'] });
    es.send({
      type: 'state',
      run: makeRun({
        state: 'succeeded',
        phase: 'succeeded',
        percent: 100,
        finishedAt: '2026-11-27T08:02:00.000Z',
        datasetId: 'vm-tcg-quick-2026-11-27t0800z',
      }),
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['kcomm', 'datasets'] });
    const done = screen.getByText(/is ready/).closest('.run-done') as HTMLElement;
    expect(done).toHaveTextContent('Dataset vm-tcg-quick-2026-11-27t0800z is ready');
    expect(within(done).getByRole('link', { name: 'View its charts' })).toHaveAttribute(
      'href',
      '/benchmarks?dataset=vm-tcg-quick-2026-11-27t0800z',
    );
    expect(within(done).getByRole('link', { name: 'Use it in the advisor' })).toHaveAttribute(
      'href',
      '/?step=constraints&dataset=vm-tcg-quick-2026-11-27t0800z',
    );
    expect(es.closed).toBe(true);
  });

  it('cancels with DELETE while the run is going', async () => {
    const user = userEvent.setup();
    handler = (url, init) =>
      url === `/api/runs/${RUN_ID}` && init?.method === 'DELETE'
        ? Response.json({ id: RUN_ID, cancelling: true })
        : undefined;
    const { es } = await follow();
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(calls('DELETE', `/api/runs/${RUN_ID}`)).toHaveLength(1));
    es.send({
      type: 'state',
      run: makeRun({ state: 'cancelled', phase: 'cancelled', error: 'Cancelled while running.' }),
    });
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    expect(screen.getByRole('region', { name: /run run-/i })).toHaveTextContent('cancelled');
  });

  it('reconnects after the stream drops and picks up the run’s state', async () => {
    handler = (url, init) =>
      url === `/api/runs/${RUN_ID}` && (init?.method ?? 'GET') === 'GET'
        ? Response.json(makeRun({ phase: 'measure', percent: 50 }))
        : undefined;
    const { es } = await follow();
    es.fail();
    expect(es.closed).toBe(true);
    expect(await screen.findByText(/reconnecting/i)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50'));
    await waitFor(() => expect(FakeEventSource.all).toHaveLength(2));
    const again = FakeEventSource.latest();
    again.open();
    again.send({ type: 'state', run: makeRun({ phase: 'measure', percent: 60 }) });
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60');
    expect(screen.queryByText(/reconnecting/i)).toBeNull();
  });
});

describe('collect page: a run already going', () => {
  it('follows the newest unfinished run and keeps showing it after it ends', async () => {
    runs = [makeRun({ phase: 'measure', percent: 40 })];
    const { router } = renderCollect('/collect');
    await waitFor(() => expect(router.state.location.search).toBe(`?run=${RUN_ID}`));
    await waitFor(() => expect(FakeEventSource.all.length).toBeGreaterThan(0));
    const es = FakeEventSource.latest();
    es.open();
    es.send({ type: 'state', run: runs[0]! });
    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    runs = [makeRun({ state: 'succeeded', phase: 'succeeded', percent: 100, datasetId: 'vm-tcg-quick-x' })];
    es.send({ type: 'state', run: runs[0]! });
    expect(await screen.findByText(/is ready/)).toBeInTheDocument();
    expect(screen.getByText(/Measured under TCG emulation/)).toBeInTheDocument();
  });

  it('stops following a run whose events it cannot read and says why, instead of showing a wrong run', async () => {
    runs = [makeRun({ phase: 'measure', percent: 40 })];
    renderCollect(`/collect?run=${RUN_ID}`);
    await waitFor(() => expect(FakeEventSource.all.length).toBeGreaterThan(0));
    const es = FakeEventSource.latest();
    es.open();
    es.send({ type: 'state', run: runs[0]! });
    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    es.send({ type: 'progress', percent: 'half', etaSeconds: null } as unknown as RunEvent);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Run ${RUN_ID} cannot be followed`);
    expect(alert).toHaveTextContent(`The server's reply to the events of run ${RUN_ID} is not what this app expects`);
    expect(es.closed).toBe(true);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
  });
});

describe('collect page: history', () => {
  it('lists runs with their state, profile and dataset link', async () => {
    runs = [
      makeRun({
        id: 'run-20261127t090000z-bbbbbb',
        state: 'succeeded',
        finishedAt: '2026-11-27T08:02:10.000Z',
        datasetId: 'vm-tcg-quick-2026-11-27t0900z',
      }),
      makeRun({ id: 'run-20261127t080000z-aaaaaa', state: 'failed', request: { target: 'vm', profile: 'full' } }),
    ];
    renderCollect('/collect?run=run-20261127t090000z-bbbbbb');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('succeeded')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('2 min 9 s')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link', { name: 'vm-tcg-quick-2026-11-27t0900z' })).toHaveAttribute(
      'href',
      '/benchmarks?dataset=vm-tcg-quick-2026-11-27t0900z',
    );
    expect(within(rows[1]!).getByText('failed')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('full')).toBeInTheDocument();
  });
});
