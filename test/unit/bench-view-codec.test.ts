import { describe, expect, it } from 'vitest';
import {
  decodeBenchmarkView,
  decodePanelView,
  encodeBenchmarkView,
  writePanelView,
} from '../../src/core/bench-view-codec';
import { benchmarksPath } from '../../src/lib/paths';

describe('benchmarks view in the URL', () => {
  it('round-trips every panel field, the dataset, the compared one and the hidden series', () => {
    const panels = {
      'latency-roundtrip': { as: 'ratio', view: 'table' },
      points: {
        view: 'table',
        rows: 'size',
        cols: 'method',
        cell: 'p99',
        sort: { column: '4 KiB', direction: 'descending' },
        filter: 'genetlink ring',
      },
    } as const;
    const path = benchmarksPath('vm-tcg-x', { compare: 'local-y', hidden: new Set(['relay', 'chardev']), panels });
    const search = new URL(path, 'http://h').searchParams;
    expect(decodeBenchmarkView(search)).toEqual({
      dataset: 'vm-tcg-x',
      compare: 'local-y',
      hidden: new Set(['chardev', 'relay']),
    });
    expect(decodePanelView(search, 'latency-roundtrip')).toEqual(panels['latency-roundtrip']);
    expect(decodePanelView(search, 'points')).toEqual(panels.points);
    expect(decodePanelView(search, 'wakeup')).toEqual({});
    // Readable: the hidden list keeps its commas and the descending sort is a leading "-".
    expect(path).toContain('hide=chardev,relay');
    expect(search.get('points.sort')).toBe('-4 KiB');
  });

  it('keeps old links: a bare ?dataset= is the default view of every panel', () => {
    expect(benchmarksPath('vm-tcg-x')).toBe('/benchmarks?dataset=vm-tcg-x');
    const search = new URLSearchParams('dataset=vm-tcg-x&hide=ioctl');
    expect(decodePanelView(search, 'latency-roundtrip')).toEqual({});
    expect([...decodeBenchmarkView(search).hidden]).toEqual(['ioctl']);
  });

  it('drops values it does not know instead of failing, so the panel falls back to its default', () => {
    const search = new URLSearchParams(
      'points.as=speed&points.view=grid&points.rows=colour&points.cols=size&points.cell=p42&points.sort=-&points.filter=',
    );
    expect(decodePanelView(search, 'points')).toEqual({ cols: 'size' });
  });

  it('writes a change and removes what goes back to the default', () => {
    const search = new URLSearchParams('dataset=d&points.view=table&points.filter=relay');
    writePanelView(search, 'points', { sort: { column: 'row', direction: 'descending' }, filter: undefined });
    expect(search.toString()).toBe('dataset=d&points.view=table&points.sort=-row');
    writePanelView(search, 'points', { view: undefined, sort: undefined });
    expect(search.toString()).toBe('dataset=d');
    expect(encodeBenchmarkView({ panels: { wakeup: { filter: '' } } }).toString()).toBe('');
  });
});
