// Routes are declared with zod schemas: params, querystring and body are validated by them (zod itself, not
// a JSON Schema copy, so refinements such as "no repeats" hold) and their TypeScript types are inferred from
// them; each reply is checked against its declared schema before it is sent. Bad input of any kind is one
// 400 'invalid-request' naming each field at fault; a reply outside its schema is a 500 with the reason in
// the log, never a silently trimmed body (fast-json-stringify would drop unknown fields, so it is not used).
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { z } from 'zod';
import { apiErrorSchema, INVALID_REQUEST, shownValue, valueAt, type ApiErrorDetail } from '../../../src/core/api-error';
import { HttpError } from './errors';

export interface RouteSchemas {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /**
   * The JSON replies by status. Error replies (4xx, 5xx) always have the API's one error shape; a route
   * that answers with bytes (an archive, an event stream) declares no success schema.
   */
  response: { 200?: z.ZodType; 202?: z.ZodType };
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : unknown;
type JsonReply<R> = { [K in keyof R]: R[K] extends z.ZodType ? z.input<R[K]> : never }[keyof R];

export interface RouteSpec<S extends RouteSchemas> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  schema: S;
  handler: (
    req: FastifyRequest<{
      Params: Parsed<S['params']>;
      Querystring: Parsed<S['querystring']>;
      Body: Parsed<S['body']>;
    }>,
    reply: FastifyReply,
  ) => Promise<JsonReply<S['response']> | FastifyReply> | void;
}

/** The error replies every route declares besides its own. */
export const ERROR_REPLIES = { '4xx': apiErrorSchema, '5xx': apiErrorSchema } as const;

export interface DeclaredRoute {
  method: string;
  url: string;
  schema: RouteSchemas;
}

const declared = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** The routes declared on an app with their schemas, for the test that checks every route's real replies. */
export const declaredRoutes = (app: FastifyInstance): readonly DeclaredRoute[] => declared.get(app) ?? [];

export function declareRoute<S extends RouteSchemas>(app: FastifyInstance, spec: RouteSpec<S>): void {
  declared.set(app, [...declaredRoutes(app), { method: spec.method, url: spec.url, schema: spec.schema }]);
  app.route({
    method: spec.method,
    url: spec.url,
    schema: { ...spec.schema, response: { ...spec.schema.response, ...ERROR_REPLIES } },
    handler: spec.handler as RouteHandlerMethod,
  });
}

/** Where a part of the request is, in words. */
const PART = { params: 'URL', querystring: 'query', body: 'request body', headers: 'headers' } as const;

/** Validation and reply checks with zod for every route; an /api route without declared replies is refused. */
export function installZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const parsed = (schema as z.ZodType).safeParse(data);
    if (parsed.success) return { value: parsed.data };
    return { error: invalidRequest((httpPart ?? 'body') as keyof typeof PART, parsed.error, data) };
  });
  app.setSerializerCompiler(({ schema, method, url, httpStatus }) => (data: unknown) => {
    const checked = (schema as z.ZodType).safeParse(data);
    if (!checked.success) {
      throw new Error(
        `The ${httpStatus} reply of ${method} ${url} is outside its schema: ${z.prettifyError(checked.error)}`,
      );
    }
    return JSON.stringify(data);
  });
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (route.url.startsWith('/api/') && !(response && response['4xx'] && response['5xx'])) {
      throw new Error(`${route.method} ${route.url} has no declared reply schemas (use declareRoute)`);
    }
  });
}

function invalidRequest(part: keyof typeof PART, error: z.ZodError, data: unknown): HttpError {
  const details = error.issues.flatMap((issue): ApiErrorDetail[] => {
    const at = (p: PropertyKey[]) => (p.length > 0 ? p.map(String).join('.') : part);
    if (issue.code === 'unrecognized_keys') {
      const what = part === 'querystring' ? 'parameter' : 'field';
      return issue.keys.map((k) => {
        const p = [...issue.path, k];
        return { param: at(p), value: shownValue(valueAt(data, p)), message: `unknown ${what} "${at(p)}"` };
      });
    }
    const param = at(issue.path);
    const message = issue.message.startsWith(param) ? issue.message : `${param}: ${issue.message}`;
    return [{ param, value: shownValue(valueAt(data, issue.path)), message }];
  });
  const message = `The ${PART[part]} is not valid: ${details.map((d) => d.message).join('; ')}`;
  return new HttpError(400, INVALID_REQUEST, message, details);
}
