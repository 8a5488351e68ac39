import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '#src/lib/api-client';
import { apiKeys } from '#src/lib/api/keys';
import type { Reference } from '../lib/build-steps';

export const getReference = (id: string, signal?: AbortSignal) =>
  getJson<Reference>(`/api/methods/${encodeURIComponent(id)}/reference`, signal);

export const referenceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...apiKeys.methods(), id, 'reference'] as const,
    queryFn: ({ signal }) => getReference(id, signal),
    staleTime: Infinity,
  });

export const useReference = (id: string, enabled = true) => useQuery({ ...referenceQueryOptions(id), enabled });
