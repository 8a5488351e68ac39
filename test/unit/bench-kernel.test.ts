import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  discoverGuestKernel,
  KernelMismatchError,
  kernelFlavour,
  kernelLine,
  listGuestKernels,
} from '../../server/src/bench/kernel';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A fake /boot and /usr/src: images for `images`, header folders for `headers`. */
function fakeKernels(images: string[], headers: string[]) {
  root = mkdtempSync(join(tmpdir(), 'kcomm-kernels-'));
  const boot = join(root, 'boot');
  const src = join(root, 'src');
  mkdirSync(boot);
  mkdirSync(src);
  for (const v of images) writeFileSync(join(boot, `vmlinuz-${v}`), '');
  for (const v of headers) mkdirSync(join(src, `linux-headers-${v}`));
  return { boot, src, mods: join(root, 'modules') };
}

const [V61, V612, V612RT] = ['6.1.0-57-amd64', '6.12.57+deb12-amd64', '6.12.57+deb12-rt-amd64'] as const;
const ALL = [V61, V612, V612RT];

describe('guest kernel discovery', () => {
  it('names the flavour and the LTS line of a Debian release', () => {
    expect(ALL.map(kernelFlavour)).toEqual(['', '', 'rt']);
    expect(kernelFlavour('6.12.57+deb12-cloud-amd64')).toBe('cloud');
    expect(ALL.map(kernelLine)).toEqual(['6.1', '6.12', '6.12']);
  });

  it('lists every kernel with both an image and headers, oldest first', () => {
    const { boot, src, mods } = fakeKernels([...ALL, '6.13.0-1-amd64'], [...ALL, '6.12.57+deb12-common']);
    expect(listGuestKernels(boot, src, mods).map((k) => k.version)).toEqual(ALL);
    expect(listGuestKernels(boot, src, mods)[0]).toEqual({
      version: V61,
      image: `${boot}/vmlinuz-${V61}`,
      headers: `${src}/linux-headers-${V61}`,
      modulesDir: `${mods}/${V61}`,
    });
  });

  it('boots the newest generic kernel by default, not the rt one, and any kernel asked for by name', () => {
    const { boot, src, mods } = fakeKernels(ALL, ALL);
    expect(discoverGuestKernel(boot, src, mods).version).toBe('6.12.57+deb12-amd64');
    expect(discoverGuestKernel(boot, src, mods, V612RT).version).toBe(V612RT);
    expect(discoverGuestKernel(boot, src, mods, V61).version).toBe(V61);
    expect(() => discoverGuestKernel(boot, src, mods, '5.10.0-1-amd64')).toThrow(KernelMismatchError);
  });

  it('falls back to another flavour when no generic kernel is there, and fails naming the install', () => {
    const rtOnly = fakeKernels([V612RT], [V612RT]);
    expect(discoverGuestKernel(rtOnly.boot, rtOnly.src, rtOnly.mods).version).toBe(V612RT);
    rmSync(root!, { recursive: true, force: true });
    const none = fakeKernels([V61], [V612]);
    expect(() => discoverGuestKernel(none.boot, none.src, none.mods)).toThrow(/apt-get install linux-image-amd64/);
  });
});
