import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DatasetSummary } from '#src/core/dataset-schema';
import { getJson } from '../api-client';
import { apiKeys } from './keys';

export const getDatasets = (signal?: AbortSignal) => getJson<{ datasets: DatasetSummary[] }>('/api/datasets', signal);

export const datasetsQueryOptions = () =>
  queryOptions({
    queryKey: apiKeys.datasets(),
    queryFn: ({ signal }) => getDatasets(signal).then((r) => r.datasets),
    staleTime: 60_000,
  });

export const useDatasets = () => useQuery(datasetsQueryOptions());
