import { describe, expect, it } from 'vitest';
import { buildRunRequest } from '../../src/features/collect/hooks/use-run-form';
import type { Run } from '../../src/core/runs';
import { applyRunEvent, formatEta, LOG_TAIL } from '../../src/features/collect/utils/run-state';

const run: Run = {
  id: 'run-20261127t080000z-abc123',
  request: { target: 'vm', profile: 'quick' },
  state: 'running',
  phase: 'boot',
  percent: 10,
  etaSeconds: 100,
  createdAt: '2026-11-27T08:00:00.000Z',
  startedAt: '2026-11-27T08:00:01.000Z',
  finishedAt: null,
  datasetId: null,
  error: null,
  pointsMeasured: 3,
  logTail: [],
};

describe('applyRunEvent', () => {
  it('folds phase, progress, point and log events into the run', () => {
    let r = applyRunEvent(run, { type: 'phase', name: 'measure' });
    r = applyRunEvent(r, { type: 'progress', percent: 140, etaSeconds: 3 });
    r = applyRunEvent(r, { type: 'point', result: {} });
    r = applyRunEvent(r, { type: 'log', line: 'measuring ioctl' });
    expect(r).toMatchObject({ phase: 'measure', percent: 100, etaSeconds: 3, pointsMeasured: 4 });
    expect(r?.logTail).toEqual(['measuring ioctl']);
    expect(run.pointsMeasured).toBe(3);
  });

  it('keeps only the last lines of the log, as the server does', () => {
    let r: Run | null = run;
    for (let i = 0; i < LOG_TAIL + 5; i++) r = applyRunEvent(r, { type: 'log', line: `line ${i}` });
    expect(r?.logTail).toHaveLength(LOG_TAIL);
    expect(r?.logTail[0]).toBe('line 5');
  });

  it('takes a state event whole and ignores other events before the first state', () => {
    expect(applyRunEvent(null, { type: 'progress', percent: 5, etaSeconds: null })).toBeNull();
    const next = { ...run, state: 'succeeded' as const, datasetId: 'vm-tcg-quick-x' };
    expect(applyRunEvent(run, { type: 'state', run: next })).toBe(next);
  });
});

describe('formatEta', () => {
  it('says seconds, minutes or hours left, and waits for the first estimate', () => {
    expect(formatEta(null)).toBe('estimating…');
    expect(formatEta(42)).toBe('42 s left');
    expect(formatEta(125)).toBe('2 min 05 s left');
    expect(formatEta(3 * 3600 + 7 * 60)).toBe('3 h 07 min left');
  });
});

describe('buildRunRequest', () => {
  it('sends the ticked subset in catalogue order and no list when all are ticked', () => {
    expect(buildRunRequest('vm', 'quick', ['chardev', 'ioctl', 'mmap'], new Set(['chardev']))).toEqual({
      target: 'vm',
      profile: 'quick',
      methods: ['ioctl', 'mmap'],
    });
    expect(buildRunRequest('local', 'stock', ['chardev', 'ioctl'], new Set())).toEqual({
      target: 'local',
      profile: 'stock',
    });
  });
});
