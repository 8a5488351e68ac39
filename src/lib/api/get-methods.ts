import { queryOptions, useQuery } from '@tanstack/react-query';
import { methodListSchema } from '#src/core/catalogue-schema';
import { getJson } from '../api-client';
import { apiKeys } from './keys';

export const getMethods = (signal?: AbortSignal) => getJson('/api/methods', methodListSchema, signal);

export const methodsQueryOptions = () =>
  queryOptions({
    queryKey: apiKeys.methods(),
    queryFn: ({ signal }) => getMethods(signal).then((r) => r.methods),
    staleTime: Infinity,
  });

export const useMethods = () => useQuery(methodsQueryOptions());
