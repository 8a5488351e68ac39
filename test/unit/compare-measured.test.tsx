// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import methodsJson from '../../data/methods.json';
import traitsJson from '../../data/traits.json';
import { DEFAULT_ANSWERS } from '../../src/core/answers';
import type { Method } from '../../src/core/catalogue-schema';
import type { Dataset } from '../../src/core/dataset-schema';
import { formatInstructions, roughRatio } from '../../src/core/format';
import { formatMBps, formatNs, formatRate, measuredAt } from '../../src/core/measured';
import { askedFor, measuredRows } from '../../src/features/compare/utils/compare-measured';
import datasetJson from '../fixtures/dataset-synthetic.json';
import reportJson from '../fixtures/report-synthetic.json';
import { renderApp, STATE_TIMEOUT_MS } from '../support/render-app';

const dataset = datasetJson as Dataset;
const methods = methodsJson.methods as unknown as Method[];
const byId = (id: string) => methods.find((m) => m.id === id)!;
const summary = {
  id: dataset.id,
  ok: true,
  collectedAt: dataset.collectedAt,
  host: dataset.host,
  harness: dataset.harness,
  resultCount: dataset.results.length,
  methods: [],
};

// 128 B lies between the measured 64 B and 256 B; 30 µs and 80k msg/s split genetlink (fits) from sysfs.
const ANSWERS =
  'dir=both&style=request&size=128&rate=80000&lat=30&listeners=1&stable=1&module=1&unpriv=0&shell=0&kernel=5.10&v=1';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/methods')) return Response.json({ methods: methodsJson.methods });
      if (url.startsWith('/api/traits')) return Response.json({ traits: traitsJson.traits });
      if (url === '/api/datasets') return Response.json({ datasets: [summary] });
      if (url === `/api/datasets/${dataset.id}`) return Response.json(dataset);
      if (url.startsWith('/api/advice')) {
        const withDataset = new URLSearchParams(url.split('?')[1]).has('dataset');
        return Response.json(withDataset ? reportJson : { ...reportJson, basis: 'traits', dataset: null });
      }
      return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (key: string) => document.querySelector(`tr[data-row="${key}"]`) as HTMLElement;
const cells = (key: string) => Array.from(row(key).querySelectorAll('td'), (td) => td.textContent ?? '');

// Each test may wait up to STATE_TIMEOUT_MS for the page to load (see test/support/render-app.tsx).
describe('compare: measured numbers at the asked size', { timeout: STATE_TIMEOUT_MS + 10_000 }, () => {
  it('shows what was asked and each method measured at that size, interpolated, with the sizes named', async () => {
    renderApp(`/compare?m=genetlink,sysfs,debugfs,configfs&${ANSWERS}&dataset=${dataset.id}`);
    const asked = await screen.findByLabelText('What you asked for');
    expect(asked.textContent).toContain('128 B × 80k msg/s = 10.2 MB/s');
    expect(asked.textContent).toContain('30 µs');
    await screen.findByText(/Measured at 128 B \(dataset fixture-synthetic\)/);

    const g = measuredAt(dataset, 'genetlink', 'roundtrip', 128)!;
    const s = measuredAt(dataset, 'sysfs', 'roundtrip', 128)!;
    const p50 = cells('measured-roundtrip-p50');
    expect(p50[0]).toContain(formatNs(g.latencyNs.p50));
    expect(p50[0]).toContain('interpolated between 64 B and 256 B');
    expect(p50[1]).toContain(formatNs(s.latencyNs.p50));
    // debugfs is eliminated by the answers' constraints, but its numbers are still shown.
    expect(p50[2]).toMatch(/µs/);
    expect(p50[3]).toBe('not measured in fixture-synthetic');

    // The fixture is an emulated CPU's: nothing is held against the 30 µs budget or the 80k msg/s; the
    // p50 row compares the methods with each other, as the advice does.
    expect(within(row('measured-roundtrip-p99')).getByRole('rowheader').textContent).toBe('p99 latency, round trip');
    expect(cells('measured-roundtrip-p99').join(' ')).not.toMatch(/fits|falls short/);
    expect(within(row('measured-roundtrip-rate')).getByRole('rowheader').textContent).toBe('Rate, round trip');
    expect(cells('measured-roundtrip-rate')[0]).toBe(`${formatRate(g.msgsPerSec)}interpolated between 64 B and 256 B`);
    expect(cells('measured-roundtrip-mbps')[0]).toContain(formatMBps(g.MBps));
    expect(p50.filter((c) => c.includes('cheapest'))).not.toHaveLength(0);
    expect(screen.getByText(/Not a real CPU: the methods are compared with each other/)).toBeInTheDocument();
    expect(screen.getByText(/emulated CPU \(QEMU TCG\)/)).toBeInTheDocument();
  });

  it('says the ranking rests on traits alone when no dataset is selected, and lets one be chosen', async () => {
    const user = userEvent.setup();
    const router = renderApp(`/compare?m=genetlink,sysfs&${ANSWERS}`);
    expect(await screen.findByText(/ranking rests on traits alone/)).toBeInTheDocument();
    expect(document.querySelector('tr[data-row^="measured-"]')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Benchmark dataset' }), dataset.id);
    expect(router.state.location.search).toContain(`dataset=${dataset.id}`);
    expect(router.state.location.search).toContain('m=genetlink,sysfs');
    expect(await screen.findByText(/Measured at 128 B/)).toBeInTheDocument();
    expect(row('measured-roundtrip-p50')).not.toBeNull();
  });
});

// The same numbers relabelled as a real CPU's: only these are held against what the user asked for.
const native: Dataset = { ...dataset, id: 'fixture-native', host: { ...dataset.host, target: 'local' } };
const icount: Dataset = { ...dataset, id: 'fixture-icount', host: { ...dataset.host, target: 'vm-icount' } };

describe('measuredRows', () => {
  it("has one row set per pattern that stands for the answers, and no rate or throughput row for a wake-up (the test's delay sets its rate)", () => {
    const answers = { ...DEFAULT_ANSWERS, style: 'event' as const, size: 64, dataset: dataset.id };
    const rows = measuredRows([byId('genetlink'), byId('chardev')], answers, dataset);
    expect(rows.map((r) => r.key)).toEqual([
      'measured-notify-p50',
      'measured-notify-p99',
      'measured-k2u-p50',
      'measured-k2u-p99',
      'measured-k2u-rate',
      'measured-k2u-mbps',
    ]);
    // Outside the measured range (wake-ups were measured at 8 B): the nearest size is named, not predicted.
    expect(rows[0]!.cells[0]).toMatchObject({
      kind: 'measured',
      note: expect.stringMatching(/nearest measured size 8 B/),
    });
    // No budget: latency cells are not judged.
    expect(rows[1]!.cells[0]).toMatchObject({ verdict: null });
  });

  it("holds only a real CPU's figures against the budget and the rate, and compares p50s on every dataset", () => {
    const answers = {
      ...DEFAULT_ANSWERS,
      style: 'request' as const,
      dir: 'both' as const,
      size: 128,
      rate: 80_000,
      lat: 30,
    };
    const g = measuredAt(native, 'genetlink', 'roundtrip', 128)!;
    const s = measuredAt(native, 'sysfs', 'roundtrip', 128)!;
    const real = measuredRows([byId('genetlink'), byId('sysfs')], answers, native);
    const byKey = (rows: typeof real, key: string) => rows.find((r) => r.key === key)!;
    expect(byKey(real, 'measured-roundtrip-p99').label).toBe('p99 latency, round trip (budget 30 µs)');
    expect(byKey(real, 'measured-roundtrip-p99').cells).toMatchObject([{ verdict: 'fits' }, { verdict: 'over' }]);
    expect(byKey(real, 'measured-roundtrip-rate').label).toBe('Rate, round trip (you need 80k msg/s)');
    expect(byKey(real, 'measured-roundtrip-rate').cells).toMatchObject([{ verdict: 'fits' }, { verdict: 'over' }]);
    const ratio = s.latencyNs.p50 / g.latencyNs.p50;
    expect(byKey(real, 'measured-roundtrip-p50').cells).toMatchObject([
      { relative: 'cheapest' },
      { relative: `${roughRatio(ratio)} the cheapest` },
    ]);
    for (const other of [dataset, icount]) {
      const rows = measuredRows([byId('genetlink'), byId('sysfs')], answers, other);
      for (const r of rows) for (const c of r.cells) expect(c).toMatchObject({ verdict: null });
      expect(byKey(rows, 'measured-roundtrip-p50').cells).toMatchObject([{ relative: 'cheapest' }, {}]);
    }
  });

  it("writes an instruction-counted dataset's latencies as instructions, never as time", () => {
    const answers = { ...DEFAULT_ANSWERS, style: 'request' as const, dir: 'both' as const, size: 128 };
    const g = measuredAt(icount, 'genetlink', 'roundtrip', 128)!;
    const [p50, p99] = measuredRows([byId('genetlink')], answers, icount);
    expect(p50!.cells[0]).toMatchObject({ text: formatInstructions(g.latencyNs.p50) });
    expect(p99!.cells[0]).toMatchObject({ text: formatInstructions(g.latencyNs.p99) });
    expect(JSON.stringify([p50, p99])).not.toMatch(/[nµm]s"/);
  });

  it('shows the figures the advice judged by: only the patterns that answer the question', () => {
    const keys = (over: Partial<typeof DEFAULT_ANSWERS>) =>
      measuredRows([byId('genetlink'), byId('chardev')], { ...DEFAULT_ANSWERS, ...over }, dataset).map((r) => r.key);
    expect(keys({ style: 'event', size: 0 })).toEqual(['measured-notify-p50', 'measured-notify-p99']);
    expect(keys({ style: 'event', dir: 'u2k', size: 8 })).toEqual([
      'measured-u2k-p50',
      'measured-u2k-p99',
      'measured-u2k-rate',
      'measured-u2k-mbps',
    ]);
  });

  it('lets the variant that fits the style speak for a method, as the advice does, not the cheapest one', () => {
    const stream = { ...DEFAULT_ANSWERS, style: 'stream' as const, dir: 'k2u' as const, size: 4096 };
    const ring = measuredAt(dataset, 'mmap', 'k2u', 4096, 'ring')!;
    // The fixture's seqlock is cheaper at 4 KiB: the "lowest p50" rule would have shown it for a stream.
    expect(measuredAt(dataset, 'mmap', 'k2u', 4096, 'seqlock')!.latencyNs.p50).toBeLessThan(ring.latencyNs.p50);
    const [p50] = measuredRows([byId('mmap')], stream, dataset);
    expect(p50!.cells[0]).toMatchObject({ text: formatNs(ring.latencyNs.p50), note: expect.stringMatching(/^ring: /) });
  });

  it('states the load the answers need', () => {
    expect(askedFor({ ...DEFAULT_ANSWERS, size: 4096, rate: 1000, lat: null })).toEqual([
      { label: 'Message size', value: '4 KiB' },
      { label: 'Rate', value: '1k msg/s' },
      { label: 'Load', value: '4 KiB × 1k msg/s = 4.1 MB/s' },
      { label: 'Latency budget', value: 'none' },
    ]);
  });
});
