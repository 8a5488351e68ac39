import { describe, expect, it } from 'vitest';
import { parseBenchArgs, UsageError } from '../../server/src/bench/cli-args';

const bad = (argv: string[], message: RegExp) => {
  expect(() => parseBenchArgs(argv)).toThrow(UsageError);
  expect(() => parseBenchArgs(argv)).toThrow(message);
};

describe('bench CLI arguments', () => {
  it('accepts a full VM run with methods, sizes and robustness', () => {
    expect(
      parseBenchArgs([
        '--target',
        'vm',
        '--profile',
        'full',
        '--methods',
        'ioctl,mmap',
        '--sizes',
        '8,65536',
        '--robust',
      ]),
    ).toEqual({
      kind: 'bench',
      options: {
        target: 'vm',
        clock: 'wall',
        profile: 'full',
        methods: ['ioctl', 'mmap'],
        sizes: [8, 65536],
        robust: true,
        cycles: undefined,
        allowLocalModules: false,
      },
    });
  });

  it('accepts the icount clock on the VM only, and --only as --methods with the quick profile', () => {
    expect(parseBenchArgs(['--target', 'vm', '--clock', 'icount', '--only', 'ioctl', '--sizes', '8'])).toMatchObject({
      kind: 'bench',
      options: { target: 'vm', clock: 'icount', profile: 'quick', methods: ['ioctl'], sizes: [8] },
    });
    expect(() => parseBenchArgs(['--target', 'local', '--profile', 'stock', '--clock', 'icount'])).toThrow(
      /icount needs --target vm/,
    );
    expect(() => parseBenchArgs(['--target', 'vm', '--clock', 'cycles', '--profile', 'quick'])).toThrow(/--clock/);
    expect(() => parseBenchArgs(['--target', 'vm', '--only', 'ioctl', '--methods', 'mmap'])).toThrow(/--only/);
    expect(() => parseBenchArgs(['--target', 'vm', '--profile', 'quick', '--sizes', '0'])).toThrow(/from 1/);
  });

  it('boots the installed kernel named by --kernel, on the VM only, and refuses what is no release', () => {
    expect(
      parseBenchArgs(['--target', 'vm', '--profile', 'quick', '--kernel', '6.12.117+deb12-rt-amd64']),
    ).toMatchObject({
      kind: 'bench',
      options: { target: 'vm', profile: 'quick', kernel: '6.12.117+deb12-rt-amd64' },
    });
    expect(() => parseBenchArgs(['--target', 'local', '--profile', 'stock', '--kernel', '6.1.0-1-amd64'])).toThrow(
      /--kernel needs --target vm/,
    );
    for (const bad of ['../../boot/x', '', 'a b', '-6.1'])
      expect(() => parseBenchArgs(['--target', 'vm', '--profile', 'quick', `--kernel=${bad}`])).toThrow(/--kernel/);
  });

  it('accepts a local stock run without module permission', () => {
    expect(parseBenchArgs(['--target', 'local', '--profile', 'stock'])).toMatchObject({
      kind: 'bench',
      options: { target: 'local', profile: 'stock' },
    });
  });

  it('accepts --robust-only', () => {
    expect(parseBenchArgs(['--target', 'vm', '--robust-only', '--cycles', '10'])).toEqual({
      kind: 'robust-only',
      options: { target: 'vm', methods: undefined, cycles: 10, allowLocalModules: false },
    });
  });

  it('rejects missing or unknown targets and profiles', () => {
    bad(['--profile', 'quick'], /--target must be vm or local/);
    bad(['--target', 'cloud', '--profile', 'quick'], /--target/);
    bad(['--target', 'vm'], /--profile must be/);
    bad(['--target', 'vm', '--profile', 'huge'], /--profile must be/);
  });

  it('rejects unknown options, positionals, methods and bad sizes', () => {
    bad(['--target', 'vm', '--profile', 'quick', '--fast'], /Unknown option/);
    bad(['--target', 'vm', '--profile', 'quick', 'extra'], /positional/);
    bad(['--target', 'vm', '--profile', 'quick', '--methods', 'ioctl,carrier-pigeon'], /unknown carrier-pigeon/);
    bad(['--target', 'vm', '--profile', 'quick', '--methods', 'ioctl,'], /empty item/);
    bad(['--target', 'vm', '--profile', 'quick', '--sizes', '8,-1'], /"-1" is not a size/);
    bad(['--target', 'vm', '--profile', 'quick', '--sizes', '2097152'], /not a size/);
    bad(['--target', 'vm', '--profile', 'quick', '--sizes', '8;rm'], /not a size/);
  });

  it('keeps the reference modules out of the local kernel unless asked', () => {
    bad(['--target', 'local', '--profile', 'quick'], /--allow-local-modules/);
    bad(['--target', 'local', '--profile', 'stock', '--robust'], /--allow-local-modules/);
    expect(parseBenchArgs(['--target', 'local', '--profile', 'quick', '--allow-local-modules']).kind).toBe('bench');
  });

  it('rejects flags that do not go together', () => {
    bad(['--target', 'vm', '--robust-only', '--profile', 'quick'], /--robust-only takes no/);
    bad(['--target', 'vm', '--profile', 'quick', '--cycles', '5'], /--cycles needs/);
    bad(['--target', 'vm', '--robust-only', '--cycles', '0'], /--cycles must be/);
  });
});

describe('bench CLI method/variant ids', () => {
  it('accepts method/variant as the harness does, and nothing looser', () => {
    expect(parseBenchArgs(['--target', 'vm', '--profile', 'quick', '--methods', 'mmap/ring,ioctl'])).toMatchObject({
      options: { methods: ['mmap/ring', 'ioctl'] },
    });
    bad(['--target', 'vm', '--profile', 'quick', '--methods', 'mmap/ring/x'], /unknown mmap\/ring\/x/);
    bad(['--target', 'vm', '--profile', 'quick', '--methods', 'mmap/Ring'], /unknown/);
    bad(['--target', 'vm', '--profile', 'quick', '--methods', 'nope/ring'], /unknown/);
  });
});
