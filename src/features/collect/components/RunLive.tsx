import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { benchmarksPath, wizardWithDatasetPath } from '#src/lib/paths';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { useCancelRun } from '../api/cancel-run';
import { useRunEvents } from '../api/use-run-events';
import type { Run } from '#src/core/runs';
import { formatEta, formatPercent, isFinal, phaseLabel } from '../utils/run-state';
import { StateBadge } from './StateBadge';

function ProgressBar({ run }: { run: Run }) {
  const percent = formatPercent(run.percent);
  return (
    <div
      className={`run-progress ${run.state}`}
      role="progressbar"
      aria-label="Run progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={run.percent}
      aria-valuetext={`${percent} %`}
    >
      <span style={{ width: `${run.percent}%` }} />
    </div>
  );
}

function LogTail({ run }: { run: Run }) {
  const failed = run.state === 'failed' || run.state === 'interrupted';
  // null: follow the run (open on failure); true/false: the reader's own choice.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? failed;
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (open && pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [open, run.logTail.length]);
  return (
    <details
      className="run-log"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== open) setChosen(now);
      }}
    >
      <summary>Log ({run.logTail.length === 0 ? 'empty' : `last ${run.logTail.length} lines`})</summary>
      <pre ref={pre} tabIndex={0} aria-label="Run log">
        {run.logTail.length === 0 ? 'No output yet.' : run.logTail.join('\n')}
      </pre>
    </details>
  );
}

function DatasetReady({ datasetId }: { datasetId: string }) {
  return (
    <div className="notice run-done" role="status">
      <p>
        <strong>
          Dataset <code>{datasetId}</code> is ready.
        </strong>
      </p>
      {datasetId.startsWith('vm-tcg-') && (
        <p className="field-hint">
          Measured under TCG emulation (KVM was not usable): compare its methods with each other, not its timings with
          real hardware.
        </p>
      )}
      <p className="run-done-links">
        <Link className="button primary" to={benchmarksPath(datasetId)}>
          View its charts
        </Link>
        <Link className="button" to={wizardWithDatasetPath(datasetId)}>
          Use it in the advisor
        </Link>
      </p>
    </div>
  );
}

export function RunLive({ runId }: { runId: string }) {
  const { run, status, error } = useRunEvents(runId);
  const cancel = useCancelRun();

  if (!run) {
    return (
      <section className="panel run-live" aria-label="Current run">
        {error ? <ErrorPanel title={`Run ${runId} cannot be followed`} error={error} /> : <Loading what="the run" />}
      </section>
    );
  }

  const active = !isFinal(run.state);
  const { request } = run;
  return (
    <section className="panel run-live" aria-labelledby="run-live-title">
      <div className="panel-head">
        <h2 id="run-live-title">
          Run <code>{run.id}</code>
        </h2>
        <StateBadge state={run.state} />
      </div>
      <p className="run-meta">
        {request.target === 'vm' ? 'VM' : 'This machine'}, {request.profile} profile,{' '}
        {request.methods ? request.methods.join(', ') : 'all methods'}
      </p>

      <ProgressBar run={run} />
      <dl className="run-stats">
        <div>
          <dt>Progress</dt>
          <dd className="run-percent">{formatPercent(run.percent)} %</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{active ? formatEta(run.etaSeconds) : '—'}</dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd className="run-phase">{phaseLabel(run.phase)}</dd>
        </div>
        <div>
          <dt>Points measured</dt>
          <dd className="run-points">{run.pointsMeasured}</dd>
        </div>
      </dl>

      {status === 'closed' && active && error && <ErrorPanel title={`Run ${runId} cannot be followed`} error={error} />}
      {status === 'reconnecting' && active && (
        <p className="field-hint" role="status">
          The event stream dropped; reconnecting…{error ? ` (${error.message})` : ''}
        </p>
      )}

      {active && (
        <div className="run-actions">
          <button
            type="button"
            className="button danger"
            onClick={() => cancel.mutate(run.id)}
            disabled={cancel.isPending || (cancel.isSuccess && cancel.variables === run.id)}
          >
            {cancel.isSuccess && cancel.variables === run.id ? 'Cancelling…' : 'Cancel run'}
          </button>
        </div>
      )}
      {cancel.isError && <ErrorPanel title="The run could not be cancelled" error={cancel.error} />}

      {run.state === 'succeeded' && run.datasetId && <DatasetReady datasetId={run.datasetId} />}
      {run.error && run.state !== 'succeeded' && (
        <div className={run.state === 'failed' ? 'error-panel' : 'notice warn'} role="alert">
          <p className="run-error-title">
            <strong>Run {run.state}.</strong>
          </p>
          <pre className="run-error">{run.error}</pre>
        </div>
      )}

      <LogTail run={run} />
    </section>
  );
}
