// GET /api/methods/:id/reference: a method's reference module as the method page's code viewer shows it.
// One declaration for the server (which reads the folder and replies with this) and the app.
import { z } from 'zod';

export const REFERENCE_ROLES = ['readme', 'kernel', 'bpf', 'uapi', 'user', 'robust', 'build'] as const;

export const referenceFileSchema = z.strictObject({
  name: z.string().min(1),
  /**
   * 'kernel' module source, 'bpf' program, 'uapi' shared header, 'user' side, 'robust'ness drills (they include
   * the user side), 'build' files, 'readme'.
   */
  role: z.enum(REFERENCE_ROLES),
  language: z.enum(['c', 'makefile', 'markdown']),
  content: z.string(),
});
export type ReferenceFile = z.infer<typeof referenceFileSchema>;
export type FileRole = ReferenceFile['role'];

/** Per kernel of data/kernels-tested.json: built at W=1 and passed robust mode. */
export const kernelTestedSchema = z.strictObject({ version: z.string(), built: z.boolean(), robust: z.boolean() });
export type KernelTested = z.infer<typeof kernelTestedSchema>;

export const referenceSchema = z.strictObject({
  method: z.string(),
  path: z.string().nullable(),
  note: z.string(),
  files: z.array(referenceFileSchema),
  /** null or absent without a record of the module in data/kernels-tested.json. */
  tested: z.array(kernelTestedSchema).nullable().optional(),
});
export type Reference = z.infer<typeof referenceSchema>;
