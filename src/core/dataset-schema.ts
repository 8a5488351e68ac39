// Schema of data/benchmarks/<id>.json ("kcomm-bench/1"). The harness output is assembled into this by
// server/src/bench; the app, the scoring and the server read exactly this.
import { z } from 'zod';
import { METHOD_IDS, PATTERNS } from './ids';

const ns = z.number().nonnegative();
export const latencySchema = z.strictObject({ p50: ns, p90: ns, p99: ns, max: ns, mean: ns });

export const resultSchema = z.strictObject({
  method: z.enum(METHOD_IDS),
  /** '' when the method has one variant; e.g. 'ring', 'seqlock', 'ioctl-lock' for mmap. */
  variant: z.string(),
  pattern: z.enum(PATTERNS),
  sizeBytes: z.number().int().nonnegative(),
  latencyNs: latencySchema,
  msgsPerSec: z.number().nonnegative(),
  MBps: z.number().nonnegative(),
  samples: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});
export type BenchResult = z.infer<typeof resultSchema>;

export const datasetIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'lower-case letters, digits, . _ -');

export const datasetSchema = z.strictObject({
  schema: z.literal('kcomm-bench/1'),
  id: datasetIdSchema,
  collectedAt: z.iso.datetime(),
  host: z.strictObject({
    target: z.enum(['vm-tcg', 'vm-kvm', 'local']),
    kernel: z.string().min(1),
    cpuModel: z.string().min(1),
    cpus: z.number().int().positive(),
    memoryMiB: z.number().int().positive(),
    hypervisor: z.string(),
  }),
  harness: z.strictObject({
    version: z.string().min(1),
    profile: z.enum(['quick', 'full', 'stock']),
    samplesPerPoint: z.number().int().positive(),
  }),
  baselines: z.strictObject({
    syscallNs: z.strictObject({ p50: ns, p99: ns }),
    memcpyMBps: z.array(z.strictObject({ sizeBytes: z.number().int().positive(), MBps: z.number().nonnegative() })),
    pipeRoundtripNs: z.strictObject({ p50: ns, p99: ns }),
  }),
  results: z.array(resultSchema),
  notes: z.array(z.string()),
});
export type Dataset = z.infer<typeof datasetSchema>;

/** What /api/datasets lists: provenance without the results, or the error that kept a file from loading. */
export type DatasetSummary =
  | {
      id: string;
      ok: true;
      collectedAt: string;
      host: Dataset['host'];
      harness: Dataset['harness'];
      resultCount: number;
      methods: string[];
    }
  | { id: string; ok: false; file: string; error: string };

/** The /api/datasets entry of a dataset that loaded: its provenance, the size of its results, its methods. */
export function summarizeDataset(d: Dataset): DatasetSummary {
  return {
    id: d.id,
    ok: true,
    collectedAt: d.collectedAt,
    host: d.host,
    harness: d.harness,
    resultCount: d.results.length,
    methods: [...new Set(d.results.map((r) => r.method))].sort(),
  };
}
