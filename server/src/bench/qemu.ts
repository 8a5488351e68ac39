// Boots the guest kernel in QEMU with an initramfs and streams the harness's data channel.
// ttyS0 (console) goes to a log file; ttyS1 (data) is QEMU's stdout, read line by line. QEMU is spawned
// with an argument array, never through a shell. KVM is used only if a short probe boot shows it works
// on this host: on some hosts a KVM guest hangs or QEMU aborts, and TCG always works.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildInitramfs, PROBE_MARKER } from './initramfs';
import { LineSplitter } from './protocol';
import type { BenchClock } from './profiles';
import { supervise } from './supervise';
import { FileTail } from './tail';

export const QEMU = 'qemu-system-x86_64';
/** tcg-icount: TCG with instruction counting (`-icount shift=0,sleep=off`), one vCPU. */
export type Accel = 'kvm' | 'tcg' | 'tcg-icount';

const MEMORY_MIB = 512;
const CPUS = 2;
const KVM_PROBE_TIMEOUT_MS = 20_000;
/**
 * The emulated CPU under TCG: a named model, never `-cpu max` (whose features change with the QEMU
 * version, and which is reported to hang at "Booting SMP configuration"). TCG counts each iteration of a
 * `rep movs`/`rep stos` as one instruction and the kernel picks its copy routine from the model's
 * string-op features (ERMS), so the model is part of every icount figure: it is recorded in the dataset.
 */
export const TCG_CPU_MODEL = 'Haswell-noTSX';
/** Instruction counting: guest time advances 1 ns per guest instruction (shift=0), never waits for the host. */
export const ICOUNT_ARGS = ['-icount', 'shift=0,sleep=off'];

export function accelArgs(accel: Accel): string[] {
  const mem = ['-m', String(MEMORY_MIB)];
  switch (accel) {
    case 'kvm':
      return ['-accel', 'kvm', '-cpu', 'host', '-smp', String(CPUS), ...mem];
    case 'tcg':
      return ['-accel', 'tcg', '-cpu', TCG_CPU_MODEL, '-smp', String(CPUS), ...mem];
    case 'tcg-icount':
      // One vCPU: with two, an icount guest printed nothing in 4 minutes (issue 9; Zephyr does the same).
      return ['-accel', 'tcg', ...ICOUNT_ARGS, '-cpu', TCG_CPU_MODEL, '-smp', '1', ...mem];
  }
}

/** The QEMU CPU model an accelerator runs ('host' under KVM). */
export function qemuCpuModel(accel: Accel): string {
  return accel === 'kvm' ? 'host' : TCG_CPU_MODEL;
}

export async function qemuVersion(): Promise<string> {
  const { stdout } = await promisify(execFile)(QEMU, ['--version'], { timeout: 10_000 });
  const m = /version (\d+\.\d+\.\d+)/.exec(stdout);
  if (!m?.[1]) throw new Error(`cannot read the QEMU version from: ${stdout.split('\n')[0]}`);
  return m[1];
}

export interface BootOptions {
  kernel: string;
  initrd: string;
  /** Extra kernel command line words (kcomm.*). */
  cmdline: string[];
  accel: Accel;
  /** Where the console log goes; its directory must exist. */
  consoleLog: string;
  timeoutMs: number;
  signal?: AbortSignal;
  onDataLine?(line: string): void;
  onConsoleLine?(line: string): void;
}

export interface BootOutcome {
  status: 'exited' | 'timeout' | 'aborted';
  exitCode: number | null;
  /** The last lines of the console, for an error report. */
  consoleTail: string[];
  /** QEMU's own stderr (warnings, errors), bounded. */
  qemuStderr: string;
  elapsedMs: number;
}

const TAIL_LINES = 100;

export function qemuArgs(o: Pick<BootOptions, 'kernel' | 'initrd' | 'cmdline' | 'accel' | 'consoleLog'>): string[] {
  if (/[,\s]/.test(o.consoleLog))
    throw new Error(`console log path must not contain commas or spaces: ${o.consoleLog}`);
  // Under TCG the guest's TSC sync check fails (emulation skews it) and the kernel falls back to the
  // emulated HPET, whose reads cost ~2 µs and would swamp every latency measured; QEMU derives each vCPU's
  // TSC from one host clock, so telling the guest it is reliable is true here.
  const clock = o.accel === 'kvm' ? [] : ['tsc=reliable'];
  const append = ['console=ttyS0', 'quiet', 'panic=-1', 'oops=panic', ...clock, ...o.cmdline].join(' ');
  return [
    ...accelArgs(o.accel),
    '-nodefaults',
    '-display',
    'none',
    '-no-reboot',
    '-monitor',
    'none',
    '-kernel',
    o.kernel,
    '-initrd',
    o.initrd,
    '-append',
    append,
    '-serial',
    `file:${o.consoleLog}`,
    '-serial',
    'stdio',
  ];
}

/** Runs one boot to its end (poweroff, panic, timeout or abort). Never rejects for the guest's sake. */
export async function bootVm(o: BootOptions): Promise<BootOutcome> {
  const started = Date.now();
  const tail: string[] = [];
  const consoleTail = new FileTail(o.consoleLog, (line) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    o.onConsoleLine?.(line);
  });
  if (o.signal?.aborted) return { status: 'aborted', exitCode: null, consoleTail: [], qemuStderr: '', elapsedMs: 0 };
  const data = new LineSplitter((line) => o.onDataLine?.(line));
  consoleTail.start();
  try {
    const exit = await supervise(QEMU, qemuArgs(o), {
      timeoutMs: o.timeoutMs,
      signal: o.signal,
      onStdout: (chunk) => data.push(chunk),
      keepStderr: 'head',
    });
    data.flush();
    const status: BootOutcome['status'] = exit.why;
    return { status, exitCode: exit.code, consoleTail: tail, qemuStderr: exit.stderr, elapsedMs: Date.now() - started };
  } finally {
    await consoleTail.stop();
  }
}

async function canUseKvmDevice(): Promise<boolean> {
  try {
    await access('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface AccelChoice {
  accel: Accel;
  why: string;
}

let accelChoice: Promise<AccelChoice> | undefined;

/**
 * KVM if a short boot under it reaches user space, else TCG. Probed once per process. KCOMM_VM_ACCEL=tcg
 * or =kvm skips the probe.
 */
export function chooseAccel(kernel: string, busybox: string, clock: BenchClock = 'wall'): Promise<AccelChoice> {
  if (clock === 'icount') return Promise.resolve({ accel: 'tcg-icount', why: '--clock icount' });
  const forced = process.env.KCOMM_VM_ACCEL;
  if (forced === 'tcg' || forced === 'kvm') return Promise.resolve({ accel: forced, why: 'KCOMM_VM_ACCEL' });
  accelChoice ??= probeKvm(kernel, busybox);
  return accelChoice;
}

async function probeKvm(kernel: string, busybox: string): Promise<AccelChoice> {
  if (!(await canUseKvmDevice())) return { accel: 'tcg', why: 'no usable /dev/kvm' };
  const initramfs = await buildInitramfs({ busybox });
  try {
    const consoleLog = join(initramfs.dir, 'probe-console.log');
    const outcome = await bootVm({
      kernel,
      initrd: initramfs.path,
      cmdline: ['kcomm.mode=probe'],
      accel: 'kvm',
      consoleLog,
      timeoutMs: KVM_PROBE_TIMEOUT_MS,
    });
    const log = await readFile(consoleLog, 'utf8').catch(() => '');
    if (log.includes(PROBE_MARKER)) return { accel: 'kvm', why: `KVM probe booted in ${outcome.elapsedMs} ms` };
    const reason =
      outcome.status === 'timeout'
        ? `KVM probe boot did not reach user space in ${KVM_PROBE_TIMEOUT_MS / 1000} s`
        : `KVM probe boot ended (exit ${outcome.exitCode}) without reaching user space` +
          (outcome.qemuStderr ? `: ${outcome.qemuStderr.trim().split('\n')[0]}` : '');
    return { accel: 'tcg', why: reason };
  } finally {
    await initramfs.cleanup();
  }
}
