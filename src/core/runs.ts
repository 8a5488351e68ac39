// The Runs and Health API's shapes, shared by the server (server/src/runs, server/src/routes/health.ts)
// and the app's Collect page: one declaration for both sides.
import type { MethodId } from './ids';

export const RUN_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunState = (typeof RUN_STATES)[number];

export type RunTarget = 'vm' | 'local';
export type RunProfile = 'quick' | 'full' | 'stock';

export interface RunRequest {
  target: RunTarget;
  profile: RunProfile;
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

/** What a benchmark runner reports while it works; the run manager turns these into run state. */
export type RunnerEvent =
  | { type: 'phase'; name: string }
  | { type: 'point'; result: unknown }
  | { type: 'progress'; percent: number; etaSeconds: number | null }
  | { type: 'log'; line: string };

/** One message of GET /api/runs/:id/events; the SSE event name equals `type`. */
export type RunEvent = { type: 'state'; run: Run } | RunnerEvent;

export const RUN_EVENT_TYPES = ['state', 'phase', 'point', 'progress', 'log'] as const;

export interface HealthCheck {
  ok: boolean;
  detail: string;
  install?: string;
}

export type KvmState = 'usable' | 'unusable' | 'untested' | 'probing' | 'absent';

export interface Health {
  targets: Record<RunTarget, { available: boolean; detail: string }>;
  checks: {
    qemu: HealthCheck;
    kvm: HealthCheck & { state: KvmState };
    kernel: HealthCheck;
    busybox: HealthCheck;
    harness: HealthCheck;
  };
}
