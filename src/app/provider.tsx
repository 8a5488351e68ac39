import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isFinalError } from '../lib/api-client';

// A 4xx (an unknown id, a refused parameter) or a reply this app cannot read will not change on a retry:
// show it at once.
const retry = (failures: number, error: unknown) => failures < 1 && !isFinalError(error);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false, retry } },
  });
}

export function AppProvider({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
