import type { FastifyInstance } from 'fastify';
import type { Socket } from 'node:net';
import { z } from 'zod';
import {
  runAcceptedSchema,
  runCancellingSchema,
  runIdSchema,
  runListQuerySchema,
  runListSchema,
  runRequestSchema,
  runSchema,
} from '../../../src/core/runs';
import { HttpError } from '../lib/errors';
import { declareRoute } from '../lib/route';
import type { RunEvent, RunManager } from '../runs/run-manager';

const idParams = z.strictObject({ id: runIdSchema });

export interface RunsOptions {
  /** Methods the harness can measure (those with a backend); others are refused with a reason. */
  measurable: ReadonlySet<string>;
  /** Why the local target is refused, or null when it is allowed. */
  localRefusal: () => string | null;
}

/** A comment line on idle event streams, so proxies and the peer see the connection alive. */
const HEARTBEAT_MS = 15_000;

export function runRoutes(app: FastifyInstance, runs: RunManager, opts: RunsOptions) {
  // Open event streams, ended first when the server closes (they would otherwise hold it open).
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });

  declareRoute(app, {
    method: 'POST',
    url: '/api/runs',
    schema: { body: runRequestSchema, response: { 202: runAcceptedSchema } },
    handler: async (req, reply) => {
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
    },
  });

  declareRoute(app, {
    method: 'GET',
    url: '/api/runs',
    schema: { querystring: runListQuerySchema, response: { 200: runListSchema } },
    handler: async (req) => runs.list(req.query.offset, req.query.limit),
  });

  const find = (id: string) => {
    const run = runs.get(id);
    if (!run) throw new HttpError(404, 'not-found', `No run with id "${id}".`);
    return run;
  };

  declareRoute(app, {
    method: 'GET',
    url: '/api/runs/:id',
    schema: { params: idParams, response: { 200: runSchema } },
    handler: async (req) => find(req.params.id),
  });

  declareRoute(app, {
    method: 'DELETE',
    url: '/api/runs/:id',
    schema: { params: idParams, response: { 200: runCancellingSchema } },
    handler: async (req) => {
      const run = find(req.params.id);
      if (!runs.cancel(run.id)) throw new HttpError(409, 'already-finished', `Run ${run.id} already ${run.state}.`);
      return { id: run.id, cancelling: true as const };
    },
  });

  // Server-Sent Events: the current state first, then phases, points, progress and log lines as they come;
  // the stream ends after the run reaches a final state.
  // Each message's data is one runEventSchema value (src/core/runs.ts); the reply is a stream, not JSON.
  declareRoute(app, {
    method: 'GET',
    url: '/api/runs/:id/events',
    schema: { params: idParams, response: {} },
    handler: (req, reply) => {
      const run = find(req.params.id);
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
    },
  });
}
