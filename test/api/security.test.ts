// The server as an attacker on this machine or a page in the browser sees it: the per-launch token, the
// security headers, strict Host and Origin checks, router errors, timeouts, the request log, compression
// and caching.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import type { BenchRunner } from '../../server/src/runs/types';

const TOKEN = 'test-token-security-0123456789';
const H = { host: '127.0.0.1:5178' };
const ORIGIN = 'http://127.0.0.1:5178';
const ok: BenchRunner = async () => ({ datasetId: 'fake' });

let dir: string;
let app: FastifyInstance;
let logged = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-security-'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  // A stand-in for the built app: an index page and one hashed asset.
  mkdirSync(path.join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>kcomm</title><div id="root"></div>');
  writeFileSync(
    path.join(dir, 'dist', 'assets', 'index-AbC123xy.js'),
    `console.log(${JSON.stringify('x'.repeat(4000))});`,
  );
  const log = new PassThrough();
  log.on('data', (b: Buffer) => (logged += b.toString()));
  app = await buildApp({
    dataDir: path.join(dir, 'data'),
    distDir: path.join(dir, 'dist'),
    runsDir: path.join(dir, 'runs'),
    runner: ok,
    token: TOKEN,
    // Injected requests have no socket to tell the port: the one the server would listen on.
    port: 5178,
    log: { stream: log },
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = (headers: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: { ...H, 'content-type': 'application/json', ...headers },
    payload: { target: 'vm', profile: 'stock' },
  });

/** Opens the link with the token as a browser would; returns the cookies it set. */
async function landing(): Promise<{ session: string; csrf: string }> {
  const res = await app.inject({ method: 'GET', url: `/?token=${TOKEN}`, headers: H });
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const value = (name: string) =>
    cookies
      .find((c) => c.startsWith(`${name}=`))!
      .split(';')[0]!
      .split('=')[1]!;
  return { session: value('kcomm_session'), csrf: value('kcomm_csrf') };
}

describe('the per-launch token', () => {
  it('a state-changing request without it is a JSON 401 and starts nothing', async () => {
    const res = await start({});
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthorized');
    expect(res.json().message).toMatch(/token/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    const cancel = await app.inject({ method: 'DELETE', url: '/api/runs/run-20260101t000000z-abcdef', headers: H });
    expect(cancel.statusCode).toBe(401);
    expect(app.runs.list().total).toBe(0);
  });

  it('scripts use Authorization: Bearer <token>; a wrong one is refused', async () => {
    expect((await start({ authorization: 'Bearer not-the-token-at-all' })).statusCode).toBe(401);
    expect((await start({ authorization: `Basic ${TOKEN}` })).statusCode).toBe(401);
    expect((await start({ authorization: `Bearer ${TOKEN}x` })).statusCode).toBe(401);
    const res = await start({ authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(202);
    await app.runs.drain();
  });

  it('the link with the token sets an HttpOnly SameSite=Strict session and redirects to the clean URL', async () => {
    const res = await app.inject({ method: 'GET', url: `/collect?run=x&token=${TOKEN}`, headers: H });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/collect?run=x');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('kcomm_session='))!;
    const csrf = cookies.find((c) => c.startsWith('kcomm_csrf='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toContain(TOKEN);
    expect(csrf).toMatch(/; SameSite=Strict/);
    expect(csrf).not.toMatch(/HttpOnly/);
    const wrong = await app.inject({ method: 'GET', url: '/?token=guessed-token-0000', headers: H });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('the app: session cookie + the CSRF header equal to its cookie + its own Origin', async () => {
    const { session, csrf } = await landing();
    const cookie = `kcomm_session=${session}; kcomm_csrf=${csrf}`;
    const good = { cookie, 'x-kcomm-csrf': csrf, origin: ORIGIN };
    expect((await start(good)).statusCode).toBe(202);
    await app.runs.drain();
    // Each piece missing or wrong:
    expect((await start({ ...good, 'x-kcomm-csrf': '' })).statusCode).toBe(401);
    expect((await start({ cookie: `kcomm_csrf=${csrf}`, 'x-kcomm-csrf': csrf, origin: ORIGIN })).statusCode).toBe(401);
    expect((await start({ cookie, 'x-kcomm-csrf': csrf })).statusCode).toBe(401); // no Origin
    expect((await start({ ...good, origin: 'http://127.0.0.1:8080' })).statusCode).toBe(403);
    // A CSRF pair planted by another server on localhost (cookies ignore ports) is not signed with the token:
    const planted = 'attacker.value';
    const tossed = {
      cookie: `kcomm_session=${session}; kcomm_csrf=${planted}`,
      'x-kcomm-csrf': planted,
      origin: ORIGIN,
    };
    expect((await start(tossed)).statusCode).toBe(401);
    // Two CSRF cookies (one planted beside the real one) are refused rather than guessed between:
    const twice = { ...good, cookie: `${cookie}; kcomm_csrf=${planted}` };
    expect((await start(twice)).statusCode).toBe(401);
  });

  it('reads stay open on loopback without the token', async () => {
    for (const url of ['/api/methods', '/api/runs', '/api/health', '/collect']) {
      expect((await app.inject({ method: 'GET', url, headers: H })).statusCode).toBe(200);
    }
  });
});

describe('security headers on every response', () => {
  const cases: [string, () => Promise<{ headers: Record<string, unknown> }>][] = [
    ['the app page', () => app.inject({ method: 'GET', url: '/collect', headers: H })],
    ['a hashed asset', () => app.inject({ method: 'GET', url: '/assets/index-AbC123xy.js', headers: H })],
    ['JSON', () => app.inject({ method: 'GET', url: '/api/methods', headers: H })],
    ['a 404', () => app.inject({ method: 'GET', url: '/api/nothing', headers: H })],
    ['a 401', () => start({})],
    ['a 421', () => app.inject({ method: 'GET', url: '/api/methods', headers: { host: 'evil.example' } })],
    ['a 400 bad URL', () => app.inject({ method: 'GET', url: '/api/datasets/%E0%A4%A', headers: H })],
    ['the token redirect', () => app.inject({ method: 'GET', url: `/?token=${TOKEN}`, headers: H })],
  ];
  for (const [name, call] of cases) {
    it(name, async () => {
      const res = await call();
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    });
  }

  it('on the event stream too', async () => {
    const id = (await start({ authorization: `Bearer ${TOKEN}` })).json().id;
    await app.runs.drain();
    const res = await app.inject({ method: 'GET', url: `/api/runs/${id}/events`, headers: H });
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('Host and Origin', () => {
  const refused = [
    '[::1].evil.com',
    '[::1]evil.com:5178',
    '[::1]@evil.com',
    'localhost@evil.com',
    'localhost:5178@evil.com',
    'localhost.evil.com',
    'localhost:8080',
    '127.0.0.1:80',
    'localhost:',
    'localhost:99999',
    ' localhost',
    '',
  ];
  for (const host of refused) {
    it(`refuses Host "${host}" with a JSON 421`, async () => {
      const res = await app.inject({ method: 'GET', url: '/api/advice?v=1', headers: { host } });
      expect(res.statusCode).toBe(421);
      expect(res.json().error).toBe('bad-host');
    });
  }
  for (const host of ['localhost', 'localhost:5178', '127.0.0.1:5178', '[::1]:5178', 'LOCALHOST:5178']) {
    it(`accepts Host "${host}" and builds permalinks on it`, async () => {
      const res = await app.inject({ method: 'GET', url: '/api/advice?v=1', headers: { host } });
      expect(res.statusCode).toBe(200);
    });
  }

  it('refuses a request with two Host headers', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const port = new URL(url).port;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.end(
          `GET /api/methods HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
        );
      });
      let text = '';
      socket.on('data', (b) => (text += b.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 421/);
    expect(answer).toMatch(/"error":"bad-host"/);
    expect(answer).toMatch(/2 Host headers/);
  });

  const origins = [
    'http://localhost:8080',
    'https://127.0.0.1:5178',
    'http://127.0.0.1',
    'http://evil.example:5178',
    'http://127.0.0.1:5178.evil.example',
    'null',
  ];
  for (const origin of origins) {
    it(`refuses a state-changing request from Origin ${origin}, even with the token`, async () => {
      const res = await start({ authorization: `Bearer ${TOKEN}`, origin });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('cross-origin');
    });
  }
});

describe('router errors are behind the host guard and in the JSON shape', () => {
  it('414: an over-long path parameter', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/datasets/${'a'.repeat(500)}`, headers: H });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: 'uri-too-long', message: expect.any(String) });
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/datasets/${'a'.repeat(500)}`,
      headers: { host: 'evil.example' },
    });
    expect(foreign.statusCode).toBe(421);
  });

  it('400: a malformed URL', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/datasets/%E0%A4%A', headers: H });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid-request', message: expect.any(String) });
    const foreign = await app.inject({
      method: 'GET',
      url: '/api/datasets/%E0%A4%A',
      headers: { host: 'evil.example' },
    });
    expect(foreign.statusCode).toBe(421);
  });

  it('bad bodies share one code', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const broken = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { ...H, ...auth, 'content-type': 'application/json' },
      payload: '{"target":',
    });
    expect(broken.json().error).toBe('invalid-request');
    const invalid = await start({ ...auth, 'content-type': 'application/json' }).then(() =>
      app.inject({ method: 'POST', url: '/api/runs', headers: { ...H, ...auth }, payload: { target: 'x' } }),
    );
    expect(invalid.json().error).toBe('invalid-request');
    await app.runs.drain();
  });
});

describe('timeouts and the request log', () => {
  it('closes an idle connection and a half-sent request; the log holds no token or cookie', () => {
    expect(app.server.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(app.server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(app.server.timeout).toBeLessThanOrEqual(30_000);
    expect(app.server.keepAliveTimeout).toBeLessThanOrEqual(5_000);
    expect(logged).toMatch(/"url":"\/\?token=\[redacted\]"/);
    expect(logged).toMatch(/"statusCode":401/);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toMatch(/kcomm_session=|kcomm_csrf=/);
  });
});

describe('compression and caching', () => {
  const asset = '/assets/index-AbC123xy.js';

  it('hashed assets are cached for a year as immutable, and compressed for a client that accepts it', async () => {
    const res = await app.inject({ method: 'GET', url: asset, headers: { ...H, 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(readFileSync(path.join(dir, 'dist', asset), 'utf8'));
  });

  it('the page is revalidated on every visit, so a new build is picked up at once', async () => {
    const res = await app.inject({ method: 'GET', url: '/collect', headers: H });
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('JSON is gzipped when asked, and sent plain otherwise', async () => {
    const gz = await app.inject({ method: 'GET', url: '/api/methods', headers: { ...H, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ method: 'GET', url: '/api/methods', headers: H });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });
});
