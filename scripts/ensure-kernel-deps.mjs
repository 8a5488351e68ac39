// Makes sure the kernel suite (`npm run test:kernel`) and `npm run bench -- --target vm` can run: QEMU,
// Debian's kernel image and headers (the same version: modules built against other headers do not load),
// busybox for the initramfs, and the toolchain that builds the harness and the modules. The headers
// package pulls in the compiler the kernel was built with (linux-compiler-gcc-N-x86), which Kbuild needs.
import { tsImport } from 'tsx/esm/api';
import { ensureDebianPackages } from './lib/debian-packages.mjs';

const PACKAGES = [
  'qemu-system-x86',
  'linux-image-amd64',
  'linux-headers-amd64',
  'busybox-static',
  'cpio',
  'kmod',
  'make',
  'gcc',
  'libc6-dev',
];

ensureDebianPackages(PACKAGES, 'The kernel suite');

// One implementation of "which kernel": the runner's own.
const { discoverGuestKernel } = await tsImport('../server/src/bench/kernel.ts', import.meta.url);
try {
  const kernel = discoverGuestKernel();
  console.log(`kernel ${kernel.version}: ${kernel.image} with ${kernel.headers}`);
} catch (e) {
  console.error(`\n${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
