// Turns what the harness said plus where it ran into a dataset (src/core/dataset-schema.ts). Pure: the
// caller supplies the git commit, the time and the target, so the same input always gives the same file.
import { CURRENT_DATASET_SCHEMA, datasetSchema, type Dataset } from '../../../src/core/dataset-schema';
import type { HarnessOutput } from './protocol';

export type Target = Dataset['host']['target'];
export type Profile = Dataset['harness']['profile'];

export interface Provenance {
  /** `git rev-parse --short HEAD`, plus `-dirty` when the tree had changes. */
  gitCommit: string;
  collectedAt: Date;
  target: Target;
  /** 'QEMU 7.2.22 TCG' for a VM; undefined on a local run (the harness reports the host's own). */
  hypervisor?: string;
  /** The QEMU -cpu model of a VM run ('Haswell-noTSX', 'host'). */
  qemuCpu?: string;
  /** The sizes the run asked for; a method missing one of them gets a note. */
  requestedSizes?: number[];
}

export interface RobustSummary {
  ok: boolean;
  modules: { module: string; method: string; variant: string; tried: number; failed: number }[];
  modcycles: { module: string; cycles: number; failed: number }[];
  kmsg: { ok: boolean; lines: number }[];
  tried: number;
  failed: number;
}

export class AssembleError extends Error {
  override name = 'AssembleError';
}

/** `vm-tcg-quick-2026-11-27t0805z`: target, profile, UTC minute; lower-case as datasetIdSchema wants. */
export function datasetId(target: Target, profile: Profile, at: Date): string {
  const iso = at.toISOString(); // 2026-11-27T08:05:13.000Z
  const stamp = `${iso.slice(0, 10)}t${iso.slice(11, 13)}${iso.slice(14, 16)}z`;
  return `${target}-${profile}-${stamp}`;
}

export function summarizeRobustness(out: HarnessOutput): RobustSummary | undefined {
  if (out.robust.length === 0 && out.modcycles.length === 0 && out.kmsg.length === 0) return undefined;
  const kmsg = out.kmsg.map((k) => ({ ok: k.ok, lines: typeof k.lines === 'number' ? k.lines : k.lines.length }));
  const tried = out.robust.reduce((n, r) => n + r.tried, 0);
  const failed = out.robust.reduce((n, r) => n + r.failed, 0);
  const ok =
    failed === 0 &&
    out.modcycles.every((m) => m.failed === 0) &&
    kmsg.length > 0 &&
    kmsg.every((k) => k.ok) &&
    out.done.every((d) => d.ok);
  return {
    ok,
    modules: out.robust.map(({ module, method, variant, tried, failed }) => ({
      module,
      method,
      variant,
      tried,
      failed,
    })),
    modcycles: out.modcycles.map(({ module, cycles, failed }) => ({ module, cycles, failed })),
    kmsg,
    tried,
    failed,
  };
}

export function robustNote(s: RobustSummary): string {
  const cycles = s.modcycles.reduce((n, m) => n + m.cycles, 0);
  const cycleFailures = s.modcycles.reduce((n, m) => n + m.failed, 0);
  const kmsgOk = s.kmsg.length > 0 && s.kmsg.every((k) => k.ok);
  return (
    `Robustness ${s.ok ? 'passed' : 'FAILED'}: ${s.modules.length} backends, ${s.tried} bad or edge inputs tried, ` +
    `${s.failed} misbehaved; ${s.modcycles.length} modules loaded and unloaded ${cycles} times in all, ` +
    `${cycleFailures} failed; kernel log ${kmsgOk ? 'clean' : 'has warnings or oopses'}.`
  );
}

const label = (method: string, variant: string) => (variant ? `${method} (${variant})` : method);

function skippedSizeNotes(out: HarnessOutput, requested: number[] | undefined): string[] {
  if (!requested || requested.length === 0) return [];
  const seen = new Map<string, Set<number>>();
  for (const r of out.results) {
    if (r.pattern === 'notify') continue; // a wake-up carries no payload: it has no sizes to skip
    const key = `${label(r.method, r.variant)}, ${r.pattern}`;
    let sizes = seen.get(key);
    if (!sizes) seen.set(key, (sizes = new Set()));
    sizes.add(r.sizeBytes);
  }
  const notes: string[] = [];
  for (const [key, sizes] of seen) {
    const missing = requested.filter((s) => !sizes.has(s));
    if (missing.length > 0) notes.push(`Not measured for ${key}: ${missing.join(', ')} B (outside what it carries).`);
  }
  return notes;
}

function targetNote(target: Target, hypervisor: string | undefined): string {
  switch (target) {
    case 'vm-tcg':
      return (
        `Measured in a VM under ${hypervisor ?? 'QEMU TCG'}: the CPU is emulated, so every timing is far slower ` +
        `than real hardware. Compare methods with each other and with the baselines, not with other machines. ` +
        `The guest reads time from the TSC (tsc=reliable), not the emulated HPET.`
      );
    case 'vm-icount':
      return (
        `Measured in a VM under ${hypervisor ?? 'QEMU TCG -icount'}: guest time advances one nanosecond per guest ` +
        `instruction, so every "ns" here is a count of guest instructions, not time. Runs of one build repeat ` +
        `to a fraction of a percent, but there is no cache or memory-bandwidth model, and TCG counts each ` +
        `iteration of a rep movs/stos as one instruction, so copies weigh more than on hardware.`
      );
    case 'vm-kvm':
      return `Measured in a VM under ${hypervisor ?? 'QEMU KVM'}: hardware-virtualised; exits and interrupts cost more than on bare metal.`;
    case 'local':
      return 'Measured natively on this host (no VM).';
  }
}

/** Builds and validates the dataset; throws AssembleError naming what is missing or invalid. */
export function assembleDataset(out: HarnessOutput, prov: Provenance): Dataset {
  const missing = (['host', 'plan', 'baselines'] as const).filter((k) => !out[k]);
  if (missing.length > 0) throw new AssembleError(`harness output has no ${missing.join(', ')} record`);
  const { host, plan, baselines } = out as Required<Pick<HarnessOutput, 'host' | 'plan' | 'baselines'>>;
  const runDone = out.done[0];
  if (!runDone) throw new AssembleError('harness did not finish (no done record)');
  if (!runDone.ok) throw new AssembleError('harness reported failure (done.ok = false)');
  if (out.results.length === 0) throw new AssembleError('harness produced no results');

  const notes: string[] = [targetNote(prov.target, prov.hypervisor)];
  const unit = prov.target === 'vm-icount' ? 'instructions' : 'ns';
  if (out.clock) {
    notes.push(
      `Clock read overhead (CLOCK_MONOTONIC): p50 ${out.clock.overheadNs.p50} ${unit}, p99 ` +
        `${out.clock.overheadNs.p99} ${unit}; included in every latency and in every reference, not subtracted.`,
    );
  }
  notes.push(...out.notes);
  notes.push(...skippedSizeNotes(out, prov.requestedSizes));
  const withErrors = out.results.filter((r) => r.errors > 0);
  for (const r of withErrors) {
    notes.push(
      `${label(r.method, r.variant)} ${r.pattern} ${r.sizeBytes} B: ${r.errors} of ${r.samples} messages failed.`,
    );
  }
  for (const r of out.results) {
    const bad = (['lost', 'corrupt', 'reordered', 'stale'] as const).filter((k) => (r[k] ?? 0) > 0);
    if (bad.length > 0) {
      notes.push(
        `${label(r.method, r.variant)} ${r.pattern} ${r.sizeBytes} B: ` +
          `${bad.map((k) => `${r[k]} ${k}`).join(', ')} message(s).`,
      );
    }
  }
  const unstable = out.results.filter((r) => r.unstable && r.samples > 0).length;
  if (unstable > 0) {
    notes.push(`${unstable} point(s) are unstable: their ratio's 95% interval is wider than ±10%.`);
  }
  const robust = summarizeRobustness(out);
  if (robust) notes.push(robustNote(robust));
  if (out.badLines.length > 0)
    notes.push(`${out.badLines.length} harness output lines could not be parsed and were left out.`);

  const candidate = {
    schema: CURRENT_DATASET_SCHEMA,
    id: datasetId(prov.target, plan.profile, prov.collectedAt),
    collectedAt: prov.collectedAt.toISOString(),
    host: {
      target: prov.target,
      kernel: host.kernel,
      cpuModel: host.cpuModel,
      cpus: host.cpus,
      memoryMiB: host.memoryMiB,
      hypervisor: prov.target === 'local' ? host.hypervisor : (prov.hypervisor ?? host.hypervisor),
      ...(prov.qemuCpu ? { qemuCpu: prov.qemuCpu } : {}),
    },
    harness: {
      version: prov.gitCommit,
      profile: plan.profile,
      samplesPerPoint: plan.samplesPerPoint,
      ...(plan.blocks ? { blocks: plan.blocks } : {}),
      ...(plan.blockSamples ? { blockSamples: plan.blockSamples } : {}),
      ...(out.clock ? { clockOverheadNs: { ...out.clock.overheadNs, subtracted: false as const } } : {}),
    },
    unit,
    baselines: {
      syscallNs: { p50: baselines.syscallNs.p50, p99: baselines.syscallNs.p99 },
      memcpyMBps: baselines.memcpyMBps.map(({ sizeBytes, MBps }) => ({ sizeBytes, MBps })),
      pipeRoundtripNs: { p50: baselines.pipeRoundtripNs.p50, p99: baselines.pipeRoundtripNs.p99 },
    },
    results: out.results,
    notes,
  };
  const parsed = datasetSchema.safeParse(candidate);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AssembleError(`assembled dataset is invalid, not written:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
