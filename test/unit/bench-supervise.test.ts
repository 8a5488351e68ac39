import { describe, expect, it } from 'vitest';
import { SpawnError, STDERR_KEEP, supervise } from '../../server/src/bench/supervise';

// The one kill policy of QEMU and the local harness, on real child processes (sh and sleep).
describe('supervise', () => {
  it('reports a child that exits on its own, with its code, stdout and stderr', async () => {
    let out = '';
    const exit = await supervise('sh', ['-c', 'echo out; echo err >&2; exit 3'], {
      timeoutMs: 60_000,
      onStdout: (s) => (out += s),
      keepStderr: 'head',
    });
    expect(exit).toEqual({ why: 'exited', code: 3, stderr: 'err\n' });
    expect(out).toBe('out\n');
  });

  it('kills a child at its deadline and says so', async () => {
    const exit = await supervise('sleep', ['600'], { timeoutMs: 50, keepStderr: 'tail' });
    expect(exit.why).toBe('timeout');
    expect(exit.code).toBeNull();
  });

  it('kills a child when the caller aborts, and starts nothing when it had already aborted', async () => {
    const ac = new AbortController();
    const running = supervise('sleep', ['600'], { timeoutMs: 600_000, signal: ac.signal, keepStderr: 'tail' });
    ac.abort();
    await expect(running).resolves.toMatchObject({ why: 'aborted', code: null });
    await expect(supervise('false', [], { timeoutMs: 1_000, signal: ac.signal, keepStderr: 'tail' })).resolves.toEqual({
      why: 'aborted',
      code: null,
      stderr: '',
    });
  });

  it('rejects when the command cannot be started at all', async () => {
    const run = supervise('/nonexistent/kcomm-no-such-binary', [], { timeoutMs: 1_000, keepStderr: 'tail' });
    await expect(run).rejects.toBeInstanceOf(SpawnError);
    await expect(run).rejects.toThrow(/cannot start \/nonexistent\/kcomm-no-such-binary/);
  });

  it('keeps a bounded head or tail of stderr', async () => {
    const script = `i=0; while [ $i -lt 3000 ]; do echo "line $i" >&2; i=$((i+1)); done`;
    const head = await supervise('sh', ['-c', script], { timeoutMs: 60_000, keepStderr: 'head' });
    const tail = await supervise('sh', ['-c', script], { timeoutMs: 60_000, keepStderr: 'tail' });
    expect(head.stderr.length).toBe(STDERR_KEEP);
    expect(head.stderr.startsWith('line 0\n')).toBe(true);
    expect(tail.stderr.length).toBe(STDERR_KEEP);
    expect(tail.stderr.endsWith('line 2999\n')).toBe(true);
  });
});
