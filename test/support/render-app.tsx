// The whole app (providers and routes) rendered at a URL in a memory router, with a fresh query client that
// does not retry: what every page-level component test starts from.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { AppProvider } from '../../src/app/provider';
import { routes } from '../../src/app/router';

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
