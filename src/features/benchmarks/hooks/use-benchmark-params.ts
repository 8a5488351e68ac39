import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface BenchmarkParams {
  /** The dataset shown; null until the user picks one (the page then shows the newest). */
  dataset: string | null;
  /** A second dataset compared point by point with the first. */
  compare: string | null;
  /** Series keys switched off in the charts ("method" or "method/variant"). */
  hidden: ReadonlySet<string>;
}

// The selection lives in the URL so a link shows someone else the same charts: ?dataset=&compare=&hide=.
export function useBenchmarkParams() {
  const [search, setSearch] = useSearchParams();
  const hideParam = search.get('hide') ?? '';
  const params: BenchmarkParams = useMemo(
    () => ({
      dataset: search.get('dataset') || null,
      compare: search.get('compare') || null,
      hidden: new Set(hideParam.split(',').filter(Boolean)),
    }),
    [search, hideParam],
  );

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace: true, flushSync: true },
      ),
    [setSearch],
  );

  const selectDataset = useCallback(
    (id: string) =>
      update((next) => {
        next.set('dataset', id);
        if (next.get('compare') === id) next.delete('compare');
      }),
    [update],
  );

  const setCompare = useCallback(
    (id: string | null) =>
      update((next) => {
        if (id) next.set('compare', id);
        else next.delete('compare');
      }),
    [update],
  );

  const toggleSeries = useCallback(
    (key: string) =>
      update((next) => {
        const hidden = new Set((next.get('hide') ?? '').split(',').filter(Boolean));
        if (hidden.has(key)) hidden.delete(key);
        else hidden.add(key);
        if (hidden.size === 0) next.delete('hide');
        else next.set('hide', [...hidden].sort().join(','));
      }),
    [update],
  );

  const showAll = useCallback(
    (keys: string[]) =>
      update((next) => {
        const hidden = new Set((next.get('hide') ?? '').split(',').filter(Boolean));
        for (const k of keys) hidden.delete(k);
        if (hidden.size === 0) next.delete('hide');
        else next.set('hide', [...hidden].sort().join(','));
      }),
    [update],
  );

  return { params, selectDataset, setCompare, toggleSeries, showAll };
}
