import type { MethodId } from '../../../src/core/ids';

export const RUN_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunState = (typeof RUN_STATES)[number];

export interface RunRequest {
  target: 'vm' | 'local';
  profile: 'quick' | 'full' | 'stock';
  methods?: MethodId[];
  sizes?: number[];
}

export interface Run {
  id: string;
  request: RunRequest;
  state: RunState;
  phase: string;
  percent: number;
  etaSeconds: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  datasetId: string | null;
  error: string | null;
  pointsMeasured: number;
  logTail: string[];
}

/** What a runner reports while it works; the manager turns these into run state and SSE events. */
export type RunnerEvent =
  | { type: 'phase'; name: string }
  | { type: 'point'; result: unknown }
  | { type: 'progress'; percent: number; etaSeconds: number | null }
  | { type: 'log'; line: string };

/** Runs one benchmark; resolves with the id of the dataset it wrote, rejects on failure or abort. */
export type BenchRunner = (
  request: RunRequest,
  hooks: { onEvent: (e: RunnerEvent) => void; signal: AbortSignal },
) => Promise<{ datasetId: string }>;
