// The companion server: the JSON API and the built app. Plugins and routes are registered here; handlers
// stay thin and the logic lives in src/core (shared with the app) and server/src/lib.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from './lib/catalogue-store';
import { DatasetStore } from './lib/dataset-store';
import { generateToken, makeAuth } from './lib/auth';
import { INVALID_REQUEST } from '../../src/core/api-error';
import { HttpError } from './lib/errors';
import { HealthService } from './lib/health';
import { isStateChanging, makeHostGuard } from './lib/host-guard';
import { installZodSchemas } from './lib/route';
import { applySecurityHeaders } from './lib/security-headers';
import { adviceRoutes } from './routes/advice';
import { catalogueRoutes } from './routes/catalogue';
import { datasetRoutes } from './routes/datasets';
import { healthRoutes } from './routes/health';
import { referenceRoutes } from './routes/reference';
import { runRoutes } from './routes/runs';
import { makeBenchRunner } from './runs/bench-runner';
import { RunManager } from './runs/run-manager';
import { RunStore } from './runs/run-store';
import type { BenchRunner } from './runs/types';

declare module 'fastify' {
  interface FastifyInstance {
    runs: RunManager;
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppOptions {
  rootDir?: string;
  /** Folder with methods.json, traits.json and benchmarks/. */
  dataDir?: string;
  /** The built app (vite build); served when it exists. */
  distDir?: string;
  /** Host names besides localhost/127.0.0.1/[::1] the server answers to (set when binding elsewhere). */
  extraHostNames?: string[];
  /** The request log: a file (the server writes var/log/server.log) or a stream (tests); none by default. */
  log?: { file: string } | { stream: Writable };
  /** The per-launch token state-changing requests need (lib/auth.ts); random when not given. */
  token?: string;
  /** Socket idle, whole-request and header timeouts in ms (defaults 30 s, 30 s, 10 s); tests shorten them. */
  timeouts?: { idleMs: number; requestMs: number; headersMs: number };
  /** The port the server listens on, for requests whose socket does not tell (injected ones in tests). */
  port?: number;
  /** Where run history is kept (default var/runs). */
  runsDir?: string;
  /** Runs benchmarks; tests pass a fake. Default: the real VM/local pipeline. */
  runner?: BenchRunner;
  /** The operator's explicit permission to use the local target (--allow-local). */
  allowLocal?: boolean;
  /** Let /api/health start the background KVM probe (a short VM boot). The server does; tests do not. */
  probeAccel?: boolean;
}

export async function buildApp(opts: AppOptions = {}): Promise<FastifyInstance> {
  const rootDir = opts.rootDir ?? REPO_ROOT;
  const dataDir = opts.dataDir ?? path.join(rootDir, 'data');
  const distDir = opts.distDir ?? path.join(rootDir, 'dist');

  const catalogue = await loadCatalogue(dataDir);
  const datasets = new DatasetStore(path.join(dataDir, 'benchmarks'));

  const hostGuard = makeHostGuard({ extraNames: opts.extraHostNames, port: opts.port });
  const auth = makeAuth(opts.token ?? generateToken());

  /** Errors in the API's one JSON shape: a stable code, a sentence, no framework internals. */
  const sendError = (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).headers(err.headers).send(err.body());
    const e = err as { statusCode?: number; validation?: unknown; code?: string; message: string };
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'internal error');
    return reply.code(status).send({
      error: errorCode(status, e),
      message: status === 500 ? 'Internal error; see the server log (var/log/server.log).' : e.message,
    });
  };

  // Timeouts: a socket idle for 30 s is closed, a request must arrive whole within 30 s (its headers within 10 s);
  // Node checks the last two every connectionsCheckingInterval.
  const timeouts = opts.timeouts ?? { idleMs: 30_000, requestMs: 30_000, headersMs: 10_000 };
  const app = Fastify({
    logger: opts.log ? { ...opts.log, ...LOG_OPTIONS } : false,
    bodyLimit: 64 * 1024,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: Math.min(5_000, timeouts.idleMs),
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: timeouts.headersMs,
      connectionsCheckingInterval: Math.min(2_000, timeouts.headersMs),
    },
    forceCloseConnections: true,
    // A bad URL (400) or an over-long parameter (414) is answered by the router before any hook runs: the
    // same guards and the same shape apply.
    frameworkErrors: (err, req, reply) => {
      applySecurityHeaders(reply.raw);
      try {
        hostGuard(req);
      } catch (e) {
        return sendError(e, req, reply);
      }
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendError(
        new HttpError(
          tooLong ? 414 : 400,
          tooLong ? 'uri-too-long' : INVALID_REQUEST,
          tooLong ? 'A path parameter is too long.' : 'The URL is not valid.',
        ),
        req,
        reply,
      );
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    applySecurityHeaders(reply.raw);
    hostGuard(req);
    if (auth.landing(req, reply)) return reply;
    if (isStateChanging(req.method)) auth.check(req);
  });

  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  // Every route declares zod schemas for its input and its replies (lib/route.ts): strict validation, no
  // type coercion, unknown fields rejected rather than silently dropped, replies checked before they leave.
  installZodSchemas(app);
  // Brotli or gzip for every body over 1 KiB the client accepts (JSON, the app's HTML, JS and CSS).
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  catalogueRoutes(app, catalogue);
  datasetRoutes(app, datasets);
  adviceRoutes(app, catalogue, datasets);
  referenceRoutes(app, catalogue, { rootDir, dataDir });

  const runs = new RunManager(
    new RunStore(opts.runsDir ?? path.join(rootDir, 'var', 'runs')),
    opts.runner ??
      makeBenchRunner({
        benchmarksDir: path.join(dataDir, 'benchmarks'),
        allowLocalModules: localRefusal(opts.allowLocal ?? false) === null,
      }),
    { log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m), error: (m) => app.log.error(m) } },
  );
  app.decorate('runs', runs);
  // Before the server stops accepting: abort the active run (its QEMU is killed) and mark the waiting ones
  // interrupted, so their event streams receive the final state; then the streams end (routes/runs.ts) and
  // forceCloseConnections drops the remaining sockets.
  app.addHook('preClose', () => runs.shutdown());
  runRoutes(app, runs, {
    measurable: new Set(catalogue.methods.filter((m) => m.reference.path !== null).map((m) => m.id)),
    localRefusal: () => localRefusal(opts.allowLocal ?? false),
  });
  healthRoutes(
    app,
    new HealthService({
      localRefusal: () => localRefusal(opts.allowLocal ?? false),
      probeAccel: opts.probeAccel ?? false,
    }),
  );

  const hasDist = existsSync(path.join(distDir, 'index.html'));
  // Vite names every built asset by its content hash: cached for a year and never revalidated. The page
  // itself is revalidated on each visit, so a new build is picked up at once.
  if (hasDist) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        const hashed = path.relative(distDir, file).startsWith(`assets${path.sep}`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && !url.startsWith('/api/') && hasDist) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({
      error: 'not-found',
      message:
        hasDist || url.startsWith('/api/')
          ? `No route ${req.method} ${url}.`
          : 'The app is not built: run npm run build.',
    });
  });

  return app;
}

/** Stable codes for the errors Fastify raises itself (bad JSON, a wrong media type); every bad input is
 * 'invalid-request'. */
function errorCode(status: number, e: { validation?: unknown; code?: string }): string {
  if (status === 413) return 'body-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 404) return 'not-found';
  if (status === 408) return 'request-timeout';
  if (status === 500) return 'internal-error';
  if (e.validation || status === 400) return INVALID_REQUEST;
  return (e.code ?? 'error').toLowerCase();
}

/** The request log leaves out secrets: the token in a landing URL, cookies and Authorization headers. */
const LOG_OPTIONS = {
  level: 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    censor: '[redacted]',
  },
  serializers: {
    req: (req: FastifyRequest) => ({
      method: req.method,
      url: req.url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]'),
      host: req.headers.host,
      remoteAddress: req.socket?.remoteAddress,
    }),
  },
};

export function localRefusal(allowLocal: boolean): string | null {
  if (!allowLocal) {
    return "The local target loads code into this machine's kernel; start the server with --allow-local to permit it.";
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'The local target needs root (module loading); the server is not running as root.';
  }
  return null;
}
