// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import methodsJson from '../../data/methods.json';
import traitsJson from '../../data/traits.json';
import reportJson from '../fixtures/report-synthetic.json';
import { renderApp, STATE_TIMEOUT_MS } from '../support/render-app';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/methods')) return Response.json({ methods: methodsJson.methods });
      if (url.startsWith('/api/traits')) return Response.json({ traits: traitsJson.traits });
      if (url.startsWith('/api/datasets')) return Response.json({ datasets: [] });
      if (url.startsWith('/api/advice')) return Response.json({ ...reportJson, basis: 'traits', dataset: null });
      return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const bodyRows = () =>
  Array.from(screen.getByRole('table').querySelectorAll('tbody tr[data-row]'), (r) => r.getAttribute('data-row'));
const columnNames = () => Array.from(screen.getByRole('table').querySelectorAll('thead th'), (h) => h.textContent);

// Each test may wait up to STATE_TIMEOUT_MS for the page to load (see test/support/render-app.tsx).
describe('compare page', { timeout: STATE_TIMEOUT_MS + 10_000 }, () => {
  it('puts the chosen methods side by side with traits, facts and scores for the answers', async () => {
    renderApp('/compare?m=genetlink,chardev&dir=both&style=request&v=1');
    const table = await screen.findByRole('table');
    expect(columnNames().slice(1)).toEqual(['Generic netlink', 'Character device (read/write/poll)']);
    expect(within(table).getByRole('rowheader', { name: /Score for your answers/ })).toBeInTheDocument();
    expect(within(table).getByRole('img', { name: 'Small messages' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Generic netlink' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'debugfs' })).not.toBeChecked();
  });

  it('lines up the hard limits the advice enforces, with their sources, and a dash where a method has none', async () => {
    renderApp('/compare?m=eventfd,uevent&v=1');
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Hard limits' })).toBeInTheDocument();
    const payload = within(table).getByRole('rowheader', { name: 'Largest message' }).closest('tr')!;
    const cells = within(payload).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/^8 B/);
    expect(cells[0]).toHaveTextContent('eventfd(2)');
    expect(cells[1]).toHaveTextContent(/^2 KiB/);
    expect(cells[1]).toHaveTextContent('include/linux/kobject.h: UEVENT_BUFFER_SIZE');
    // Only what carries data from user space says how the kernel receives it.
    const recv = within(table)
      .getByRole('rowheader', { name: 'What user space sends reaches the kernel' })
      .closest('tr')!;
    const [eventfd, uevent] = within(recv).getAllByRole('cell');
    expect(eventfd).toHaveTextContent(/by waking a kernel thread/);
    expect(uevent).toHaveTextContent(/^—$/);
  });

  it('hides the rows where every method agrees and keeps those where they differ', async () => {
    const user = userEvent.setup();
    const router = renderApp('/compare?m=genetlink,chardev&v=1');
    await screen.findByRole('table');
    const all = bodyRows();
    expect(all).toContain('abi');
    expect(all).toContain('shell');
    await user.click(screen.getByRole('checkbox', { name: /hide rows where they agree/i }));
    expect(router.state.location.search).toContain('diff=1');
    const shown = bodyRows();
    expect(shown).not.toContain('abi');
    expect(shown).toContain('shell');
    expect(shown.length).toBeLessThan(all.length);
    await user.click(screen.getByRole('checkbox', { name: /hide rows where they agree/i }));
    expect(bodyRows()).toEqual(all);
  });

  it('adds a method by its checkbox, allows at most four and reports unknown ids', async () => {
    const user = userEvent.setup();
    const router = renderApp('/compare?m=genetlink,nosuch&v=1');
    expect(await screen.findByText(/no method is called "nosuch"/)).toBeInTheDocument();
    expect(screen.getByText(/tick at least two methods/i)).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'debugfs' }));
    await user.click(screen.getByRole('checkbox', { name: 'sysfs attributes' }));
    await user.click(screen.getByRole('checkbox', { name: 'procfs file' }));
    expect(new URLSearchParams(router.state.location.search).get('m')).toBe('genetlink,debugfs,sysfs,procfs');
    expect(screen.getByRole('checkbox', { name: 'configfs' })).toBeDisabled();
    expect(columnNames()).toHaveLength(5);
  });
});
