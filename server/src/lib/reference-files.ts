import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReferenceFile } from '../../../src/core/reference';

export type { ReferenceFile };

const ORDER: ReferenceFile['role'][] = ['readme', 'kernel', 'bpf', 'uapi', 'user', 'robust', 'build'];

/**
 * What counts as a reference source: the module, a BPF program, its uapi header, the user side, its robustness
 * drills, Kbuild, Makefile and the README. Everything else in the folder (kbuild's *.ko, *.o, *.mod.c, .*.cmd, Module.symvers, ...) is a
 * build product or a stray and is never served.
 */
function classify(name: string): Pick<ReferenceFile, 'role' | 'language'> | null {
  if (name === 'README.md') return { role: 'readme', language: 'markdown' };
  if (name === 'Kbuild' || name === 'Makefile') return { role: 'build', language: 'makefile' };
  if (/^kcomm_[a-z0-9_]+\.c$/.test(name)) return { role: 'kernel', language: 'c' };
  // A BPF program (clang -target bpf): loaded into the kernel by the user side, not part of the module.
  if (/^kcomm_[a-z0-9_]+\.bpf\.c$/.test(name)) return { role: 'bpf', language: 'c' };
  // A trace event header (TRACE_EVENT, read again by define_trace.h) is kernel code, not a shared header.
  if (/^kcomm_[a-z0-9_]+_trace\.h$/.test(name)) return { role: 'kernel', language: 'c' };
  if (/^kcomm_[a-z0-9_]+\.h$/.test(name)) return { role: 'uapi', language: 'c' };
  if (/^[a-z0-9_]+_user\.c$/.test(name)) return { role: 'user', language: 'c' };
  // The bad input `kcomm-harness robust` throws at the module; it includes the user side for its helpers.
  if (/^[a-z0-9_]+_robust\.c$/.test(name)) return { role: 'robust', language: 'c' };
  return null;
}

/** Code-unit order, the same in every locale: archives list their files in it. */
export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The reference sources in dir, README first, then kernel side, uapi header, user side, drills and build files;
 * regular files only (a link is not followed). null when the folder is missing.
 */
export async function readReferenceFiles(dir: string): Promise<ReferenceFile[] | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  const files: ReferenceFile[] = [];
  for (const name of names.sort()) {
    const kind = classify(name);
    if (!kind) continue;
    const file = path.join(dir, name);
    if (!(await lstat(file)).isFile()) continue;
    files.push({ name, ...kind, content: await readFile(file, 'utf8') });
  }
  return files.sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role) || byName(a.name, b.name));
}
