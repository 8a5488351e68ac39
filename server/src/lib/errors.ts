import type { ApiErrorBody } from '../../../src/core/api-error';

export type { ApiErrorBody };

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorBody['errors'],
    /** Response headers that go with the error (WWW-Authenticate, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    return { error: this.code, message: this.message, ...(this.details ? { errors: this.details } : {}) };
  }
}
