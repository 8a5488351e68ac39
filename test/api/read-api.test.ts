import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import { METHOD_IDS, TRAIT_IDS } from '../../src/core/ids';
import { withoutReference } from '../support/without-reference';

// Each test app gets its own copy of data/ so tests can add broken dataset files without touching the repo.
let dataDir: string;
let app: FastifyInstance;
const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test/fixtures/dataset-synthetic.json'), 'utf8'));

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kcomm-api-'));
  cpSync(path.join(REPO_ROOT, 'data'), dataDir, { recursive: true });
  withoutReference(dataDir, 'sysctl');
  writeFileSync(path.join(dataDir, 'benchmarks', `${fixture.id}.json`), JSON.stringify(fixture));
  writeFileSync(path.join(dataDir, 'benchmarks', 'broken-json.json'), '{"schema": "kcomm-bench/1", ');
  writeFileSync(
    path.join(dataDir, 'benchmarks', 'wrong-shape.json'),
    JSON.stringify({ ...fixture, id: 'wrong-shape', results: 'x' }),
  );
  writeFileSync(path.join(dataDir, 'benchmarks', 'leaky.json'), 'SECRET-BYTES-0123 {"not": json}');
  // A link to a file outside data/benchmarks (here a valid dataset with another name): never followed.
  writeFileSync(path.join(dataDir, 'outside.json'), JSON.stringify({ ...fixture, id: 'linked' }));
  symlinkSync(path.join(dataDir, 'outside.json'), path.join(dataDir, 'benchmarks', 'linked.json'));
  app = await buildApp({ dataDir, distDir: path.join(dataDir, 'no-dist') });
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:5178', ...headers } });

describe('read API', () => {
  it('GET /api/methods lists every catalogue method', async () => {
    const res = await get('/api/methods');
    expect(res.statusCode).toBe(200);
    const ids = res
      .json()
      .methods.map((m: { id: string }) => m.id)
      .sort();
    expect(ids).toEqual([...METHOD_IDS].sort());
  });

  it('GET /api/traits lists every trait with an icon', async () => {
    const res = await get('/api/traits');
    expect(res.statusCode).toBe(200);
    const traits = res.json().traits as { id: string; icon: string }[];
    expect(traits.map((t) => t.id).sort()).toEqual([...TRAIT_IDS].sort());
    for (const t of traits) expect(t.icon).toMatch(/^[a-z-]+$/);
  });

  it('GET /api/datasets lists good datasets with provenance and broken files with their error', async () => {
    const res = await get('/api/datasets');
    expect(res.statusCode).toBe(200);
    const list = res.json().datasets as { id: string; ok: boolean; error?: string; host?: { kernel: string } }[];
    const good = list.find((d) => d.id === fixture.id);
    expect(good?.ok).toBe(true);
    expect(good?.host?.kernel).toBe(fixture.host.kernel);
    const broken = list.find((d) => d.id === 'broken-json');
    expect(broken?.ok).toBe(false);
    expect(broken?.error).toMatch(/not valid JSON/);
    expect(list.find((d) => d.id === 'wrong-shape')?.error).toMatch(/results/);
  });

  it('does not follow a symbolic link, and never quotes a broken file’s bytes', async () => {
    const list = (await get('/api/datasets')).json().datasets as { id: string; ok: boolean; error?: string }[];
    expect(list.find((d) => d.id === 'linked')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/symbolic link/),
    });
    const linked = await get('/api/datasets/linked');
    expect(linked.statusCode).toBe(422);
    expect(linked.body).not.toContain('fixture');
    const leaky = list.find((d) => d.id === 'leaky')!;
    expect(leaky.error).toMatch(/^not valid JSON/);
    expect(JSON.stringify(list)).not.toContain('SECRET-BYTES');
    expect((await get('/api/datasets/leaky')).body).not.toContain('SECRET-BYTES');
  });

  it('GET /api/datasets/:id returns the dataset, 404 for an unknown id, 422 for a corrupt one', async () => {
    const ok = await get(`/api/datasets/${fixture.id}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().schema).toBe('kcomm-bench/1');
    const missing = await get('/api/datasets/no-such-dataset');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not-found');
    const corrupt = await get('/api/datasets/broken-json');
    expect(corrupt.statusCode).toBe(422);
  });

  it('GET /api/advice returns exactly the report for the answers', async () => {
    const res = await get('/api/advice?dir=k2u&style=event&size=64&rate=1000&listeners=3&v=1');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.schema).toBe('kcomm-report/1');
    expect(report.answers.listeners).toBe(3);
    expect(report.dataset).toBeNull();
    expect(report.ranking.length).toBeGreaterThan(0);
    expect(report.permalink).toContain('listeners=3');
    for (let i = 1; i < report.ranking.length; i++) {
      expect(report.ranking[i - 1].score).toBeGreaterThanOrEqual(report.ranking[i].score);
    }
  });

  it('GET /api/advice with a dataset includes its provenance', async () => {
    const res = await get(`/api/advice?dir=both&style=request&size=64&rate=100&dataset=${fixture.id}&v=1`);
    expect(res.statusCode).toBe(200);
    expect(res.json().dataset.id).toBe(fixture.id);
    expect(res.json().dataset.host.kernel).toBe(fixture.host.kernel);
  });

  it('GET /api/advice names each bad parameter in a 400', async () => {
    const res = await get('/api/advice?dir=sideways&size=-4&rate=0&bogus=1&v=1');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('invalid-request');
    const params = body.errors.map((e: { param: string }) => e.param).sort();
    expect(params).toEqual(['bogus', 'dir', 'rate', 'size']);
  });

  it('GET /api/advice takes the follow-up answers added later (topic, grows) and names a bad value', async () => {
    const res = await get('/api/advice?module=0&daemon=1&topic=process&v=1');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.answers.topic).toBe('process');
    expect(report.permalink).toContain('topic=process');
    expect(report.ranking[0].method).toBe('connector');
    expect(report.eliminated.map((e: { method: string }) => e.method)).toContain('uevent');
    const worker = await get('/api/advice?dir=u2k&size=0&worker=1&v=1');
    expect(worker.json().answers.worker).toBe(true);
    expect(worker.json().ranking[0].method).toBe('eventfd');
    const bad = await get('/api/advice?topic=network&grows=maybe&v=1');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { param: string }) => e.param)
        .sort(),
    ).toEqual(['grows', 'topic']);
  });

  it('GET /api/advice takes framework=<id>: the verdict says to register with it, and an unknown id is a 400', async () => {
    const res = await get('/api/advice?dir=k2u&style=event&size=128&rate=0.1&listeners=2&framework=power-supply&v=1');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.answers.framework).toBe('power-supply');
    expect(report.permalink).toContain('framework=power-supply');
    expect(report.ranking[0].method).toBe('uevent');
    expect(report.verdict.framework).toMatch(/^Register with the power_supply class \(.*\); it gives user space /);
    const without = await get('/api/advice?dir=k2u&style=event&size=128&rate=0.1&listeners=2&v=1');
    expect(without.json().verdict.framework).toBeUndefined();
    const bad = await get('/api/advice?framework=battery&v=1');
    expect(bad.statusCode).toBe(400);
    const [error] = bad.json().errors;
    expect(error.param).toBe('framework');
    expect(error.message).toContain('framework must be one of input, power-supply,');
    expect(error.message).toContain('got "battery"');
  });

  it('GET /api/advice with an unknown or corrupt dataset is a 400 naming dataset', async () => {
    for (const id of ['nope', 'broken-json']) {
      const res = await get(`/api/advice?dataset=${id}&v=1`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].param).toBe('dataset');
    }
  });

  it('refuses a foreign Host header (DNS rebinding) with JSON', async () => {
    const res = await get('/api/methods', { host: 'evil.example:5178' });
    expect(res.statusCode).toBe(421);
    expect(res.json().error).toBe('bad-host');
  });

  it('unknown API routes are JSON 404s', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not-found');
  });
});

describe('reference code API', () => {
  it('returns the genetlink module, its uapi header, user side, build files and README', async () => {
    const res = await get('/api/methods/genetlink/reference');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.path).toBe('server/reference/genetlink/');
    const byName = Object.fromEntries(body.files.map((f: { name: string; role: string }) => [f.name, f.role]));
    expect(byName['kcomm_genetlink.c']).toBe('kernel');
    expect(byName['kcomm_genetlink.h']).toBe('uapi');
    expect(byName['genetlink_user.c']).toBe('user');
    expect(byName['genetlink_robust.c']).toBe('robust');
    expect(byName['Kbuild']).toBe('build');
    const kernel = body.files.find((f: { name: string }) => f.name === 'kcomm_genetlink.c');
    expect(kernel.content).toMatch(/^\/\/ SPDX-License-Identifier: GPL-2.0/);
  });

  it('says on which kernels the kernel suite built and robust-tested the module, from kernels-tested.json', async () => {
    const file = path.join(dataDir, 'kernels-tested.json');
    const saved = readFileSync(file, 'utf8');
    try {
      writeFileSync(
        file,
        JSON.stringify({
          schema: 'kcomm-kernels-tested/1',
          generatedAt: '2026-11-30T00:00:00Z',
          kernels: [{ version: '6.1.0-1-amd64' }, { version: '6.12.1-rt-amd64' }],
          modules: {
            kcomm_genetlink: { built: ['6.1.0-1-amd64', '6.12.1-rt-amd64'], robustPassed: ['6.1.0-1-amd64'] },
          },
        }),
      );
      expect((await get('/api/methods/genetlink/reference')).json().tested).toEqual([
        { version: '6.1.0-1-amd64', built: true, robust: true },
        { version: '6.12.1-rt-amd64', built: true, robust: false },
      ]);
      // No record of the module, or no readable file: nothing is claimed.
      expect((await get('/api/methods/chardev/reference')).json().tested).toBeNull();
      writeFileSync(file, '{"schema": ');
      expect((await get('/api/methods/genetlink/reference')).json().tested).toBeNull();
    } finally {
      writeFileSync(file, saved);
    }
  });

  it('shows a trace event header as kernel code, not as the shared uapi header', async () => {
    const res = await get('/api/methods/tracepoint/reference');
    expect(res.statusCode).toBe(200);
    const byName = Object.fromEntries(res.json().files.map((f: { name: string; role: string }) => [f.name, f.role]));
    expect(byName['kcomm_tracepoint_trace.h']).toBe('kernel');
    expect(byName['kcomm_tracepoint.h']).toBe('uapi');
    expect(byName['tracepoint_user.c']).toBe('user');
  });

  it('shows a BPF program as its own role, after the module it attaches to', async () => {
    const res = await get('/api/methods/bpf-ringbuf/reference');
    expect(res.statusCode).toBe(200);
    const files: { name: string; role: string }[] = res.json().files;
    const byName = Object.fromEntries(files.map((f) => [f.name, f.role]));
    expect(byName['kcomm_bpf_ringbuf.bpf.c']).toBe('bpf');
    expect(byName['kcomm_bpf_ringbuf.c']).toBe('kernel');
    expect(byName['kcomm_bpf_ringbuf_trace.h']).toBe('kernel');
    expect(byName['bpf_ringbuf_user.c']).toBe('user');
    expect(files.findIndex((f) => f.role === 'bpf')).toBeGreaterThan(files.findIndex((f) => f.role === 'kernel'));
  });

  it('says where the kernel samples are for a method without a kcomm module', async () => {
    const res = await get('/api/methods/sysctl/reference');
    expect(res.statusCode).toBe(200);
    expect(res.json().files).toEqual([]);
    expect(res.json().note).toMatch(/samples|Documentation|selftests/);
  });

  it('refuses unknown ids and traversal', async () => {
    for (const id of ['nope', '..%2F..%2Fetc', '%2E%2E']) {
      const res = await get(`/api/methods/${id}/reference`);
      expect([400, 404]).toContain(res.statusCode);
      expect(typeof res.json().message).toBe('string');
    }
  });
});
