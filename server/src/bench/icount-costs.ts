// The committed icount cost table (data/icount-costs.json): per backend, pattern and size, the median
// cost of one message in guest instructions, from a vm-icount dataset. test/kernel/icount.test.ts fails
// when a point grows by more than COST_GROWTH_LIMIT against it.
//
//   node --import tsx server/src/bench/icount-costs.ts data/benchmarks/<vm-icount dataset>.json
// rewrites the table from that dataset (after a deliberate change of cost, say why in the commit).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { datasetSchema, type BenchResult, type Dataset } from '../../../src/core/dataset-schema';
import { REPO_ROOT } from './build';
import type { BenchOptions } from './run';

export const COST_TABLE_PATH = join(REPO_ROOT, 'data', 'icount-costs.json');
/** A point may cost at most this much more than the table says (5%). */
export const COST_GROWTH_LIMIT = 0.05;

export const costTableSchema = z.strictObject({
  schema: z.literal('kcomm-icount-costs/1'),
  unit: z.literal('guest instructions (QEMU -icount shift=0): median latencyNs of each point'),
  dataset: z.string(),
  harness: z.string(),
  kernel: z.string(),
  qemuCpu: z.string(),
  hypervisor: z.string(),
  /** key (costKey) -> median instructions of one message. */
  costs: z.record(z.string(), z.number().int().nonnegative()),
});
export type CostTable = z.infer<typeof costTableSchema>;

export const costKey = (r: Pick<BenchResult, 'method' | 'variant' | 'pattern' | 'sizeBytes'>) =>
  `${r.variant ? `${r.method}/${r.variant}` : r.method} ${r.pattern} ${r.sizeBytes}`;

/** The table of a vm-icount dataset: every point measured without error. */
export function costTableOf(d: Dataset): CostTable {
  if (d.host.target !== 'vm-icount') throw new Error(`${d.id} is ${d.host.target}, not vm-icount`);
  const costs: Record<string, number> = {};
  for (const r of d.results) {
    if (r.samples > 0 && r.errors === 0) costs[costKey(r)] = r.latencyNs.p50;
  }
  return {
    schema: 'kcomm-icount-costs/1',
    unit: 'guest instructions (QEMU -icount shift=0): median latencyNs of each point',
    dataset: d.id,
    harness: d.harness.version,
    kernel: d.host.kernel,
    qemuCpu: d.host.qemuCpu ?? 'unknown',
    hypervisor: d.host.hypervisor,
    costs,
  };
}

export interface CostGrowth {
  key: string;
  was: number;
  now: number;
  growth: number;
}

/** Points of d that cost more than limit over the table, and table points d did not measure. */
export function compareCosts(table: CostTable, d: Dataset, limit = COST_GROWTH_LIMIT) {
  const now = costTableOf(d).costs;
  const grown: CostGrowth[] = [];
  const missing: string[] = [];
  for (const [key, was] of Object.entries(table.costs)) {
    const cost = now[key];
    if (cost === undefined) missing.push(key);
    else if (was > 0 && cost > was * (1 + limit)) grown.push({ key, was, now: cost, growth: cost / was - 1 });
  }
  return { grown, missing };
}

export async function loadCostTable(path = COST_TABLE_PATH): Promise<CostTable> {
  return costTableSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

async function main(file: string) {
  const d = datasetSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const table = costTableOf(d);
  await writeFile(COST_TABLE_PATH, `${JSON.stringify(table, null, 2)}\n`);
  process.stdout.write(`${COST_TABLE_PATH}: ${Object.keys(table.costs).length} points from ${d.id}\n`);
}

if (process.argv[1]?.endsWith('icount-costs.ts')) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node --import tsx server/src/bench/icount-costs.ts <vm-icount dataset.json>\n');
    process.exit(2);
  }
  main(file).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}

/** The run the table comes from and the icount test repeats: the quick profile with 1 KiB added. */
export const ICOUNT_TABLE_RUN: BenchOptions = {
  target: 'vm',
  clock: 'icount',
  profile: 'quick',
  sizes: [8, 512, 1024, 4096, 65536],
};
