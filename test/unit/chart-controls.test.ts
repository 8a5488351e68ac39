import { describe, expect, it } from 'vitest';
import type { PanelView } from '../../src/core/bench-view-codec';
import { costMetric, type SeriesControls } from '../../src/features/benchmarks/components/chart-controls';

function controlsRecording(): { controls: SeriesControls; writes: [string, PanelView][] } {
  const writes: [string, PanelView][] = [];
  const controls: SeriesControls = {
    hidden: new Set(),
    onToggle: () => {},
    onShowAll: () => {},
    methodName: () => undefined,
    onPanelView: (panel, change) => writes.push([panel, change]),
  };
  return { controls, writes };
}

describe('costMetric: what a latency or wake-up chart plots', () => {
  it('defaults to the paired ratio where the dataset has intervals, else to the p50', () => {
    const { controls } = controlsRecording();
    expect(costMetric(controls, 'wakeup', {}, true)[0]).toBe('ratioMedian');
    expect(costMetric(controls, 'wakeup', {}, false)[0]).toBe('p50');
  });

  it('follows the URL, but never to a ratio the dataset cannot draw or a metric a cost chart does not plot', () => {
    const { controls } = controlsRecording();
    expect(costMetric(controls, 'latency-k2u', { as: 'p50' }, true)[0]).toBe('p50');
    expect(costMetric(controls, 'latency-k2u', { as: 'ratio' }, false)[0]).toBe('p50');
    expect(costMetric(controls, 'latency-k2u', { as: 'MBps' }, true)[0]).toBe('ratioMedian');
  });

  it('writes a choice to its panel, the default as no parameter at all', () => {
    const { controls, writes } = controlsRecording();
    const [, set] = costMetric(controls, 'latency-roundtrip', {}, true);
    set('p50');
    set('ratioMedian');
    expect(writes).toEqual([
      ['latency-roundtrip', { as: 'p50' }],
      ['latency-roundtrip', { as: undefined }],
    ]);
  });
});
