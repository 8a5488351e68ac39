import type { Dataset } from '#src/core/dataset-schema';
import { costUnitOf } from '#src/core/chart-data';
import { formatCost } from '#src/core/format';
import { formatMBps } from '#src/core/measured';
import { formatUtc } from '#src/lib/format-date';
import { TARGET_LABEL } from '../utils/provenance';

export const TCG_WARNING = 'Emulated CPU (QEMU TCG): compare methods with each other here, not with real hardware.';

/** The shown dataset: the emulation warning, the machine, its baselines and the harness's notes. */
export function DatasetDetails({ dataset }: { dataset: Dataset }) {
  const { host, harness, baselines } = dataset;
  const unit = costUnitOf(dataset);
  const cost = (v: number) => formatCost(v, unit);
  const memcpyPeak = Math.max(0, ...baselines.memcpyMBps.map((m) => m.MBps));
  return (
    <section className="panel dataset-details" aria-labelledby="dataset-details-title">
      <h2 id="dataset-details-title">
        Showing <code>{dataset.id}</code>
      </h2>
      {host.target === 'vm-tcg' && (
        <p className="notice warn tcg-banner" role="note">
          <strong>{TCG_WARNING}</strong>
        </p>
      )}
      <p className="dataset-summary">
        {TARGET_LABEL[host.target]}: {host.cpuModel} × {host.cpus}, {host.memoryMiB.toLocaleString('en-US')} MiB, kernel{' '}
        <code>{host.kernel}</code>
        {host.hypervisor && <> on {host.hypervisor}</>}. Collected {formatUtc(dataset.collectedAt)} with the{' '}
        {harness.profile} profile of harness <code>{harness.version}</code>,{' '}
        {harness.samplesPerPoint.toLocaleString('en-US')} samples per point.
      </p>
      <p className="dataset-baselines">
        Baselines on this machine: null syscall p50 {cost(baselines.syscallNs.p50)} (p99 {cost(baselines.syscallNs.p99)}
        ), pipe round trip p50 {cost(baselines.pipeRoundtripNs.p50)} (p99 {cost(baselines.pipeRoundtripNs.p99)}), memcpy
        up to {formatMBps(memcpyPeak)}.
      </p>
      {dataset.notes.length > 0 && (
        <details className="dataset-notes">
          <summary>Notes from the harness ({dataset.notes.length})</summary>
          <ul>
            {dataset.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
