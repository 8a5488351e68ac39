import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceSchema } from '#src/core/reference';
import { getJson } from '#src/lib/api-client';
import { apiKeys } from '#src/lib/api/keys';

export const getReference = (id: string, signal?: AbortSignal) =>
  getJson(`/api/methods/${encodeURIComponent(id)}/reference`, referenceSchema, signal);

export const referenceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...apiKeys.methods(), id, 'reference'] as const,
    queryFn: ({ signal }) => getReference(id, signal),
    staleTime: Infinity,
  });

export const useReference = (id: string, enabled = true) => useQuery({ ...referenceQueryOptions(id), enabled });
