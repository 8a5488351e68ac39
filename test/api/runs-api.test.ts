import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import type { BenchRunner } from '../../server/src/runs/types';
import { withoutReference } from '../support/without-reference';

// A fake runner standing in for the VM: it reports phases and points, and can be told to fail or to hang
// until aborted. The real pipeline is exercised by test/kernel.
function fakeRunner(mode: 'ok' | 'fail' | 'hang'): BenchRunner {
  return async (_req, { onEvent, signal }) => {
    onEvent({ type: 'phase', name: 'boot' });
    onEvent({ type: 'log', line: 'fake VM console line' });
    onEvent({ type: 'progress', percent: 50, etaSeconds: 1 });
    onEvent({ type: 'point', result: { method: 'ioctl' } });
    if (mode === 'fail') throw new Error('VM killed: console log tail follows');
    if (mode === 'hang') {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    }
    return { datasetId: 'fake-dataset' };
  };
}

let dir: string;
let app: FastifyInstance;

async function makeApp(mode: 'ok' | 'fail' | 'hang', extra: { allowLocal?: boolean } = {}) {
  app = await buildApp({
    dataDir: path.join(dir, 'data'),
    distDir: path.join(dir, 'no-dist'),
    runsDir: path.join(dir, 'runs'),
    runner: fakeRunner(mode),
    token: TOKEN,
    ...extra,
  });
  return app;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-runs-'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  withoutReference(path.join(dir, 'data'), 'sysctl');
});
afterEach(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const TOKEN = 'test-token-runs-api-0123456789';
const H = { host: '127.0.0.1:5178' };
/** What a script sends to change state: the token as a bearer. */
const A = { ...H, authorization: `Bearer ${TOKEN}` };
const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: { ...A, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('runs API', () => {
  it('POST /api/runs queues a run, which succeeds and records its dataset', async () => {
    await makeApp('ok');
    const res = await post({ target: 'vm', profile: 'quick', methods: ['ioctl'], sizes: [8, 64] });
    expect(res.statusCode).toBe(202);
    const { id } = res.json();
    await app.runs.drain();
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}`, headers: H })).json();
    expect(run.state).toBe('succeeded');
    expect(run.datasetId).toBe('fake-dataset');
    expect(run.pointsMeasured).toBe(1);
    const list = (await app.inject({ method: 'GET', url: '/api/runs', headers: H })).json();
    expect(list.runs[0].id).toBe(id);
  });

  it('a runner failure (VM killed) gives state failed with its message and log', async () => {
    await makeApp('fail');
    const { id } = (await post({ target: 'vm', profile: 'quick' })).json();
    await app.runs.drain();
    const run = app.runs.get(id)!;
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/VM killed/);
    expect(run.logTail).toContain('fake VM console line');
    expect(run.datasetId).toBeNull();
  });

  it('DELETE cancels a running run; a queued one behind it is cancelled too when asked', async () => {
    await makeApp('hang');
    const first = (await post({ target: 'vm', profile: 'quick' })).json().id;
    const second = (await post({ target: 'vm', profile: 'full' })).json().id;
    expect(app.runs.get(second)!.state).toBe('queued');
    const del2 = await app.inject({ method: 'DELETE', url: `/api/runs/${second}`, headers: A });
    expect(del2.statusCode).toBe(200);
    const del1 = await app.inject({ method: 'DELETE', url: `/api/runs/${first}`, headers: A });
    expect(del1.statusCode).toBe(200);
    await app.runs.drain();
    expect(app.runs.get(first)!.state).toBe('cancelled');
    expect(app.runs.get(second)!.state).toBe('cancelled');
    const again = await app.inject({ method: 'DELETE', url: `/api/runs/${first}`, headers: A });
    expect(again.statusCode).toBe(409);
  });

  it('a run in progress when the server stops shows as interrupted after the restart', async () => {
    await makeApp('hang');
    const id = (await post({ target: 'vm', profile: 'quick' })).json().id;
    await app.close(); // graceful stop aborts the runner
    expect(app.runs.get(id)!.state).toBe('interrupted');
    // And a hard stop (records left in 'running') is repaired at the next start:
    const raw = app.runs.get(id)!;
    raw.state = 'running';
    (app.runs as unknown as { store: { save(r: unknown): void } }).store.save(raw);
    await makeApp('ok');
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}`, headers: H })).json();
    expect(run.state).toBe('interrupted');
  });

  it('the event stream sends the state, then the runner events, and ends at a final state', async () => {
    await makeApp('ok');
    await app.listen({ host: '127.0.0.1', port: 0 });
    const addr = app.server.address() as { port: number };
    const id = (await post({ target: 'vm', profile: 'quick' })).json().id;
    const res = await fetch(`http://127.0.0.1:${addr.port}/api/runs/${id}/events`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    expect(text).toMatch(/^event: state/m);
    expect(text).toMatch(/"state":"succeeded"/);
  });
});

describe('hostile and malformed requests get a JSON 4xx and change nothing', () => {
  const bodies: [string, unknown][] = [
    ['empty object', {}],
    ['missing profile', { target: 'vm' }],
    ['missing target', { profile: 'quick' }],
    ['unknown target', { target: 'cloud', profile: 'quick' }],
    ['target wrong type', { target: 1, profile: 'quick' }],
    ['unknown profile', { target: 'vm', profile: 'turbo' }],
    ['profile null', { target: 'vm', profile: null }],
    ['unknown method', { target: 'vm', profile: 'quick', methods: ['carrier-pigeon'] }],
    ['method without backend', { target: 'vm', profile: 'quick', methods: ['sysctl'] }],
    ['methods not an array', { target: 'vm', profile: 'quick', methods: 'ioctl' }],
    ['empty methods', { target: 'vm', profile: 'quick', methods: [] }],
    ['duplicate methods', { target: 'vm', profile: 'quick', methods: ['ioctl', 'ioctl'] }],
    ['method number', { target: 'vm', profile: 'quick', methods: [3] }],
    ['size zero', { target: 'vm', profile: 'quick', sizes: [0] }],
    ['negative size', { target: 'vm', profile: 'quick', sizes: [-8] }],
    ['size above 1 MiB', { target: 'vm', profile: 'quick', sizes: [2 * 1024 * 1024] }],
    ['fractional size', { target: 'vm', profile: 'quick', sizes: [8.5] }],
    ['size string', { target: 'vm', profile: 'quick', sizes: ['64'] }],
    ['too many sizes', { target: 'vm', profile: 'quick', sizes: Array.from({ length: 40 }, (_, i) => i + 1) }],
    ['extra field', { target: 'vm', profile: 'quick', shell: 'rm -rf /' }],
    ['prototype pollution', JSON.parse('{"target":"vm","profile":"quick","__proto__":{"x":1}}')],
    ['array body', [{ target: 'vm', profile: 'quick' }]],
    ['string body', 'vm quick'],
    ['truncated JSON', '{"target": "vm", "prof'],
    ['number body', '42'],
    ['null body', 'null'],
    ['local target without the flag', { target: 'local', profile: 'stock' }],
  ];

  for (const [name, body] of bodies) {
    it(`POST /api/runs: ${name}`, async () => {
      await makeApp('ok');
      const res = await post(body);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(typeof res.json().message).toBe('string');
      expect(app.runs.list().runs).toHaveLength(0);
      expect(readdirSync(path.join(dir, 'runs'))).toHaveLength(0);
      expect((await app.inject({ method: 'GET', url: '/api/methods', headers: H })).statusCode).toBe(200);
    });
  }

  const others: [string, () => Promise<{ statusCode: number; json(): { message: string } }>][] = [
    ['huge body', () => post({ target: 'vm', profile: 'quick', pad: 'x'.repeat(200_000) })],
    [
      'wrong content type',
      () => post('target=vm&profile=quick', { 'content-type': 'application/x-www-form-urlencoded' }),
    ],
    ['wrong Host', () => post({ target: 'vm', profile: 'quick' }, { host: 'attacker.example' })],
    [
      'rebinding Host with port',
      () => post({ target: 'vm', profile: 'quick' }, { host: 'kcomm.attacker.example:5178' }),
    ],
    ['cross-origin POST', () => post({ target: 'vm', profile: 'quick' }, { origin: 'https://evil.example' })],
    ['null origin POST', () => post({ target: 'vm', profile: 'quick' }, { origin: 'null' })],
    ['traversal id', () => app.inject({ method: 'GET', url: '/api/runs/..%2F..%2Fetc%2Fpasswd', headers: H })],
    ['traversal dataset id', () => app.inject({ method: 'GET', url: '/api/datasets/..%2Fmethods', headers: H })],
    ['dotted dataset id', () => app.inject({ method: 'GET', url: '/api/datasets/.hidden', headers: H })],
    ['unknown run id', () => app.inject({ method: 'GET', url: '/api/runs/run-20260101t000000z-abcdef', headers: H })],
    ['malformed run id', () => app.inject({ method: 'GET', url: '/api/runs/12345', headers: H })],
    [
      'cancel unknown run',
      () => app.inject({ method: 'DELETE', url: '/api/runs/run-20260101t000000z-abcdef', headers: A }),
    ],
    [
      'cross-origin DELETE',
      () =>
        app.inject({
          method: 'DELETE',
          url: '/api/runs/run-20260101t000000z-abcdef',
          headers: { ...A, origin: 'http://evil.example' },
        }),
    ],
    [
      'events of unknown run',
      () => app.inject({ method: 'GET', url: '/api/runs/run-20260101t000000z-abcdef/events', headers: H }),
    ],
    ['PUT on runs', () => app.inject({ method: 'PUT', url: '/api/runs', headers: A, payload: {} })],
    ['advice with garbage', () => app.inject({ method: 'GET', url: '/api/advice?size=%FF%FE&rate=NaN', headers: H })],
    [
      'advice with huge numbers',
      () => app.inject({ method: 'GET', url: '/api/advice?size=1e400&listeners=99999999999', headers: H }),
    ],
    [
      'advice with a traversal dataset',
      () => app.inject({ method: 'GET', url: '/api/advice?dataset=../../etc/passwd', headers: H }),
    ],
  ];
  for (const [name, call] of others) {
    it(name, async () => {
      await makeApp('ok');
      const res = await call();
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(typeof res.json().message).toBe('string');
      expect(app.runs.list().runs).toHaveLength(0);
      expect((await app.inject({ method: 'GET', url: '/api/methods', headers: H })).statusCode).toBe(200);
    });
  }

  it('the local target is refused for a non-root server even with the flag', async () => {
    await makeApp('ok', { allowLocal: true });
    const res = await post({ target: 'local', profile: 'stock' });
    if (process.getuid?.() === 0) expect(res.statusCode).toBe(202);
    else expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/health', () => {
  it('reports each capability, and the install command for anything missing', async () => {
    await makeApp('ok');
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: H });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    for (const key of ['qemu', 'kvm', 'kernel', 'busybox', 'harness']) {
      const check = body.checks[key];
      expect(typeof check.ok).toBe('boolean');
      if (!check.ok && key !== 'kvm') expect(check.install).toMatch(/apt-get install|npm run/);
    }
    expect(body.targets.local.available).toBe(false);
    expect(body.targets.local.detail).toMatch(/--allow-local/);
  });
});
