// The whole app (providers and routes) rendered at a URL in a memory router, with a fresh query client that
// does not retry: what every page-level component test starts from.
import { QueryClient } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { AppProvider } from '../../src/app/provider';
import { routes } from '../../src/app/router';

/**
 * How long findBy* and waitFor keep looking for the state a test needs. A page is a lazy chunk behind a
 * query: on a busy machine (a CI run beside other work) it may show "Loading" well past the library's default
 * of 1 s, which made results tests fail while the page was still loading. The waits end as soon as the state
 * is there; this is only the bound after which a missing state is a failure.
 */
export const STATE_TIMEOUT_MS = 20_000;
configure({ asyncUtilTimeout: STATE_TIMEOUT_MS });

export function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProvider client={client}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}
