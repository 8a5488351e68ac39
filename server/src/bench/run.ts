// The programmatic benchmark runner: build, boot (or run natively), collect the harness's records,
// assemble the dataset, write it. The CLI (cli.ts) and the server's Runs API both drive this.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult, Dataset } from '../../../src/core/dataset-schema';
import { assembleDataset, summarizeRobustness, type Profile, type RobustSummary, type Target } from './assemble';
import { bootOnceMoreAfterEarlyCrash } from './boot-crash';
import { ensureBuild, HARNESS_BIN, MODULES_DIR, REPO_ROOT } from './build';
import { withBuildLock } from './build-lock';
import { buildInitramfs, guestCmdline, listModules, type GuestMode } from './initramfs';
import { discoverGuestKernel } from './kernel';
import { addRecord, emptyOutput, parseFramedLine, type HarnessOutput, type HarnessRecord } from './protocol';
import type { BenchClock } from './profiles';
import { bootVm, chooseAccel, ICOUNT_ARGS, qemuCpuModel, qemuVersion, type Accel } from './qemu';
import { DatasetExistsError, DEFAULT_DATA_DIR, writeDataset } from './store';
import { supervise, type SupervisedExit } from './supervise';
import { FileTail } from './tail';
import { gitCommit } from '../lib/git';

export type PhaseName = 'build' | 'boot' | 'measure' | 'robust' | 'write';

export type BenchEvent =
  | { type: 'phase'; name: PhaseName }
  | { type: 'point'; result: BenchResult }
  | { type: 'progress'; percent: number; etaSeconds: number | null }
  | { type: 'log'; line: string };

export interface BenchOptions {
  target: 'vm' | 'local';
  /** icount: the VM under QEMU instruction counting (target vm only). Default wall. */
  clock?: BenchClock;
  profile: Profile;
  methods?: string[];
  sizes?: number[];
  /** Run the robustness mode after the measurements. */
  robust?: boolean;
  /** Load the reference modules into the running kernel on a local run (root, matching headers). */
  allowLocalModules?: boolean;
  /** Module load/unload cycles in the robustness mode (the harness's default if omitted). */
  cycles?: number;
  /** Where the dataset goes; data/benchmarks by default (tests pass a temp dir). */
  dataDir?: string;
  /** Hard limit for the VM or the local harness; a default per profile otherwise. */
  timeoutMs?: number;
  /** VM target: the release of the installed kernel to boot (discoverGuestKernel's choice if omitted). */
  kernel?: string;
}

export interface BenchHooks {
  onEvent?(e: BenchEvent): void;
  signal?: AbortSignal;
}

export interface BenchOutcome {
  dataset: Dataset;
  datasetPath: string;
  robust?: RobustSummary;
  /** The guest console (VM) or the harness's stderr (local), last 256 KiB. */
  consoleLog: string;
  /** Crash lines of boots that died before the harness started and were booted again (boot-crash.ts). */
  bootCrashes: string[];
}

export interface RobustOutcome {
  robust: RobustSummary;
  consoleLog: string;
}

export class BenchError extends Error {
  override name = 'BenchError';
  constructor(
    message: string,
    /** The last ~100 lines of the console or of the harness's stderr. */
    readonly consoleTail: string[] = [],
  ) {
    super(consoleTail.length > 0 ? `${message}\n--- last console lines ---\n${consoleTail.join('\n')}` : message);
  }
}

const TIMEOUTS_MS: Record<Profile | 'robust', number> = {
  stock: 20 * 60_000,
  quick: 20 * 60_000,
  full: 120 * 60_000,
  robust: 20 * 60_000,
};
const LOG_KEEP = 256 * 1024;

/** Records → events: phases, points, progress with an ETA from the pace so far. */
class Collector {
  readonly out: HarnessOutput = emptyOutput();
  private measureStart = 0;
  private phase?: PhaseName;

  constructor(
    private readonly emit: (e: BenchEvent) => void,
    private readonly mode: Mode,
  ) {}

  setPhase(name: PhaseName): void {
    if (this.phase === name) return;
    this.phase = name;
    this.emit({ type: 'phase', name });
  }

  line(raw: string): void {
    const p = parseFramedLine(raw);
    if (p.kind === 'record') this.record(p.record);
    else if (p.kind === 'bad') {
      this.out.badLines.push({ line: raw.slice(0, 200), error: p.error });
      this.emit({ type: 'log', line: `harness: unparsable line (${p.error})` });
    }
  }

  private record(r: HarnessRecord): void {
    addRecord(this.out, r);
    switch (r.type) {
      case 'host':
      case 'plan':
        if (this.phase === 'boot' || this.phase === 'build') {
          this.setPhase(this.mode === 'robust' ? 'robust' : 'measure');
          this.measureStart = Date.now();
        }
        break;
      case 'phase':
        this.emit({ type: 'log', line: `measuring ${r.method}${r.variant ? ` (${r.variant})` : ''}` });
        break;
      case 'result': {
        const { type: _type, ...result } = r;
        this.emit({ type: 'point', result });
        const total = this.out.plan?.points ?? 0;
        if (total > 0) {
          const done = Math.min(this.out.results.length, total);
          const elapsed = (Date.now() - this.measureStart) / 1000;
          const eta = done > 0 ? Math.round((elapsed / done) * (total - done)) : null;
          this.emit({ type: 'progress', percent: Math.round((done / total) * 1000) / 10, etaSeconds: eta });
        }
        break;
      }
      case 'note':
        this.emit({ type: 'log', line: `note: ${r.text}` });
        break;
      case 'robust':
        this.setPhase('robust');
        this.emit({ type: 'log', line: `robust ${r.module}: ${r.tried} tried, ${r.failed} failed` });
        break;
      case 'modcycle':
        this.setPhase('robust');
        this.emit({ type: 'log', line: `modcycle ${r.module}: ${r.cycles} cycles, ${r.failed} failed` });
        break;
      case 'kmsg':
        this.emit({ type: 'log', line: `kernel log ${r.ok ? 'clean' : 'NOT clean'}` });
        break;
      case 'done':
        this.emit({ type: 'log', line: `harness done: ok=${r.ok} in ${Math.round(r.elapsedMs / 1000)} s` });
        if (this.out.done.length === 1 && this.mode === 'both') this.setPhase('robust');
        break;
      default:
        break;
    }
  }
}

const TARGET_OF: Record<Accel, Target> = { kvm: 'vm-kvm', tcg: 'vm-tcg', 'tcg-icount': 'vm-icount' };
const HYPERVISOR_OF: Record<Accel, (version: string) => string> = {
  kvm: (v) => `QEMU ${v} KVM`,
  tcg: (v) => `QEMU ${v} TCG`,
  'tcg-icount': (v) => `QEMU ${v} TCG -icount ${ICOUNT_ARGS[1]} -smp 1`,
};

interface Execution {
  out: HarnessOutput;
  target: Target;
  hypervisor?: string;
  /** The QEMU -cpu model of a VM run. */
  qemuCpu?: string;
  consoleLog: string;
  /** Crash lines of boots that died before the harness started and were booted again (VM only). */
  bootCrashes?: string[];
}

type Mode = Exclude<GuestMode, 'probe'>;

function keepTail(text: string): string {
  return text.length > LOG_KEEP ? text.slice(-LOG_KEEP) : text;
}

async function executeInVm(opts: BenchOptions, mode: Mode, hooks: BenchHooks, c: Collector): Promise<Execution> {
  const emit = hooks.onEvent ?? (() => undefined);
  const kernel = discoverGuestKernel(undefined, undefined, undefined, opts.kernel);
  const busybox = '/bin/busybox';
  // The build lock is held until the initramfs holds its own copy of the harness and the modules: the VM
  // never reads server/build, so another run may rebuild it while this one measures.
  const initramfs = await withBuildLock(async () => {
    c.setPhase('build');
    await ensureBuild(kernel.version, kernel.headers, hooks.signal);
    return buildInitramfs({
      busybox,
      harness: HARNESS_BIN,
      moduleFiles: await listModules(MODULES_DIR),
      kernelModulesDir: kernel.modulesDir,
    });
  });
  c.setPhase('boot');
  try {
    const [version, choice] = await Promise.all([qemuVersion(), chooseAccel(kernel.image, busybox, opts.clock)]);
    emit({ type: 'log', line: `accelerator: ${choice.accel} (${choice.why})` });
    const consoleLog = join(initramfs.dir, 'console.log');
    const cmdline = guestCmdline({
      mode,
      profile: mode === 'robust' ? undefined : opts.profile,
      methods: opts.methods,
      sizes: opts.sizes,
      cycles: opts.cycles,
    });
    const boot = async () => {
      await rm(consoleLog, { force: true });
      const outcome = await bootVm({
        kernel: kernel.image,
        initrd: initramfs.path,
        cmdline,
        accel: choice.accel,
        consoleLog,
        timeoutMs: opts.timeoutMs ?? TIMEOUTS_MS[mode === 'robust' ? 'robust' : opts.profile],
        signal: hooks.signal,
        onDataLine: (line) => c.line(line),
        onConsoleLine: (line) => emit({ type: 'log', line: `console: ${line}` }),
      });
      return { outcome, consoleLog: await readFile(consoleLog, 'utf8').catch(() => '') };
    };
    const {
      outcome,
      consoleLog: fullLog,
      crashes,
    } = await bootOnceMoreAfterEarlyCrash(boot, (crash) =>
      emit({
        type: 'log',
        line: `the guest kernel crashed while booting, before the harness started (${crash}); booting it once more`,
      }),
    );
    const log = keepTail(fullLog);
    if (outcome.status === 'aborted') throw new BenchError('benchmark cancelled');
    if (outcome.status === 'timeout') {
      throw new BenchError(`VM timed out after ${Math.round(outcome.elapsedMs / 1000)} s`, outcome.consoleTail);
    }
    const expectedDone = mode === 'both' ? 2 : 1;
    if (c.out.done.length < expectedDone) {
      const why = outcome.qemuStderr.trim() ? ` (${outcome.qemuStderr.trim().split('\n')[0]})` : '';
      const again = crashes.length ? ', on the second boot after a crash while booting' : '';
      throw new BenchError(
        `VM stopped (QEMU exit ${outcome.exitCode}) before the harness finished${again}${why}`,
        outcome.consoleTail,
      );
    }
    return {
      out: c.out,
      target: TARGET_OF[choice.accel],
      hypervisor: HYPERVISOR_OF[choice.accel](version),
      qemuCpu: qemuCpuModel(choice.accel),
      consoleLog: log,
      bootCrashes: crashes,
    };
  } finally {
    await initramfs.cleanup();
  }
}

async function localModulePreconditions(): Promise<string> {
  const release = (await promisify(execFile)('uname', ['-r'])).stdout.trim();
  const kdir = `/lib/modules/${release}/build`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new BenchError('loading the reference modules into this kernel needs root');
  }
  if (!(await stat(kdir).catch(() => undefined))) {
    throw new BenchError(
      `no headers for the running kernel ${release} (${kdir} is missing): the modules cannot be built for it. ` +
        'Use --target vm, or the stock profile.',
    );
  }
  return kdir;
}

async function runLocalHarness(args: string[], opts: BenchOptions, hooks: BenchHooks, c: Collector, dir: string) {
  const outFile = join(dir, `harness-${args[0]}.jsonl`);
  const tail = new FileTail(outFile, (line) => c.line(line));
  let exit: SupervisedExit;
  tail.start();
  try {
    exit = await supervise(HARNESS_BIN, [...args, '--out', outFile], {
      timeoutMs: opts.timeoutMs ?? TIMEOUTS_MS[args[0] === 'robust' ? 'robust' : opts.profile],
      signal: hooks.signal,
      keepStderr: 'tail',
    });
  } catch (e) {
    throw new BenchError((e as Error).message);
  } finally {
    await tail.stop();
  }
  const { stderr } = exit;
  const status = { code: exit.code, why: exit.why };
  const lines = stderr.trim().split('\n').slice(-100);
  if (status.why === 'aborted') throw new BenchError('benchmark cancelled');
  if (status.why === 'timeout') throw new BenchError('harness timed out', lines);
  if (status.code !== 0) throw new BenchError(`harness ${args[0]} exited with ${status.code}`, lines);
  return stderr;
}

async function executeLocally(opts: BenchOptions, mode: Mode, hooks: BenchHooks, c: Collector): Promise<Execution> {
  const needsModules = mode !== 'run' || opts.profile !== 'stock';
  if (needsModules && !opts.allowLocalModules) {
    throw new BenchError(
      `a local ${mode === 'robust' ? 'robustness run' : `${opts.profile} profile`} loads the reference modules ` +
        "into this machine's kernel: pass allowLocalModules (--allow-local-modules), or use the VM target",
    );
  }
  const kdir = needsModules ? await localModulePreconditions() : undefined;
  // A local run executes the harness and loads the modules from server/build: it holds the lock throughout.
  return withBuildLock(async () => {
    c.setPhase('build');
    await ensureBuild(kdir ? kdir.split('/')[3] : undefined, kdir, hooks.signal);
    return measureLocally(opts, mode, needsModules, hooks, c);
  });
}

async function measureLocally(
  opts: BenchOptions,
  mode: Mode,
  needsModules: boolean,
  hooks: BenchHooks,
  c: Collector,
): Promise<Execution> {
  const dir = await mkdtemp(join(tmpdir(), 'kcomm-local-'));
  try {
    let log = '';
    const pick = [
      ...(opts.methods?.length ? ['--methods', opts.methods.join(',')] : []),
      ...(needsModules ? ['--module-dir', MODULES_DIR] : []),
    ];
    c.setPhase('measure');
    if (mode !== 'robust') {
      const sizes = opts.sizes?.length ? ['--sizes', opts.sizes.join(',')] : [];
      log += await runLocalHarness(['run', '--profile', opts.profile, ...pick, ...sizes], opts, hooks, c, dir);
    }
    if (mode !== 'run') {
      c.setPhase('robust');
      const cycles = opts.cycles !== undefined ? ['--cycles', String(opts.cycles)] : [];
      log += await runLocalHarness(['robust', ...pick, ...cycles], opts, hooks, c, dir);
    }
    return { out: c.out, target: 'local', consoleLog: keepTail(log) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function execute(opts: BenchOptions, mode: Mode, hooks: BenchHooks): Promise<Execution> {
  const c = new Collector(hooks.onEvent ?? (() => undefined), mode);
  return opts.target === 'vm' ? executeInVm(opts, mode, hooks, c) : executeLocally(opts, mode, hooks, c);
}

/** Writes under the assembled id, or under id-2, id-3... when a run in the same minute took it. */
async function writeFreshId(dataset: Dataset, dir: string): Promise<{ dataset: Dataset; path: string }> {
  for (let n = 1; n <= 20; n++) {
    const candidate = n === 1 ? dataset : { ...dataset, id: `${dataset.id}-${n}` };
    try {
      return { dataset: candidate, path: await writeDataset(candidate, dir) };
    } catch (e) {
      if (!(e instanceof DatasetExistsError)) throw e;
    }
  }
  throw new BenchError(`too many datasets named ${dataset.id}*`);
}

export async function runBenchmark(opts: BenchOptions, hooks: BenchHooks = {}): Promise<BenchOutcome> {
  const collectedAt = new Date();
  const [exec, commit] = await Promise.all([execute(opts, opts.robust ? 'both' : 'run', hooks), gitCommit(REPO_ROOT)]);
  hooks.onEvent?.({ type: 'phase', name: 'write' });
  const assembled = assembleDataset(exec.out, {
    gitCommit: commit,
    collectedAt,
    target: exec.target,
    hypervisor: exec.hypervisor,
    qemuCpu: exec.qemuCpu,
    requestedSizes: opts.sizes,
  });
  const { dataset, path } = await writeFreshId(assembled, opts.dataDir ?? DEFAULT_DATA_DIR);
  const robust = opts.robust ? summarizeRobustness(exec.out) : undefined;
  if (opts.robust && !robust) throw new BenchError('the robustness mode produced no records');
  return { dataset, datasetPath: path, robust, consoleLog: exec.consoleLog, bootCrashes: exec.bootCrashes ?? [] };
}

/** The robustness mode alone: no measurements, no dataset. */
export async function runRobustness(
  opts: Omit<BenchOptions, 'profile' | 'sizes' | 'robust' | 'dataDir'>,
  hooks: BenchHooks = {},
): Promise<RobustOutcome> {
  const exec = await execute({ ...opts, profile: 'quick' }, 'robust', hooks);
  const robust = summarizeRobustness(exec.out);
  if (!robust) throw new BenchError('the robustness mode produced no records');
  return { robust, consoleLog: exec.consoleLog };
}
