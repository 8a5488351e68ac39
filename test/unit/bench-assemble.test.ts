import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetIdSchema, datasetSchema } from '../../src/core/dataset-schema';
import { AssembleError, assembleDataset, datasetId, summarizeRobustness } from '../../server/src/bench/assemble';
import { parseHarnessStream } from '../../server/src/bench/protocol';

const synthetic = readFileSync(new URL('../fixtures/harness-synthetic-run-robust.txt', import.meta.url), 'utf8');
const at = new Date('2026-11-27T08:05:13.456Z');

describe('assembleDataset', () => {
  it('builds a schema-valid dataset with provenance and notes', () => {
    const ds = assembleDataset(parseHarnessStream(synthetic), {
      gitCommit: 'abc1234-dirty',
      collectedAt: at,
      target: 'vm-tcg',
      hypervisor: 'QEMU 7.2.22 TCG',
      requestedSizes: [8, 64, 65536],
    });
    expect(datasetSchema.safeParse(ds).success).toBe(true);
    expect(ds.id).toBe('vm-tcg-quick-2026-11-27t0805z');
    expect(ds.collectedAt).toBe('2026-11-27T08:05:13.456Z');
    expect(ds.host).toMatchObject({ target: 'vm-tcg', hypervisor: 'QEMU 7.2.22 TCG', cpus: 2 });
    expect(ds.harness).toMatchObject({ version: 'abc1234-dirty', profile: 'quick', samplesPerPoint: 1000 });
    expect(ds.harness.clockOverheadNs).toMatchObject({ p50: 25, subtracted: false });
    expect(ds.schema).toBe('kcomm-bench/2');
    expect(ds.unit).toBe('ns');
    expect(ds.results).toHaveLength(4);
    const notes = ds.notes.join('\n');
    expect(notes).toMatch(/emulated/);
    expect(notes).toMatch(/Clock read overhead.*p50 25 ns/);
    expect(notes).toMatch(/mmap \(ring\): max message/);
    expect(notes).toMatch(/Not measured for ioctl, roundtrip: 64 B/);
    expect(notes).toMatch(/Robustness passed: 2 backends, 21 .*tried, 0 misbehaved; 2 modules .* 100 times/);
    expect(notes).toMatch(/1 harness output lines could not be parsed/);
  });

  it('labels an icount dataset in instructions, with its CPU model', () => {
    const ds = assembleDataset(parseHarnessStream(synthetic), {
      gitCommit: 'x',
      collectedAt: at,
      target: 'vm-icount',
      hypervisor: 'QEMU 7.2.22 TCG -icount shift=0,sleep=off -smp 1',
      qemuCpu: 'Haswell-noTSX',
    });
    expect(ds.unit).toBe('instructions');
    expect(ds.host.qemuCpu).toBe('Haswell-noTSX');
    expect(ds.notes[0]).toMatch(/guest instruction.*not time/);
    expect(ds.notes.join('\n')).toMatch(/Clock read overhead.*p50 25 instructions/);
  });

  it('keeps the harness-reported hypervisor on a local run', () => {
    const ds = assembleDataset(parseHarnessStream(synthetic), { gitCommit: 'x', collectedAt: at, target: 'local' });
    expect(ds.host.hypervisor).toBe('KVM');
    expect(ds.id).toBe('local-quick-2026-11-27t0805z');
    expect(ds.notes[0]).toMatch(/natively/);
  });

  it('refuses output without a done record or with a failed one', () => {
    const cut = synthetic
      .split('\n')
      .filter((l) => !l.includes('"done"'))
      .join('\n');
    expect(() =>
      assembleDataset(parseHarnessStream(cut), { gitCommit: 'x', collectedAt: at, target: 'vm-tcg' }),
    ).toThrow(/no done record/);
    const failed = synthetic.replace('"ok":true,"elapsedMs":12345', '"ok":false,"elapsedMs":12345');
    expect(() =>
      assembleDataset(parseHarnessStream(failed), { gitCommit: 'x', collectedAt: at, target: 'vm-tcg' }),
    ).toThrow(AssembleError);
  });

  it('refuses to assemble an invalid dataset and says why', () => {
    expect(() =>
      assembleDataset(parseHarnessStream(synthetic), { gitCommit: '', collectedAt: at, target: 'vm-tcg' }),
    ).toThrow(/invalid, not written:\n {2}harness\.version/);
    const noBaselines = synthetic
      .split('\n')
      .filter((l) => !l.includes('"baselines"'))
      .join('\n');
    expect(() =>
      assembleDataset(parseHarnessStream(noBaselines), { gitCommit: 'x', collectedAt: at, target: 'vm-tcg' }),
    ).toThrow(/no baselines record/);
  });

  it('makes ids that datasetIdSchema accepts', () => {
    for (const t of ['vm-tcg', 'vm-kvm', 'local'] as const) {
      expect(datasetIdSchema.safeParse(datasetId(t, 'stock', at)).success).toBe(true);
    }
  });

  it('summarises robustness and fails it on any failure or a dirty kernel log', () => {
    const s = summarizeRobustness(parseHarnessStream(synthetic));
    expect(s).toMatchObject({ ok: true, tried: 21, failed: 0 });
    const dirty = synthetic.replace('"ok":true,"lines":0', '"ok":false,"lines":["WARNING: at x"]');
    expect(summarizeRobustness(parseHarnessStream(dirty))).toMatchObject({
      ok: false,
      kmsg: [{ ok: false, lines: 1 }],
    });
    const cycleFail = synthetic.replace('"cycles":50,"failed":0', '"cycles":50,"failed":3');
    expect(summarizeRobustness(parseHarnessStream(cycleFail))?.ok).toBe(false);
  });
});
