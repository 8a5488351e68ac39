import { queryOptions, useQuery } from '@tanstack/react-query';
import { frameworkListSchema } from '#src/core/catalogue-schema';
import { getJson } from '../api-client';
import { apiKeys } from './keys';

export const getFrameworks = (signal?: AbortSignal) => getJson('/api/frameworks', frameworkListSchema, signal);

export const frameworksQueryOptions = () =>
  queryOptions({
    queryKey: apiKeys.frameworks(),
    queryFn: ({ signal }) => getFrameworks(signal).then((r) => r.frameworks),
    staleTime: Infinity,
  });

export const useFrameworks = () => useQuery(frameworksQueryOptions());
