// Benchmark datasets live as data/benchmarks/<id>.json. A corrupt or unreadable file is listed with its error;
// it never stops the server or hides the others. Parsed files are cached by modification time. Only regular
// files are read: a symbolic link is never followed (lstat, then O_NOFOLLOW), and errors never quote the
// file's bytes.
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  datasetIdSchema,
  datasetSchema,
  summarizeDataset,
  type Dataset,
  type DatasetSummary,
} from '../../../src/core/dataset-schema';

type Loaded = { ok: true; dataset: Dataset } | { ok: false; error: string };

export class DatasetStore {
  private cache = new Map<string, { mtimeMs: number; size: number; loaded: Loaded }>();

  constructor(readonly dir: string) {}

  async list(): Promise<DatasetSummary[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: DatasetSummary[] = [];
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      const loaded = await this.load(id);
      if (!loaded) continue; // removed while listing
      const file = path.join(path.basename(this.dir), name);
      if (loaded.ok) {
        out.push(summarizeDataset(loaded.dataset));
      } else {
        out.push({ id, ok: false, file, error: loaded.error });
      }
    }
    // Newest first; broken files last so the picker leads with usable data.
    return out.sort((a, b) => {
      if (a.ok !== b.ok) return a.ok ? -1 : 1;
      if (a.ok && b.ok) return b.collectedAt.localeCompare(a.collectedAt) || a.id.localeCompare(b.id);
      return a.id.localeCompare(b.id);
    });
  }

  /** null when no such file; { ok: false } when it exists but is unreadable or invalid. */
  async get(id: string): Promise<Loaded | null> {
    if (!datasetIdSchema.safeParse(id).success) return null;
    return this.load(id);
  }

  private async load(id: string): Promise<Loaded | null> {
    const file = path.join(this.dir, `${id}.json`);
    let st;
    try {
      st = await lstat(file);
    } catch {
      this.cache.delete(id);
      return null;
    }
    if (!st.isFile()) {
      this.cache.delete(id);
      const what = st.isSymbolicLink() ? 'a symbolic link, which is not followed' : 'not a regular file';
      return { ok: false, error: `is ${what}` };
    }
    const hit = this.cache.get(id);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.loaded;
    const loaded = await parseFile(file, id);
    this.cache.set(id, { mtimeMs: st.mtimeMs, size: st.size, loaded });
    return loaded;
  }
}

async function parseFile(file: string, id: string): Promise<Loaded> {
  let text: string;
  try {
    // O_NOFOLLOW: a file swapped for a symlink after the lstat above is refused, not followed.
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the text around the error: say where, never what.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    return { ok: false, error: `not valid JSON${at ? ` (at character ${at})` : ''}` };
  }
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: `does not match kcomm-bench/1: ${z.prettifyError(parsed.error)}` };
  if (parsed.data.id !== id)
    return { ok: false, error: `its id "${parsed.data.id}" differs from its file name "${id}"` };
  return { ok: true, dataset: parsed.data };
}
