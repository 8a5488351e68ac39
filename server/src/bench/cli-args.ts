// Argument parsing for `npm run bench`, separate from cli.ts so it can be tested without running anything.
import { parseArgs } from 'node:util';
import { METHOD_IDS } from '../../../src/core/ids';
import { MAX_SIZE_BYTES } from './profiles';
import type { BenchOptions } from './run';

export const USAGE = `usage: npm run bench -- --target vm|local --profile quick|full|stock [--clock wall|icount]
         [--kernel RELEASE] [--methods|--only a,b] [--sizes 8,64] [--robust] [--allow-local-modules] [--cycles N]
       npm run bench -- --target vm|local --robust-only [--methods a,b] [--cycles N] [--allow-local-modules]`;

const MAX_SIZE = MAX_SIZE_BYTES;

export type CliCommand =
  | { kind: 'bench'; options: BenchOptions }
  | { kind: 'robust-only'; options: Omit<BenchOptions, 'profile' | 'sizes' | 'robust' | 'dataDir'> }
  | { kind: 'help' };

export class UsageError extends Error {
  override name = 'UsageError';
}

function list(value: string, what: string): string[] {
  const items = value.split(',');
  if (items.some((s) => s.trim() === '')) throw new UsageError(`--${what}: empty item in "${value}"`);
  return items.map((s) => s.trim());
}

export function parseBenchArgs(argv: string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: 'string' },
        profile: { type: 'string' },
        methods: { type: 'string' },
        only: { type: 'string' },
        clock: { type: 'string' },
        sizes: { type: 'string' },
        cycles: { type: 'string' },
        kernel: { type: 'string' },
        robust: { type: 'boolean' },
        'robust-only': { type: 'boolean' },
        'allow-local-modules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return { kind: 'help' };

  const target = values.target;
  if (target !== 'vm' && target !== 'local') throw new UsageError('--target must be vm or local');

  const clock = values.clock ?? 'wall';
  if (clock !== 'wall' && clock !== 'icount') throw new UsageError('--clock must be wall or icount');
  if (clock === 'icount' && target !== 'vm') throw new UsageError('--clock icount needs --target vm');
  if (values.methods !== undefined && values.only !== undefined) {
    throw new UsageError('--only is another name for --methods: give one of them');
  }
  const methodList = values.only ?? values.methods;
  let methods: string[] | undefined;
  if (methodList !== undefined) {
    methods = list(methodList, 'methods');
    // A method id, or method/variant (e.g. mmap/ring) as the harness accepts.
    const unknown = methods.filter((m) => {
      const [method, variant, ...rest] = m.split('/');
      const knownMethod = (METHOD_IDS as readonly string[]).includes(method ?? '');
      return !knownMethod || rest.length > 0 || (variant !== undefined && !/^[a-z0-9-]+$/.test(variant));
    });
    if (unknown.length > 0) {
      throw new UsageError(`--methods: unknown ${unknown.join(', ')} (known: ${METHOD_IDS.join(', ')})`);
    }
  }
  let cycles: number | undefined;
  if (values.cycles !== undefined) {
    if (!/^[0-9]+$/.test(values.cycles) || Number(values.cycles) < 1 || Number(values.cycles) > 100_000) {
      throw new UsageError('--cycles must be an integer from 1 to 100000');
    }
    cycles = Number(values.cycles);
  }
  const allowLocalModules = values['allow-local-modules'] ?? false;
  // An installed kernel's release (uname -r form); which ones exist is checked when the VM is prepared.
  const kernel = values.kernel;
  if (kernel !== undefined && !/^[0-9][0-9A-Za-z.+_-]{0,99}$/.test(kernel))
    throw new UsageError(`--kernel must be an installed kernel's release such as 6.1.0-1-amd64, got "${kernel}"`);
  if (kernel !== undefined && target !== 'vm') throw new UsageError('--kernel needs --target vm');

  if (values['robust-only']) {
    if (values.profile !== undefined || values.sizes !== undefined || values.robust || values.clock !== undefined) {
      throw new UsageError('--robust-only takes no --profile, --sizes, --clock or --robust');
    }
    return { kind: 'robust-only', options: { target, methods, cycles, allowLocalModules, kernel } };
  }

  const profile = values.profile ?? (values.only !== undefined || values.sizes !== undefined ? 'quick' : undefined);
  if (profile !== 'quick' && profile !== 'full' && profile !== 'stock') {
    throw new UsageError('--profile must be quick, full or stock');
  }
  let sizes: number[] | undefined;
  if (values.sizes !== undefined) {
    sizes = list(values.sizes, 'sizes').map((s) => {
      if (!/^[0-9]+$/.test(s) || Number(s) < 1 || Number(s) > MAX_SIZE) {
        throw new UsageError(`--sizes: "${s}" is not a size in bytes from 1 to ${MAX_SIZE}`);
      }
      return Number(s);
    });
  }
  if (cycles !== undefined && !values.robust) throw new UsageError('--cycles needs --robust or --robust-only');
  const robust = values.robust ?? false;
  if (target === 'local' && (profile !== 'stock' || robust) && !allowLocalModules) {
    throw new UsageError(
      `--target local with ${robust ? '--robust' : `--profile ${profile}`} loads the reference modules into this ` +
        "machine's kernel: add --allow-local-modules (needs root and matching headers) or use --target vm",
    );
  }
  return {
    kind: 'bench',
    options: { target, clock, profile, methods, sizes, robust, cycles, allowLocalModules, kernel },
  };
}
