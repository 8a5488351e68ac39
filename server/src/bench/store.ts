// Writes data/benchmarks/<id>.json so that a reader never sees half a file and an id, once written, is
// never replaced: the JSON goes to a temp file in the same directory, is fsynced, then hard-linked to its
// final name (link() fails if the name exists, which rename() would silently overwrite), and the
// directory is fsynced so the new name survives a crash. On a filesystem without hard links (vfat, some
// FUSE and network mounts) the name is reserved with an exclusive create and the temp file renamed over
// that empty placeholder: still never an overwrite of a dataset, and a long measurement is not lost.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetIdSchema, datasetSchema, type Dataset } from '../../../src/core/dataset-schema';

export const DEFAULT_DATA_DIR = resolve(fileURLToPath(new URL('../../../data/benchmarks', import.meta.url)));

export class DatasetExistsError extends Error {
  override name = 'DatasetExistsError';
  constructor(readonly path: string) {
    super(`dataset ${path} already exists; ids are never overwritten`);
  }
}

export function datasetPath(dir: string, id: string): string {
  return join(dir, `${datasetIdSchema.parse(id)}.json`);
}

// link() errors that mean "this filesystem has no hard links", not "something is wrong".
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** Gives tempPath the name finalPath, never replacing an existing file. */
export async function publish(tempPath: string, finalPath: string, linkFile = link): Promise<void> {
  try {
    await linkFile(tempPath, finalPath);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new DatasetExistsError(finalPath);
    if (!NO_HARD_LINKS.has(code)) throw e;
  }
  let placeholder;
  try {
    placeholder = await open(finalPath, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new DatasetExistsError(finalPath);
    throw e;
  }
  await placeholder.close();
  await rename(tempPath, finalPath);
}

export async function writeDataset(dataset: Dataset, dir: string = DEFAULT_DATA_DIR): Promise<string> {
  const valid = datasetSchema.parse(dataset);
  await mkdir(dir, { recursive: true });
  const finalPath = datasetPath(dir, valid.id);
  const tempPath = join(dir, `.${valid.id}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tempPath, 'wx', 0o644);
  try {
    await fh.writeFile(`${JSON.stringify(valid, null, 2)}\n`, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await publish(tempPath, finalPath);
  } finally {
    await unlink(tempPath).catch(() => undefined);
  }
  const dh = await open(dir, 'r');
  try {
    await dh.sync();
  } finally {
    await dh.close();
  }
  return finalPath;
}
