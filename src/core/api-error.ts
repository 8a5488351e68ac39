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
