// Every catalogue method has a kcomm reference folder now, so the "method without reference code" paths (404
// for its starter archive, a note instead of files, no benchmark backend, nothing to tick on the collect page)
// are tested on a catalogue in which one method's reference points at the kernel's samples instead, as a
// method without a module would.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NO_REFERENCE_NOTE =
  "No kcomm module in this test's catalogue: see the kernel's samples/ and Documentation/.";

/** The methods with method `id`'s reference folder taken away. */
export function methodsWithoutReference<M extends { id: string; reference: unknown }>(methods: M[], id: string): M[] {
  if (!methods.some((m) => m.id === id)) throw new Error(`no method ${id} in the catalogue`);
  return methods.map((m) => (m.id === id ? { ...m, reference: { path: null, note: NO_REFERENCE_NOTE } } : m));
}

/** Rewrites dataDir/methods.json so that method `id` has no reference folder. */
export function withoutReference(dataDir: string, id: string): void {
  const file = path.join(dataDir, 'methods.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { methods: { id: string; reference: unknown }[] };
  writeFileSync(file, JSON.stringify({ ...data, methods: methodsWithoutReference(data.methods, id) }, null, 2));
}
