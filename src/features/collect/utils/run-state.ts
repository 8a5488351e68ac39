// Pure helpers for the live view: the words shown for a run.
// The run lifecycle (final states, log tail, the fold of stream events) lives in src/core/runs.ts, shared
// with the server.
export { applyRunEvent, isFinal, LOG_TAIL } from '#src/core/runs';

const PHASES: Record<string, string> = {
  queued: 'Waiting for the run before it',
  starting: 'Starting',
  build: 'Building the reference modules and the harness',
  boot: 'Booting the VM',
  measure: 'Measuring',
  robust: 'Checking robustness',
  write: 'Writing the dataset',
  succeeded: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export const phaseLabel = (phase: string) => PHASES[phase] ?? phase;

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating…';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s left`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s left`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min left`;
}

export function formatDuration(fromIso: string | null, toIso: string | null): string {
  if (!fromIso || !toIso) return '—';
  const s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string | null) => (iso ? DATE.format(new Date(iso)) : '—');

/** Percent as the bar and its label show it: one decimal below 10 %, whole numbers above. */
export const formatPercent = (p: number) => (p < 10 && p % 1 !== 0 ? p.toFixed(1) : String(Math.round(p)));
