import type { z } from 'zod';
import type { AnswerError } from '../core/answers-codec';
import { shownValue, valueAt } from '../core/api-error';

/** An error the API answered with ({error, message, errors?}), or a network/parse failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: AnswerError[];

  constructor(status: number, code: string, message: string, errors: AnswerError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
  }
}

/** The code of a reply outside the schema its route declares (src/core, the server's own declaration). */
export const UNEXPECTED_REPLY = 'unexpected-reply';

/** An error that asking again cannot fix: a refused request (4xx) or a reply this app cannot read. */
export const isFinalError = (error: unknown): error is ApiError =>
  error instanceof ApiError && ((error.status >= 400 && error.status < 500) || error.code === UNEXPECTED_REPLY);

/** The fields at fault that an error lists; the message counts them all. */
const MAX_DETAILS = 5;

/**
 * A reply read with the schema the server declares for its route (the same zod schema from src/core), so a
 * page gets exactly the shape its types promise or an ApiError naming the fields at fault, never a crash
 * further down or numbers rendered from garbage. `what` names the request ("GET /api/datasets").
 */
export function parseReply<S extends z.ZodType>(schema: S, body: unknown, what: string, status = 200): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const details = issues.slice(0, MAX_DETAILS).map((issue) => ({
    param: issue.path.length > 0 ? issue.path.map(String).join('.') : '(the reply)',
    value: shownValue(valueAt(body, issue.path)),
    message: issue.message,
  }));
  const first = details[0]!;
  const more = issues.length > 1 ? ` and ${issues.length - 1} more` : '';
  throw new ApiError(
    status,
    UNEXPECTED_REPLY,
    `The server's reply to ${what} is not what this app expects (${first.param}: ${first.message}${more}). ` +
      'The page and the server may be from different versions: reload the page; if this stays, it is a bug.',
    details,
  );
}

function isAnswerError(e: unknown): e is AnswerError {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return typeof o.param === 'string' && typeof o.message === 'string';
}

/**
 * The body of a reply: its JSON, read with the route's schema when the reply is a success; an error reply
 * ({error, message, errors?}, or whatever a proxy sent) becomes an ApiError. Shared by getJson and the
 * Collect page's POST and DELETE (features/collect/api/send-json.ts).
 */
export async function readReply<S extends z.ZodType>(res: Response, schema: S, what: string): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad-response', `The server answered ${what} with something that is not JSON.`);
  }
  if (!res.ok) {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors = Array.isArray(b.errors) ? b.errors.filter(isAnswerError) : [];
    throw new ApiError(
      res.status,
      typeof b.error === 'string' ? b.error : 'error',
      typeof b.message === 'string' ? b.message : `The server answered ${res.status} for ${what}.`,
      errors.map((e) => ({ param: e.param, value: String(e.value ?? ''), message: e.message })),
    );
  }
  return parseReply(schema, body, what, res.status);
}

export async function getJson<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', `Could not reach the kcomm server (${(e as Error).message}).`);
  }
  return readReply(res, schema, `GET ${path}`);
}
