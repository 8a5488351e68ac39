import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '#src/lib/api-client';
import { runListSchema } from '#src/core/runs';
import { isFinal } from '../utils/run-state';
import { collectKeys } from './keys';

export const getRuns = (signal?: AbortSignal) => getJson('/api/runs', runListSchema, signal);

export const runsQueryOptions = () =>
  queryOptions({
    queryKey: collectKeys.runList(),
    queryFn: ({ signal }) => getRuns(signal).then((r) => r.runs),
    // Runs may be started elsewhere (another tab, the CLI's server); look again while one is unfinished.
    refetchInterval: (query) => (query.state.data?.some((r) => !isFinal(r.state)) ? 10_000 : false),
  });

export const useRuns = () => useQuery(runsQueryOptions());
