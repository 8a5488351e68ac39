// The guest's whole user space: busybox, the harness, the reference modules (plus any in-tree module
// they depend on, e.g. configfs.ko, taken from the guest kernel's /lib/modules) and an /init that reads
// what to run from the kernel command line, runs it, and powers off.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildCpio, type CpioEntry } from './cpio';

export const GUEST_HARNESS = '/kcomm/kcomm-harness';
export const GUEST_MODULE_DIR = '/kcomm/modules';
export const GUEST_DATA_TTY = '/dev/ttyS1';
export const PROBE_MARKER = 'KCOMM-PROBE-OK';
export const INIT_DONE_MARKER = 'kcomm-init: done';
/** Printed just before the harness starts: until then no kcomm code has run in the guest (boot-crash.ts). */
export const HARNESS_STARTED_MARKER = 'kcomm-init: harness';

export type GuestMode = 'run' | 'robust' | 'both' | 'probe';

/** What /init runs; passed as kcomm.* kernel parameters and checked again inside the guest. */
export interface GuestCommand {
  mode: GuestMode;
  profile?: 'quick' | 'full' | 'stock';
  methods?: string[];
  sizes?: number[];
  cycles?: number;
}

/** `ioctl,mmap/ring`: method ids, optionally with a variant. */
const METHOD_LIST = /^[a-z0-9-]+(\/[a-z0-9-]+)?(,[a-z0-9-]+(\/[a-z0-9-]+)?)*$/;

/** Kernel command line words for a guest command; throws on anything /init would refuse. */
export function guestCmdline(cmd: GuestCommand): string[] {
  const words = [`kcomm.mode=${cmd.mode}`];
  if (cmd.profile) words.push(`kcomm.profile=${cmd.profile}`);
  if (cmd.methods && cmd.methods.length > 0) {
    const list = cmd.methods.join(',');
    if (!METHOD_LIST.test(list)) throw new Error(`bad method list: ${list}`);
    words.push(`kcomm.methods=${list}`);
  }
  if (cmd.sizes && cmd.sizes.length > 0) {
    if (!cmd.sizes.every((s) => Number.isSafeInteger(s) && s >= 0)) throw new Error('sizes must be integers >= 0');
    words.push(`kcomm.sizes=${cmd.sizes.join(',')}`);
  }
  if (cmd.cycles !== undefined) {
    if (!Number.isSafeInteger(cmd.cycles) || cmd.cycles < 1) throw new Error('cycles must be an integer >= 1');
    words.push(`kcomm.cycles=${cmd.cycles}`);
  }
  if ((cmd.mode === 'run' || cmd.mode === 'both') && !cmd.profile) throw new Error('a run needs a profile');
  return words;
}

// busybox ash. Every kcomm.* value is checked against a strict pattern before it reaches the harness's
// argument list; an unknown or malformed one stops the guest with a message on the console.
export const INIT_SCRIPT = `#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t devtmpfs dev /dev
exec </dev/console >/dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmp /tmp

stop() { echo "kcomm-init: $*"; echo "${INIT_DONE_MARKER}"; poweroff -f; exit 1; }

mode=; profile=; methods=; sizes=; cycles=
for word in $(cat /proc/cmdline); do
	case "$word" in
	kcomm.mode=*) mode=\${word#kcomm.mode=} ;;
	kcomm.profile=*) profile=\${word#kcomm.profile=} ;;
	kcomm.methods=*) methods=\${word#kcomm.methods=} ;;
	kcomm.sizes=*) sizes=\${word#kcomm.sizes=} ;;
	kcomm.cycles=*) cycles=\${word#kcomm.cycles=} ;;
	kcomm.*) stop "unknown parameter $word" ;;
	esac
done
case "$mode" in run|robust|both|probe) ;; *) stop "bad kcomm.mode '$mode'" ;; esac
case "$profile" in ''|quick|full|stock) ;; *) stop "bad kcomm.profile '$profile'" ;; esac
case "$methods" in *[!a-z0-9,/-]*|,*|*,|*,,*) stop "bad kcomm.methods '$methods'" ;; esac
case "$sizes" in *[!0-9,]*|,*|*,|*,,*) stop "bad kcomm.sizes '$sizes'" ;; esac
case "$cycles" in *[!0-9]*) stop "bad kcomm.cycles '$cycles'" ;; esac

if [ "$mode" = probe ]; then echo "${PROBE_MARKER}"; poweroff -f; fi

# The data channel: raw, so the tty neither adds \\r nor interprets anything.
stty -F ${GUEST_DATA_TTY} raw -echo 2>/dev/null

# In-tree modules the reference modules depend on (e.g. configfs), in dependency order.
if [ -f /kcomm/deps/order ]; then
	while read -r dep; do insmod "/kcomm/deps/$dep" || echo "kcomm-init: insmod $dep failed"; done </kcomm/deps/order
fi

if [ "$mode" = run ] || [ "$mode" = both ]; then
	[ -n "$profile" ] || stop "kcomm.mode=$mode needs kcomm.profile"
	set -- run --profile "$profile" --module-dir ${GUEST_MODULE_DIR} --out ${GUEST_DATA_TTY}
	[ -n "$methods" ] && set -- "$@" --methods "$methods"
	[ -n "$sizes" ] && set -- "$@" --sizes "$sizes"
	echo "${HARNESS_STARTED_MARKER} $*"
	${GUEST_HARNESS} "$@"
	echo "kcomm-init: run exit $?"
fi
if [ "$mode" = robust ] || [ "$mode" = both ]; then
	set -- robust --module-dir ${GUEST_MODULE_DIR} --out ${GUEST_DATA_TTY}
	[ -n "$methods" ] && set -- "$@" --methods "$methods"
	[ -n "$cycles" ] && set -- "$@" --cycles "$cycles"
	echo "${HARNESS_STARTED_MARKER} $*"
	${GUEST_HARNESS} "$@"
	echo "kcomm-init: robust exit $?"
fi
echo "${INIT_DONE_MARKER}"
poweroff -f
`;

/** The `depends=` list from a module's .modinfo section (NUL-separated key=value strings). */
export function moduleDepends(ko: Buffer): string[] {
  const at = ko.indexOf('\0depends=');
  if (at < 0) return [];
  const start = at + '\0depends='.length;
  const end = ko.indexOf(0, start);
  const value = ko.subarray(start, end < 0 ? undefined : end).toString('utf8');
  return value ? value.split(',').filter(Boolean) : [];
}

/** Resolves in-tree dependencies through the guest kernel's modules.dep; returns paths in load order. */
async function inTreeDeps(kos: Buffer[], kernelModulesDir: string): Promise<string[]> {
  const wanted = new Set(kos.flatMap(moduleDepends));
  if (wanted.size === 0) return [];
  const depFile = await readFile(join(kernelModulesDir, 'modules.dep'), 'utf8');
  const byName = new Map<string, { path: string; deps: string[] }>();
  for (const line of depFile.split('\n')) {
    const [path, rest] = line.split(':');
    if (!path || rest === undefined) continue;
    const name = basename(path)
      .replace(/\.ko(\.\w+)?$/, '')
      .replace(/-/g, '_');
    byName.set(name, { path, deps: rest.trim() ? rest.trim().split(/\s+/) : [] });
  }
  const order: string[] = [];
  for (const dep of wanted) {
    const entry = byName.get(dep.replace(/-/g, '_'));
    if (!entry) continue; // not a module in this kernel: built in, or one of ours
    // modules.dep lists dependencies deepest last; load them first, deepest first.
    for (const p of [...entry.deps].reverse().concat(entry.path)) if (!order.includes(p)) order.push(p);
  }
  // busybox insmod decompresses .ko.xz itself (Debian's 6.12 kernels ship their modules xz-compressed).
  const loadable = order.filter((p) => !/\.ko\.\w+$/.test(p) || p.endsWith('.ko.xz'));
  if (loadable.length !== order.length) throw new Error(`compressed in-tree modules are not supported: ${order}`);
  return loadable.map((p) => join(kernelModulesDir, p));
}

export interface InitramfsInput {
  busybox: string;
  /** Omitted for the KVM probe, which only needs busybox. */
  harness?: string;
  moduleFiles?: string[];
  /** /lib/modules/<guest kernel version>, for in-tree dependencies. */
  kernelModulesDir?: string;
}

export interface Initramfs {
  dir: string;
  path: string;
  cleanup(): Promise<void>;
}

/** Writes initrd.gz into a new temp dir; the caller removes it with cleanup(). */
export async function buildInitramfs(input: InitramfsInput): Promise<Initramfs> {
  const entries: CpioEntry[] = [
    ...['bin', 'dev', 'proc', 'sys', 'tmp', 'kcomm', 'kcomm/modules', 'kcomm/deps'].map((path): CpioEntry => ({
      kind: 'dir',
      path,
    })),
    { kind: 'chardev', path: 'dev/console', major: 5, minor: 1 },
    { kind: 'file', path: 'bin/busybox', data: await readFile(input.busybox), mode: 0o755 },
    { kind: 'file', path: 'init', data: Buffer.from(INIT_SCRIPT, 'utf8'), mode: 0o755 },
  ];
  if (input.harness) {
    entries.push({ kind: 'file', path: GUEST_HARNESS.slice(1), data: await readFile(input.harness), mode: 0o755 });
  }
  const kos = await Promise.all((input.moduleFiles ?? []).map((f) => readFile(f)));
  (input.moduleFiles ?? []).forEach((f, i) => {
    entries.push({ kind: 'file', path: `kcomm/modules/${basename(f)}`, data: kos[i] as Buffer });
  });
  if (input.kernelModulesDir) {
    const deps = await inTreeDeps(kos, input.kernelModulesDir);
    for (const d of deps) entries.push({ kind: 'file', path: `kcomm/deps/${basename(d)}`, data: await readFile(d) });
    if (deps.length > 0) {
      const order = `${deps.map((d) => basename(d)).join('\n')}\n`;
      entries.push({ kind: 'file', path: 'kcomm/deps/order', data: Buffer.from(order, 'utf8') });
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'kcomm-vm-'));
  const path = join(dir, 'initrd.gz');
  await writeFile(path, gzipSync(buildCpio(entries), { level: 1 }));
  return { dir, path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The .ko files in a build's module directory. */
export async function listModules(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith('.ko'))
    .sort()
    .map((n) => join(dir, n));
}
