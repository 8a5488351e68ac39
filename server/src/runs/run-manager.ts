// One benchmark run at a time; the rest queue. Every change of a run is saved and broadcast to its
// event-stream subscribers. Cancelling aborts the runner, whose child processes die with the signal.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { RunStore } from './run-store';
import type { BenchRunner, Run, RunRequest, RunnerEvent } from './types';

const LOG_TAIL = 200;
const FINAL = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);

import type { RunEvent } from '../../../src/core/runs';

export type { RunEvent };

export class RunManager {
  private runs = new Map<string, Run>();
  private queue: string[] = [];
  private active: { id: string; controller: AbortController } | null = null;
  private idle: Promise<void> = Promise.resolve();
  readonly events = new EventEmitter();

  constructor(
    private store: RunStore,
    private runner: BenchRunner,
  ) {
    this.events.setMaxListeners(0);
    for (const run of store.loadAll()) {
      if (run.state === 'queued' || run.state === 'running') {
        run.state = 'interrupted';
        run.error = 'The server stopped while this run was in progress.';
        run.finishedAt ??= new Date().toISOString();
        store.save(run);
      }
      this.runs.set(run.id, run);
    }
  }

  list(): Run[] {
    return [...this.runs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  isFinal(run: Run): boolean {
    return FINAL.has(run.state);
  }

  submit(request: RunRequest): Run {
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
    this.runs.set(run.id, run);
    this.queue.push(run.id);
    this.update(run);
    this.pump();
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

  /** Stops the active run (server shutdown) and waits for its runner to return. */
  async shutdown(): Promise<void> {
    this.queue = [];
    this.active?.controller.abort(new Error('server shutting down'));
    await this.idle;
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
    this.idle = this.execute(run, controller).finally(() => {
      this.active = null;
      this.pump();
    });
  }

  private async execute(run: Run, controller: AbortController): Promise<void> {
    run.state = 'running';
    run.phase = 'starting';
    run.startedAt = new Date().toISOString();
    this.update(run);
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
    if (e.type === 'phase') run.phase = e.name;
    else if (e.type === 'progress') {
      run.percent = Math.max(0, Math.min(100, e.percent));
      run.etaSeconds = e.etaSeconds;
    } else if (e.type === 'point') run.pointsMeasured++;
    else if (e.type === 'log') {
      run.logTail.push(e.line);
      if (run.logTail.length > LOG_TAIL) run.logTail.splice(0, run.logTail.length - LOG_TAIL);
    }
    // Point and log events are frequent: stream them, but save the run only on phase changes.
    if (e.type === 'phase') this.store.save(run);
    this.events.emit(run.id, e);
  }

  private finish(run: Run, state: Run['state'], error: string | null): void {
    run.state = state;
    run.error = error;
    run.finishedAt = new Date().toISOString();
    run.phase = state;
    this.update(run);
  }

  private update(run: Run): void {
    this.store.save(run);
    this.events.emit(run.id, { type: 'state', run } satisfies RunEvent);
  }
}
