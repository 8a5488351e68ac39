import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '#src/lib/api-client';
import { runSchema } from '#src/core/runs';
import { collectKeys } from './keys';

export const getRun = (id: string, signal?: AbortSignal) =>
  getJson(`/api/runs/${encodeURIComponent(id)}`, runSchema, signal);

export const runQueryOptions = (id: string) =>
  queryOptions({
    queryKey: collectKeys.run(id),
    queryFn: ({ signal }) => getRun(id, signal),
  });

export const useRun = (id: string | null) => useQuery({ ...runQueryOptions(id ?? ''), enabled: id !== null });
