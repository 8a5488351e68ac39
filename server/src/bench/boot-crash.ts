// A guest kernel that crashes while it boots, before kcomm's init script has started the harness, ran no
// kcomm code: only the distribution's kernel and its in-tree modules. Under multi-threaded TCG this happens
// now and then (seen once in CI: "Oops: int3" in sched_clock_cpu from a call-function IPI at 2.6 s into the
// 6.12 PREEMPT_RT boot, a static-key site whose patching another vCPU had already finished). run.ts boots
// such a guest once more and says so; a crash after the harness started is never retried, because from then
// on a kcomm module may be the cause.

import { HARNESS_STARTED_MARKER, INIT_DONE_MARKER } from './initramfs';
import type { BootOutcome } from './qemu';

/** What the guest kernel prints when it dies (oops=panic is on the command line, so an oops panics). */
const CRASH_LINE = /\b(Kernel panic - not syncing|Oops: |BUG: |general protection fault)/;

/**
 * The first crash line of a boot that died before the harness started, or undefined when the console shows
 * no crash, or shows the harness (or the end of the init script) before it.
 */
export function crashBeforeHarness(consoleLog: string): string | undefined {
  for (const raw of consoleLog.split('\n')) {
    const line = raw.trim();
    if (line.includes(HARNESS_STARTED_MARKER) || line.includes(INIT_DONE_MARKER)) return undefined;
    if (CRASH_LINE.test(line)) return line;
  }
  return undefined;
}

/** One boot of the guest: how it ended, and its whole console once it has ended. */
export interface BootAttempt<O extends Pick<BootOutcome, 'status'>> {
  outcome: O;
  consoleLog: string;
}

/**
 * Boots; when the guest crashed before the harness started, boots exactly once more. Returns the last
 * attempt and the crash line of each attempt given up on. A timeout, a cancel, or a crash once the harness
 * ran is returned as it is.
 */
export async function bootOnceMoreAfterEarlyCrash<O extends Pick<BootOutcome, 'status'>>(
  boot: () => Promise<BootAttempt<O>>,
  onRetry: (crash: string) => void,
): Promise<BootAttempt<O> & { crashes: string[] }> {
  const first = await boot();
  const crash = first.outcome.status === 'exited' ? crashBeforeHarness(first.consoleLog) : undefined;
  if (crash === undefined) return { ...first, crashes: [] };
  onRetry(crash);
  return { ...(await boot()), crashes: [crash] };
}
