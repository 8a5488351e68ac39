// Every error the API returns has this shape: a stable code, a sentence for people, and, for bad input,
// each parameter or field at fault. One code for every bad input: 'invalid-request'.
import { z } from 'zod';

export const apiErrorDetailSchema = z.strictObject({ param: z.string(), value: z.string(), message: z.string() });
export type ApiErrorDetail = z.infer<typeof apiErrorDetailSchema>;

export const apiErrorSchema = z.strictObject({
  error: z.string().regex(/^[a-z0-9-]+$/),
  message: z.string(),
  errors: z.array(apiErrorDetailSchema).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** The code of every reply to input the API does not accept (400). */
export const INVALID_REQUEST = 'invalid-request';

/** The value at a zod issue's path, for an error detail (undefined when the path leads nowhere). */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** A value as an error may quote it: short, and never more than 80 characters of what was sent. */
export function shownValue(v: unknown): string {
  const text = v === undefined ? '' : typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
