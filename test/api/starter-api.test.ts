import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, REPO_ROOT } from '../../server/src/app';
import { STARTER_MTIME } from '../../server/src/lib/starter-archive';
import { withoutReference } from '../support/without-reference';

// The app reads a copy of the repo's reference folders and harness core, with kbuild's build products and a
// link planted beside the sources, and a copy of data/ (one test removes kernels-tested.json from it) in which
// sysctl has no reference folder (every method has one: this is the path a method without one takes).
let root: string;
let app: FastifyInstance;

const BUILD_PRODUCTS = [
  'kcomm_genetlink.ko',
  'kcomm_genetlink.o',
  'kcomm_genetlink.mod',
  'kcomm_genetlink.mod.c',
  'kcomm_genetlink.mod.o',
  '.kcomm_genetlink.o.cmd',
  'Module.symvers',
  'modules.order',
  'genetlink_user.o',
  'genetlink_robust.o',
];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'kcomm-starter-api-'));
  cpSync(path.join(REPO_ROOT, 'server/reference'), path.join(root, 'server/reference'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'server/harness'), path.join(root, 'server/harness'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  withoutReference(path.join(root, 'data'), 'sysctl');
  const genetlink = path.join(root, 'server/reference/genetlink');
  for (const name of BUILD_PRODUCTS) writeFileSync(path.join(genetlink, name), 'BUILD PRODUCT');
  writeFileSync(path.join(root, 'secret.c'), 'SECRET');
  symlinkSync(path.join(root, 'secret.c'), path.join(genetlink, 'kcomm_linked.c'));
  mkdirSync(path.join(root, 'server/harness/build-output'), { recursive: true });
  writeFileSync(path.join(root, 'server/harness/main.o'), 'BUILD PRODUCT');
  app = await buildApp({
    rootDir: root,
    dataDir: path.join(root, 'data'),
    distDir: path.join(root, 'no-dist'),
    runsDir: path.join(root, 'runs'),
  });
});
afterAll(async () => {
  await app?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:5178', ...headers } });

interface Entry {
  header: Header;
  content: string;
}

async function entries(gz: Buffer): Promise<Entry[]> {
  const extract = tar.extract();
  const out: Entry[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      out.push({ header: entry.header, content: Buffer.concat(chunks).toString('utf8') });
    }
  })();
  extract.end(gunzipSync(gz));
  await done;
  return out;
}

describe('starter archive API', () => {
  it('packs the reference sources, the harness core and a README under kcomm-<method>-starter/', async () => {
    const res = await get('/api/methods/genetlink/starter.tar.gz');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="kcomm-genetlink-starter.tar.gz"');
    const list = await entries(res.rawPayload);
    const names = list.map((e) => e.header.name);
    expect(names.slice(0, 9)).toEqual([
      'kcomm-genetlink-starter/',
      'kcomm-genetlink-starter/README.md',
      'kcomm-genetlink-starter/REFERENCE.md',
      'kcomm-genetlink-starter/kcomm_genetlink.c',
      'kcomm-genetlink-starter/kcomm_genetlink.h',
      'kcomm-genetlink-starter/genetlink_user.c',
      'kcomm-genetlink-starter/genetlink_robust.c',
      'kcomm-genetlink-starter/Kbuild',
      'kcomm-genetlink-starter/Makefile',
    ]);
    expect(names[9]).toBe('kcomm-genetlink-starter/harness/');
    const includeAt = names.indexOf('kcomm-genetlink-starter/include/');
    expect(includeAt).toBeGreaterThan(9);
    const harness = names.slice(10, includeAt);
    expect(harness).toContain('kcomm-genetlink-starter/harness/harness.h');
    expect(harness).toContain('kcomm-genetlink-starter/harness/main.c');
    expect(harness.every((n) => /^kcomm-genetlink-starter\/harness\/[a-z0-9_]+\.[ch]$/.test(n))).toBe(true);
    // The headers the modules share sit inside the archive, and its Kbuild points there.
    expect(names.slice(includeAt + 1)).toContain('kcomm-genetlink-starter/include/kcomm_notify.h');
    expect(names.slice(includeAt + 1).every((n) => /^kcomm-genetlink-starter\/include\/[a-z0-9_]+\.h$/.test(n))).toBe(
      true,
    );
    const kbuild = list.find((e) => e.header.name === 'kcomm-genetlink-starter/Kbuild')!.content;
    expect(kbuild).toContain('-I$(src)/include');
    expect(kbuild).not.toContain('../include');
    for (const e of list) {
      expect(e.header).toMatchObject({ uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: STARTER_MTIME });
      expect(e.header.mode).toBe(e.header.type === 'directory' ? 0o755 : 0o644);
    }
    const kernel = list.find((e) => e.header.name.endsWith('/kcomm_genetlink.c'));
    expect(kernel?.content).toMatch(/^\/\/ SPDX-License-Identifier: GPL-2.0/);
  });

  it('never packs build products, links or anything outside the sources', async () => {
    const res = await get('/api/methods/genetlink/starter.tar.gz');
    const names = (await entries(res.rawPayload)).map((e) => path.posix.basename(e.header.name));
    for (const product of [...BUILD_PRODUCTS, 'kcomm_linked.c', 'main.o', 'build-output', 'tests', 'stock']) {
      expect(names).not.toContain(product);
    }
    expect(names.filter((n) => /\.(ko|o|mod|cmd)$|^\.|symvers|modules\.order/.test(n))).toEqual([]);
    expect((await entries(res.rawPayload)).some((e) => e.content.includes('SECRET'))).toBe(false);
  });

  it('writes a README with the build against the running kernel, the tested kernels and the commit', async () => {
    const res = await get('/api/methods/genetlink/starter.tar.gz');
    const readme = (await entries(res.rawPayload)).find((e) => e.header.name.endsWith('/README.md'))!.content;
    expect(readme).toContain('make -C /lib/modules/$(uname -r)/build M=$PWD W=1 modules');
    // The drills include the user side, so they are compiled in its place.
    expect(readme).toMatch(/\n {4}cc .*-Iharness .*harness\/\*\.c genetlink_robust\.c -lm\n/);
    expect(readme).toMatch(/`genetlink_user\.c` \| the user side, written as a backend of the kcomm benchmark harness/);
    expect(readme).toMatch(/`genetlink_robust\.c` \| the robustness drills: the bad input `kcomm-harness robust`/);
    expect(readme).toMatch(/kcomm commit `([0-9a-f]{7,}(-dirty)?|unknown)`/);
    expect(readme).toMatch(/\| 6\.1\.\S+ \| yes \| yes \|/);
    expect(readme).toContain('a QEMU VM with an emulated CPU (TCG)');
    expect(readme).not.toMatch(/clang|bpftool|-lbpf/);
  });

  it('packs a BPF program and tells how to build it and its skeleton before the user side', async () => {
    const res = await get('/api/methods/bpf-ringbuf/starter.tar.gz');
    expect(res.statusCode).toBe(200);
    const list = await entries(res.rawPayload);
    expect(list.map((e) => e.header.name)).toContain('kcomm-bpf-ringbuf-starter/kcomm_bpf_ringbuf.bpf.c');
    const readme = list.find((e) => e.header.name.endsWith('/README.md'))!.content;
    const clang = readme.indexOf('\n    clang -O2 -g -target bpf ');
    const skeleton = readme.indexOf(
      '\n    bpftool gen skeleton kcomm_bpf_ringbuf.bpf.o name kcomm_bpf_ringbuf > kcomm_bpf_ringbuf.skel.h\n',
    );
    const cc = readme.search(/\n {4}cc .*bpf_ringbuf_robust\.c -lbpf -lm\n/);
    expect(clang).toBeGreaterThan(0);
    expect(skeleton).toBeGreaterThan(clang);
    expect(cc).toBeGreaterThan(skeleton);
    expect(readme).toContain('apt-get install clang libbpf-dev bpftool');
  });

  it('gives the same bytes for the same sources', async () => {
    const [a, b] = [await get('/api/methods/mmap/starter.tar.gz'), await get('/api/methods/mmap/starter.tar.gz')];
    expect(a.statusCode).toBe(200);
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
  });

  it('answers 404 in the API shape for an unknown method and for a method without reference code', async () => {
    const unknown = await get('/api/methods/no-such-method/starter.tar.gz');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'not-found', message: 'No method "no-such-method".' });
    const none = await get('/api/methods/sysctl/starter.tar.gz');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toEqual({
      error: 'no-reference-code',
      message: 'sysctl entry has no kcomm reference module to download.',
    });
    const traversal = await get('/api/methods/..%2F..%2Fetc/starter.tar.gz');
    expect([400, 404]).toContain(traversal.statusCode);
    expect(typeof traversal.json().message).toBe('string');
  });

  it('sends the security headers and refuses a foreign Host like every route', async () => {
    const res = await get('/api/methods/genetlink/starter.tar.gz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const foreign = await get('/api/methods/genetlink/starter.tar.gz', { host: 'evil.example:5178' });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.headers['content-type']).toMatch(/json/);
  });

  it('says so when data/kernels-tested.json has no record', async () => {
    rmSync(path.join(root, 'data/kernels-tested.json'));
    const res = await get('/api/methods/sysfs/starter.tar.gz');
    const readme = (await entries(res.rawPayload)).find((e) => e.header.name.endsWith('/README.md'))!.content;
    expect(readme).toContain('kcomm has no record of a kernel this module was built on');
  });
});
