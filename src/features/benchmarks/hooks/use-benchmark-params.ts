import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  decodeBenchmarkView,
  decodePanelView,
  writeHidden,
  writePanelView,
  type BenchmarkView,
  type PanelView,
} from '#src/core/bench-view-codec';

export type BenchmarkParams = BenchmarkView;

// The whole view lives in the URL (src/core/bench-view-codec.ts) so a link shows someone else the same charts
// and tables. Every change replaces the entry: toggling a series is not a page to go back to.
export function useBenchmarkParams() {
  const [search, setSearch] = useSearchParams();
  const params: BenchmarkParams = useMemo(() => decodeBenchmarkView(search), [search]);

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
        const hidden = new Set(decodeBenchmarkView(next).hidden);
        if (hidden.has(key)) hidden.delete(key);
        else hidden.add(key);
        writeHidden(next, hidden);
      }),
    [update],
  );

  const showAll = useCallback(
    (keys: string[]) =>
      update((next) => {
        const hidden = new Set(decodeBenchmarkView(next).hidden);
        for (const k of keys) hidden.delete(k);
        writeHidden(next, hidden);
      }),
    [update],
  );

  const panelView = useCallback((panel: string): PanelView => decodePanelView(search, panel), [search]);
  const setPanelView = useCallback(
    (panel: string, change: PanelView) => update((next) => writePanelView(next, panel, change)),
    [update],
  );

  return { params, selectDataset, setCompare, toggleSeries, showAll, panelView, setPanelView };
}
