// Pure helpers for the live view: folding stream events into a run, and the words shown for it.
import type { Run, RunEvent, RunState } from '../../../core/runs';

const FINAL: ReadonlySet<RunState> = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);
/** The server keeps the last 200 log lines of a run; the live view keeps as many. */
export const LOG_TAIL = 200;

export const isFinal = (state: RunState) => FINAL.has(state);

/** The run after one stream event; a state event replaces it whole (it is the server's own copy). */
export function applyRunEvent(run: Run | null, event: RunEvent): Run | null {
  if (event.type === 'state') return event.run;
  if (run === null) return null;
  switch (event.type) {
    case 'phase':
      return { ...run, phase: event.name };
    case 'progress':
      return { ...run, percent: Math.max(0, Math.min(100, event.percent)), etaSeconds: event.etaSeconds };
    case 'point':
      return { ...run, pointsMeasured: run.pointsMeasured + 1 };
    case 'log':
      return { ...run, logTail: [...run.logTail, event.line].slice(-LOG_TAIL) };
  }
}

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
