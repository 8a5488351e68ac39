// The run lifecycle's limits and faults: a bounded queue, pruned and paginated history, corrupt history files,
// storage errors, shutdown with open streams and sockets, connection timeouts, and SIGTERM to the real server.
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, REPO_ROOT, type AppOptions } from '../../server/src/app';
import { HISTORY_LIMIT, QUEUE_LIMIT } from '../../server/src/runs/run-manager';
import type { BenchRunner, Run } from '../../server/src/runs/types';

const TOKEN = 'test-token-lifecycle-0123456789';
const H = { host: '127.0.0.1:5178' };
const A = { ...H, authorization: `Bearer ${TOKEN}` };

const hang: BenchRunner = (_req, { onEvent, signal }) => {
  onEvent({ type: 'phase', name: 'boot' });
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
};
const ok: BenchRunner = async () => ({ datasetId: 'fake-dataset' });

let dir: string;
let app: FastifyInstance | undefined;
let logged: string;
const runsDir = () => path.join(dir, 'runs');

async function makeApp(runner: BenchRunner, extra: Partial<AppOptions> = {}) {
  const log = new PassThrough();
  log.on('data', (b: Buffer) => (logged += b.toString()));
  app = await buildApp({
    dataDir: path.join(dir, 'data'),
    distDir: path.join(dir, 'no-dist'),
    runsDir: runsDir(),
    runner,
    token: TOKEN,
    log: { stream: log },
    ...extra,
  });
  return app;
}

const post = (a: FastifyInstance) =>
  a.inject({
    method: 'POST',
    url: '/api/runs',
    headers: { ...A, 'content-type': 'application/json' },
    payload: { target: 'vm', profile: 'quick' },
  });

function finishedRun(i: number): Run {
  const t = new Date(Date.UTC(2026, 0, 1, 0, 0, i));
  const stamp = t
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'z')
    .toLowerCase();
  return {
    id: `run-${stamp}-${String(i).padStart(6, '0')}`,
    request: { target: 'vm', profile: 'quick' },
    state: 'succeeded',
    phase: 'succeeded',
    percent: 100,
    etaSeconds: 0,
    createdAt: t.toISOString(),
    startedAt: t.toISOString(),
    finishedAt: t.toISOString(),
    datasetId: `vm-tcg-quick-${i}`,
    error: null,
    pointsMeasured: 3,
    logTail: [],
  };
}

beforeEach(() => {
  logged = '';
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-lifecycle-'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('queue and history', () => {
  it(`queues at most ${QUEUE_LIMIT} runs behind the active one, then 429 with Retry-After`, async () => {
    const a = await makeApp(hang);
    for (let i = 0; i <= QUEUE_LIMIT; i++) expect((await post(a)).statusCode).toBe(202);
    const full = await post(a);
    expect(full.statusCode).toBe(429);
    expect(full.json().error).toBe('queue-full');
    expect(Number(full.headers['retry-after'])).toBeGreaterThan(0);
    expect(a.runs.list().total).toBe(QUEUE_LIMIT + 1);
    expect(readdirSync(runsDir())).toHaveLength(QUEUE_LIMIT + 1);
  });

  it(`keeps the newest ${HISTORY_LIMIT} finished runs and pages through them`, async () => {
    mkdirSync(runsDir(), { recursive: true });
    const all = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => finishedRun(i));
    for (const r of all) writeFileSync(path.join(runsDir(), `${r.id}.json`), JSON.stringify(r));
    const a = await makeApp(ok);
    expect(readdirSync(runsDir())).toHaveLength(HISTORY_LIMIT);
    const first = (await a.inject({ method: 'GET', url: '/api/runs', headers: H })).json();
    expect(first.total).toBe(HISTORY_LIMIT);
    expect(first.runs).toHaveLength(50);
    expect(first.runs[0].id).toBe(all.at(-1)!.id);
    const page = (await a.inject({ method: 'GET', url: '/api/runs?limit=10&offset=195', headers: H })).json();
    expect(page.runs.map((r: Run) => r.id)).toEqual(
      all
        .slice(5)
        .reverse()
        .slice(195)
        .map((r) => r.id),
    );
    for (const q of ['limit=0', 'limit=201', 'limit=x', 'offset=-1', 'offset=1e3', 'page=2']) {
      const bad = await a.inject({ method: 'GET', url: `/api/runs?${q}`, headers: H });
      expect(bad.statusCode, q).toBe(400);
      expect(bad.json().error).toBe('invalid-request');
    }
    // A new run pushes the oldest out.
    await post(a);
    await a.runs.drain();
    expect(readdirSync(runsDir())).toHaveLength(HISTORY_LIMIT);
    expect(readdirSync(runsDir())).not.toContain(`${all[5]!.id}.json`);
  });

  it('lists corrupt history files with their error, logs them, and never answers 500', async () => {
    mkdirSync(runsDir(), { recursive: true });
    const good = finishedRun(1);
    writeFileSync(path.join(runsDir(), `${good.id}.json`), JSON.stringify(good));
    const noDate = finishedRun(2) as Partial<Run>;
    delete noDate.createdAt;
    writeFileSync(path.join(runsDir(), `${noDate.id}.json`), JSON.stringify(noDate));
    writeFileSync(path.join(runsDir(), 'run-20260101t000003z-000003.json'), '{"id": "run-2026');
    writeFileSync(path.join(dir, 'secret.json'), JSON.stringify(finishedRun(4)));
    symlinkSync(path.join(dir, 'secret.json'), path.join(runsDir(), `${finishedRun(4).id}.json`));
    const a = await makeApp(ok);
    const res = await a.inject({ method: 'GET', url: '/api/runs', headers: H });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.runs.map((r: Run) => r.id)).toEqual([good.id]);
    const corrupt = Object.fromEntries(body.corrupt.map((c: { file: string; error: string }) => [c.file, c.error]));
    expect(corrupt[`${noDate.id}.json`]).toMatch(/createdAt/);
    expect(corrupt['run-20260101t000003z-000003.json']).toBe('not valid JSON');
    expect(corrupt[`${finishedRun(4).id}.json`]).toMatch(/ELOOP|symbolic link/i);
    expect(logged).toMatch(/run history: .*createdAt/);
  });
});

describe('storage errors', () => {
  /** Puts a file where the runs folder was: every later write fails with ENOTDIR (root ignores modes). */
  const breakDisk = () => {
    renameSync(runsDir(), `${runsDir()}.gone`);
    writeFileSync(runsDir(), 'not a folder');
  };

  it('a write failing as the run finishes gives a failed run with the reason, not a crash', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const a = await makeApp(async () => {
        await gate;
        return { datasetId: 'fake-dataset' };
      });
      const { id } = (await post(a)).json();
      breakDisk();
      release();
      await a.runs.drain();
      const run = (await a.inject({ method: 'GET', url: `/api/runs/${id}`, headers: H })).json();
      expect(run.state).toBe('failed');
      expect(run.error).toMatch(/succeeded \(dataset fake-dataset\), but its record could not be saved: ENOTDIR/);
      expect(logged).toMatch(/ENOTDIR/);
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a run that cannot be recorded is refused with 507 and not started', async () => {
    const a = await makeApp(ok);
    breakDisk();
    const res = await post(a);
    expect(res.statusCode).toBe(507);
    expect(res.json().error).toBe('storage-error');
    expect(a.runs.list().total).toBe(0);
  });
});

const closings = new WeakMap<Socket, Promise<number>>();
/** Resolves with how long the socket stayed open, once the server has closed it. */
const closed = (socket: Socket) => closings.get(socket)!;

async function openSocket(port: number, send = ''): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const since = Date.now();
    const s = connect(port, '127.0.0.1', () => {
      if (send) s.write(send);
      resolve(s);
    });
    closings.set(s, new Promise((done) => s.on('close', () => done(Date.now() - since))));
    s.on('error', reject);
  });
}

describe('shutdown and timeouts', () => {
  it('close() ends event streams and idle sockets at once, aborts the run and marks it interrupted', async () => {
    const a = await makeApp(hang);
    const url = await a.listen({ host: '127.0.0.1', port: 0 });
    const { id } = (await post(a)).json();
    const queued = (await post(a)).json().id;
    const stream = await fetch(`${url}/api/runs/${id}/events`);
    const reader = stream.body!.getReader();
    await reader.read(); // the first state: the stream is open
    const idle = await openSocket(Number(new URL(url).port));
    const t0 = Date.now();
    await a.close();
    expect(Date.now() - t0).toBeLessThan(3_000);
    let rest = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest += new TextDecoder().decode(value);
    }
    expect(rest).toMatch(/"state":"interrupted"/);
    await closed(idle);
    expect(a.runs.get(id)!.state).toBe('interrupted');
    expect(a.runs.get(queued)!.state).toBe('interrupted');
    expect(JSON.parse(readFileSync(path.join(runsDir(), `${queued}.json`), 'utf8')).state).toBe('interrupted');
  });

  it('drops an idle connection and a request that never finishes arriving', async () => {
    const a = await makeApp(ok, { timeouts: { idleMs: 300, requestMs: 600, headersMs: 600 } });
    const port = Number(new URL(await a.listen({ host: '127.0.0.1', port: 0 })).port);
    const idle = await openSocket(port);
    const half = await openSocket(
      port,
      `POST /api/runs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"target":`,
    );
    const trickle = setInterval(() => half.write(' '), 100); // never idle, never complete
    try {
      expect(await closed(idle)).toBeLessThan(5_000);
      expect(await closed(half)).toBeLessThan(5_000);
    } finally {
      clearInterval(trickle);
    }
    expect(a.runs.list().total).toBe(0);
  });
});

describe('the real server process', () => {
  it('prints the link with its token, and exits within seconds of SIGTERM with a connection open', async () => {
    const varDir = path.join(dir, 'var');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', KCOMM_TOKEN: TOKEN, KCOMM_VAR_DIR: varDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    try {
      const link = await new Promise<string>((resolve, reject) => {
        const check = () => {
          const m = /http:\/\/localhost:(\d+)\/\?token=(\S+)/.exec(out);
          if (m) resolve(m[0]);
        };
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`the server exited:\n${out}`)));
      });
      expect(link).toMatch(new RegExp(`/\\?token=${TOKEN}$`));
      expect((readFileSync(path.join(varDir, 'token'), 'utf8') as string).trim()).toBe(TOKEN);
      // Only the server's own user can read it: other local users cannot start runs.
      expect(statSync(path.join(varDir, 'token')).mode & 0o777).toBe(0o600);
      const port = Number(new URL(link).port);
      const idle = await openSocket(port);
      const health = await fetch(`http://127.0.0.1:${port}/api/methods`);
      expect(health.status).toBe(200);
      const t0 = Date.now();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(5_000);
      await closed(idle);
      const log = readFileSync(path.join(varDir, 'log', 'server.log'), 'utf8');
      expect(log).toMatch(/"url":"\/api\/methods"/);
      expect(log).not.toContain(TOKEN);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
