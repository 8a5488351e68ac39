// Schema of data/methods.json and data/traits.json. The server validates both at start and the tests
// validate them too; the app receives them already validated through the API.
import { z } from 'zod';
import { ICON_NAMES, METHOD_IDS, TRAIT_IDS } from './ids';

const kernelVersion = z.string().regex(/^\d+\.\d+$/, 'a kernel version as major.minor, e.g. "5.8"');
const source = z
  .string()
  .min(3)
  .describe('a kernel Documentation/ path, a man page like "netlink(7)", or an LWN/kernel.org URL');

export const traitSchema = z.strictObject({
  id: z.enum(TRAIT_IDS),
  label: z.string().min(2),
  icon: z.enum(ICON_NAMES),
  description: z.string().min(10),
  /** 'benefit': a high rating is good for the user when the trait matters; 'cost': a high rating is a burden. */
  polarity: z.enum(['benefit', 'cost']),
  /** How the scoring uses this trait, in a sentence shown in the legend. */
  scoring: z.string().min(10),
});
export type Trait = z.infer<typeof traitSchema>;
export const traitsFileSchema = z.strictObject({
  schema: z.literal('kcomm-traits/1'),
  traits: z.array(traitSchema),
});

export const traitRatingSchema = z.strictObject({
  /** 0 = not at all … 5 = the best there is (for 'cost' traits: 5 = the heaviest burden). */
  rating: z.number().int().min(0).max(5),
  why: z.string().min(5),
  source,
});
export type TraitRating = z.infer<typeof traitRatingSchema>;

export const methodSchema = z.strictObject({
  id: z.enum(METHOD_IDS),
  name: z.string().min(2),
  summary: z.string().min(40),
  /** Directions data can flow. A method that supports both can serve dir=both. */
  directions: z.array(z.enum(['k2u', 'u2k'])).min(1),
  ratings: z.record(z.enum(TRAIT_IDS), traitRatingSchema),
  minKernel: kernelVersion,
  needsModule: z.boolean(),
  privileges: z.strictObject({
    /** True when an unprivileged process cannot use it at all without the admin changing defaults. */
    rootOnly: z.boolean(),
    text: z.string().min(10),
  }),
  abi: z.enum(['stable', 'discouraged', 'debug-only']),
  abiNote: z.string().min(10),
  usableFromShell: z.boolean(),
  variants: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string(), description: z.string().min(10) }),
  ),
  caveats: z.array(z.string().min(10)).min(1),
  goodFor: z.array(z.string().min(5)).min(1),
  badFor: z.array(z.string().min(5)).min(1),
  /** The kernel side's execution context and locking: which callbacks may sleep, which lock fits there. */
  kernelContext: z.string().min(20),
  furtherReading: z.array(z.strictObject({ title: z.string(), href: z.string().min(3) })).min(1),
  /** Where the reference code lives in this repo, or where the kernel's own samples are. */
  reference: z.strictObject({
    path: z.string().nullable(),
    note: z.string(),
  }),
});
export type Method = z.infer<typeof methodSchema>;
export const methodsFileSchema = z.strictObject({
  schema: z.literal('kcomm-methods/1'),
  methods: z.array(methodSchema),
});

export interface Catalogue {
  methods: Method[];
  traits: Trait[];
}
