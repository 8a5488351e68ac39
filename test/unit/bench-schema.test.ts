// kcomm-bench/2 only adds fields: a /1 dataset still loads and says what it lacks; a /2 one lacks nothing.
import { describe, expect, it } from 'vitest';
import { datasetLacks, datasetSchema, summarizeDataset } from '../../src/core/dataset-schema';
import { assembleDataset } from '../../server/src/bench/assemble';
import { parseHarnessStream } from '../../server/src/bench/protocol';

const v1 = {
  schema: 'kcomm-bench/1',
  id: 'vm-tcg-quick-2026-11-27t0805z',
  collectedAt: '2026-11-27T08:05:13.456Z',
  host: { target: 'vm-tcg', kernel: '6.1.0', cpuModel: 'QEMU', cpus: 2, memoryMiB: 512, hypervisor: 'QEMU TCG' },
  harness: { version: 'abc', profile: 'quick', samplesPerPoint: 200 },
  baselines: {
    syscallNs: { p50: 1, p99: 2 },
    memcpyMBps: [{ sizeBytes: 8, MBps: 1 }],
    pipeRoundtripNs: { p50: 1, p99: 2 },
  },
  results: [
    {
      method: 'ioctl',
      variant: '',
      pattern: 'roundtrip',
      sizeBytes: 8,
      latencyNs: { p50: 1, p90: 1, p99: 1, max: 1, mean: 1 },
      msgsPerSec: 1,
      MBps: 0,
      samples: 1,
      errors: 0,
    },
  ],
  notes: [],
};

// What the harness wrote for one point in an icount run (abridged to one result).
const V2_STREAM = [
  '{"type":"host","kernel":"6.12.117+deb12-amd64","cpuModel":"Intel Core Processor (Haswell, no TSX)","cpus":1,"memoryMiB":464,"hypervisor":"none"}',
  '{"type":"plan","points":1,"profile":"quick","samplesPerPoint":200,"blocks":20,"blockSamples":10}',
  '{"type":"baselines","syscallNs":{"p50":438,"p99":438},"memcpyMBps":[{"sizeBytes":8,"MBps":100}],"pipeRoundtripNs":{"p50":12035,"p99":12100}}',
  '{"type":"clock","overheadNs":{"p50":78,"p99":78}}',
  '{"type":"result","method":"ioctl","variant":"","backend":"ioctl","pattern":"roundtrip","sizeBytes":8,' +
    '"latencyNs":{"p50":1057,"p90":1057,"p99":1057,"max":1060,"mean":1057.2},"msgsPerSec":946073.8,"MBps":7.57,' +
    '"movesData":true,"samples":200,"errors":0,"lost":0,"corrupt":0,"reordered":0,"stale":0,"verified":"content",' +
    '"ratio":{"reference":"syscall+memcpy+verify","median":2.002,"ci95":[2.002,2.002],"blocks":20,"instability":0,' +
    '"referenceNs":{"p50":528,"p99":528}},"unstable":false}',
  '{"type":"done","ok":true,"elapsedMs":4000}',
]
  .map((l) => `KCOMM1 ${l}\n`)
  .join('');

describe('dataset schema', () => {
  it('loads kcomm-bench/1 and says what it lacks', () => {
    const d = datasetSchema.parse(v1);
    const lacks = datasetLacks(d);
    expect(lacks).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/kcomm-bench\/1/),
        'paired ratios with 95% intervals',
        'lost, corrupt and reordered message counts',
        'the QEMU CPU model',
      ]),
    );
    expect(summarizeDataset(d)).toMatchObject({ ok: true, lacks });
  });

  it('knows the vm-icount target and rejects an unknown unit', () => {
    expect(datasetSchema.safeParse({ ...v1, host: { ...v1.host, target: 'vm-icount' } }).success).toBe(true);
    expect(datasetSchema.safeParse({ ...v1, unit: 'cycles' }).success).toBe(false);
  });

  it('writes kcomm-bench/2 that lacks nothing when the harness said everything', () => {
    const text = V2_STREAM;
    const d = assembleDataset(parseHarnessStream(text), {
      gitCommit: 'abc',
      collectedAt: new Date('2026-11-29T23:00:00Z'),
      target: 'vm-icount',
      hypervisor: 'QEMU 7.2.22 TCG -icount shift=0,sleep=off -smp 1',
      qemuCpu: 'Haswell-noTSX',
    });
    expect(d.schema).toBe('kcomm-bench/2');
    expect(datasetLacks(d)).toEqual([]);
    expect(d.results[0]?.ratio?.ci95).toEqual([2.002, 2.002]);
  });
});
