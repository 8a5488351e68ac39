import { useId, type FormEvent } from 'react';
import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { useMethods } from '#src/lib/api/get-methods';
import { csrfToken } from '#src/lib/api/session';
import { useHealth } from '../api/get-health';
import { useStartRun } from '../api/start-run';
import { useRunForm } from '../hooks/use-run-form';
import type { RunProfile, RunTarget } from '#src/core/runs';

const TARGETS: { value: RunTarget; label: string; hint: string }[] = [
  {
    value: 'vm',
    label: 'VM',
    hint: 'A QEMU guest with Debian’s kernel; the reference modules load into the guest, never into this machine.',
  },
  {
    value: 'local',
    label: 'This machine',
    hint: 'The harness runs on the host kernel: real timings, but only interfaces every kernel has (stock).',
  },
];

const PROFILES: { value: RunProfile; label: string; hint: string }[] = [
  { value: 'quick', label: 'Quick', hint: 'About 2 min in the VM: 4 message sizes, a short time budget per point.' },
  {
    value: 'full',
    label: 'Full',
    hint: 'About 5 min here (at most 20): 11 sizes from 8 B to 1 MiB, 10 000 samples per point.',
  },
  {
    value: 'stock',
    label: 'Stock',
    hint: 'Only interfaces every kernel has; loads no module. 7 sizes, 8 B to 64 KiB.',
  },
];

const LOCAL_PROFILE_REASON = 'On this machine the server runs only the stock profile: quick and full load modules.';

export function RunForm({ onStarted }: { onStarted: (id: string) => void }) {
  const id = useId();
  const health = useHealth();
  const methods = useMethods();
  const form = useRunForm(methods.data ?? []);
  const start = useStartRun();
  // Read at each render: the cookie appears when the server's link is opened, in this tab or another.
  const hasSession = csrfToken() !== null;

  const targetRefusal = (t: RunTarget): string | null => {
    const info = health.data?.targets[t];
    return info && !info.available ? info.detail : null;
  };
  const profileRefusal = (p: RunProfile) => (form.target === 'local' && p !== 'stock' ? LOCAL_PROFILE_REASON : null);
  const blocked = !hasSession
    ? 'Open the server’s link with its token first.'
    : health.data === undefined
      ? 'Waiting for the host check…'
      : targetRefusal(form.target)
        ? 'The chosen target is not available.'
        : form.selectedCount === 0
          ? 'Tick at least one method.'
          : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    start.mutate(form.request, { onSuccess: (r) => onStarted(r.id) });
  };

  return (
    <form className="panel run-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New run</h2>
      <fieldset className="choice-field">
        <legend>Target</legend>
        {TARGETS.map((t) => {
          const refusal = targetRefusal(t.value);
          return (
            <label key={t.value} className={`choice${refusal ? ' disabled' : ''}`}>
              <input
                type="radio"
                name={`${id}-target`}
                value={t.value}
                checked={form.target === t.value}
                disabled={refusal !== null}
                onChange={() => form.setTarget(t.value)}
                aria-describedby={`${id}-target-${t.value}`}
              />
              <span className="choice-text">
                <span className="choice-label">{t.label}</span>
                <span className="choice-hint" id={`${id}-target-${t.value}`}>
                  {refusal ? <span className="refusal">Unavailable: {refusal}</span> : t.hint}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>

      <fieldset className="choice-field">
        <legend>Profile</legend>
        <div className="profile-choices">
          {PROFILES.map((p) => {
            const refusal = profileRefusal(p.value);
            return (
              <label key={p.value} className={`choice${refusal ? ' disabled' : ''}`}>
                <input
                  type="radio"
                  name={`${id}-profile`}
                  value={p.value}
                  checked={form.profile === p.value}
                  disabled={refusal !== null}
                  onChange={() => form.setProfile(p.value)}
                  aria-describedby={`${id}-profile-${p.value}`}
                />
                <span className="choice-text">
                  <span className="choice-label">{p.label}</span>
                  <span className="choice-hint" id={`${id}-profile-${p.value}`}>
                    {refusal ?? p.hint}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="run-methods">
        <legend>
          Methods{' '}
          <span className="legend-note">
            ({form.selectedCount} of {form.measurable.length})
          </span>
        </legend>
        {methods.isPending ? (
          <Loading what="the methods" />
        ) : methods.isError ? (
          <ErrorPanel title="The methods could not be loaded" error={methods.error} />
        ) : (
          <>
            <div className="run-methods-tools">
              <button type="button" className="button small" onClick={() => form.setAll(true)}>
                All
              </button>
              <button type="button" className="button small" onClick={() => form.setAll(false)}>
                None
              </button>
            </div>
            <div className="method-checks">
              {form.measurable.map((m) => (
                <label key={m.id} className="check compact">
                  <input
                    type="checkbox"
                    checked={form.isSelected(m.id)}
                    onChange={(e) => form.toggle(m.id, e.target.checked)}
                  />
                  <span>{m.name}</span>
                </label>
              ))}
            </div>
            <p className="field-hint">
              Methods without a kcomm reference module cannot be measured and are not listed.
            </p>
          </>
        )}
      </fieldset>

      {!hasSession && (
        <div className="notice warn" role="status">
          <p>
            <strong>Starting runs needs this server’s token.</strong> Open the link <code>npm start</code> printed (
            <code>http://localhost:&lt;port&gt;/?token=…</code>) in this browser; reading stays open without it.
          </p>
        </div>
      )}
      {start.isError && <ErrorPanel title="The run could not be started" error={start.error} />}
      <div className="run-form-actions">
        <button type="submit" className="button primary" disabled={blocked !== null || start.isPending}>
          {start.isPending ? 'Starting…' : 'Start run'}
        </button>
        {blocked && <span className="field-hint">{blocked}</span>}
      </div>
    </form>
  );
}
