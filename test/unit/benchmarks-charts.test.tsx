// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriesStyle } from '../../src/core/series-style';
import { SeriesTooltipBody } from '../../src/features/benchmarks/components/SeriesTooltip';
import { tcg, renderApp, setupBenchmarksApi } from '../support/benchmarks-app';

setupBenchmarksApi();

async function chartPanel(name: RegExp): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name });
  return heading.closest('section')!;
}

const lines = (root: ParentNode, key: string) => root.querySelectorAll(`.recharts-line.s-${key}`).length;

describe('benchmarks page: charts', { timeout: 40_000 }, () => {
  it('draws one line per method with its band, the null-syscall floor and a legend with its colour and dash', async () => {
    renderApp('/benchmarks?dataset=fixture-synthetic');
    const panel = await chartPanel(/Round-trip latency/);
    const keys = [...new Set(tcg.results.filter((r) => r.pattern === 'roundtrip').map((r) => r.method))].sort();
    for (const key of keys) {
      expect(lines(panel, key)).toBe(1);
      expect(panel.querySelectorAll(`.recharts-area.s-${key}`)).toHaveLength(1);
      const toggle = within(panel).getByRole('button', { name: key });
      expect(toggle).toHaveAttribute('aria-pressed', 'true');
      const stroke = panel.querySelector(`.recharts-line.s-${key} .recharts-line-curve`)!.getAttribute('stroke')!;
      expect(stroke).toBe(seriesStyle(key).color);
      const sample = toggle.querySelector('.series-glyph line')!;
      expect(sample.getAttribute('stroke')).toBe(stroke);
      expect(sample.getAttribute('stroke-dasharray')).toBe(seriesStyle(key).dash);
    }
    expect(panel.querySelectorAll('.recharts-reference-line')).toHaveLength(1);
    expect(within(panel).getByText(/null syscall p50 400 ns/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Kernel → user throughput/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /User → kernel throughput/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Kernel → user latency/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Wake-up latency/ })).toBeInTheDocument();
  });

  it('switches a method off in every chart from a legend, and back on, through the link', async () => {
    const user = userEvent.setup();
    const router = renderApp('/benchmarks?dataset=fixture-synthetic');
    const panel = await chartPanel(/Round-trip latency/);
    const page = panel.closest('.benchmarks')!;
    const before = lines(page, 'chardev');
    expect(before).toBeGreaterThanOrEqual(4);
    expect(lines(panel, 'ioctl')).toBe(1);
    await user.click(within(panel).getByRole('button', { name: 'chardev' }));
    expect(router.state.location.search).toContain('hide=chardev');
    expect(lines(page, 'chardev')).toBe(0);
    expect(panel.querySelectorAll('.recharts-area.s-chardev')).toHaveLength(0);
    expect(lines(panel, 'ioctl')).toBe(1);
    expect(within(panel).getByRole('button', { name: 'chardev' })).toHaveAttribute('aria-pressed', 'false');
    await user.click(within(panel).getByRole('button', { name: /show all/i }));
    expect(lines(page, 'chardev')).toBe(before);
  });

  it('shows the same numbers in a pivot table, methods by sizes, and says the intervals are missing', async () => {
    const user = userEvent.setup();
    renderApp('/benchmarks?dataset=fixture-synthetic&hide=ioctl');
    const panel = await chartPanel(/Round-trip latency/);
    // A kcomm-bench/1 dataset has no paired ratios: the chart says so and cannot switch to them.
    expect(within(panel).getByText(/Intervals are missing/)).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: '× ref' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Table' }));
    const table = within(panel).getByRole('table', { name: /Round-trip latency by message size, fixture-synthetic/ });
    expect(within(table).getByRole('columnheader', { name: /Method/ })).toHaveTextContent('ns, µs, ms');
    const sizes = within(table)
      .getAllByRole('columnheader')
      .slice(1)
      .map((h) => h.textContent);
    expect(sizes[0]).toBe('64 B');
    const chardev = within(table)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-series') === 'chardev')!;
    // chardev round trip at 64 B in the fixture: p50 4022 ns.
    expect(within(chardev).getAllByRole('cell')[0]).toHaveTextContent('4.022 µs');
    expect(within(panel).getByText(/intervals and unstable flags are missing/)).toBeInTheDocument();
    expect(
      within(table)
        .queryAllByRole('row')
        .some((r) => r.getAttribute('data-series') === 'ioctl'),
    ).toBe(false);
    expect(panel.querySelector('svg.recharts-surface')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Chart' }));
    expect(panel.querySelector('svg.recharts-surface')).not.toBeNull();
  });

  it('draws throughput under the memcpy line and switches to messages per second', async () => {
    const user = userEvent.setup();
    renderApp('/benchmarks?dataset=fixture-synthetic');
    const panel = await chartPanel(/Kernel → user throughput/);
    expect(panel.querySelectorAll('.recharts-line.baseline-series')).toHaveLength(1);
    expect(within(panel).getByText(/memcpy peak 9 GB\/s/)).toBeInTheDocument();
    const ticks = () => Array.from(panel.querySelectorAll('.recharts-yAxis-tick-labels text'), (t) => t.textContent);
    expect(ticks().join(' ')).toMatch(/B\/s/);
    await user.click(within(panel).getByRole('button', { name: 'msg/s' }));
    expect(ticks().join(' ')).toMatch(/msg\/s/);
    expect(within(panel).queryByText(/memcpy peak/)).not.toBeInTheDocument();
  });

  it('draws a wake-up dot per method, fastest first', async () => {
    renderApp('/benchmarks?dataset=fixture-synthetic');
    const panel = await chartPanel(/Wake-up latency/);
    const notify = tcg.results.filter((r) => r.pattern === 'notify').sort((x, y) => x.latencyNs.p50 - y.latencyNs.p50);
    const dots = Array.from(panel.querySelectorAll('g.series path.point'), (c) => c.getAttribute('class'));
    expect(dots).toHaveLength(notify.length);
    const labels = Array.from(panel.querySelectorAll('.recharts-yAxis-tick-labels text'), (t) => t.textContent);
    expect(labels).toEqual(notify.map((r) => (r.variant ? `${r.method}/${r.variant}` : r.method)));
  });
  // A dozen URL changes, each redrawing a panel in jsdom: slower than the others on a busy machine.
  it(
    'keeps each chart’s metric, view and table state in the link, and a shared link reopens them',
    { timeout: 90_000 },
    async () => {
      const user = userEvent.setup();
      const router = renderApp('/benchmarks?dataset=fixture-synthetic');
      let panel = await chartPanel(/Kernel → user throughput/);
      const search = () => new URLSearchParams(router.state.location.search);
      await user.click(within(panel).getByRole('button', { name: 'msg/s' }));
      expect(search().get('throughput-k2u.as')).toBe('msgs');
      await user.click(within(panel).getByRole('button', { name: 'Table' }));
      expect(search().get('throughput-k2u.view')).toBe('table');
      await user.selectOptions(within(panel).getByLabelText('Rows'), 'size');
      expect(search().get('throughput-k2u.rows')).toBe('size');
      expect(search().get('throughput-k2u.cols')).toBe('method');
      await user.selectOptions(within(panel).getByLabelText('Show'), 'p99');
      await user.click(within(panel).getByLabelText('Filter'));
      await user.paste('chardev');
      const table = within(panel).getByRole('table');
      const firstColumn = within(table).getAllByRole('columnheader')[1]!;
      const column = firstColumn.textContent!;
      await user.click(within(firstColumn).getByRole('button'));
      expect(firstColumn).toHaveAttribute('aria-sort', 'descending');
      expect(search().get('throughput-k2u.sort')).toBe(`-${column}`);
      // The filter reaches the URL once typing pauses.
      await waitFor(() => expect(search().get('throughput-k2u.filter')).toBe('chardev'));
      expect(search().get('throughput-k2u.cell')).toBe('p99');
      const seen = within(table)
        .getAllByRole('row')
        .map((r) => r.textContent);
      // Other charts keep their defaults, and write nothing.
      expect([...search().keys()].filter((k) => !k.startsWith('throughput-k2u.'))).toEqual(['dataset']);

      const link = `${router.state.location.pathname}${router.state.location.search}`;
      cleanup();
      renderApp(link);
      panel = await chartPanel(/Kernel → user throughput/);
      const again = await within(panel).findByRole('table');
      expect(within(panel).getByLabelText('Rows')).toHaveValue('size');
      expect(within(panel).getByLabelText('Columns')).toHaveValue('method');
      expect(within(panel).getByLabelText('Show')).toHaveValue('p99');
      expect(within(panel).getByLabelText('Filter')).toHaveValue('chardev');
      expect(within(again).getAllByRole('columnheader')[1]).toHaveAttribute('aria-sort', 'descending');
      expect(
        within(again)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual(seen);
      await user.click(within(panel).getByRole('button', { name: 'Chart' }));
      expect(within(panel).getByRole('button', { name: 'msg/s' })).toHaveAttribute('aria-pressed', 'true');
      const ticks = Array.from(panel.querySelectorAll('.recharts-yAxis-tick-labels text'), (t) => t.textContent);
      expect(ticks.join(' ')).toMatch(/msg\/s/);
    },
  );

  it('opens the table of every point from a link, and draws a ratio a dataset cannot give as its default', async () => {
    renderApp('/benchmarks?dataset=fixture-synthetic&points.view=table&points.rows=pattern&latency-roundtrip.as=ratio');
    const all = (await screen.findByRole('heading', { name: /Every point, as a table/ })).closest('section')!;
    expect(all.querySelector('details')).toHaveAttribute('open');
    expect(within(all).getByLabelText('Rows')).toHaveValue('pattern');
    expect(within(all).getByLabelText('Columns')).toHaveValue('size');
    // kcomm-bench/1 has no paired ratios: the link's "× ref" cannot be honoured, the latency is drawn.
    const panel = await chartPanel(/Round-trip latency/);
    expect(within(panel).getByRole('button', { name: '× ref' })).toHaveAttribute('aria-pressed', 'false');
    expect(within(panel).getByRole('button', { name: 'time' })).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('the chart tooltip', () => {
  const point = {
    sizeBytes: 0,
    p50: 5477,
    p90: 5900,
    p99: 6120,
    max: 9000,
    mean: 5600,
    band: [5900, 6120] as [number, number],
    msgsPerSec: 497,
    MBps: 0,
    samples: 100,
    errors: 0,
    ratio: null,
    ratioMedian: 0,
    unstable: false,
  };

  it("gives a wake-up no msg/s (the test's delay before each event sets it), and other points theirs", () => {
    render(<SeriesTooltipBody sizeBytes={null} hovered={[{ key: 'chardev', point }]} wakeup />);
    expect(screen.queryByRole('columnheader', { name: 'msg/s' })).toBeNull();
    expect(screen.getByRole('table').textContent).not.toContain('497');
    cleanup();
    render(<SeriesTooltipBody sizeBytes={64} hovered={[{ key: 'chardev', point }]} />);
    expect(screen.getByRole('columnheader', { name: 'msg/s' })).toBeInTheDocument();
    expect(screen.getByRole('table').textContent).toContain('497');
  });
});
