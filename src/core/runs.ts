// The run lifecycle, shared by the server (server/src/runs, server/src/routes) and the app's Collect page:
// the shapes of the Runs and Health API, the final states, the log tail and the one fold of stream events
// into a run. One declaration for both sides.
import { z } from 'zod';
import { METHOD_IDS } from './ids';

export const RUN_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** States a run never leaves. */
export const FINAL_STATES: ReadonlySet<RunState> = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);
export const isFinal = (state: RunState) => FINAL_STATES.has(state);

/** The server keeps the last 200 log lines of a run; the live view keeps as many. */
export const LOG_TAIL = 200;

/** The harness measures messages of 1 B … 1 MiB (KC_MAX_SIZE in server/harness/harness.h). */
export const HARNESS_MAX_SIZE = 1 << 20;

const distinct = <T>(items: T[]) => new Set(items).size === items.length;
/** A list without repeats: checked by zod (refine) and by JSON Schema (uniqueItems). */
const uniqueArray = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).min(1).max(max).refine(distinct, 'must not repeat an item').meta({ uniqueItems: true });

/**
 * The body of POST /api/runs: the one declaration of the request. Its TypeScript type is inferred from it, and
 * the server validates bodies with it (routes/runs.ts).
 */
export const runRequestSchema = z.strictObject({
  target: z.enum(['vm', 'local']),
  profile: z.enum(['quick', 'full', 'stock']),
  methods: uniqueArray(z.enum(METHOD_IDS), METHOD_IDS.length).optional(),
  sizes: uniqueArray(z.number().int().min(1).max(HARNESS_MAX_SIZE), 16).optional(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;
export type RunTarget = RunRequest['target'];
export type RunProfile = RunRequest['profile'];

/** A run as the API returns it and as the server keeps it on disk (var/runs/<id>.json). */
export const runSchema = z.strictObject({
  id: z.string().regex(/^run-[0-9]{8}t[0-9]{6}z-[a-z0-9]{6}$/),
  request: runRequestSchema,
  state: z.enum(RUN_STATES),
  phase: z.string(),
  percent: z.number(),
  etaSeconds: z.number().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  datasetId: z.string().nullable(),
  error: z.string().nullable(),
  pointsMeasured: z.number().int().nonnegative(),
  logTail: z.array(z.string()),
});
export type Run = z.infer<typeof runSchema>;
/** A run file as read back from disk: fields an older server wrote and this one no longer has are dropped. */
export const runFileSchema = z.object(runSchema.shape);

/** A run history file that could not be read, listed by GET /api/runs with its error. */
export const corruptRunFileSchema = z.strictObject({ file: z.string(), error: z.string() });
export type CorruptRunFile = z.infer<typeof corruptRunFileSchema>;

/** GET /api/runs?limit=&offset=: newest first. */
export const runListSchema = z.strictObject({
  runs: z.array(runSchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  corrupt: z.array(corruptRunFileSchema),
});
export type RunList = z.infer<typeof runListSchema>;

/** The query of GET /api/runs: at most 200 runs a page (the strings a URL carries, read as numbers). */
export const runListQuerySchema = z.strictObject({
  limit: z
    .string()
    .regex(/^(?:[1-9][0-9]?|1[0-9][0-9]|200)$/, 'limit must be a whole number from 1 to 200')
    .transform(Number)
    .default(50),
  offset: z
    .string()
    .regex(/^(?:0|[1-9][0-9]{0,5})$/, 'offset must be a whole number from 0 to 999999')
    .transform(Number)
    .default(0),
});

export const runIdSchema = runSchema.shape.id;

/** POST /api/runs answers 202 with the new run's id; DELETE /api/runs/:id with the run being cancelled. */
export const runAcceptedSchema = z.strictObject({ id: runIdSchema });
export const runCancellingSchema = z.strictObject({ id: runIdSchema, cancelling: z.literal(true) });

/** What a benchmark runner reports while it works; the run manager turns these into run state. */
export const runnerEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('phase'), name: z.string() }),
  /** One harness result as the harness printed it (bench/protocol.ts reads it). */
  z.strictObject({ type: z.literal('point'), result: z.unknown() }),
  z.strictObject({ type: z.literal('progress'), percent: z.number(), etaSeconds: z.number().nullable() }),
  z.strictObject({ type: z.literal('log'), line: z.string() }),
]);
export type RunnerEvent = z.infer<typeof runnerEventSchema>;

/** One message of GET /api/runs/:id/events; the SSE event name equals `type`. */
export const runEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('state'), run: runSchema }),
  ...runnerEventSchema.options,
]);
export type RunEvent = z.infer<typeof runEventSchema>;

export const RUN_EVENT_TYPES = ['state', 'phase', 'point', 'progress', 'log'] as const;

/** The run after one event: a state event replaces it whole (it is the server's own copy). */
export function applyRunEvent(run: Run | null, event: RunEvent): Run | null {
  if (event.type === 'state') return event.run;
  if (run === null) return null;
  switch (event.type) {
    case 'phase':
      return { ...run, phase: event.name };
    case 'progress':
      return { ...run, percent: Math.max(0, Math.min(100, event.percent)), etaSeconds: event.etaSeconds };
    case 'point':
      return { ...run, pointsMeasured: run.pointsMeasured + 1 };
    case 'log':
      return { ...run, logTail: [...run.logTail, event.line].slice(-LOG_TAIL) };
  }
}

// The per-launch token (server/src/lib/auth.ts): the app sends the CSRF cookie's value in this header.
export const SESSION_COOKIE = 'kcomm_session';
export const CSRF_COOKIE = 'kcomm_csrf';
export const CSRF_HEADER = 'x-kcomm-csrf';

export const healthCheckSchema = z.strictObject({
  ok: z.boolean(),
  detail: z.string(),
  install: z.string().optional(),
});
export type HealthCheck = z.infer<typeof healthCheckSchema>;

export const KVM_STATES = ['usable', 'unusable', 'untested', 'probing', 'absent'] as const;
export type KvmState = (typeof KVM_STATES)[number];

const targetHealth = z.strictObject({ available: z.boolean(), detail: z.string() });

/** GET /api/health: what this host can run. */
export const healthSchema = z.strictObject({
  targets: z.strictObject({ vm: targetHealth, local: targetHealth }),
  checks: z.strictObject({
    qemu: healthCheckSchema,
    kvm: healthCheckSchema.extend({ state: z.enum(KVM_STATES) }),
    kernel: healthCheckSchema,
    busybox: healthCheckSchema,
    harness: healthCheckSchema,
  }),
});
export type Health = z.infer<typeof healthSchema>;
