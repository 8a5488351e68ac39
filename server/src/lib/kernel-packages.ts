// The Debian packages the VM target (and the kernel suite) needs, each with the host check it satisfies: one
// list for the health report's install commands and for scripts/ensure-kernel-deps.mjs (which can load it
// with tsImport, as it loads bench/kernel.ts).
export const KERNEL_PACKAGES = {
  qemu: ['qemu-system-x86'],
  kernel: ['linux-image-amd64', 'linux-headers-amd64'],
  busybox: ['busybox-static', 'cpio'],
  /** Builds the harness and the modules (Kbuild also needs the compiler the headers pull in). */
  toolchain: ['kmod', 'make', 'gcc', 'libc6-dev'],
  /**
   * Builds the BPF programs of the reference folders (clang -target bpf, bpftool gen skeleton) and links libbpf
   * into the static harness (libbpf.a needs libelf.a and libz.a). server/Makefile's BPF_PACKAGES and .ci/run
   * name the same packages (test/unit/kernel-packages.test.ts).
   */
  bpf: ['clang', 'libbpf-dev', 'bpftool', 'libelf-dev', 'zlib1g-dev'],
} as const;

export type KernelPackageGroup = keyof typeof KERNEL_PACKAGES;

export const ALL_KERNEL_PACKAGES: string[] = Object.values(KERNEL_PACKAGES).flat();

/** The command that installs the given groups (all of them by default). */
export function aptInstall(groups: KernelPackageGroup[] = Object.keys(KERNEL_PACKAGES) as KernelPackageGroup[]) {
  return `apt-get install -y --no-install-recommends ${groups.flatMap((g) => KERNEL_PACKAGES[g]).join(' ')}`;
}
