import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalogue } from '../../../src/core/catalogue-load';
import type { Catalogue } from '../../../src/core/catalogue-schema';

/** Reads and validates data/methods.json and data/traits.json; throws an Error naming file, entry and problem. */
export async function loadCatalogue(dataDir: string): Promise<Catalogue> {
  const files = { methods: path.join(dataDir, 'methods.json'), traits: path.join(dataDir, 'traits.json') };
  const [methods, traits] = await Promise.all([readJson(files.methods), readJson(files.traits)]);
  return parseCatalogue(methods, traits, files);
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new Error(`${file}: cannot read (${e.code ?? e.message})`);
  });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
}
