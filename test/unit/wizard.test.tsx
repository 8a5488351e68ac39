// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ANSWERS } from '../../src/core/answers';
import { useAnswersStore } from '../../src/features/wizard/stores/answers';
import { renderApp } from '../support/render-app';

beforeEach(() => {
  localStorage.clear();
  useAnswersStore.setState({ answers: DEFAULT_ANSWERS, step: 0, given: [] });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/datasets')) return Response.json({ datasets: [] });
      if (url.startsWith('/api/traits')) return Response.json({ traits: [] });
      return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('wizard', () => {
  it('walks the seven steps in order with a progress indicator and moves focus to each heading', async () => {
    const user = userEvent.setup();
    renderApp('/');
    expect(await screen.findByText('Step 1 of 7')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: /which way does the data flow/i })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /both ways/i }));
    await user.click(screen.getByRole('button', { name: /next/i }));
    expect(screen.getByText('Step 2 of 7')).toBeInTheDocument();
    const heading = screen.getByRole('heading', { level: 1, name: /what kind of exchange/i });
    expect(heading).toHaveFocus();

    await user.click(screen.getByRole('button', { name: /back/i }));
    expect(screen.getByRole('heading', { level: 1, name: /which way/i })).toHaveFocus();
    expect(screen.getByRole('radio', { name: /both ways/i })).toBeChecked();
    expect(useAnswersStore.getState().answers.dir).toBe('both');
  });

  it('Enter goes to the next step and a bad size is reported inline and blocks Next', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('radio', { name: /kernel → user space/i }));
    await user.keyboard('{Enter}');
    expect(screen.getByText('Step 2 of 7')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /stream/i }));
    await user.keyboard('{Enter}');
    expect(screen.getByText('Step 3 of 7')).toBeInTheDocument();

    const size = screen.getByRole('textbox', { name: 'Message size' });
    await user.clear(size);
    await user.type(size, '12x');
    expect(screen.getByText(/"12x" is not a number/)).toBeInTheDocument();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Step 3 of 7')).toBeInTheDocument();
    expect(screen.getByText(/fix the value above/i)).toBeInTheDocument();

    await user.clear(size);
    await user.type(size, '4');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Message size unit' }), 'KiB');
    expect(useAnswersStore.getState().answers.size).toBe(4096);
    await user.type(size, '{Enter}');
    expect(screen.getByText('Step 4 of 7')).toBeInTheDocument();
  });

  it('finishes on the results permalink with the answers in the query string', async () => {
    const user = userEvent.setup();
    const router = renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('button', { name: /7 constraints/i }));
    expect(screen.getByText('Step 7 of 7')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /usable from a shell/i }));
    const kernel = screen.getByRole('textbox', { name: /oldest kernel/i });
    await user.clear(kernel);
    await user.type(kernel, '6.1');
    await user.click(screen.getByRole('button', { name: /show recommendation/i }));
    await act(async () => {});
    expect(router.state.location.pathname).toBe('/results');
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('shell')).toBe('1');
    expect(params.get('kernel')).toBe('6.1');
    expect(params.get('dir')).toBe('k2u');
  });

  it('opens at a step with the answers a results page links with', async () => {
    renderApp('/?step=rate&dir=u2k&rate=250&v=1');
    expect(await screen.findByText('Step 4 of 7')).toBeInTheDocument();
    expect(useAnswersStore.getState().answers).toMatchObject({ dir: 'u2k', rate: 250 });
    const summary = screen.getByRole('complementary', { name: /your answers/i });
    expect(within(summary).getByText('User space → kernel')).toBeInTheDocument();
  });
});

describe('answers store', () => {
  it('migrates an old or damaged stored draft to valid answers', async () => {
    const migrate = useAnswersStore.persist.getOptions().migrate!;
    const old = (await migrate({ dir: 'both', size: -3, rate: 10 }, 0)) as { answers: typeof DEFAULT_ANSWERS };
    expect(old.answers).toEqual({ ...DEFAULT_ANSWERS, dir: 'both', rate: 10 });
    const bad = (await migrate({ answers: { kernel: 'x' }, step: 99 }, 1)) as { step: number };
    expect(bad.step).toBe(6);
  });

  it('opens with what kcomm is and six situations; a situation fills the answers, which stop being defaults', async () => {
    const user = userEvent.setup();
    renderApp('/');
    expect(
      await screen.findByText(/tells you which interface your Linux kernel module should use/),
    ).toBeInTheDocument();
    const summary = screen.getByRole('complementary', { name: 'Your answers' });
    expect(within(summary).getAllByText('default').length).toBeGreaterThan(10);
    const situations = screen.getAllByRole('button', { name: /telemetry|tunable|wake-up|control plane|bulk|upcall/i });
    expect(situations).toHaveLength(6);
    await user.click(screen.getByRole('button', { name: /upcall/i }));
    expect(screen.getByText('Step 7 of 7')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Filled from “Upcall”');
    expect(useAnswersStore.getState().answers).toMatchObject({
      dir: 'both',
      style: 'request',
      asks: 'kernel',
      daemon: false,
    });
    const daemonRow = within(summary).getByText('Resident receiver').parentElement!;
    expect(daemonRow).not.toHaveTextContent('default');
    expect(within(summary).getByText('Oldest kernel').parentElement!).toHaveTextContent('default');
    expect(screen.getByText('Enter shows the recommendation.')).toBeInTheDocument();
  });

  it('asks the daemon, scope and loss questions where they matter, "not sure" meaning not said', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    expect(screen.getByText('Enter goes to the next step.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /kernel → user space/i }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('radio', { name: /^stream/i }));
    const daemon = screen.getByRole('group', { name: /always running/i });
    expect(within(daemon).getByRole('radio', { name: /not sure/i })).toBeChecked();
    await user.click(within(daemon).getByRole('radio', { name: /yes, a daemon/i }));
    expect(useAnswersStore.getState().answers.daemon).toBe(true);
    await user.click(within(daemon).getByRole('radio', { name: /not sure/i }));
    expect(useAnswersStore.getState().answers.daemon).toBeNull();
    expect(screen.queryByRole('group', { name: /per device or to the whole system/i })).toBeNull();
    await user.click(screen.getByRole('radio', { name: /configuration/i }));
    expect(screen.getByRole('group', { name: /per device or to the whole system/i })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /always running/i })).toBeNull();
    // A request user space makes needs nobody waiting; one the kernel makes does.
    await user.click(screen.getByRole('radio', { name: /request \/ response/i }));
    expect(screen.queryByRole('group', { name: /always running/i })).toBeNull();

    await user.click(screen.getByRole('radio', { name: /^stream/i }));
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Step 4 of 7')).toBeInTheDocument();
    // The rate's unit starts at messages per second: typing 50 means 50, not 50 000.
    expect(screen.getByRole('combobox', { name: 'Messages unit' })).toHaveDisplayValue('msg/s');
    const rate = screen.getByRole('textbox', { name: 'Messages' });
    await user.clear(rate);
    await user.type(rate, '50');
    expect(useAnswersStore.getState().answers.rate).toBe(50);
    const loss = screen.getByRole('group', { name: /may messages be dropped/i });
    await user.click(within(loss).getByRole('radio', { name: /never drop/i }));
    expect(useAnswersStore.getState().answers.loss).toBe(false);
  });

  it('asks who starts each exchange only for requests both ways', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('radio', { name: /kernel → user space/i }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('radio', { name: /request \/ response/i }));
    expect(screen.queryByRole('group', { name: /who starts each exchange/i })).toBeNull();
    await user.click(screen.getByRole('button', { name: /back/i }));
    await user.click(screen.getByRole('radio', { name: /both ways/i }));
    await user.keyboard('{Enter}');
    const asks = screen.getByRole('group', { name: /who starts each exchange/i });
    expect(within(asks).getByRole('radio', { name: /not sure/i })).toBeChecked();
    await user.click(within(asks).getByRole('radio', { name: /the kernel asks a daemon/i }));
    expect(useAnswersStore.getState().answers.asks).toBe('kernel');
    const grows = screen.getByRole('group', { name: /will the commands or their fields grow/i });
    await user.click(within(grows).getByRole('radio', { name: /new commands and options will come/i }));
    expect(useAnswersStore.getState().answers.grows).toBe(true);
  });

  it('asks where the kernel does the work only for what user space sends', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('radio', { name: /kernel → user space/i }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('group', { name: /where does the kernel do the work/i })).toBeNull();
    await user.click(screen.getByRole('button', { name: /back/i }));
    await user.click(screen.getByRole('radio', { name: /user space → kernel/i }));
    await user.keyboard('{Enter}');
    const worker = screen.getByRole('group', { name: /where does the kernel do the work/i });
    expect(within(worker).getByRole('radio', { name: /not sure/i })).toBeChecked();
    await user.click(within(worker).getByRole('radio', { name: /in a kernel thread it wakes/i }));
    expect(useAnswersStore.getState().answers.worker).toBe(true);
    await user.click(screen.getByRole('radio', { name: /request \/ response/i }));
    expect(screen.queryByRole('group', { name: /where does the kernel do the work/i })).toBeNull();
  });

  it('asks what the data is about only when no module may be shipped', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('button', { name: /7 constraints/i }));
    expect(screen.queryByRole('group', { name: /what is the data about/i })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /may ship a custom kernel module/i }));
    const topic = screen.getByRole('group', { name: /what is the data about/i });
    expect(within(topic).getByRole('radio', { name: /not sure/i })).toBeChecked();
    await user.click(within(topic).getByRole('radio', { name: /processes/i }));
    expect(useAnswersStore.getState().answers.topic).toBe('process');
  });

  it('asks the kernel framework of the device, as a select, only when a module is shipped', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('button', { name: /7 constraints/i }));
    const select = screen.getByRole('combobox', { name: /belong to a kernel framework/i });
    expect(select).toHaveValue('');
    expect(within(select).getAllByRole('option')).toHaveLength(17);
    await user.selectOptions(select, 'the power_supply class: batteries, chargers, UPSes');
    expect(useAnswersStore.getState().answers.framework).toBe('power-supply');
    const summary = screen.getByRole('complementary', { name: /your answers/i });
    expect(within(summary).getByText('Kernel framework').nextElementSibling).toHaveTextContent(
      'the power_supply class (batteries, chargers, UPSes)',
    );
    await user.selectOptions(select, 'None fits this device');
    expect(useAnswersStore.getState().answers.framework).toBe('none');
    await user.selectOptions(select, 'Not said: no framework assumed');
    expect(useAnswersStore.getState().answers.framework).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: /may ship a custom kernel module/i }));
    expect(screen.queryByRole('combobox', { name: /belong to a kernel framework/i })).toBeNull();
  });

  it('asks whether user space already relies on an interface, as a select, and shows the answer in the summary', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('button', { name: /7 constraints/i }));
    const select = screen.getByRole('combobox', { name: /already rely on an interface/i });
    expect(select).toHaveValue('');
    expect(within(select).getAllByRole('option')).toHaveLength(21);
    await user.selectOptions(select, 'Yes, a /proc file');
    expect(useAnswersStore.getState().answers.keep).toBe('procfs');
    const summary = screen.getByRole('complementary', { name: /your answers/i });
    expect(within(summary).getByText('Existing interface').nextElementSibling).toHaveTextContent(
      'a /proc file that user space relies on',
    );
    await user.selectOptions(select, 'No, or not said: nothing exists yet');
    expect(useAnswersStore.getState().answers.keep).toBeNull();
  });
});
