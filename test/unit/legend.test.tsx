// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import traitsJson from '../../data/traits.json';
import { TraitIcon } from '../../src/components/TraitIcon';
import { ICON_NAMES } from '../../src/core/ids';
import { renderApp } from '../support/render-app';

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.startsWith('/api/traits')) return Response.json({ traits: traitsJson.traits });
      if (url.startsWith('/api/datasets')) return Response.json({ datasets: [] });
      return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('trait legend', () => {
  it('opens from the header as a dialog, lists every trait with its icon, and closes with Escape', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const button = await screen.findByRole('button', { name: /trait icons/i });
    await user.click(button);
    const dialog = screen.getByRole('dialog', { name: 'Trait legend' });
    for (const t of traitsJson.traits) {
      expect(await within(dialog).findByRole('img', { name: t.label })).toBeInTheDocument();
    }
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('links from the dialog to the legend page, which says how the scoring uses each trait', async () => {
    const user = userEvent.setup();
    const router = renderApp('/methods/nonexistent');
    await user.click(await screen.findByRole('button', { name: /trait icons/i }));
    await user.click(screen.getByRole('link', { name: /full legend/i }));
    expect(router.state.location.pathname).toBe('/legend');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Trait legend' })).toBeInTheDocument();
    expect(screen.getByText(traitsJson.traits[0]!.scoring)).toBeInTheDocument();
  });

  it('draws every icon name with an accessible title', () => {
    for (const name of ICON_NAMES) {
      const { container, unmount } = render(<TraitIcon name={name} label={`label ${name}`} />);
      const svg = container.querySelector('svg')!;
      expect(svg).toHaveAttribute('aria-label', `label ${name}`);
      expect(svg.querySelector('title')).toHaveTextContent(`label ${name}`);
      expect(svg.children.length).toBeGreaterThan(1);
      unmount();
    }
  });
});
