// Every catalogue method has a kcomm reference folder now, so the "method without reference code" paths of
// the API (404 for its starter archive, a note instead of files, no benchmark backend) are tested on a copy
// of data/ in which one method's reference points at the kernel's samples instead, as a method without a
// module would.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const NO_REFERENCE_NOTE =
  "No kcomm module in this test's catalogue: see the kernel's samples/ and Documentation/.";

/** Rewrites dataDir/methods.json so that method `id` has no reference folder. */
export function withoutReference(dataDir: string, id: string): void {
  const file = path.join(dataDir, 'methods.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { methods: { id: string; reference: unknown }[] };
  const method = data.methods.find((m) => m.id === id);
  if (!method) throw new Error(`no method ${id} in ${file}`);
  method.reference = { path: null, note: NO_REFERENCE_NOTE };
  writeFileSync(file, JSON.stringify(data, null, 2));
}
