import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useRuns } from '../api/get-runs';
import { isFinal } from '../utils/run-state';

/**
 * The run the live view follows: ?run=<id> when set (so a reload or a shared link finds it again), else the
 * newest unfinished run, so opening the page while a run is going shows it. That run is then written into
 * the URL, so the view stays on it after it finishes instead of vanishing with the last unfinished run.
 */
export function useWatchedRun() {
  const [search, setSearch] = useSearchParams();
  const runs = useRuns();
  const fromUrl = search.get('run');
  const unfinished = runs.data?.find((r) => !isFinal(r.state))?.id ?? null;
  const runId = fromUrl ?? unfinished;

  const watch = useCallback(
    (id: string, replace = false) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('run', id);
          return next;
        },
        { replace },
      ),
    [setSearch],
  );

  useEffect(() => {
    if (fromUrl === null && unfinished !== null) watch(unfinished, true);
  }, [fromUrl, unfinished, watch]);

  return { runId, watch: (id: string) => watch(id) };
}
