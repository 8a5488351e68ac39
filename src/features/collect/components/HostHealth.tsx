import { ErrorPanel, Loading } from '#src/components/QueryStatus';
import { useHealth } from '../api/get-health';
import type { Health, HealthCheck, KvmState } from '#src/core/runs';
import { CopyableCode } from './CopyableCode';

const CHECKS: { key: keyof Health['checks']; name: string }[] = [
  { key: 'qemu', name: 'QEMU' },
  { key: 'kvm', name: 'KVM acceleration' },
  { key: 'kernel', name: 'Guest kernel and headers' },
  { key: 'busybox', name: 'BusyBox (static)' },
  { key: 'harness', name: 'Benchmark harness' },
];

const TCG =
  'The VM falls back to TCG emulation: it works, but its timings are emulated, slower and unlike real hardware.';
const MAYBE_TCG = 'If KVM does not work, the VM falls back to TCG emulation and its timings are emulated.';

const KVM: Record<KvmState, { badge: string; tone: 'good' | 'warn' | 'info'; consequence: string; why?: boolean }> = {
  usable: {
    badge: 'usable',
    tone: 'good',
    consequence: 'The VM runs with hardware virtualisation: timings are close to the host’s.',
  },
  unusable: { badge: 'unusable', tone: 'warn', consequence: TCG, why: true },
  absent: { badge: 'not available', tone: 'warn', consequence: TCG, why: true },
  untested: { badge: 'untested', tone: 'info', consequence: MAYBE_TCG },
  probing: { badge: 'probing…', tone: 'info', consequence: MAYBE_TCG },
};

function CheckItem({ name, check }: { name: string; check: HealthCheck }) {
  return (
    <li className={`health-check ${check.ok ? 'ok' : 'missing'}`}>
      <div className="health-check-head">
        <span className="health-name">{name}</span>
        <span className={`badge ${check.ok ? 'good' : 'warn'}`}>{check.ok ? 'ok' : 'missing'}</span>
      </div>
      <p className="health-detail">{check.detail}</p>
      {!check.ok && check.install && <CopyableCode code={check.install} label={`Install ${name}`} />}
    </li>
  );
}

function KvmItem({ name, check }: { name: string; check: Health['checks']['kvm'] }) {
  const kvm = KVM[check.state] ?? KVM.untested;
  return (
    <li className="health-check">
      <div className="health-check-head">
        <span className="health-name">{name}</span>
        <span className={`badge ${kvm.tone}`}>{kvm.badge}</span>
      </div>
      <p className="health-detail">
        {kvm.why ? 'Why: ' : ''}
        {check.detail}
      </p>
      <p className="health-consequence">{kvm.consequence}</p>
    </li>
  );
}

export function HostHealth() {
  const health = useHealth();
  return (
    <section className="panel host-health" aria-labelledby="host-health-title">
      <h2 id="host-health-title">This host</h2>
      {health.isPending ? (
        <Loading what="the host’s capabilities" />
      ) : health.isError ? (
        <ErrorPanel title="The host check failed" error={health.error} />
      ) : (
        <>
          <dl className="health-targets">
            <div>
              <dt>VM target</dt>
              <dd>
                <span className={`badge ${health.data.targets.vm.available ? 'good' : 'warn'}`}>
                  {health.data.targets.vm.available ? 'ready' : 'not ready'}
                </span>{' '}
                {health.data.targets.vm.detail}
              </dd>
            </div>
            <div>
              <dt>Local target</dt>
              <dd>
                <span className={`badge ${health.data.targets.local.available ? 'good' : 'info'}`}>
                  {health.data.targets.local.available ? 'allowed' : 'refused'}
                </span>{' '}
                {health.data.targets.local.detail}
              </dd>
            </div>
          </dl>
          <ul className="health-checks">
            {CHECKS.map((c) =>
              c.key === 'kvm' ? (
                <KvmItem key={c.key} name={c.name} check={health.data.checks.kvm} />
              ) : (
                <CheckItem key={c.key} name={c.name} check={health.data.checks[c.key]} />
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
