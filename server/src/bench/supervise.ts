// One policy for the long-running children of a benchmark (QEMU, the local harness): spawn, keep a bounded
// part of stderr, kill with SIGKILL on the deadline or when the caller aborts, and say which of the three
// ended it. Neither child holds state worth a graceful stop: a killed VM or harness loses only its run.
import { spawn } from 'node:child_process';

export interface SupervisedExit {
  /** 'exited' on its own, or killed at the deadline ('timeout') or on the caller's abort ('aborted'). */
  why: 'exited' | 'timeout' | 'aborted';
  code: number | null;
  /** At most STDERR_KEEP characters: the first ones ('head') or the last ones ('tail'). */
  stderr: string;
}

export const STDERR_KEEP = 16_384;

export class SpawnError extends Error {}

export interface SuperviseOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Receives stdout as text; without it stdout is discarded. */
  onStdout?: (chunk: string) => void;
  /** Which end of stderr to keep: the start explains a failed launch, the end a failed run. */
  keepStderr: 'head' | 'tail';
}

/**
 * Runs the command to its end. Resolves with how it ended; rejects (SpawnError) only when it could not be
 * started at all. An already aborted signal resolves 'aborted' without starting anything.
 */
export function supervise(command: string, args: readonly string[], o: SuperviseOptions): Promise<SupervisedExit> {
  if (o.signal?.aborted) return Promise.resolve({ why: 'aborted', code: null, stderr: '' });
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', o.onStdout ? 'pipe' : 'ignore', 'pipe'] });
    let why: SupervisedExit['why'] = 'exited';
    let stderr = '';
    if (o.onStdout) {
      const onStdout = o.onStdout;
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => onStdout(chunk));
    }
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (o.keepStderr === 'head') {
        if (stderr.length < STDERR_KEEP) stderr = (stderr + chunk).slice(0, STDERR_KEEP);
      } else {
        stderr = (stderr + chunk).slice(-STDERR_KEEP);
      }
    });
    const kill = (reason: SupervisedExit['why']) => {
      why = reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill('timeout'), o.timeoutMs);
    const onAbort = () => kill('aborted');
    o.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err) => {
      settle();
      reject(new SpawnError(`cannot start ${command}: ${err.message}`));
    });
    child.on('close', (code) => {
      settle();
      resolve({ why, code, stderr });
    });
  });
}
