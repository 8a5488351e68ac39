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
  // The realtime flavour (-rt-amd64) changes scheduling and locking throughout: never picked by default.
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith(FLAVOUR) && !n.endsWith(`-rt${FLAVOUR}`))
    .map((n) => n.slice(prefix.length))
    .sort(compareVersions);
}

export class KernelMismatchError extends Error {
  override name = 'KernelMismatchError';
}

/** The newest version that has both an image in /boot and headers in /usr/src. */
export function discoverGuestKernel(boot = '/boot', src = '/usr/src', libModules = '/lib/modules'): GuestKernel {
  const images = versions(boot, 'vmlinuz-');
  const headers = versions(src, 'linux-headers-');
  const common = images.filter((v) => headers.includes(v));
  const version = common[common.length - 1];
  if (!version) {
    const have = `kernel images: ${images.join(', ') || 'none'}; headers: ${headers.join(', ') || 'none'}`;
    throw new KernelMismatchError(
      `no kernel image with headers of the same version (${have}). ` +
        'Install matching ones: apt-get install linux-image-amd64 linux-headers-amd64',
    );
  }
  return {
    version,
    image: `${boot}/vmlinuz-${version}`,
    headers: `${src}/linux-headers-${version}`,
    modulesDir: `${libModules}/${version}`,
  };
}
