// The harness's output protocol: JSON Lines, each framed as `KCOMM1 <json>` (server/harness/harness.h and
// the harness's --out). In the VM the lines arrive through a serial tty, so a line may carry a `\r` and,
// when the channel is shared with the console, text before the frame. Anything that is not a frame is
// ignored; a frame that does not parse is counted, never thrown, so one garbled line cannot lose a run.
import { z } from 'zod';
import { resultSchema, type BenchResult } from '../../../src/core/dataset-schema';

export const FRAME = 'KCOMM1 ';

const ns = z.number().nonnegative();
const pct = z.object({ p50: ns, p99: ns });
const int = z.number().int().nonnegative();

export const recordSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('host'),
    kernel: z.string().min(1),
    cpuModel: z.string().min(1),
    cpus: z.number().int().positive(),
    memoryMiB: z.number().int().positive(),
    hypervisor: z.string(),
  }),
  z.object({
    type: z.literal('plan'),
    points: int,
    profile: z.enum(['quick', 'full', 'stock']),
    samplesPerPoint: z.number().int().positive(),
    blocks: z.number().int().positive().optional(),
    blockSamples: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('baselines'),
    syscallNs: pct,
    memcpyMBps: z.array(z.object({ sizeBytes: z.number().int().positive(), MBps: ns })),
    pipeRoundtripNs: pct,
  }),
  z.object({ type: z.literal('clock'), overheadNs: pct }),
  z.object({ type: z.literal('phase'), method: z.string(), variant: z.string() }),
  // Exactly the dataset's result: an extra field means the two sides disagree, better caught here.
  z.strictObject({ type: z.literal('result'), ...resultSchema.shape }),
  z.object({ type: z.literal('note'), text: z.string() }),
  z.object({
    type: z.literal('robust'),
    module: z.string(),
    method: z.string(),
    variant: z.string(),
    tried: int,
    failed: int,
  }),
  z.object({ type: z.literal('modcycle'), module: z.string(), cycles: int, failed: int }),
  z.object({ type: z.literal('kmsg'), ok: z.boolean(), lines: z.union([int, z.array(z.string())]) }),
  z.object({ type: z.literal('done'), ok: z.boolean(), elapsedMs: ns }),
]);
export type HarnessRecord = z.infer<typeof recordSchema>;
export type RecordOf<T extends HarnessRecord['type']> = Extract<HarnessRecord, { type: T }>;

export type ParsedLine = { kind: 'record'; record: HarnessRecord } | { kind: 'other' } | { kind: 'bad'; error: string };

export function parseFramedLine(raw: string): ParsedLine {
  const line = raw.replace(/\r/g, '');
  const at = line.indexOf(FRAME);
  if (at < 0) return { kind: 'other' };
  let json: unknown;
  try {
    json = JSON.parse(line.slice(at + FRAME.length));
  } catch (e) {
    return { kind: 'bad', error: `not JSON: ${(e as Error).message}` };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'bad', error: `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` };
  }
  return { kind: 'record', record: parsed.data };
}

/** Splits a byte stream into lines; a trailing partial line waits for the next chunk (or flush()). */
export class LineSplitter {
  private pending = '';
  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: string): void {
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop() ?? '';
    for (const p of parts) this.onLine(p.replace(/\r$/, ''));
  }

  flush(): void {
    if (this.pending !== '') this.onLine(this.pending.replace(/\r$/, ''));
    this.pending = '';
  }
}

/** Everything one or more harness invocations said, in the shape assemble() reads. */
export interface HarnessOutput {
  host?: RecordOf<'host'>;
  plan?: RecordOf<'plan'>;
  baselines?: RecordOf<'baselines'>;
  clock?: RecordOf<'clock'>;
  results: BenchResult[];
  notes: string[];
  robust: RecordOf<'robust'>[];
  modcycles: RecordOf<'modcycle'>[];
  kmsg: RecordOf<'kmsg'>[];
  /** One per harness invocation that finished (run, then robust). */
  done: RecordOf<'done'>[];
  badLines: { line: string; error: string }[];
}

export function emptyOutput(): HarnessOutput {
  return { results: [], notes: [], robust: [], modcycles: [], kmsg: [], done: [], badLines: [] };
}

/** Folds one record into the output. host, plan, baselines and clock: the first invocation's (the run's). */
export function addRecord(out: HarnessOutput, r: HarnessRecord): void {
  switch (r.type) {
    case 'host':
      out.host ??= r;
      break;
    case 'plan':
      out.plan ??= r;
      break;
    case 'baselines':
      out.baselines ??= r;
      break;
    case 'clock':
      out.clock ??= r;
      break;
    case 'phase':
      break;
    case 'result': {
      const { type: _type, ...result } = r;
      out.results.push(result);
      break;
    }
    case 'note':
      out.notes.push(r.text);
      break;
    case 'robust':
      out.robust.push(r);
      break;
    case 'modcycle':
      out.modcycles.push(r);
      break;
    case 'kmsg':
      out.kmsg.push(r);
      break;
    case 'done':
      out.done.push(r);
      break;
  }
}

/** Parses a whole recorded stream (a fixture, or a local run's --out file). */
export function parseHarnessStream(text: string): HarnessOutput {
  const out = emptyOutput();
  const splitter = new LineSplitter((line) => {
    const p = parseFramedLine(line);
    if (p.kind === 'record') addRecord(out, p.record);
    else if (p.kind === 'bad') out.badLines.push({ line: line.slice(0, 200), error: p.error });
  });
  splitter.push(text);
  splitter.flush();
  return out;
}
