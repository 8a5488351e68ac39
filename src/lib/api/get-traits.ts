import { queryOptions, useQuery } from '@tanstack/react-query';
import { traitListSchema } from '#src/core/catalogue-schema';
import { getJson } from '../api-client';
import { apiKeys } from './keys';

export const getTraits = (signal?: AbortSignal) => getJson('/api/traits', traitListSchema, signal);

export const traitsQueryOptions = () =>
  queryOptions({
    queryKey: apiKeys.traits(),
    queryFn: ({ signal }) => getTraits(signal).then((r) => r.traits),
    staleTime: Infinity,
  });

export const useTraits = () => useQuery(traitsQueryOptions());
