import { queryOptions, useQuery } from '@tanstack/react-query';
import { datasetListSchema } from '#src/core/dataset-schema';
import { getJson } from '../api-client';
import { apiKeys } from './keys';

export const getDatasets = (signal?: AbortSignal) => getJson('/api/datasets', datasetListSchema, signal);

export const datasetsQueryOptions = () =>
  queryOptions({
    queryKey: apiKeys.datasets(),
    queryFn: ({ signal }) => getDatasets(signal).then((r) => r.datasets),
    staleTime: 60_000,
  });

export const useDatasets = () => useQuery(datasetsQueryOptions());
