// The shapes advise() returns and the report (kcomm-report/1) carries: one declaration each, their
// TypeScript types inferred from it, and the server checks its replies against them (routes/advice.ts).
import { z } from 'zod';
import { answersSchema } from '../answers';
import { METHOD_IDS } from '../ids';
import { measuredPointSchema } from '../measured';

const methodId = z.enum(METHOD_IDS);

export const scoredMethodSchema = z.strictObject({
  method: methodId,
  name: z.string(),
  /** 0–100 integer. */
  score: z.number().int().min(0).max(100),
  reasons: z.array(z.string()),
  /** At the asked size, one per measured pattern that answers the question; [] without a dataset. */
  measured: z.array(measuredPointSchema),
  /** A dataset was chosen but holds no measurement for this method here: its score rests on traits alone. */
  unverified: z.boolean(),
});
export type ScoredMethod = z.infer<typeof scoredMethodSchema>;

export const eliminatedSchema = z.strictObject({ method: methodId, name: z.string(), reasons: z.array(z.string()) });
export type Eliminated = z.infer<typeof eliminatedSchema>;

export const changeSchema = z.strictObject({
  param: answersSchema.keyof(),
  /** The answer's URL value before and after ('' for "not said" / "no budget"), as answers-codec writes it. */
  from: z.string(),
  to: z.string(),
  newTop: methodId,
  /** The new top pick's score (0–100) under the changed answers: a low one says the change leaves only a
   *  poor fit. Added to kcomm-report/1; older reports lack it. */
  newScore: z.number().int().min(0).max(100).optional(),
  sentence: z.string(),
});
export type Change = z.infer<typeof changeSchema>;

/** The answer in one sentence, as a reviewer would state it. Added to kcomm-report/1 (new fields only). */
export const verdictSchema = z.strictObject({
  /** "Generic netlink, clearly (12 points ahead of ioctl)." or "A tie between X and Y: …". */
  sentence: z.string(),
  /** 'clear': ahead by more than twice the tie margin; 'likely': ahead by more than it; 'tie'; 'none' (nothing fits). */
  confidence: z.enum(['clear', 'likely', 'tie', 'none']),
  top: methodId.nullable(),
  runnerUp: methodId.nullable(),
  /** Score points between the top pick and the runner-up (null with fewer than two candidates). */
  margin: z.number().nullable(),
  /** Scores closer than this are a tie. */
  tieMargin: z.number(),
  /** The two or three decisive differences against the runner-up, with their numbers. */
  whyNotRunnerUp: z.array(z.string()),
  /**
   * In a tie, the runner-up's decisive differences against the top pick, so that both sides of "pick by
   * what separates them" are shown. Absent otherwise (added later).
   */
  runnerUpStrengths: z.array(z.string()).optional(),
  /** When a maintainer would not use the top pick (from the catalogue). */
  whenNotToUse: z.array(z.string()),
  /**
   * With a kernel framework for the device class (framework=<id>, a module shipped): "Register with <it>; it
   * gives user space <what>", and where the top pick stands in it. Absent otherwise (added later).
   */
  framework: z.string().optional(),
  /** How measured data was used, or null without a dataset. */
  measurement: z
    .strictObject({
      datasetId: z.string(),
      /** 'native': a real CPU; 'emulated': QEMU TCG time; 'instructions': guest instruction counts, not time. */
      kind: z.enum(['native', 'emulated', 'instructions']),
      /** One sentence on what the numbers can and cannot say for these answers. */
      note: z.string(),
    })
    .nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const adviceBasisSchema = z.enum(['traits', 'traits+measurements']);
