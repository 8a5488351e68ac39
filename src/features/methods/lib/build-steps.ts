// "How to build and load it" for a reference folder: the standard out-of-tree build and insmod for its
// module, then what the README says to run once it is loaded (its command blocks and the harness calls
// it names), so the steps on the page are the folder's own.
import type { FileRole, Reference, ReferenceFile } from '#src/core/reference';
import { markdownCode } from './markdown';

export type { FileRole, Reference, ReferenceFile };

export const ROLE_LABEL: Record<FileRole, string> = {
  kernel: 'Kernel module',
  bpf: 'BPF program',
  uapi: 'Shared uapi header',
  user: 'User side (harness backend)',
  robust: 'Robustness drills (harness)',
  build: 'Build',
  readme: 'README',
};

export interface BuildSteps {
  /** The module's name without .ko, e.g. kcomm_genetlink. */
  module: string;
  build: string;
  load: string;
  unload: string;
  /** Command blocks from the README (build and load lines left out, as they are shown above). */
  run: string[];
  /** Harness invocations the README names in running text. */
  harness: string[];
}

const BUILD_OR_LOAD = /^\s*(sudo\s+)?(make\b(?!\s+harness)|insmod\b)/;
const HARNESS = /^(sudo\s+)?(build\/)?kcomm-harness\s+(run|robust)\b/;

export function buildSteps(files: ReferenceFile[]): BuildSteps | null {
  const kernel = files.find((f) => f.role === 'kernel');
  if (!kernel) return null;
  const module = kernel.name.replace(/\.c$/, '');
  const readme = files.find((f) => f.role === 'readme');
  const code = readme ? markdownCode(readme.content) : { blocks: [], inline: [] };
  const run: string[] = [];
  for (const text of code.blocks) {
    const lines = text.split('\n').filter((l) => !BUILD_OR_LOAD.test(l));
    // A block reduced to comments alone says nothing to run.
    if (lines.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) run.push(lines.join('\n'));
  }
  const inRun = run.join('\n');
  const harness = [...new Set(code.inline.filter((c) => HARNESS.test(c)))].filter((c) => !inRun.includes(c));
  return {
    module,
    build: 'make KDIR=/lib/modules/$(uname -r)/build',
    load: `sudo insmod ${module}.ko`,
    unload: `sudo rmmod ${module}`,
    run,
    harness,
  };
}
