import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalogue, parseFrameworks } from '../../../src/core/catalogue-load';
import type { Catalogue } from '../../../src/core/catalogue-schema';

/**
 * Reads and validates data/methods.json, data/traits.json and data/frameworks.json; throws an Error naming
 * file, entry and problem.
 */
export async function loadCatalogue(dataDir: string): Promise<Catalogue> {
  const files = { methods: path.join(dataDir, 'methods.json'), traits: path.join(dataDir, 'traits.json') };
  const frameworksFile = path.join(dataDir, 'frameworks.json');
  const [methods, traits, frameworks] = await Promise.all([
    readJson(files.methods),
    readJson(files.traits),
    readJson(frameworksFile),
  ]);
  return { ...parseCatalogue(methods, traits, files), frameworks: parseFrameworks(frameworks, frameworksFile) };
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
