// data/kernels-tested.json, written by the kernel suite (test/kernel/kernel.test.ts): per module, the kernels it
// was built on (W=1, no warning) and passed robust mode on. The method page and the starter archive both
// say where a module was proven; neither writes the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { KernelTested, ReferenceFile } from '../../../src/core/reference';

/** data/kernels-tested.json, as far as kcomm reads it. */
export const kernelsTestedSchema = z.object({
  schema: z.literal('kcomm-kernels-tested/1'),
  generatedAt: z.string(),
  kernels: z.array(z.object({ version: z.string(), target: z.string().optional() })),
  modules: z.record(z.string(), z.object({ built: z.array(z.string()), robustPassed: z.array(z.string()) })),
});
export type KernelsTested = z.infer<typeof kernelsTestedSchema>;

/** The module kbuild builds: `obj-m := kcomm_x.o` in the Kbuild file. */
export function moduleName(reference: ReferenceFile[]): string | null {
  const kbuild = reference.find((f) => f.name === 'Kbuild')?.content ?? '';
  return /^obj-m\s*[:+]?=\s*([a-z0-9_]+)\.o\b/m.exec(kbuild)?.[1] ?? null;
}

/** The file, or null when it is missing or unreadable (then nothing is claimed). */
export async function readKernelsTested(dataDir: string): Promise<KernelsTested | null> {
  try {
    return kernelsTestedSchema.parse(JSON.parse(await readFile(path.join(dataDir, 'kernels-tested.json'), 'utf8')));
  } catch {
    return null;
  }
}

/** Every kernel of the file with what this module passed on it; null when the file has no record of it. */
export function testedOn(tested: KernelsTested | null, module: string | null): KernelTested[] | null {
  const record = module ? tested?.modules[module] : undefined;
  if (!tested || !record) return null;
  return tested.kernels.map((k) => ({
    version: k.version,
    built: record.built.includes(k.version),
    robust: record.robustPassed.includes(k.version),
  }));
}
