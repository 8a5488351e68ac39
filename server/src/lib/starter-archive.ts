// The starter archive of a method: its reference folder (sources only), the harness core its user side plugs
// into, and a README on how to build both against the user's own kernel. Everything is read from the repo at
// request time (no second copy to maintain) and packed deterministically: the same commit gives the same bytes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import tar, { type Header } from 'tar-stream';
import type { Method } from '../../../src/core/catalogue-schema';
import { KERNEL_PACKAGES } from './kernel-packages';
import { moduleName, readKernelsTested, type KernelsTested } from './kernels-tested';
import { byName, readReferenceFiles, type ReferenceFile } from './reference-files';

/** Every entry's mtime: fixed, so an archive depends on its contents only (2000-01-01T00:00:00Z). */
export const STARTER_MTIME = new Date(Date.UTC(2000, 0, 1));

export interface StarterEntry {
  /** Path inside the top folder, '/'-separated. */
  path: string;
  content: string;
}

export interface StarterInput {
  method: Pick<Method, 'id' | 'name' | 'minKernel'>;
  reference: ReferenceFile[];
  /** The harness core (server/harness/*.c and *.h as harness/) and the shared headers (include/). */
  harness: StarterEntry[];
  tested: KernelsTested | null;
  commit: string;
}

export const starterTopFolder = (method: string) => `kcomm-${method}-starter`;

const TARGET_TEXT: Record<string, string> = {
  'vm-tcg': 'a QEMU VM with an emulated CPU (TCG)',
  'vm-kvm': 'a QEMU VM with KVM',
  'vm-icount': 'a QEMU VM counting instructions (icount)',
  local: 'the host kernel',
};

function testedSection(input: StarterInput, module: string | null): string {
  const record = module ? input.tested?.modules[module] : undefined;
  if (!input.tested || !module || !record) {
    return 'kcomm has no record of a kernel this module was built on (`data/kernels-tested.json`).\n';
  }
  const versions = [...new Set([...record.built, ...record.robustPassed])].sort(byName);
  const targets = [...new Set(input.tested.kernels.map((k) => k.target).filter((t) => t !== undefined))];
  const where = targets.map((t) => TARGET_TEXT[t] ?? t).join(', ') || 'a VM';
  const yes = (list: string[], v: string) => (list.includes(v) ? 'yes' : '**no**');
  return [
    `kcomm's kernel suite built \`${module}.ko\` with \`W=1\` (any warning fails) and ran its robustness drills`,
    `(bad input from user space, load/unload cycles, a kernel log free of oopses and warnings) in ${where}, on`,
    `${input.tested.generatedAt.slice(0, 16).replace('T', ' ')} UTC:`,
    '',
    '| kernel | built, no warning | robustness drills passed |',
    '| --- | --- | --- |',
    ...versions.map((v) => `| ${v} | ${yes(record.built, v)} | ${yes(record.robustPassed, v)} |`),
    '',
    'Another kernel may need a `LINUX_VERSION_CODE` guard where an API changed: the build tells you.',
    '',
  ].join('\n');
}

/**
 * Before the user side: each BPF program compiled with clang and turned into the libbpf skeleton the user side
 * includes (the object embedded in a header, as `make -C server harness` does in kcomm).
 */
function bpfSteps(programs: string[]): string[] {
  if (programs.length === 0) return [];
  return [
    'It loads a BPF program: compile it and make its libbpf skeleton first (Debian:',
    `\`apt-get install ${KERNEL_PACKAGES.bpf.join(' ')}\`; \`bpftool\` is in /usr/sbin).`,
    '',
    ...programs.flatMap((p) => {
      const base = p.replace(/\.bpf\.c$/, '');
      return [
        `    clang -O2 -g -target bpf -Wall -I/usr/include/$(gcc -print-multiarch) -Iinclude -I. -c ${p} -o ${base}.bpf.o`,
        `    bpftool gen skeleton ${base}.bpf.o name ${base} > ${base}.skel.h`,
      ];
    }),
    '',
    'Then the harness with the user side, linked with libbpf:',
    '',
  ];
}

/** Indented shell lines with their comments in one column. */
function commented(lines: [string, string][]): string[] {
  const width = Math.max(...lines.map(([cmd]) => cmd.length)) + 2;
  return lines.map(([cmd, what]) => `    ${cmd.padEnd(width)}# ${what}`);
}

/** The generated top-level README: which file is which, how to build both sides, where it was tested. */
export function starterReadme(input: StarterInput): string {
  const { method } = input;
  const module = moduleName(input.reference);
  const ko = module ? `${module}.ko` : 'the module';
  const role = (r: ReferenceFile['role']) => input.reference.filter((f) => f.role === r).map((f) => f.name);
  const user = role('user');
  const robust = role('robust');
  // Drills include their user side (for its helpers): where a user side has them, the drills are compiled.
  const compiled = [...user.filter((u) => !robust.includes(u.replace(/_user\.c$/, '_robust.c'))), ...robust];
  const code = (names: string[]) => names.map((n) => `\`${n}\``).join(', ');
  const rows: [string, string][] = [
    [code(role('kernel')), `the kernel module (builds into \`${ko}\`)`],
    ...(role('bpf').length > 0
      ? ([
          [
            code(role('bpf')),
            'the BPF program (`clang -target bpf`): the user side embeds it as a libbpf skeleton, loads it and ' +
              "attaches it to the module's tracepoint",
          ],
        ] as [string, string][])
      : []),
    [code(role('uapi')), 'the uapi header: the ABI both sides include'],
    [
      code(user),
      'the user side, written as a backend of the kcomm benchmark harness: it includes `harness.h` and has no ' +
        '`main()`, so it does not build on its own',
    ],
    ...(robust.length > 0
      ? ([
          [
            code(robust),
            'the robustness drills: the bad input `kcomm-harness robust` throws at the module. They include the ' +
              'user side for its helpers, so the build below compiles them in its place',
          ],
        ] as [string, string][])
      : []),
    [
      '`harness/`',
      'the harness core (`server/harness/` in kcomm): with it the user side builds into one program, ' +
        '`kcomm-harness`, that loads the module, exchanges messages with it and throws bad input at it',
    ],
    [
      '`include/`',
      'headers shared by the modules and the harness (`server/reference/include/` in kcomm: the notify delay, ' +
        'the message pattern); the `Kbuild` here points at this folder',
    ],
    [code(role('build')), 'the out-of-tree module build (Documentation/kbuild/modules.rst)'],
  ];
  if (role('readme').length > 0) {
    rows.push(['`REFERENCE.md`', `what the module shows and its limits (\`server/reference/${method.id}/README.md\`)`]);
  }
  return [
    `# kcomm starter: ${method.name} (\`${method.id}\`)`,
    '',
    `The reference module for ${method.name} from kcomm commit \`${input.commit}\`, laid out to build out of`,
    `tree against your running kernel. It is \`server/reference/${method.id}/\` in the kcomm repository plus the`,
    'harness core its user side plugs into; the code is GPL-2.0, as its SPDX lines say. Rename and change it',
    `freely: the interface exists since Linux ${method.minKernel}.`,
    '',
    '## What is in here',
    '',
    '| file | what it is |',
    '| --- | --- |',
    ...rows.map(([f, what]) => `| ${f} | ${what} |`),
    '',
    '## Build the module against your running kernel',
    '',
    "You need your kernel's headers (Debian: `apt-get install linux-headers-$(uname -r)`). Then, in this folder:",
    '',
    '    make -C /lib/modules/$(uname -r)/build M=$PWD W=1 modules',
    '',
    `\`make\` does the same. It writes \`${ko}\`; \`make clean\` removes the build products.`,
    '',
    '## Build the user side',
    '',
    ...bpfSteps(role('bpf')),
    '    cc -std=gnu11 -O2 -Wall -Wextra -pthread -Iharness -Iinclude -I. -o kcomm-harness harness/*.c ' +
      `${compiled.join(' ')}${role('bpf').length > 0 ? ' -lbpf' : ''} -lm`,
    '',
    '## Try it (as root)',
    '',
    ...commented([
      ['./kcomm-harness list', 'the backends compiled in'],
      [`./kcomm-harness run --methods ${method.id} --module-dir .`, `loads ${ko}, measures, unloads it`],
      [`./kcomm-harness robust --methods ${method.id} --module-dir .`, 'bad input, then load/unload cycles'],
    ]),
    '',
    `Or by hand: \`insmod ${ko}\`, then \`rmmod ${module ?? 'the module'}\`; \`dmesg\` shows what it logged.`,
    '',
    '## Kernels it was tested on',
    '',
    testedSection(input, module),
  ].join('\n');
}

/** The archive's files in their fixed order: README, the reference sources by role, then the harness core. */
export function starterEntries(input: StarterInput): StarterEntry[] {
  return [
    { path: 'README.md', content: starterReadme(input) },
    ...input.reference.map((f) => ({
      path: f.role === 'readme' ? 'REFERENCE.md' : f.name,
      // In the kcomm tree the shared headers sit beside the module folders (../include); here, inside it.
      content: f.name === 'Kbuild' ? f.content.replaceAll('$(src)/../include', '$(src)/include') : f.content,
    })),
    ...[...input.harness].sort((a, b) => byName(a.path, b.path)),
  ];
}

/** A gzipped ustar archive under one top folder; owners, modes and times fixed, directories listed. */
export async function packTarGz(top: string, entries: StarterEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const common = { mtime: STARTER_MTIME, uid: 0, gid: 0, uname: 'root', gname: 'root' };
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  const dirs = new Set<string>();
  const add = (header: Partial<Header> & Pick<Header, 'name'>, content?: string) =>
    new Promise<void>((resolve, reject) => pack.entry(header, content ?? '', (err) => (err ? reject(err) : resolve())));
  await add({ ...common, name: `${top}/`, type: 'directory', mode: 0o755 });
  for (const e of entries) {
    const dir = path.posix.dirname(e.path);
    if (dir !== '.' && !dirs.has(dir)) {
      dirs.add(dir);
      await add({ ...common, name: `${top}/${dir}/`, type: 'directory', mode: 0o755 });
    }
    await add({ ...common, name: `${top}/${e.path}`, type: 'file', mode: 0o644 }, e.content);
  }
  pack.finalize();
  await collected;
  return promisify(gzip)(Buffer.concat(chunks), { level: 9 });
}

async function readSources(dir: string, into: string, pattern: RegExp): Promise<StarterEntry[]> {
  const names = (await readdir(dir)).filter((n) => pattern.test(n));
  return Promise.all(
    names.map(async (n) => ({ path: `${into}/${n}`, content: await readFile(path.join(dir, n), 'utf8') })),
  );
}

/** server/harness/*.[ch] as harness/, and the headers every module and the harness share as include/. */
async function readHarnessCore(rootDir: string): Promise<StarterEntry[]> {
  const [core, shared] = await Promise.all([
    readSources(path.join(rootDir, 'server/harness'), 'harness', /^[a-z0-9_]+\.[ch]$/),
    readSources(path.join(rootDir, 'server/reference/include'), 'include', /^[a-z0-9_]+\.h$/),
  ]);
  return [...core, ...shared];
}

/**
 * The starter archive of a method with reference code, or null when its folder is missing. rootDir is the
 * repo (server/reference/, server/harness/), dataDir holds kernels-tested.json.
 */
export async function buildStarterArchive(opts: {
  rootDir: string;
  dataDir: string;
  method: Method & { reference: { path: string } };
  commit: string;
}): Promise<{ filename: string; bytes: Buffer } | null> {
  const reference = await readReferenceFiles(path.join(opts.rootDir, opts.method.reference.path));
  if (!reference || reference.length === 0) return null;
  const [harness, tested] = await Promise.all([readHarnessCore(opts.rootDir), readKernelsTested(opts.dataDir)]);
  const top = starterTopFolder(opts.method.id);
  const entries = starterEntries({ method: opts.method, reference, harness, tested, commit: opts.commit });
  return { filename: `${top}.tar.gz`, bytes: await packTarGz(top, entries) };
}
