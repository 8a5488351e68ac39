import type { z } from 'zod';
import { ApiError, readReply } from '#src/lib/api-client';
import { sessionHeaders } from '#src/lib/api/session';

// getJson in lib/api-client only reads; starting and cancelling runs need POST and DELETE with the same
// error shape ({error, message} → ApiError), the same reading of replies against the route's schema, and
// the session's CSRF header (lib/api/session.ts).
export async function sendJson<S extends z.ZodType>(
  method: 'POST' | 'DELETE',
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
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
  return readReply(res, schema, `${method} ${path}`);
}
