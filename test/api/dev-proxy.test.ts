// `npm run dev`: the Vite dev server in front of the real server, through kcomm's proxy settings. A page of
// the dev server may start and cancel runs; a page elsewhere still may not, and the server itself is unchanged.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { devProxy, proxiedOrigin } from '../../server/src/lib/dev-proxy';
import viteConfig from '../../vite.config';

const TOKEN = 'dev-proxy-test-token-0123456789';
const NO_RUN = '/api/runs/run-20260101t000000z-abcdef';

describe('proxiedOrigin', () => {
  const server = 'http://127.0.0.1:5178';
  it("presents the dev server's own pages as the server's origin", () => {
    for (const o of ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://[::1]:5173']) {
      expect(proxiedOrigin(o, 5173, server)).toBe(server);
    }
  });
  it('passes every other Origin, and its absence, through unchanged', () => {
    for (const o of [
      'http://localhost:5174',
      'https://localhost:5173',
      'http://localhost',
      'http://evil.example:5173',
      'http://localhost:5173.evil.example',
      'null',
      '',
    ]) {
      expect(proxiedOrigin(o, 5173, server)).toBe(o);
    }
    expect(proxiedOrigin(undefined, 5173, server)).toBeUndefined();
  });
  it('is what vite.config.ts uses', () => {
    expect(Object.keys(viteConfig.server?.proxy ?? {})).toEqual(Object.keys(devProxy('http://127.0.0.1:5178')));
  });
});

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

function send(port: number, method: string, url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: url, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the dev server in front of the server', () => {
  let app: FastifyInstance;
  let vite: ViteDevServer;
  let serverPort: number;
  let devPort: number;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kcomm-dev-proxy-'));
    app = await buildApp({ token: TOKEN, distDir: path.join(dir, 'no-dist'), runsDir: path.join(dir, 'runs') });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    serverPort = Number(new URL(address).port);
    devPort = await freePort();
    vite = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: devPort, strictPort: true, proxy: devProxy(address), ws: false },
    });
    await vite.listen();
  });
  afterAll(async () => {
    await vite?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const auth = { authorization: `Bearer ${TOKEN}` };

  it('lets a dev server page change state: its Origin reaches the server as the server’s own', async () => {
    const res = await send(devPort, 'DELETE', NO_RUN, { ...auth, origin: `http://localhost:${devPort}` });
    expect(res.status, res.body).toBe(404);
    expect(JSON.parse(res.body).error).toBe('not-found');
  });

  it('still refuses a page on any other origin, through the proxy and directly', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${devPort + 1}`, `https://localhost:${devPort}`]) {
      const res = await send(devPort, 'DELETE', NO_RUN, { ...auth, origin });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body).error).toBe('cross-origin');
    }
    const direct = await send(serverPort, 'DELETE', NO_RUN, { ...auth, origin: `http://localhost:${devPort}` });
    expect(direct.status).toBe(403);
  });

  it("passes the token link through, so the dev server's pages get the session cookies", async () => {
    const res = await send(devPort, 'GET', `/?token=${TOKEN}`, {});
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(/kcomm_session=/);
  });
});
