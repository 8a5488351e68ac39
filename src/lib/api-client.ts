import type { AnswerError } from '../core/answers-codec';

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

function isAnswerError(e: unknown): e is AnswerError {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return typeof o.param === 'string' && typeof o.message === 'string';
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', `Could not reach the kcomm server (${(e as Error).message}).`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad-response', `The server answered ${path} with something that is not JSON.`);
  }
  if (!res.ok) {
    const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const errors = Array.isArray(b.errors) ? b.errors.filter(isAnswerError) : [];
    throw new ApiError(
      res.status,
      typeof b.error === 'string' ? b.error : 'error',
      typeof b.message === 'string' ? b.message : `The server answered ${res.status} for ${path}.`,
      errors.map((e) => ({ param: e.param, value: String(e.value ?? ''), message: e.message })),
    );
  }
  return body as T;
}
