// Which Debian kernel the VM boots and which headers the modules build against. Both are discovered
// (never hard-coded) and must be the same version: a module built against other headers will not load.
import { readdirSync } from 'node:fs';

export interface GuestKernel {
  version: string;
  image: string;
  headers: string;
  /** /lib/modules/<version>: in-tree modules the reference modules may depend on (configfs). */
  modulesDir: string;
}

const FLAVOUR = '-amd64';

/** Natural version order ("6.1.0-9" < "6.1.0-56"), as sort -V. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== '' && y !== '' && !Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

function versions(dir: string, prefix: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  // Every flavour is listed (the kernel suite tests the realtime one too); discoverGuestKernel() never
  // picks the realtime flavour (-rt-amd64) by default.
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith(FLAVOUR))
    .map((n) => n.slice(prefix.length))
    .sort(compareVersions);
}

export class KernelMismatchError extends Error {
  override name = 'KernelMismatchError';
}

/**
 * Debian's kernel flavour from a release string: "6.12.57+deb12-rt-amd64" is "rt", "6.1.0-57-amd64" is
 * "" (the generic one). The generic flavour is what a VM boots unless a kernel is asked for by name.
 */
export function kernelFlavour(version: string): string {
  return /-([a-z]+)-amd64$/.exec(version)?.[1] ?? '';
}

/** The LTS line of a release string, "6.12" for "6.12.57+deb12-rt-amd64". */
export function kernelLine(version: string): string {
  return /^(\d+\.\d+)/.exec(version)?.[1] ?? version;
}

function guestKernel(version: string, boot: string, src: string, libModules: string): GuestKernel {
  return {
    version,
    image: `${boot}/vmlinuz-${version}`,
    headers: `${src}/linux-headers-${version}`,
    modulesDir: `${libModules}/${version}`,
  };
}

/** Every installed kernel that has both an image in /boot and headers in /usr/src, oldest first. */
export function listGuestKernels(boot = '/boot', src = '/usr/src', libModules = '/lib/modules'): GuestKernel[] {
  const headers = versions(src, 'linux-headers-');
  return versions(boot, 'vmlinuz-')
    .filter((v) => headers.includes(v))
    .map((v) => guestKernel(v, boot, src, libModules));
}

/**
 * The kernel a VM boots: the one whose release is `wanted`, or else the newest of the generic flavour
 * (the newest of any flavour if no generic one is installed). Image and headers must both be there.
 */
export function discoverGuestKernel(
  boot = '/boot',
  src = '/usr/src',
  libModules = '/lib/modules',
  wanted?: string,
): GuestKernel {
  const all = listGuestKernels(boot, src, libModules);
  if (wanted !== undefined) {
    const k = all.find((g) => g.version === wanted);
    if (!k) {
      throw new KernelMismatchError(
        `kernel ${wanted} is not installed with its headers (have: ${all.map((g) => g.version).join(', ') || 'none'})`,
      );
    }
    return k;
  }
  const generic = all.filter((g) => kernelFlavour(g.version) === '');
  const k = (generic.length ? generic : all).at(-1);
  if (!k) {
    const images = versions(boot, 'vmlinuz-');
    const headers = versions(src, 'linux-headers-');
    const have = `kernel images: ${images.join(', ') || 'none'}; headers: ${headers.join(', ') || 'none'}`;
    throw new KernelMismatchError(
      `no kernel image with headers of the same version (${have}). ` +
        'Install matching ones: apt-get install linux-image-amd64 linux-headers-amd64',
    );
  }
  return k;
}
