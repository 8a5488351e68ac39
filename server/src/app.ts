// The companion server: the JSON API and the built app. Plugins and routes are registered here; handlers
// stay thin and the logic lives in src/core (shared with the app) and server/src/lib.
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogue } from './lib/catalogue-store';
import { DatasetStore } from './lib/dataset-store';
import { HttpError } from './lib/errors';
import { makeHostGuard } from './lib/host-guard';
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
  logger?: boolean;
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

  // Strict validation: no type coercion, unknown fields rejected rather than silently dropped.
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true, useDefaults: false } },
  });

  app.addHook('onRequest', makeHostGuard(opts.extraHostNames));

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send(err.body());
    const e = err as { statusCode?: number; validation?: unknown; code?: string; message: string };
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
    if (status === 500) app.log.error(err);
    return reply.code(status).send({
      error: e.validation ? 'invalid-request' : (e.code ?? 'error').toLowerCase(),
      message: status === 500 ? 'Internal error; see the server log.' : e.message,
    });
  });

  catalogueRoutes(app, catalogue);
  datasetRoutes(app, datasets);
  adviceRoutes(app, catalogue, datasets);
  referenceRoutes(app, catalogue, rootDir);

  const runs = new RunManager(
    new RunStore(opts.runsDir ?? path.join(rootDir, 'var', 'runs')),
    opts.runner ??
      makeBenchRunner({
        benchmarksDir: path.join(dataDir, 'benchmarks'),
        allowLocalModules: localRefusal(opts.allowLocal ?? false) === null,
      }),
  );
  app.decorate('runs', runs);
  app.addHook('onClose', () => runs.shutdown());
  runRoutes(app, runs, {
    measurable: new Set(catalogue.methods.filter((m) => m.reference.path !== null).map((m) => m.id)),
    localRefusal: () => localRefusal(opts.allowLocal ?? false),
  });
  healthRoutes(app, () => localRefusal(opts.allowLocal ?? false), opts.probeAccel ?? false);

  const hasDist = existsSync(path.join(distDir, 'index.html'));
  if (hasDist) await app.register(fastifyStatic, { root: distDir, wildcard: false });

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

export function localRefusal(allowLocal: boolean): string | null {
  if (!allowLocal) {
    return "The local target loads code into this machine's kernel; start the server with --allow-local to permit it.";
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'The local target needs root (module loading); the server is not running as root.';
  }
  return null;
}
