import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import { declareRoute, declaredRoutes, type RouteSchemas } from '../../server/src/lib/route';
import type { BenchRunner } from '../../server/src/runs/types';
import { apiErrorSchema } from '../../src/core/api-error';
import { runEventSchema } from '../../src/core/runs';
import { withoutReference } from '../support/without-reference';

// Every route's real replies, good and bad, checked with zod against the schema the route declares (not
// through the server's own serializer), so a handler that returns a field its schema lacks, or lacks one
// it promises, fails here. Each declared route must be exercised by at least one request below.

const TOKEN = 'test-token-route-schemas-0123456789';
const H = { host: '127.0.0.1:5178' };
const A = { ...H, authorization: `Bearer ${TOKEN}` };
const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/dataset-synthetic.json'), 'utf8'));

// 'quick' runs wait for the test to release them, then report one event of each kind and succeed; 'full'
// runs wait until cancelled.
let release: () => void = () => {};
const runner: BenchRunner = async (req, { onEvent, signal }) => {
  const gate = new Promise<void>((resolve, reject) => {
    if (req.profile === 'quick') release = resolve;
    signal.addEventListener('abort', () => reject(new Error('aborted')));
  });
  await gate;
  onEvent({ type: 'phase', name: 'boot' });
  onEvent({ type: 'log', line: 'fake VM console line' });
  onEvent({ type: 'progress', percent: 50, etaSeconds: 1 });
  onEvent({ type: 'point', result: { method: 'ioctl' } });
  return { datasetId: 'fake-dataset' };
};

let dir: string;
let app: FastifyInstance;
const log = new PassThrough();
let logText = '';
log.on('data', (chunk: Buffer) => (logText += chunk.toString()));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-route-schemas-'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  withoutReference(path.join(dir, 'data'), 'sysctl');
  writeFileSync(path.join(dir, 'data/benchmarks', `${fixture.id}.json`), JSON.stringify(fixture));
  writeFileSync(path.join(dir, 'data/benchmarks/broken-json.json'), '{"schema": "kcomm-bench/2", ');
  mkdirSync(path.join(dir, 'runs'));
  writeFileSync(path.join(dir, 'runs/run-20260101t000000z-abcdef.json'), '{"id": "run-20260101t000000z-abcdef"}');
  app = await buildApp({
    dataDir: path.join(dir, 'data'),
    distDir: path.join(dir, 'no-dist'),
    runsDir: path.join(dir, 'runs'),
    runner,
    token: TOKEN,
    log: { stream: log },
  });
  // A route that breaks its own schema, registered like the real ones: its reply must never leave as is.
  declareRoute(app, {
    method: 'GET',
    url: '/api/test-only/leaky',
    schema: { response: { 200: z.strictObject({ id: z.string() }) } },
    handler: async () => ({ id: 'x', secret: 'must-not-leave' }) as unknown as { id: string },
  });
  declareRoute(app, {
    method: 'GET',
    url: '/api/test-only/short',
    schema: { response: { 200: z.strictObject({ id: z.string(), count: z.number() }) } },
    handler: async () => ({ id: 'x' }) as unknown as { id: string; count: number },
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const exercised = new Set<string>();

/** Checks one real reply against what its route declares for that status, and notes the route as covered. */
function expectDeclared(route: string, res: LightMyRequestResponse) {
  const [method, url] = route.split(' ');
  const decl = declaredRoutes(app).find((r) => r.method === method && r.url === url);
  if (!decl) throw new Error(`${route} is not declared`);
  exercised.add(route);
  const status = res.statusCode;
  const schema = status >= 400 ? apiErrorSchema : decl.schema.response[status as keyof RouteSchemas['response']];
  expect(schema, `${route} declares a schema for ${status}`).toBeDefined();
  const parsed = schema!.safeParse(JSON.parse(res.body));
  expect(parsed.success, `${route} ${status}: ${parsed.success ? '' : z.prettifyError(parsed.error)}`).toBe(true);
}

const get = (url: string) => app.inject({ method: 'GET', url, headers: H });

/** GETs each URL, expects its status, and checks the reply against the route's declared schema. */
async function expectGets(route: string, cases: readonly (readonly [string, number])[]) {
  for (const [url, status] of cases) {
    const res = await get(url);
    expect(res.statusCode, url).toBe(status);
    expectDeclared(route, res);
  }
}

describe('every route replies inside its declared schema', () => {
  it('catalogue, datasets and health', async () => {
    expectDeclared('GET /api/methods', await get('/api/methods'));
    expectDeclared('GET /api/traits', await get('/api/traits'));
    expectDeclared('GET /api/frameworks', await get('/api/frameworks'));
    expectDeclared('GET /api/datasets', await get('/api/datasets'));
    expectDeclared('GET /api/health', await get('/api/health'));
    await expectGets('GET /api/datasets/:id', [
      [`/api/datasets/${fixture.id}`, 200],
      ['/api/datasets/nope', 404],
      ['/api/datasets/broken-json', 422],
      ['/api/datasets/Bad!', 400],
    ]);
  });

  it('advice: the report (kcomm-report/1) and one error code for every bad parameter', async () => {
    for (const url of ['/api/advice', `/api/advice?dir=both&style=request&dataset=${fixture.id}&v=1`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expectDeclared('GET /api/advice', res);
    }
    for (const url of [
      '/api/advice?dir=sideways&bogus=1&v=1',
      '/api/advice?dir=k2u&dir=u2k',
      '/api/advice?dataset=nope',
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid-request');
      expectDeclared('GET /api/advice', res);
    }
  });

  it('reference files and starter archives', async () => {
    const withoutModule = (await get('/api/methods'))
      .json()
      .methods.find((m: { reference: { path: string | null } }) => m.reference.path === null).id;
    await expectGets('GET /api/methods/:id/reference', [
      ['/api/methods/genetlink/reference', 200],
      [`/api/methods/${withoutModule}/reference`, 200],
      ['/api/methods/carrier-pigeon/reference', 400],
    ]);
    const archive = await get('/api/methods/genetlink/starter.tar.gz');
    expect(archive.statusCode).toBe(200);
    expect(archive.headers['content-type']).toBe('application/gzip');
    for (const url of ['/api/methods/carrier-pigeon/starter.tar.gz', `/api/methods/${withoutModule}/starter.tar.gz`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expectDeclared('GET /api/methods/:id/starter.tar.gz', res);
    }
  });

  it('runs: start, list, read, stream, cancel, and their refusals', async () => {
    const post = (body: unknown, headers: Record<string, string> = A) =>
      app.inject({
        method: 'POST',
        url: '/api/runs',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    for (const [body, headers, status] of [
      [{ target: 'vm', profile: 'quick', extra: 1 }, A, 400],
      [{ target: 'vm', profile: 'quick', methods: ['ioctl', 'ioctl'] }, A, 400],
      [{ target: 'vm', profile: 'quick' }, H, 401],
    ] as const) {
      const res = await post(body, headers);
      expect(res.statusCode).toBe(status);
      expectDeclared('POST /api/runs', res);
    }

    const started = await post({ target: 'vm', profile: 'quick', methods: ['ioctl'] });
    expect(started.statusCode).toBe(202);
    expectDeclared('POST /api/runs', started);
    const id = started.json().id as string;

    // The stream is open before the runner goes on, so it carries every kind of event.
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const stream = await fetch(`http://127.0.0.1:${port}/api/runs/${id}/events`);
    expect(stream.status).toBe(200);
    exercised.add('GET /api/runs/:id/events');
    release();
    const text = await stream.text();
    const events = text
      .split('\n\n')
      .filter((m) => m.startsWith('event: '))
      .map((m) => {
        const [head, data] = m.split('\n');
        const event = runEventSchema.parse(JSON.parse(data!.replace(/^data: /, '')));
        expect(head).toBe(`event: ${event.type}`);
        return event;
      });
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['state', 'phase', 'log', 'progress', 'point']));
    expectDeclared('GET /api/runs/:id/events', await get('/api/runs/run-20990101t000000z-zzzzzz/events'));

    const hanging = (await post({ target: 'vm', profile: 'full' })).json().id as string;
    const del = (runId: string) => app.inject({ method: 'DELETE', url: `/api/runs/${runId}`, headers: A });
    const cancelling = await del(hanging);
    expect(cancelling.json()).toEqual({ id: hanging, cancelling: true });
    expectDeclared('DELETE /api/runs/:id', cancelling);
    await app.runs.drain();
    for (const [runId, status] of [
      [hanging, 409],
      ['run-20990101t000000z-zzzzzz', 404],
      ['nope', 400],
    ] as const) {
      const res = await del(runId);
      expect(res.statusCode).toBe(status);
      expectDeclared('DELETE /api/runs/:id', res);
    }

    await expectGets('GET /api/runs/:id', [
      [`/api/runs/${id}`, 200],
      ['/api/runs/run-20990101t000000z-zzzzzz', 404],
      ['/api/runs/nope', 400],
    ]);
    await expectGets('GET /api/runs', [
      ['/api/runs', 200],
      ['/api/runs?limit=1&offset=1', 200],
      ['/api/runs?limit=0', 400],
      ['/api/runs?page=2', 400],
    ]);
    const list = (await get('/api/runs')).json();
    expect(list.corrupt).toEqual([{ file: 'run-20260101t000000z-abcdef.json', error: expect.any(String) }]);
  });

  it('a reply outside its schema is a 500 in the one error shape, never sent trimmed or as is', async () => {
    for (const url of ['/api/test-only/leaky', '/api/test-only/short']) {
      const res = await get(url);
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: 'internal-error', message: expect.any(String) });
      expect(res.body).not.toContain('must-not-leave');
    }
    await expect.poll(() => logText).toMatch(/The 200 reply of GET \/api\/test-only\/leaky is outside its schema/);
  });

  it('bad input of any kind is one 400 code naming each field at fault', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...A, 'content-type': 'application/json' },
      payload: JSON.stringify({ target: 'cloud', profile: 'quick', sizes: [0], shell: 'rm -rf /' }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('invalid-request');
    expect(body.errors.map((e: { param: string }) => e.param).sort()).toEqual(['shell', 'sizes.0', 'target']);
    expect(body.message).toMatch(/^The request body is not valid: /);
  });

  it('a route without declared replies cannot be added', async () => {
    const other = await buildApp({ dataDir: path.join(dir, 'data'), runsDir: path.join(dir, 'runs-other'), runner });
    try {
      expect(() => other.get('/api/test-only/undeclared', async () => ({}))).toThrow(/no declared reply schemas/);
    } finally {
      await other.close();
    }
  });

  it('every declared route was exercised above', () => {
    const real = declaredRoutes(app)
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !r.includes('/test-only/'));
    expect(real.length).toBeGreaterThanOrEqual(13);
    expect(real.filter((r) => !exercised.has(r))).toEqual([]);
  });
});
