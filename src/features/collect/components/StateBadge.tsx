import type { RunState } from '#src/core/runs';

const LABELS: Record<RunState, string> = {
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};

export function StateBadge({ state }: { state: RunState }) {
  return <span className={`badge run-state ${state}`}>{LABELS[state]}</span>;
}
