// The URL form of the answers: a public contract shared by permalinks, the app's address bar and
// GET /api/advice. Never rename a parameter or change a value's meaning; add new ones only.
import { z } from 'zod';
import { OPTIONAL_ANSWERS } from './answer-words';
import { DEFAULT_ANSWERS, type Answers } from './answers';
import type { ApiErrorDetail } from './api-error';
import { datasetIdSchema } from './dataset-schema';
import {
  ASKERS,
  DIRECTIONS,
  FRAMEWORK_ANSWERS,
  METHOD_IDS,
  SCOPES,
  STYLES,
  TOPICS,
  type Direction,
  type Style,
} from './ids';

/** One bad parameter: the API's error detail (api-error.ts). */
export type AnswerError = ApiErrorDetail;

export const CODEC_VERSION = '1';

/** Parameter names in the order encodeAnswers writes them. */
export const ANSWER_PARAMS = [
  'dir',
  'style',
  'size',
  'rate',
  'lat',
  'listeners',
  'stable',
  'module',
  'unpriv',
  'shell',
  'kernel',
  'dataset',
  // The follow-up answers, added after the first links were shared: each may be left out (not said).
  ...OPTIONAL_ANSWERS,
] as const satisfies readonly (keyof Answers)[];

export const LIMITS = {
  maxSize: 1024 ** 3,
  maxRate: 1e9,
  maxLat: 1e9,
  maxListeners: 100_000,
  minKernel: { major: 2, minor: 6 },
  maxKernelMajor: 99,
} as const;

type BooleanParam = 'stable' | 'module' | 'unpriv' | 'shell';

// Decimal numbers only: no hex, no "Infinity", no surrounding blanks, which Number() would all accept.
const WHOLE = /^\d+$/;
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// No leading zeros so that one kernel has one spelling ("5.4", never "5.04").
const KERNEL = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The URL value of one answer; lat, dataset and the follow-up answers (daemon … keep) are '' when null (not said). */
export function encodeAnswerValue<K extends keyof Answers>(param: K, value: Answers[K]): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

export function encodeAnswers(a: Answers): URLSearchParams {
  const params = new URLSearchParams();
  for (const param of ANSWER_PARAMS) {
    if (a[param] === null) continue;
    params.set(param, encodeAnswerValue(param, a[param]));
  }
  params.set('v', CODEC_VERSION);
  return params;
}

export function permalink(a: Answers, origin: string, path = '/results'): string {
  const base = origin.replace(/\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${base}${p}?${encodeAnswers(a).toString()}`;
}

function quoted(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

function parseDir(v: string): Parsed<Direction> {
  return (DIRECTIONS as readonly string[]).includes(v)
    ? { ok: true, value: v as Direction }
    : fail(`dir must be one of ${DIRECTIONS.join(', ')}, got ${quoted(v)}`);
}

function parseStyle(v: string): Parsed<Style> {
  return (STYLES as readonly string[]).includes(v)
    ? { ok: true, value: v as Style }
    : fail(`style must be one of ${STYLES.join(', ')}, got ${quoted(v)}`);
}

function parseSize(v: string): Parsed<number> {
  if (!WHOLE.test(v)) return fail(`size must be a whole number of bytes ≥ 0, got ${quoted(v)}`);
  const n = Number(v);
  if (n > LIMITS.maxSize) return fail(`size must be at most ${LIMITS.maxSize} bytes (1 GiB), got ${quoted(v)}`);
  return { ok: true, value: n };
}

function parseRate(v: string): Parsed<number> {
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  if (!(n > 0)) return fail(`rate must be a number of messages per second > 0, got ${quoted(v)}`);
  if (n > LIMITS.maxRate) return fail(`rate must be at most ${LIMITS.maxRate} messages per second, got ${quoted(v)}`);
  return { ok: true, value: n };
}

function parseLat(v: string): Parsed<number | null> {
  // An empty value is what a cleared form field submits: it means "no budget", like an absent one.
  if (v === '') return { ok: true, value: null };
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  if (!(n > 0)) return fail(`lat must be a latency budget in µs > 0 (leave it out for no budget), got ${quoted(v)}`);
  if (n > LIMITS.maxLat) return fail(`lat must be at most ${LIMITS.maxLat} µs, got ${quoted(v)}`);
  return { ok: true, value: n };
}

function parseListeners(v: string): Parsed<number> {
  const n = WHOLE.test(v) ? Number(v) : NaN;
  if (!(n >= 1)) return fail(`listeners must be a whole number ≥ 1, got ${quoted(v)}`);
  if (n > LIMITS.maxListeners) return fail(`listeners must be at most ${LIMITS.maxListeners}, got ${quoted(v)}`);
  return { ok: true, value: n };
}

function parseBoolean(param: BooleanParam, v: string): Parsed<boolean> {
  if (v === '1') return { ok: true, value: true };
  if (v === '0') return { ok: true, value: false };
  return fail(`${param} must be 0 or 1, got ${quoted(v)}`);
}

// Versions compared over and over by the scoring (each method's minKernel against the answer's kernel).
const versionCache = new Map<string, readonly number[]>();

export function versionParts(v: string): readonly number[] {
  let parts = versionCache.get(v);
  if (!parts) {
    parts = v.split('.').map(Number);
    if (versionCache.size < 1_000) versionCache.set(v, parts);
  }
  return parts;
}

/**
 * Compares kernel versions numerically (5.10 is newer than 5.4). A missing part counts as 0: an answer of
 * "2.6" means every 2.6 kernel back to 2.6.0, so a method that needs 2.6.15 is newer than it.
 */
export function compareKernel(a: string, b: string): number {
  return compareVersionParts(versionParts(a), versionParts(b));
}

/** compareKernel() on versions already split by versionParts(). */
export function compareVersionParts(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function parseKernel(v: string): Parsed<string> {
  const m = KERNEL.exec(v);
  if (!m) return fail(`kernel must be a version major.minor such as 5.10, got ${quoted(v)}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const { minKernel, maxKernelMajor } = LIMITS;
  if (major < minKernel.major || (major === minKernel.major && minor < minKernel.minor) || major > maxKernelMajor)
    return fail(
      `kernel must be between ${minKernel.major}.${minKernel.minor} and ${maxKernelMajor}.x, got ${quoted(v)}`,
    );
  if (minor > 999) return fail(`kernel minor version must be at most 999, got ${quoted(v)}`);
  return { ok: true, value: v };
}

// Questions added after the first links were shared: an absent or empty value means "not said", which
// keeps every older permalink meaning what it meant.
function parseOptionalBoolean(
  param: 'daemon' | 'loss' | 'atload' | 'grows' | 'worker',
  v: string,
): Parsed<boolean | null> {
  if (v === '') return { ok: true, value: null };
  if (v === '1') return { ok: true, value: true };
  if (v === '0') return { ok: true, value: false };
  return fail(`${param} must be 0 or 1 (or left out when not known), got ${quoted(v)}`);
}

/**
 * A follow-up answer chosen from a fixed list: empty means "not said", anything outside the list is an error
 * that names the list. `oneOf` is how the message introduces it, `leftOut` when leaving it out is right.
 */
function parseOptionalEnum<T extends string>(
  param: keyof Answers,
  values: readonly T[],
  v: string,
  { oneOf = 'one of', leftOut = 'when not known' }: { oneOf?: string; leftOut?: string } = {},
): Parsed<T | null> {
  if (v === '') return { ok: true, value: null };
  return (values as readonly string[]).includes(v)
    ? { ok: true, value: v as T }
    : fail(`${param} must be ${oneOf} ${values.join(', ')} (or left out ${leftOut}), got ${quoted(v)}`);
}

function parseDataset(v: string): Parsed<string | null> {
  if (v === '') return { ok: true, value: null };
  return datasetIdSchema.safeParse(v).success
    ? { ok: true, value: v }
    : fail(
        `dataset must be an id of lower-case letters, digits, . _ - (starting with a letter or digit, at most 80 characters), got ${quoted(v)}`,
      );
}

const PARSERS: { [K in keyof Answers]: (v: string) => Parsed<Answers[K]> } = {
  dir: parseDir,
  style: parseStyle,
  size: parseSize,
  rate: parseRate,
  lat: parseLat,
  listeners: parseListeners,
  stable: (v) => parseBoolean('stable', v),
  module: (v) => parseBoolean('module', v),
  unpriv: (v) => parseBoolean('unpriv', v),
  shell: (v) => parseBoolean('shell', v),
  kernel: parseKernel,
  dataset: parseDataset,
  daemon: (v) => parseOptionalBoolean('daemon', v),
  scope: (v) => parseOptionalEnum('scope', SCOPES, v),
  loss: (v) => parseOptionalBoolean('loss', v),
  atload: (v) => parseOptionalBoolean('atload', v),
  asks: (v) => parseOptionalEnum('asks', ASKERS, v),
  topic: (v) => parseOptionalEnum('topic', TOPICS, v),
  grows: (v) => parseOptionalBoolean('grows', v),
  framework: (v) => parseOptionalEnum('framework', FRAMEWORK_ANSWERS, v),
  keep: (v) =>
    parseOptionalEnum('keep', METHOD_IDS, v, { oneOf: 'a method id, one of', leftOut: 'when no interface exists yet' }),
  worker: (v) => parseOptionalBoolean('worker', v),
};

/** Parses one answer's URL value; the error message is the one decodeAnswers would report. */
export function decodeAnswerValue<K extends keyof Answers>(param: K, value: string): Parsed<Answers[K]> {
  return PARSERS[param](value);
}

function isAnswerParam(name: string): name is keyof Answers {
  return (ANSWER_PARAMS as readonly string[]).includes(name);
}

/**
 * Reads answers from a query string. Never throws: every bad value is reported with a specific message
 * and replaced by its DEFAULT_ANSWERS value, so a damaged permalink still shows a result.
 */
export function decodeAnswers(params: URLSearchParams | string): { answers: Answers; errors: AnswerError[] } {
  let search: URLSearchParams;
  try {
    search =
      typeof params === 'string' ? new URLSearchParams(params.startsWith('?') ? params.slice(1) : params) : params;
  } catch {
    search = new URLSearchParams();
  }
  const answers: Answers = { ...DEFAULT_ANSWERS };
  const errors: AnswerError[] = [];
  const seen = new Set<string>();
  // Generic so that each parameter's parsed value is checked against its own field's type.
  const write = <K extends keyof Answers>(param: K, value: Answers[K]) => {
    answers[param] = value;
  };

  for (const [name, value] of search) {
    if (seen.has(name)) {
      errors.push({ param: name, value, message: `${name} is given more than once; the first value is used` });
      continue;
    }
    seen.add(name);
    if (name === 'v') {
      if (value !== CODEC_VERSION)
        errors.push({
          param: 'v',
          value,
          message: `v must be ${CODEC_VERSION} (the only version of this link format), got ${quoted(value)}; read as version ${CODEC_VERSION}`,
        });
      continue;
    }
    if (!isAnswerParam(name)) {
      errors.push({ param: name, value, message: `unknown parameter ${quoted(name)}` });
      continue;
    }
    const parsed = decodeAnswerValue(name, value);
    if (parsed.ok) write(name, parsed.value);
    else errors.push({ param: name, value, message: parsed.message });
  }
  return { answers, errors };
}

const queryValue = z.union([z.string(), z.array(z.string())]);

/**
 * The query of GET /api/advice: the permalink's parameters (a repeated one arrives as a list), decoded by
 * decodeAnswers into the answers. Unknown parameters are kept for the codec to name, so that one reply
 * lists every parameter at fault with the codec's own message.
 */
export const answersQuerySchema = z
  .object(Object.fromEntries([...ANSWER_PARAMS, 'v'].map((p) => [p, queryValue.optional()])))
  .catchall(queryValue)
  .transform((query, ctx) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) for (const v of [value ?? []].flat()) search.append(name, v);
    const { answers, errors } = decodeAnswers(search);
    for (const e of errors) ctx.addIssue({ code: 'custom', path: [e.param], message: e.message, input: e.value });
    return answers;
  });
