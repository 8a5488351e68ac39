import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootOnceMoreAfterEarlyCrash, crashBeforeHarness } from '../../server/src/bench/boot-crash';
import { HARNESS_STARTED_MARKER, INIT_DONE_MARKER, INIT_SCRIPT } from '../../server/src/bench/initramfs';

// The console of the CI run (stop 18) whose 6.12 PREEMPT_RT guest died 2.6 s into its boot, under TCG.
const CI_CRASH = readFileSync(join(__dirname, '../fixtures/boot-crash-6.12-rt.log'), 'utf8');

describe('crashBeforeHarness', () => {
  it('names the first crash line of a boot that died before the harness started', () => {
    expect(crashBeforeHarness(CI_CRASH)).toBe('[    2.571506] Oops: int3: 0000 [#1] PREEMPT_RT SMP PTI');
    expect(crashBeforeHarness('[    1.0] Kernel panic - not syncing: VFS: Unable to mount root fs')).toMatch(
      /Kernel panic/,
    );
  });

  it('never blames the boot once the harness started: a kcomm module may be the cause', () => {
    const after = `[    3.0] Run /init as init process\n${HARNESS_STARTED_MARKER} robust --module-dir /kcomm\n${CI_CRASH}`;
    expect(crashBeforeHarness(after)).toBeUndefined();
    expect(crashBeforeHarness(`${INIT_DONE_MARKER}\n${CI_CRASH}`)).toBeUndefined();
  });

  it('finds nothing in a clean boot or a VM stopped from outside', () => {
    expect(crashBeforeHarness('')).toBeUndefined();
    expect(crashBeforeHarness('[    0.0] Linux version 6.1.0\n[    2.0] Run /init as init process\n')).toBeUndefined();
  });

  it('matches what the init script prints just before it starts the harness', () => {
    expect(INIT_SCRIPT).toContain(`echo "${HARNESS_STARTED_MARKER} $*"`);
  });
});

describe('bootOnceMoreAfterEarlyCrash', () => {
  type O = { status: 'exited' | 'timeout' | 'aborted' };
  const attempts = (...logs: [O['status'], string][]) => {
    let n = 0;
    const boot = async () => {
      const [status, consoleLog] = logs[n++]!;
      return { outcome: { status }, consoleLog };
    };
    return { boot, count: () => n };
  };

  it('boots once more, and only once, after a crash before the harness', async () => {
    const a = attempts(['exited', CI_CRASH], ['exited', CI_CRASH], ['exited', 'never reached']);
    const retried: string[] = [];
    const r = await bootOnceMoreAfterEarlyCrash(a.boot, (c) => retried.push(c));
    expect(a.count()).toBe(2);
    expect(r.crashes).toEqual([retried[0]]);
    expect(r.consoleLog).toBe(CI_CRASH);
  });

  it('does not boot again after a crash once the harness ran, a timeout or a cancel', async () => {
    for (const first of [
      ['exited', `${HARNESS_STARTED_MARKER} run\n${CI_CRASH}`],
      ['timeout', CI_CRASH],
      ['aborted', CI_CRASH],
      ['exited', `${HARNESS_STARTED_MARKER} run\n${INIT_DONE_MARKER}`],
    ] as [O['status'], string][]) {
      const a = attempts(first, ['exited', 'second']);
      const r = await bootOnceMoreAfterEarlyCrash(a.boot, () => undefined);
      expect(a.count()).toBe(1);
      expect(r.crashes).toEqual([]);
    }
  });
});
