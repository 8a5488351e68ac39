// The dataset names the backend that measured a point, the catalogue names the variant an application
// uses: catalogueVariantOf is the one mapping, and it must agree with both `kcomm-harness list` and
// data/methods.json.
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_BACKENDS, catalogueVariantOf } from '../../src/core/dataset-schema';
import type { Pattern } from '../../src/core/ids';
import { harnessJsonLines, REPO_ROOT } from '../../server/src/bench/build';

interface Listed {
  method: string;
  variant: string;
  baseline: boolean;
  patterns: Pattern[];
}

let listed: Listed[] = [];
let catalogue = new Map<string, string[]>();

beforeAll(async () => {
  listed = (await harnessJsonLines(['list'])) as Listed[];
  const methods = JSON.parse(await readFile(`${REPO_ROOT}/data/methods.json`, 'utf8')) as {
    methods: { id: string; variants?: { id: string }[] }[];
  };
  catalogue = new Map(methods.methods.map((m) => [m.id, (m.variants ?? []).map((v) => v.id)]));
}, 120_000);

const backendId = (b: Listed) => (b.variant ? `${b.method}/${b.variant}` : b.method);

describe('backends and catalogue variants', () => {
  it('lists backends', () => {
    expect(listed.length).toBeGreaterThan(10);
  });

  it('lists a backend for every reference module folder, named by the folder (uevent, tracepoint, modparam, ...)', async () => {
    const dirs = await readdir(`${REPO_ROOT}/server/reference`, { withFileTypes: true });
    const folders: string[] = [];
    for (const d of dirs.filter((e) => e.isDirectory())) {
      const names = await readdir(`${REPO_ROOT}/server/reference/${d.name}`);
      if (names.includes('Kbuild')) folders.push(d.name);
    }
    expect(folders).toEqual(expect.arrayContaining(['uevent', 'tracepoint', 'modparam']));
    const unlisted = folders.filter((f) => !listed.some((b) => b.method === f));
    expect(unlisted, 'reference folders without a backend in kcomm-harness list').toEqual([]);
  });

  it('labels as baselines exactly the backends the harness marks baseline (kcomm_min.ko)', () => {
    const marked = listed.filter((b) => b.baseline).map(backendId);
    expect(marked.sort()).toEqual([...BASELINE_BACKENDS].sort());
    expect(listed.filter((b) => b.baseline).every((b) => b.variant === 'minimal')).toBe(true);
  });

  it('maps every backend pattern to a catalogue variant of its method, or to none when it has none', () => {
    const wrong: string[] = [];
    for (const b of listed.filter((x) => !x.baseline)) {
      const variants = catalogue.get(b.method);
      if (!variants) {
        wrong.push(`${backendId(b)}: method not in the catalogue`);
        continue;
      }
      for (const p of b.patterns) {
        const v = catalogueVariantOf(backendId(b), p);
        if (variants.length === 0 ? v !== null : v === null || v === undefined || !variants.includes(v))
          wrong.push(`${backendId(b)} ${p} -> ${String(v)} (catalogue: ${variants.join(', ') || 'no variants'})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('measures every catalogue variant of a measured method', () => {
    const measured = new Set(
      listed
        .filter((b) => !b.baseline)
        .flatMap((b) => b.patterns.map((p) => `${b.method}:${catalogueVariantOf(backendId(b), p)}`)),
    );
    const missing = [...catalogue]
      .filter(([id]) => listed.some((b) => b.method === id))
      .flatMap(([id, variants]) => variants.map((v) => `${id}:${v}`))
      .filter((k) => !measured.has(k));
    expect(missing).toEqual([]);
  });

  it('leaves an unknown backend of a method with variants unmapped, not silently variant-less', () => {
    expect(catalogueVariantOf('chardev/new-thing', 'k2u')).toBeUndefined();
    expect(catalogueVariantOf('relay/burst', 'k2u')).toBeNull();
  });
});
