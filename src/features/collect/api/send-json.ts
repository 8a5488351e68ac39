import { ApiError } from '#src/lib/api-client';
import { sessionHeaders } from '#src/lib/api/session';

// getJson in lib/api-client only reads; starting and cancelling runs need POST and DELETE with the same
// error shape ({error, message} → ApiError), and the session's CSRF header (lib/api/session.ts).
export async function sendJson<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...sessionHeaders(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', `Could not reach the kcomm server (${(e as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    throw new ApiError(
      res.status,
      'bad-response',
      `The server answered ${method} ${path} with something that is not JSON.`,
    );
  }
  if (!res.ok) {
    const b = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    throw new ApiError(
      res.status,
      typeof b.error === 'string' ? b.error : 'error',
      typeof b.message === 'string' ? b.message : `The server answered ${res.status} for ${method} ${path}.`,
    );
  }
  return parsed as T;
}
