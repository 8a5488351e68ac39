// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { tcg, renderApp, setupBenchmarksApi } from '../support/benchmarks-app';

setupBenchmarksApi();

const TCG_TEXT = 'Emulated CPU (QEMU TCG): compare methods with each other here, not with real hardware.';

describe('benchmarks page: datasets', { timeout: 20_000 }, () => {
  it('lists every dataset with where and how it was measured', async () => {
    renderApp('/benchmarks?dataset=fixture-synthetic');
    const card = (await screen.findByRole('radio', { name: 'fixture-synthetic' })).closest('li')!;
    const text = card.textContent ?? '';
    for (const expected of [
      'vm-tcg',
      'fixture',
      'Synthetic CPU (fixture)',
      '2025-01-15 10:00 UTC',
      'quick',
      'fixture-0000000',
      '10,000',
    ])
      expect(text).toContain(expected);
    expect(within(card).getByText('CPUs').nextSibling?.textContent).toBe('2');
    const other = screen.getByRole('radio', { name: 'fixture-local' }).closest('li')!;
    expect(other.textContent).toContain('6.12.0-local');
    expect(other.textContent).toContain('Fixture Native CPU');
    expect(other.textContent).toContain('20,000');
    expect(screen.getByRole('radio', { name: 'fixture-synthetic' })).toBeChecked();
  });

  it('shows a dataset that failed to load with its error instead of hiding it', async () => {
    renderApp('/benchmarks');
    const error = await screen.findByText(/could not be loaded: Unexpected end of JSON input/);
    expect(error.closest('li')?.textContent).toContain('half-written');
    expect(error.closest('li')?.textContent).toContain('benchmarks/half-written.json');
  });

  it('reports why a chosen dataset cannot be shown', async () => {
    renderApp('/benchmarks?dataset=half-written');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dataset half-written could not be loaded');
    expect(alert.textContent).toContain('half-written.json is not valid JSON');
  });

  it('says a dataset reply outside its schema cannot be read, naming the field, and draws nothing from it', async () => {
    const served = globalThis.fetch;
    const [first, ...rest] = tcg.results;
    const garbled = { ...tcg, results: [{ ...first, latencyNs: { ...first!.latencyNs, p50: 'fast' } }, ...rest] };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url === '/api/datasets/fixture-synthetic' ? Response.json(garbled) : served(url))),
    );
    renderApp('/benchmarks?dataset=fixture-synthetic');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Dataset fixture-synthetic could not be loaded');
    expect(alert.textContent).toContain(
      "The server's reply to GET /api/datasets/fixture-synthetic is not what this app expects",
    );
    expect(within(alert).getByText('results.0.latencyNs.p50=fast')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /latency by message size/i })).toBeNull();
  });

  it('warns about the emulated CPU for a vm-tcg dataset and not for a local one', async () => {
    const user = userEvent.setup();
    const router = renderApp('/benchmarks?dataset=fixture-synthetic');
    expect(await screen.findByText(TCG_TEXT)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'fixture-local' }));
    expect(router.state.location.search).toContain('dataset=fixture-local');
    await screen.findByRole('heading', { name: /Showing fixture-local/ });
    expect(screen.queryByText(TCG_TEXT)).not.toBeInTheDocument();
  });

  it('shows the newest usable dataset when the link names none, and writes it into the link', async () => {
    const router = renderApp('/benchmarks');
    await screen.findByRole('heading', { name: /Showing fixture-local/ });
    expect(router.state.location.search).toBe('?dataset=fixture-local');
  });

  it('keeps the dataset’s notes folded until asked', async () => {
    const user = userEvent.setup();
    renderApp('/benchmarks?dataset=fixture-synthetic');
    const summary = await screen.findByText(/Notes from the harness \(2\)/);
    const details = summary.closest('details')!;
    expect(details.open).toBe(false);
    await user.click(summary);
    expect(details.open).toBe(true);
    expect(within(details).getByText('SYNTHETIC TEST FIXTURE — not measured')).toBeInTheDocument();
  });
});

describe('benchmarks page: two datasets', { timeout: 20_000 }, () => {
  it('puts A, B and B/A side by side for the points both measured and says which is emulated', async () => {
    const user = userEvent.setup();
    const router = renderApp('/benchmarks?dataset=fixture-synthetic');
    await screen.findByText(TCG_TEXT);
    await user.click(screen.getByRole('checkbox', { name: /compare with the shown dataset/i }));
    expect(router.state.location.search).toContain('compare=fixture-local');
    const heading = await screen.findByRole('heading', { name: /A fixture-synthetic against B fixture-local/ });
    const panel = heading.closest('section')!;
    expect(panel.textContent).toContain('A (fixture-synthetic) is the emulated one (QEMU TCG)');
    const table = within(panel).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const ioctlCount = tcg.results.filter((r) => r.pattern === 'roundtrip' && r.method === 'ioctl').length;
    expect(rows).toHaveLength(ioctlCount);
    const ratios = rows.map((r) => Array.from(r.querySelectorAll('td.ratio'), (c) => c.textContent));
    for (const [p50, MBps] of ratios) {
      expect(p50).toBe('0.5×');
      expect(MBps).toBe('2×');
    }
    expect(rows[0]!.textContent).toContain('64 B');
  });

  it('opens the comparison from a shared link', async () => {
    renderApp('/benchmarks?dataset=fixture-local&compare=fixture-synthetic');
    const heading = await screen.findByRole('heading', { name: /A fixture-local against B fixture-synthetic/ });
    expect(heading.closest('section')!.textContent).toContain('B (fixture-synthetic) is the emulated one');
    const ratios = Array.from(heading.closest('section')!.querySelectorAll('td.ratio'), (c) => c.textContent);
    expect(ratios).toContain('2×');
    expect(ratios).toContain('0.5×');
  });
});
