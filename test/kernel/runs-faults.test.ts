// Fault tests of the runs API against the real VM pipeline: the VM killed mid-run, a run cancelled
// mid-run. Nothing half-written may be left: no dataset, no QEMU process, the other datasets untouched.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, REPO_ROOT } from '../../server/src/app';

let dir: string;
let app: FastifyInstance;
const H = { host: '127.0.0.1' };
const TOKEN = 'test-token-runs-faults-0123456789';
/** State-changing requests carry the server's token, as a script does. */
const A = { ...H, authorization: `Bearer ${TOKEN}` };

function qemuChildren(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'qemu-system'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function snapshot(d: string): Record<string, string> {
  return Object.fromEntries(readdirSync(d).map((n) => [n, readFileSync(path.join(d, n), 'utf8')]));
}

async function startRunAndWaitFor(phase: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/runs',
    headers: { ...A, 'content-type': 'application/json' },
    payload: { target: 'vm', profile: 'quick', methods: ['ioctl', 'chardev', 'procfs'] },
  });
  expect(res.statusCode).toBe(202);
  const id = res.json().id as string;
  const deadline = Date.now() + 5 * 60_000;
  while (app.runs.get(id)!.phase !== phase) {
    if (app.runs.isFinal(app.runs.get(id)!)) throw new Error(`run ended early: ${app.runs.get(id)!.error}`);
    if (Date.now() > deadline) throw new Error(`run never reached phase ${phase}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return id;
}

const benchDir = () => path.join(dir, 'data', 'benchmarks');

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kcomm-faults-'));
  cpSync(path.join(REPO_ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
  app = await buildApp({ dataDir: path.join(dir, 'data'), runsDir: path.join(dir, 'runs'), token: TOKEN });
});
afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runs API faults with the real VM', () => {
  it('the VM killed mid-run: failed with its log, no dataset written, other datasets intact', async () => {
    const before = snapshot(benchDir());
    const id = await startRunAndWaitFor('measure');
    const pids = qemuChildren();
    expect(pids.length).toBe(1);
    process.kill(pids[0]!, 'SIGKILL');
    await app.runs.drain();
    const run = app.runs.get(id)!;
    console.log(`[faults] killed VM → ${run.state}: ${run.error?.split('\n')[0]}`);
    expect(run.state).toBe('failed');
    expect(run.error).toBeTruthy();
    expect(run.logTail.length).toBeGreaterThan(0);
    expect(run.datasetId).toBeNull();
    expect(snapshot(benchDir())).toEqual(before);
    expect(qemuChildren()).toEqual([]);
  });

  it('cancel mid-run: cancelled, no QEMU left, no dataset written', async () => {
    const before = snapshot(benchDir());
    const id = await startRunAndWaitFor('measure');
    const res = await app.inject({ method: 'DELETE', url: `/api/runs/${id}`, headers: A });
    expect(res.statusCode).toBe(200);
    await app.runs.drain();
    expect(app.runs.get(id)!.state).toBe('cancelled');
    expect(qemuChildren()).toEqual([]);
    expect(snapshot(benchDir())).toEqual(before);
  });

  it('server stopped mid-run: interrupted after the restart, no QEMU left', async () => {
    const id = await startRunAndWaitFor('measure');
    await app.close();
    expect(qemuChildren()).toEqual([]);
    app = await buildApp({ dataDir: path.join(dir, 'data'), runsDir: path.join(dir, 'runs'), token: TOKEN });
    const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}`, headers: H })).json();
    expect(run.state).toBe('interrupted');
  });
});
