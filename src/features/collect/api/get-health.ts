import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '#src/lib/api-client';
import { healthSchema } from '#src/core/runs';
import { collectKeys } from './keys';

export const getHealth = (signal?: AbortSignal) => getJson('/api/health', healthSchema, signal);

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: collectKeys.health(),
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: 30_000,
    // The KVM probe runs in the background on the server; ask again until it has an answer.
    refetchInterval: (query) => (query.state.data?.checks.kvm.state === 'probing' ? 3_000 : false),
  });

export const useHealth = () => useQuery(healthQueryOptions());
