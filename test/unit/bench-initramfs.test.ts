import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { buildCpio } from '../../server/src/bench/cpio';
import { buildInitramfs, guestCmdline, INIT_SCRIPT, moduleDepends } from '../../server/src/bench/initramfs';
import { compareVersions, discoverGuestKernel } from '../../server/src/bench/kernel';
import { qemuArgs } from '../../server/src/bench/qemu';

/** Reads a newc archive back: name, mode, size, rdev of each entry. */
function listCpio(buf: Buffer) {
  const out: { name: string; mode: number; size: number; rdev: [number, number]; data: string }[] = [];
  let off = 0;
  const field = (i: number) => parseInt(buf.toString('ascii', off + 6 + i * 8, off + 14 + i * 8), 16);
  for (;;) {
    expect(buf.toString('ascii', off, off + 6)).toBe('070701');
    const [mode, size, rmaj, rmin, namesize] = [field(1), field(6), field(9), field(10), field(11)];
    const name = buf.toString('utf8', off + 110, off + 110 + namesize - 1);
    const dataStart = Math.ceil((off + 110 + namesize) / 4) * 4;
    if (name === 'TRAILER!!!') return out;
    out.push({ name, mode, size, rdev: [rmaj, rmin], data: buf.toString('utf8', dataStart, dataStart + size) });
    off = Math.ceil((dataStart + size) / 4) * 4;
  }
}

describe('initramfs pieces', () => {
  it('writes a newc archive with dirs, files, symlinks and device nodes, 4-byte aligned', () => {
    const buf = buildCpio([
      { kind: 'dir', path: 'dev' },
      { kind: 'chardev', path: 'dev/console', major: 5, minor: 1 },
      { kind: 'file', path: '/init', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
      { kind: 'symlink', path: 'bin/sh', target: 'busybox' },
    ]);
    expect(buf.length % 4).toBe(0);
    expect(listCpio(buf)).toEqual([
      { name: 'dev', mode: 0o040755, size: 0, rdev: [0, 0], data: '' },
      { name: 'dev/console', mode: 0o020600, size: 0, rdev: [5, 1], data: '' },
      { name: 'init', mode: 0o100755, size: 10, rdev: [0, 0], data: '#!/bin/sh\n' },
      { name: 'bin/sh', mode: 0o120777, size: 7, rdev: [0, 0], data: 'busybox' },
    ]);
    expect(() => buildCpio([{ kind: 'dir', path: '../etc' }])).toThrow(/bad cpio path/);
  });

  it('passes only well-formed kcomm.* words to the guest', () => {
    expect(guestCmdline({ mode: 'both', profile: 'quick', methods: ['ioctl', 'bpf-ringbuf'], sizes: [8, 64] })).toEqual(
      ['kcomm.mode=both', 'kcomm.profile=quick', 'kcomm.methods=ioctl,bpf-ringbuf', 'kcomm.sizes=8,64'],
    );
    expect(() => guestCmdline({ mode: 'run', profile: 'quick', methods: ['a b'] })).toThrow(/bad method list/);
    expect(() => guestCmdline({ mode: 'run', profile: 'quick', sizes: [1.5] })).toThrow(/sizes/);
    expect(() => guestCmdline({ mode: 'run' })).toThrow(/needs a profile/);
  });

  it('has /init check every parameter before use and power off at the end', () => {
    for (const p of ['mode', 'profile', 'methods', 'sizes', 'cycles']) expect(INIT_SCRIPT).toContain(`bad kcomm.${p}`);
    expect(INIT_SCRIPT.trimEnd().endsWith('poweroff -f')).toBe(true);
  });

  it("reads a module's depends= from .modinfo", () => {
    const ko = Buffer.from('\0license=GPL\0depends=configfs,foo\0vermagic=6.1.0 SMP\0', 'utf8');
    expect(moduleDepends(ko)).toEqual(['configfs', 'foo']);
    expect(moduleDepends(Buffer.from('\0depends=\0'))).toEqual([]);
  });

  it("packs an in-tree dependency the guest kernel ships as .ko.xz (6.12's configfs), refuses other compressions", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kcomm-deps-'));
    try {
      const ko = join(dir, 'kcomm_configfs.ko');
      await writeFile(ko, Buffer.from('\0depends=configfs\0', 'utf8'));
      await writeFile(join(dir, 'busybox'), 'bb');
      const kmods = join(dir, 'lib');
      await mkdir(join(kmods, 'kernel/fs/configfs'), { recursive: true });
      await writeFile(join(kmods, 'kernel/fs/configfs/configfs.ko.xz'), 'xz-bytes');
      await writeFile(join(kmods, 'modules.dep'), 'kernel/fs/configfs/configfs.ko.xz:\n');
      const img = await buildInitramfs({ busybox: join(dir, 'busybox'), moduleFiles: [ko], kernelModulesDir: kmods });
      const entries = listCpio(gunzipSync(await readFile(img.path)));
      await img.cleanup();
      expect(entries.find((e) => e.name === 'kcomm/deps/configfs.ko.xz')?.data).toBe('xz-bytes');
      expect(entries.find((e) => e.name === 'kcomm/deps/order')?.data).toBe('configfs.ko.xz\n');

      await writeFile(join(kmods, 'modules.dep'), 'kernel/fs/configfs/configfs.ko.zst:\n');
      await expect(
        buildInitramfs({ busybox: join(dir, 'busybox'), moduleFiles: [ko], kernelModulesDir: kmods }),
      ).rejects.toThrow(/compressed in-tree modules are not supported/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('orders kernel versions like sort -V', () => {
    expect(['6.1.0-56-amd64', '6.1.0-9-amd64', '6.10.0-1-amd64'].sort(compareVersions)).toEqual([
      '6.1.0-9-amd64',
      '6.1.0-56-amd64',
      '6.10.0-1-amd64',
    ]);
  });

  it('boots QEMU with the console to a file and the data channel on stdout', () => {
    const args = qemuArgs({
      kernel: '/boot/k',
      initrd: '/tmp/i',
      cmdline: ['kcomm.mode=probe'],
      accel: 'tcg',
      consoleLog: '/tmp/c.log',
    });
    expect(args.slice(0, 8)).toEqual(['-accel', 'tcg', '-cpu', 'Haswell-noTSX', '-smp', '2', '-m', '512']);
    expect(args).toContain('file:/tmp/c.log');
    expect(args.slice(-2)).toEqual(['-serial', 'stdio']);
    expect(args[args.indexOf('-append') + 1]).toBe(
      'console=ttyS0 quiet panic=-1 oops=panic tsc=reliable kcomm.mode=probe',
    );
    expect(() => qemuArgs({ kernel: 'k', initrd: 'i', cmdline: [], accel: 'tcg', consoleLog: '/tmp/a,b' })).toThrow();
  });

  it('counts instructions on one vCPU of a named model in icount mode', () => {
    const args = qemuArgs({ kernel: 'k', initrd: 'i', cmdline: [], accel: 'tcg-icount', consoleLog: '/tmp/c.log' });
    expect(args.slice(0, 10)).toEqual([
      '-accel',
      'tcg',
      '-icount',
      'shift=0,sleep=off',
      '-cpu',
      'Haswell-noTSX',
      '-smp',
      '1',
      '-m',
      '512',
    ]);
    expect(args[args.indexOf('-append') + 1]).toMatch(/tsc=reliable/);
  });
});

describe('guest kernel discovery', () => {
  it('picks the newest kernel with headers, never the realtime flavour', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kcomm-kernels-'));
    try {
      for (const d of ['boot', 'src', 'mods']) await mkdir(join(root, d));
      for (const v of ['6.1.0-57-amd64', '6.12.117+deb12-amd64', '6.12.117+deb12-rt-amd64']) {
        await writeFile(join(root, 'boot', `vmlinuz-${v}`), '');
        await mkdir(join(root, 'src', `linux-headers-${v}`));
      }
      const k = discoverGuestKernel(join(root, 'boot'), join(root, 'src'), join(root, 'mods'));
      expect(k.version).toBe('6.12.117+deb12-amd64');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
