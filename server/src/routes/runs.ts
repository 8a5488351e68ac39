import type { FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { runRequestSchema } from '../../../src/core/runs';
import { HttpError } from '../lib/errors';
import type { RunEvent, RunManager } from '../runs/run-manager';
import type { RunRequest } from '../runs/types';

// The JSON Schema of the request, generated from its one declaration in src/core/runs.ts.
const runBody = z.toJSONSchema(runRequestSchema, { target: 'draft-7', io: 'input' });

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^run-[0-9]{8}t[0-9]{6}z-[a-z0-9]{6}$' } },
} as const;

export interface RunsOptions {
  /** Methods the harness can measure (those with a backend); others are refused with a reason. */
  measurable: ReadonlySet<string>;
  /** Why the local target is refused, or null when it is allowed. */
  localRefusal: () => string | null;
}

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'string', pattern: '^(?:[1-9][0-9]?|1[0-9][0-9]|200)$' },
    offset: { type: 'string', pattern: '^(?:0|[1-9][0-9]{0,5})$' },
  },
} as const;

/** A comment line on idle event streams, so proxies and the peer see the connection alive. */
const HEARTBEAT_MS = 15_000;

export function runRoutes(app: FastifyInstance, runs: RunManager, opts: RunsOptions) {
  // Open event streams, ended first when the server closes (they would otherwise hold it open).
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });

  app.post<{ Body: RunRequest }>('/api/runs', { schema: { body: runBody } }, async (req, reply) => {
    const body = req.body;
    if (body.target === 'local') {
      const refusal = opts.localRefusal();
      if (refusal) throw new HttpError(403, 'local-target-refused', refusal);
    }
    const unmeasurable = (body.methods ?? []).filter((m) => !opts.measurable.has(m));
    if (unmeasurable.length > 0) {
      throw new HttpError(
        400,
        'invalid-request',
        `kcomm has no benchmark backend for ${unmeasurable.join(', ')}; measurable: ${[...opts.measurable].join(', ')}.`,
      );
    }
    const run = runs.submit(body);
    return reply.code(202).send({ id: run.id });
  });

  app.get<{ Querystring: { limit?: string; offset?: string } }>(
    '/api/runs',
    { schema: { querystring: listQuery } },
    async (req) => runs.list(Number(req.query.offset ?? 0), Number(req.query.limit ?? 50)),
  );

  app.get<{ Params: { id: string } }>('/api/runs/:id', { schema: { params: idParams } }, async (req) => {
    const run = runs.get(req.params.id);
    if (!run) throw new HttpError(404, 'not-found', `No run with id "${req.params.id}".`);
    return run;
  });

  app.delete<{ Params: { id: string } }>('/api/runs/:id', { schema: { params: idParams } }, async (req) => {
    const run = runs.get(req.params.id);
    if (!run) throw new HttpError(404, 'not-found', `No run with id "${req.params.id}".`);
    if (!runs.cancel(run.id)) throw new HttpError(409, 'already-finished', `Run ${run.id} already ${run.state}.`);
    return { id: run.id, cancelling: true };
  });

  // Server-Sent Events: the current state first, then phases, points, progress and log lines as they come;
  // the stream ends after the run reaches a final state.
  app.get<{ Params: { id: string } }>('/api/runs/:id/events', { schema: { params: idParams } }, (req, reply) => {
    const run = runs.get(req.params.id);
    if (!run) throw new HttpError(404, 'not-found', `No run with id "${req.params.id}".`);
    reply.hijack();
    const res = reply.raw;
    // The stream outlives the connection timeout by design; the heartbeat finds dead peers instead.
    (req.raw.socket as Partial<Socket> | undefined)?.setTimeout?.(0);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const send = (e: RunEvent) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
    const listener = (e: RunEvent) => {
      send(e);
      if (e.type === 'state' && runs.isFinal(e.run)) close();
    };
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      streams.delete(close);
      runs.events.off(run.id, listener);
      res.end();
    };
    send({ type: 'state', run });
    if (runs.isFinal(run)) return close();
    streams.add(close);
    runs.events.on(run.id, listener);
    req.raw.on('close', close);
  });
}
