// Exact regression checks in the deterministic mode: the guest runs under QEMU instruction counting
// (`--clock icount`: -icount shift=0,sleep=off, one vCPU, a named CPU model), where a message's cost is a
// count of guest instructions that repeats to a fraction of a percent from run to run, whatever the host
// is doing. The test fails when any module's cost at a measured point grows by more than 5% over the
// committed table (data/icount-costs.json), and asserts the published goals on the same boot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResult, Dataset } from '../../src/core/dataset-schema';
import {
  compareCosts,
  COST_GROWTH_LIMIT,
  ICOUNT_TABLE_RUN,
  loadCostTable,
  type CostTable,
} from '../../server/src/bench/icount-costs';
import { runBenchmark } from '../../server/src/bench/run';

let dataDir: string;
let dataset: Dataset;
let table: CostTable;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kcomm-icount-'));
  table = await loadCostTable();
  const run = await runBenchmark({ ...ICOUNT_TABLE_RUN, dataDir, timeoutMs: 20 * 60_000 });
  dataset = run.dataset;
  console.log(`[icount] ${dataset.results.length} points, ${dataset.host.hypervisor}, -cpu ${dataset.host.qemuCpu}`);
});

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function point(backend: string, pattern: string, size: number): BenchResult {
  const [method, variant = ''] = backend.split('/');
  const r = dataset.results.find(
    (x) => x.method === method && x.variant === variant && x.pattern === pattern && x.sizeBytes === size,
  );
  if (!r) throw new Error(`no ${backend} ${pattern} ${size} B point in ${dataset.id}`);
  expect(r.errors, `${backend} ${pattern} ${size} B errors`).toBe(0);
  expect(r.samples).toBeGreaterThan(0);
  return r;
}

describe('icount mode', () => {
  it('runs as vm-icount with a named CPU model and labels its unit as instructions', () => {
    expect(dataset.host.target).toBe('vm-icount');
    expect(dataset.host.qemuCpu).toBe(table.qemuCpu);
    expect(dataset.host.qemuCpu).not.toBe('max');
    expect(dataset.unit).toBe('instructions');
    expect(dataset.notes.join('\n')).toMatch(/guest instructions?, not time/);
  });

  it('loses, damages and reorders nothing', () => {
    const bad = dataset.results
      .filter((r) => (r.lost ?? 0) + (r.corrupt ?? 0) + (r.reordered ?? 0) + (r.stale ?? 0) > 0)
      .map((r) => `${r.backend} ${r.pattern} ${r.sizeBytes}: ${r.lost}/${r.corrupt}/${r.reordered}/${r.stale}`);
    expect(bad).toEqual([]);
  });

  it(`costs no point more than ${COST_GROWTH_LIMIT * 100}% over data/icount-costs.json`, () => {
    const { grown, missing } = compareCosts(table, dataset);
    const lines = grown.map((g) => `${g.key}: ${g.was} -> ${g.now} (+${(g.growth * 100).toFixed(1)}%)`);
    expect(missing, 'points of the table this run did not measure').toEqual([]);
    expect(lines).toEqual([]);
  });

  // The published ioctl goals. Where the 8 B round trip's instructions go (one vCPU, 6.12, Haswell-noTSX;
  // every figure includes one clock read, 78, and the harness's fill + verify of the message, 80):
  // getppid 518 in the same op; an ioctl the module refuses at once (-ENOTTY) 802, so the ioctl path
  // itself (fdget, the LSM hook, do_vfs_ioctl) costs 284 more than getppid, and RNDGETENTCNT (795) is
  // that path plus one put_user(). The first goal leaves 74 instructions (876 - 802) for the copy in,
  // the copy out and the dispatch. ECHO used to spend 258: a 16-byte header read in a user-access
  // window, then copy_from_user() + copy_to_user() of the payload (two out-of-line calls, each with the
  // hardened-usercopy check of a variable-length copy), plus 55 in user space to build the 80-byte
  // struct and copy the payload in and out of it (1,060 at 8b74aaf). ECHO(len) takes the message
  // itself with its length in the command number: 867 (1.98x and 1.09x).
  it('ioctl 8 B round trip: at most 2x the null syscall', () => {
    const ioctl = point('ioctl', 'roundtrip', 8).latencyNs.p50;
    const syscall = dataset.baselines.syscallNs.p50;
    console.log(`[icount] ioctl 8 B ${ioctl}, null syscall ${syscall}`);
    expect(ioctl).toBeLessThanOrEqual(2 * syscall);
  });

  it('ioctl 8 B round trip: at most 1.25x RNDGETENTCNT on /dev/urandom', () => {
    const ioctl = point('ioctl', 'roundtrip', 8).latencyNs.p50;
    const rnd = point('ioctl/rndgetentcnt', 'roundtrip', 8).latencyNs.p50;
    console.log(`[icount] ioctl 8 B ${ioctl}, RNDGETENTCNT ${rnd}`);
    expect(ioctl).toBeLessThanOrEqual(1.25 * rnd);
  });

  it.each(['chardev', 'mmap/ring'])(
    '%s k2u 64 KiB: at most 1.2x (null syscall + memcpy + the consumer verification pass)',
    (backend) => {
      const r = point(backend, 'k2u', 65536);
      const ratio = r.ratio;
      if (!ratio) throw new Error(`${backend} k2u 64 KiB has no paired ratio`);
      console.log(
        `[icount] ${backend} k2u 64 KiB ${r.latencyNs.p50} vs ${ratio.reference} ${ratio.referenceNs.p50}: ` +
          `x${ratio.median} [${ratio.ci95.join(', ')}]`,
      );
      expect(r.unstable, 'an unstable point asserts no goal').toBe(false);
      expect(ratio.median).toBeLessThanOrEqual(1.2);
    },
  );

  // The relay and chardev goal: at 1 KiB, no dearer than kcomm_min.ko (server/harness/min/), the least a
  // module can do for the same work, measured in the same boot with the same user side: the core fills
  // (u2k) or reads (k2u) every byte, the module checks every byte of what it receives (kcomm_msg.h) and
  // stamps and numbers what it sends (struct kcomm_relay_record). Both sides ask for a record the same way
  // (KCOMM_RELAY_IOC_PRODUCE on a debugfs file behind debugfs's proxy; the backends read it with the same
  // kc_read_record()) and copy a u2k message into the same kind of memory (kvmalloc'ed at the message's
  // size: a slab object at 1 KiB, so both pay hardened usercopy's slab lookup). Both points are divided by
  // the same reference at the same size, so the ratio of their paired ratios is the ratio of their costs.
  // "No higher than" is read as at most x1.01, the bound within which two runs of one build agree (issue 9).
  // What the reference modules still do beyond the minimum (6.12, Haswell-noTSX, vm-icount-quick at 445fa52):
  // - chardev u2k 3,765 against 3,748 (x1.0045, 17 instructions): the per-open state (file->private_data),
  //   the test of mutex_lock_interruptible()'s result, the mode dispatch (NOTIFY, then ECHO) and clearing
  //   the pending flag, and wq_has_sleeper() before the wake-up (a full barrier and a list test).
  // - relay k2u 4,268 against 4,240 (x1.0066, 28; 4,276-4,279 against 4,240-4,243, x1.0085, in two later
  //   boots of the same build: the layout of a boot moves both by up to 11): produce() serves the text
  //   command and the ioctl, so it is an out-of-line call with its own frame (six callee-saved registers
  //   pushed and popped), plus the COUNT range check, the loop over COUNT (its set-up and end test: the
  //   signal and resched checks run only between records) and the test of mutex_lock_interruptible()'s
  //   result; 19 before the stamp, 9 after.
  // Before (80ce4c4): relay 4,899 against 4,107 (x1.19), the backend writing the text command "1 1024" per
  // message (the debugfs write path, a copy-in and two kstrtouint(): 653 instructions before the stamp) and
  // the loop's checks after every record; chardev 3,766 against 3,710 (x1.015), kcomm_min copying into
  // whole pages. More work in either module or in its backend fails here. The minimal module's points are
  // baselines, not methods (BASELINE_BACKENDS).
  it.each([
    { backend: 'chardev', minimal: 'chardev/minimal', pattern: 'u2k', limit: 1.01 },
    { backend: 'relay', minimal: 'relay/minimal', pattern: 'k2u', limit: 1.01 },
  ])('$backend $pattern 1 KiB: at most x$limit the minimal module ($minimal) in the same boot', (g) => {
    const r = point(g.backend, g.pattern, 1024);
    const min = point(g.minimal, g.pattern, 1024);
    if (!r.ratio || !min.ratio) throw new Error(`${g.backend} or ${g.minimal} ${g.pattern} 1 KiB has no paired ratio`);
    expect(r.unstable, `${g.backend}: an unstable point asserts no goal`).toBe(false);
    expect(min.unstable, `${g.minimal}: an unstable point asserts no goal`).toBe(false);
    expect(r.ratio.reference).toBe(min.ratio.reference);
    expect(min.verified).toBe(r.verified);
    const cost = (x: BenchResult) => Math.round(1e9 / x.msgsPerSec);
    const over = r.ratio.median / min.ratio.median;
    console.log(
      `[icount] ${g.backend} ${g.pattern} 1 KiB ${cost(r)}: x${r.ratio.median} [${r.ratio.ci95.join(', ')}] of ` +
        `${r.ratio.reference}; ${g.minimal} ${cost(min)}: x${min.ratio.median} [${min.ratio.ci95.join(', ')}]; ` +
        `x${over.toFixed(4)} the minimal module`,
    );
    // The baseline must be the least: a minimal module dearer than the reference measures nothing.
    expect(min.ratio.median).toBeLessThanOrEqual(r.ratio.median);
    expect(r.ratio.median).toBeLessThanOrEqual(g.limit * min.ratio.median);
  });
});
