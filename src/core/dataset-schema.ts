// Schema of data/benchmarks/<id>.json ("kcomm-bench/2", and the older "kcomm-bench/1", which still loads).
// The harness output is assembled into this by server/src/bench; the app, the scoring and the server read
// exactly this. /2 only adds fields, all optional here, so readers of /1 keep working unchanged;
// datasetLacks() says what a file does not carry.
import { z } from 'zod';
import { METHOD_IDS, PATTERNS, type Pattern } from './ids';

const ns = z.number().nonnegative();
export const latencySchema = z.strictObject({ p50: ns, p90: ns, p99: ns, max: ns, mean: ns });

const count = z.number().int().nonnegative();

/**
 * A point's paired ratio: the method measured in blocks interleaved A-B-B-A with its reference (the
 * least any kernel path can do for the same message: one null system call, a memcpy of the same bytes
 * on hot buffers, and the same user-side fill or verification pass); median of the per-block ratios of
 * medians with a distribution-free 95% interval. instability = the interval's half width / median.
 */
export const ratioSchema = z.strictObject({
  reference: z.string().min(1),
  median: z.number().nonnegative(),
  ci95: z.tuple([z.number().nonnegative(), z.number().nonnegative()]),
  blocks: count,
  instability: z.number().nonnegative(),
  referenceNs: z.strictObject({ p50: ns, p99: ns }),
});
export type PointRatio = z.infer<typeof ratioSchema>;

export const resultSchema = z.strictObject({
  method: z.enum(METHOD_IDS),
  /** '' when the method has one variant; e.g. 'ring', 'seqlock', 'ioctl-lock' for mmap. Kept as in /1. */
  variant: z.string(),
  /**
   * /2: the harness backend that measured it, 'method' or 'method/variant' ('chardev/dev-zero'); its
   * catalogue variant comes from catalogueVariantOf (below).
   */
  backend: z.string().min(1).optional(),
  pattern: z.enum(PATTERNS),
  sizeBytes: z.number().int().nonnegative(),
  latencyNs: latencySchema,
  msgsPerSec: z.number().nonnegative(),
  /** 0 when the path moves no payload (movesData false). */
  MBps: z.number().nonnegative(),
  samples: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  /** /2: false for a path that moves no payload (a wake-up, /dev/null): it has no throughput. */
  movesData: z.boolean().optional(),
  /** /2: messages missing, damaged, or out of order (and notify events from before the wait began). */
  lost: count.optional(),
  corrupt: count.optional(),
  reordered: count.optional(),
  stale: count.optional(),
  /**
   * /2: what the consumer checked of each message. content: every byte against what was sent (echo);
   * read: every byte read, content unknown; read+order: every byte read and kernel stamps in order;
   * stale: the event was stamped after the wait began; kernel: the module checked every byte, the
   * sequence and the order of what it received (kcomm_msg.h); none: the kernel consumer checks nothing.
   */
  verified: z.enum(['content', 'read', 'read+order', 'stale', 'kernel', 'none']).optional(),
  ratio: ratioSchema.optional(),
  /** /2: the ratio's interval is wider than +-10%: no goal is asserted on this point. */
  unstable: z.boolean().optional(),
});
export type BenchResult = z.infer<typeof resultSchema>;

export const datasetIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'lower-case letters, digits, . _ -');

export const DATASET_SCHEMAS = ['kcomm-bench/1', 'kcomm-bench/2'] as const;
export const CURRENT_DATASET_SCHEMA = 'kcomm-bench/2';

export const datasetSchema = z.strictObject({
  schema: z.enum(DATASET_SCHEMAS),
  id: datasetIdSchema,
  collectedAt: z.iso.datetime(),
  host: z.strictObject({
    /** vm-icount: TCG with instruction counting; every "ns" is a guest instruction (see unit). */
    target: z.enum(['vm-tcg', 'vm-kvm', 'vm-icount', 'local']),
    kernel: z.string().min(1),
    cpuModel: z.string().min(1),
    cpus: z.number().int().positive(),
    memoryMiB: z.number().int().positive(),
    hypervisor: z.string(),
    /** /2, VMs: the QEMU -cpu model (a named one under TCG: its string-op features change copy costs). */
    qemuCpu: z.string().min(1).optional(),
  }),
  harness: z.strictObject({
    version: z.string().min(1),
    profile: z.enum(['quick', 'full', 'stock']),
    samplesPerPoint: z.number().int().positive(),
    /** /2: blocks of the method per point (as many of its reference), and samples per block. */
    blocks: z.number().int().positive().optional(),
    blockSamples: z.number().int().positive().optional(),
    /** /2: what one CLOCK_MONOTONIC read costs; included in every latency, never subtracted. */
    clockOverheadNs: z.strictObject({ p50: ns, p99: ns, subtracted: z.literal(false) }).optional(),
  }),
  /**
   * /2: what latencyNs counts. instructions (vm-icount): guest instructions, not time, 1 "ns" each, with
   * no cache or memory-bandwidth model, and each rep movs/stos iteration one instruction.
   */
  unit: z.enum(['ns', 'instructions']).optional(),
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
export const datasetSummarySchema = z.discriminatedUnion('ok', [
  z.strictObject({
    id: z.string(),
    ok: z.literal(true),
    collectedAt: z.iso.datetime(),
    host: datasetSchema.shape.host,
    harness: datasetSchema.shape.harness,
    resultCount: count,
    methods: z.array(z.string()),
    /** What the file does not carry that the current schema does (datasetLacks). */
    lacks: z.array(z.string()).optional(),
  }),
  z.strictObject({ id: z.string(), ok: z.literal(false), file: z.string(), error: z.string() }),
]);
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

/** GET /api/datasets. */
export const datasetListSchema = z.strictObject({ datasets: z.array(datasetSummarySchema) });

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
    lacks: datasetLacks(d),
  };
}

/** What a dataset does not carry that kcomm-bench/2 does; [] for a complete /2 file. */
export function datasetLacks(d: Dataset): string[] {
  const lacks: string[] = [];
  const some = (f: (r: BenchResult) => boolean) => d.results.some(f);
  if (d.schema === 'kcomm-bench/1') lacks.push(`schema ${d.schema}: measured before the paired ratios`);
  if (some((r) => r.ratio === undefined)) lacks.push('paired ratios with 95% intervals');
  if (some((r) => r.lost === undefined || r.corrupt === undefined))
    lacks.push('lost, corrupt and reordered message counts');
  if (some((r) => r.backend === undefined)) lacks.push('the measuring backend of each point');
  if (some((r) => r.movesData === undefined)) lacks.push('which paths move no data');
  if (d.unit === undefined) lacks.push('the unit of its latencies');
  if (d.host.target !== 'local' && d.host.qemuCpu === undefined) lacks.push('the QEMU CPU model');
  return lacks;
}

/**
 * The one place that says which catalogue variant (data/methods.json) a dataset point measured. A
 * dataset names the harness backend that measured it ('chardev', 'chardev/dev-zero', 'mmap/ring');
 * the catalogue names how an application uses a method ('read-write', 'poll'). null: the method has no
 * variants in the catalogue. A backend and pattern missing here is a test failure (bench-variants test).
 */
const CATALOGUE_VARIANTS: Record<string, Partial<Record<Pattern, string>> | null> = {
  genetlink: { roundtrip: 'request', u2k: 'request', k2u: 'request', notify: 'multicast' },
  'genetlink/nlctrl-getfamily': { roundtrip: 'request' },
  chardev: { roundtrip: 'read-write', u2k: 'read-write', k2u: 'read-write', notify: 'poll' },
  'chardev/dev-zero': { k2u: 'read-write' },
  'chardev/dev-null': { u2k: 'read-write' },
  'mmap/ring': { k2u: 'ring', notify: 'ring' },
  'mmap/seqlock': { k2u: 'seqlock' },
  'mmap/ioctl-lock': { roundtrip: 'ioctl-lock', u2k: 'ioctl-lock' },
};

/**
 * Backends that measure a baseline, not a way to use their method: kcomm_min.ko (server/harness/min/), the
 * least a module can do for the same messages, which test/kernel/icount.test.ts holds the reference modules
 * against. Their points stay in the dataset; the advice, the charts and the method pages leave them out.
 * `kcomm-harness list` marks the same backends `baseline` (test/unit/bench-variants.test.ts).
 */
export const BASELINE_BACKENDS: ReadonlySet<string> = new Set(['chardev/minimal', 'relay/minimal']);

/** Whether a point measured a baseline backend (never true of a /1 point, which names no backend). */
export function isBaselinePoint(r: Pick<BenchResult, 'backend'>): boolean {
  return r.backend !== undefined && BASELINE_BACKENDS.has(r.backend);
}

/** The catalogue variant a backend's pattern is, null when its method has none, undefined when unknown. */
export function catalogueVariantOf(backend: string, pattern: Pattern): string | null | undefined {
  if (backend in CATALOGUE_VARIANTS) {
    const byPattern = CATALOGUE_VARIANTS[backend];
    return byPattern ? byPattern[pattern] : null;
  }
  return (backend.split('/')[0] ?? '') in CATALOGUE_VARIANTS ? undefined : null;
}
