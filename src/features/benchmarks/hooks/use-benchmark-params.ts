import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  decodeBenchmarkView,
  decodePanelView,
  PANEL_FIELDS,
  writeHidden,
  writePanelView,
  type BenchmarkView,
  type PanelView,
} from '#src/core/bench-view-codec';

export type BenchmarkParams = BenchmarkView;

// The whole view lives in the URL (src/core/bench-view-codec.ts) so a link shows someone else the same charts
// and tables. Every change replaces the entry: toggling a series is not a page to go back to. What it hands
// out stays the same object while its part of the URL does, so a chart whose view did not change is not redrawn
// (the charts are memoised: one redraw of them all is seconds on a slow machine).
export function useBenchmarkParams() {
  const [search, setSearch] = useSearchParams();
  const dataset = search.get('dataset') || null;
  const compare = search.get('compare') || null;
  const hide = search.get('hide') ?? '';
  const params: BenchmarkParams = useMemo(
    () => decodeBenchmarkView(new URLSearchParams({ ...(dataset && { dataset }), ...(compare && { compare }), hide })),
    [dataset, compare, hide],
  );

  // react-router's setter changes with every URL; the latest one is called, so the callbacks below stay put.
  const setSearchRef = useRef(setSearch);
  useEffect(() => {
    setSearchRef.current = setSearch;
  });
  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setSearchRef.current(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace: true, flushSync: true },
      ),
    [],
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

  const views = useRef(new Map<string, { key: string; view: PanelView }>());
  const panelView = (panel: string): PanelView => {
    const key = PANEL_FIELDS.map((f) => search.get(`${panel}.${f}`) ?? '').join('\n');
    const cached = views.current.get(panel);
    if (cached?.key === key) return cached.view;
    const view = decodePanelView(search, panel);
    views.current.set(panel, { key, view });
    return view;
  };
  const setPanelView = useCallback(
    (panel: string, change: PanelView) => update((next) => writePanelView(next, panel, change)),
    [update],
  );

  return { params, selectDataset, setCompare, toggleSeries, showAll, panelView, setPanelView };
}
