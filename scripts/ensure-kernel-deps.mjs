// Makes sure the kernel suite (`npm run test:kernel`) and `npm run bench -- --target vm` can run: QEMU,
// Debian's kernel images and headers (the same version: modules built against other headers do not load),
// busybox for the initramfs, and the toolchains that build the harness, the modules and the BPF programs
// (server/src/lib/kernel-packages.ts is the one list). The headers package pulls in the compiler the
// kernel was built with (linux-compiler-gcc-N-x86), which Kbuild needs.
//
// Kernels: the default one (linux-image-amd64, the distribution's LTS line) and the newest other LTS line
// apt offers, generic and PREEMPT_RT (the rt kernel catches sleeping-in-atomic mistakes). Their package
// names are found at run time among apt's meta-packages linux-image-X.Y-amd64 / linux-image-X.Y-rt-amd64,
// never written down: `apt-cache pkgnames linux-image-` lists them.
import { spawnSync } from 'node:child_process';
import { tsImport } from 'tsx/esm/api';
import { ensureDebianPackages } from './lib/debian-packages.mjs';

const { compareVersions, listGuestKernels } = await tsImport('../server/src/bench/kernel.ts', import.meta.url);
// The one package list (the health report's install commands read it too).
const { ALL_KERNEL_PACKAGES: PACKAGES } = await tsImport('../server/src/lib/kernel-packages.ts', import.meta.url);

/** The newest X.Y with both a generic and an rt image meta-package in apt, or undefined. */
function newestLtsLine() {
  const r = spawnSync('apt-cache', ['pkgnames', 'linux-image-'], { encoding: 'utf8' });
  const names = new Set((r.stdout ?? '').split('\n'));
  const lines = [...names]
    .map((n) => /^linux-image-(\d+\.\d+)-amd64$/.exec(n)?.[1])
    .filter((v) => v !== undefined && names.has(`linux-image-${v}-rt-amd64`))
    .sort(compareVersions);
  return lines.at(-1);
}

/** Meta-packages for the newest LTS line, or [] when apt knows none (then the suite runs what is there). */
function extraKernelPackages() {
  let line = newestLtsLine();
  if (!line && process.getuid?.() === 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    line = newestLtsLine();
  }
  if (!line) {
    // Not root, or no such line in apt: the kernels already installed are what the suite will test.
    const installed = listGuestKernels().map((k) => k.version);
    if (installed.some((v) => v.endsWith('-rt-amd64'))) return [];
    console.error(
      'The kernel suite wants a second LTS line and its PREEMPT_RT flavour; apt offers none.\n' +
        'Look with: apt-get update && apt-cache search --names-only "^linux-image-[0-9.]+-(rt-)?amd64$"',
    );
    process.exit(1);
  }
  return ['', 'rt-'].flatMap((f) => [`linux-image-${line}-${f}amd64`, `linux-headers-${line}-${f}amd64`]);
}

ensureDebianPackages([...PACKAGES, ...extraKernelPackages()], 'The kernel suite');

const kernels = listGuestKernels();
if (kernels.length === 0) {
  console.error(
    '\nno kernel image with headers of the same version: apt-get install linux-image-amd64 linux-headers-amd64\n',
  );
  process.exit(1);
}
for (const k of kernels) console.log(`kernel ${k.version}: ${k.image} with ${k.headers}`);
