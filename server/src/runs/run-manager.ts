// One benchmark run at a time; at most QUEUE_LIMIT more wait behind it, the rest are refused (429). Every
// change of a run is saved and broadcast to its event-stream subscribers; history is kept to HISTORY_LIMIT
// finished runs. Cancelling aborts the runner, whose child processes die with the signal. A storage error
// (full disk, read-only folder) turns the run into a failed one with its reason: it never crashes the server.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { applyRunEvent, isFinal, type CorruptRunFile, type RunEvent, type RunList } from '../../../src/core/runs';
import { HttpError } from '../lib/errors';
import type { RunStore } from './run-store';
import type { BenchRunner, Run, RunRequest, RunnerEvent } from './types';

export type { RunEvent };

/** Runs waiting behind the active one; one more is refused with 429 and Retry-After. */
export const QUEUE_LIMIT = 4;
/** Finished runs kept in the history (memory and var/runs); older ones are deleted. */
export const HISTORY_LIMIT = 200;
/** Retry-After when the queue is full: about one quick VM run. */
const RETRY_AFTER_S = 120;
/** How long shutdown waits for an aborted runner to return before giving up on it. */
const SHUTDOWN_WAIT_MS = 8_000;

export interface RunLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface RunManagerOptions {
  queueLimit?: number;
  historyLimit?: number;
  log?: RunLog;
}

const silent: RunLog = { info() {}, warn() {}, error() {} };

export class RunManager {
  private runs = new Map<string, Run>();
  private queue: string[] = [];
  private active: { id: string; controller: AbortController } | null = null;
  private idle: Promise<void> = Promise.resolve();
  private readonly queueLimit: number;
  private readonly historyLimit: number;
  private readonly log: RunLog;
  readonly events = new EventEmitter();

  constructor(
    private store: RunStore,
    private runner: BenchRunner,
    opts: RunManagerOptions = {},
  ) {
    this.queueLimit = opts.queueLimit ?? QUEUE_LIMIT;
    this.historyLimit = opts.historyLimit ?? HISTORY_LIMIT;
    this.log = opts.log ?? silent;
    this.events.setMaxListeners(0);
    for (const run of store.loadAll()) {
      if (run.state === 'queued' || run.state === 'running') {
        run.state = 'interrupted';
        run.phase = 'interrupted';
        run.error = 'The server stopped while this run was in progress.';
        run.finishedAt ??= new Date().toISOString();
        this.trySave(run);
      }
      this.runs.set(run.id, run);
    }
    for (const c of store.corrupt) this.log.warn(`run history: ${c.file} skipped: ${c.error}`);
    this.prune();
  }

  /** Newest first, `limit` runs from `offset`, and the history files that could not be read. */
  list(offset = 0, limit = 50): RunList {
    const all = [...this.runs.values()].sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
    return { runs: all.slice(offset, offset + limit), total: all.length, offset, limit, corrupt: this.corrupt };
  }

  get corrupt(): CorruptRunFile[] {
    return this.store.corrupt;
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  isFinal(run: Run): boolean {
    return isFinal(run.state);
  }

  /** Queues a run; 429 when the queue is full, 507 when its record cannot be written. */
  submit(request: RunRequest): Run {
    if (this.queue.length >= this.queueLimit) {
      throw new HttpError(
        429,
        'queue-full',
        `${this.queue.length} runs are already waiting (the limit); try again when one has finished.`,
        undefined,
        { 'retry-after': String(RETRY_AFTER_S) },
      );
    }
    const now = new Date();
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'z')
      .toLowerCase();
    const run: Run = {
      id: `run-${stamp}-${randomBytes(4).toString('hex').slice(0, 6)}`,
      request,
      state: 'queued',
      phase: 'queued',
      percent: 0,
      etaSeconds: null,
      createdAt: now.toISOString(),
      startedAt: null,
      finishedAt: null,
      datasetId: null,
      error: null,
      pointsMeasured: 0,
      logTail: [],
    };
    const saved = this.trySave(run);
    if (saved !== null) {
      throw new HttpError(507, 'storage-error', `The run could not be recorded, so it was not started: ${saved}.`);
    }
    this.runs.set(run.id, run);
    this.queue.push(run.id);
    this.emitState(run);
    this.pump();
    this.prune();
    return run;
  }

  /** Cancels a queued or running run; false when it had already finished. */
  cancel(id: string): boolean {
    const run = this.runs.get(id);
    if (!run || this.isFinal(run)) return false;
    if (this.active?.id === id) {
      this.active.controller.abort(new Error('cancelled'));
    } else {
      this.queue = this.queue.filter((q) => q !== id);
      this.finish(run, 'cancelled', 'Cancelled before it started.');
    }
    return true;
  }

  /**
   * Server shutdown: the waiting runs become interrupted, the active one is aborted (its children killed)
   * and awaited for at most a few seconds.
   */
  async shutdown(): Promise<void> {
    for (const id of this.queue.splice(0)) {
      const run = this.runs.get(id);
      if (run) this.finish(run, 'interrupted', 'The server stopped before this run started.');
    }
    this.active?.controller.abort(new Error('server shutting down'));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.log.error(`shutdown: the active run did not stop within ${SHUTDOWN_WAIT_MS} ms`);
        resolve();
      }, SHUTDOWN_WAIT_MS);
    });
    await Promise.race([this.idle, late]);
    clearTimeout(timer);
  }

  /** Resolves when no run is active or queued (tests). */
  async drain(): Promise<void> {
    while (this.active || this.queue.length) await this.idle;
  }

  private pump(): void {
    if (this.active) return;
    const id = this.queue.shift();
    if (!id) return;
    const run = this.runs.get(id);
    if (!run) return;
    const controller = new AbortController();
    this.active = { id, controller };
    this.idle = this.execute(run, controller)
      .catch((e: Error) => this.log.error(`run ${run.id}: ${e.stack ?? e.message}`))
      .finally(() => {
        this.active = null;
        this.pump();
      });
  }

  private async execute(run: Run, controller: AbortController): Promise<void> {
    run.state = 'running';
    run.phase = 'starting';
    run.startedAt = new Date().toISOString();
    const saved = this.trySave(run);
    if (saved !== null) return this.finish(run, 'failed', `The run's record could not be written: ${saved}.`);
    this.emitState(run);
    try {
      const { datasetId } = await this.runner(run.request, {
        signal: controller.signal,
        onEvent: (e) => this.onRunnerEvent(run, e),
      });
      run.datasetId = datasetId;
      run.percent = 100;
      run.etaSeconds = 0;
      this.finish(run, 'succeeded', null);
    } catch (e) {
      const reason = controller.signal.aborted ? String((controller.signal.reason as Error)?.message ?? '') : '';
      if (reason === 'cancelled') this.finish(run, 'cancelled', 'Cancelled while running.');
      else if (reason) this.finish(run, 'interrupted', `Stopped: ${reason}.`);
      else this.finish(run, 'failed', (e as Error).message);
    }
  }

  private onRunnerEvent(run: Run, e: RunnerEvent): void {
    Object.assign(run, applyRunEvent(run, e));
    // Point and log events are frequent: stream them, but save the run only on phase changes.
    if (e.type === 'phase') this.trySave(run);
    this.events.emit(run.id, e);
  }

  private finish(run: Run, state: Run['state'], error: string | null): void {
    run.state = state;
    run.error = error;
    run.finishedAt = new Date().toISOString();
    run.phase = state;
    const saved = this.trySave(run);
    if (saved !== null) {
      const outcome = state === 'succeeded' ? `succeeded (dataset ${run.datasetId})` : `${state}: ${error}`;
      run.state = 'failed';
      run.phase = 'failed';
      run.error = `The run ${outcome}, but its record could not be saved: ${saved}.`;
    }
    this.emitState(run);
    this.prune();
  }

  /** null when saved, else the reason (logged). */
  private trySave(run: Run): string | null {
    try {
      this.store.save(run);
      return null;
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const message = `${reason} writing ${this.store.dir}`;
      this.log.error(`run ${run.id}: ${message}: ${(e as Error).message}`);
      return message;
    }
  }

  private emitState(run: Run): void {
    this.events.emit(run.id, { type: 'state', run } satisfies RunEvent);
  }

  /** Deletes the oldest finished runs beyond the history limit. */
  private prune(): void {
    const finished = [...this.runs.values()]
      .filter((r) => this.isFinal(r))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    for (const old of finished.slice(this.historyLimit)) {
      this.runs.delete(old.id);
      try {
        this.store.remove(old.id);
      } catch (e) {
        this.log.warn(`run history: could not delete ${old.id}: ${(e as Error).message}`);
      }
    }
  }
}
