import { queryOptions, useQuery } from '@tanstack/react-query';
import { datasetSchema } from '#src/core/dataset-schema';
import { getJson } from '../api-client';
import { apiKeys } from './keys';

export const getDataset = (id: string, signal?: AbortSignal) =>
  getJson(`/api/datasets/${encodeURIComponent(id)}`, datasetSchema, signal);

export const datasetQueryOptions = (id: string) =>
  queryOptions({
    queryKey: apiKeys.dataset(id),
    queryFn: ({ signal }) => getDataset(id, signal),
    staleTime: Infinity,
  });

export const useDataset = (id: string | null) => useQuery({ ...datasetQueryOptions(id ?? ''), enabled: id !== null });
