// What a benchmark run can be asked for: the clock it runs on.
/**
 * wall: guest or host time as it passes. icount: the VM under QEMU instruction counting, where guest time
 * is one nanosecond per guest instruction: figures are instruction counts, repeatable to a fraction of a
 * percent whatever the host is doing, but with no cache or memory-bandwidth model.
 */
export type BenchClock = 'wall' | 'icount';
export const BENCH_CLOCKS: readonly BenchClock[] = ['wall', 'icount'];

/**
 * The run profiles, as the harness's own table (server/harness/profiles.c) has them: `kcomm-harness profiles`
 * prints that table and test/unit/bench-profiles.test.ts holds the two equal. Everything that describes a
 * profile in TypeScript reads it from here.
 */
export interface ProfileSpec {
  name: 'quick' | 'full' | 'stock';
  /** Runs the module backends (loads the reference modules). */
  modules: boolean;
  /** Runs the stock backends (interfaces every kernel has). */
  stock: boolean;
  sizes: number[];
  /** Blocks of the method per point, interleaved A-B-B-A with as many of its reference. */
  blocks: number;
  blockSamples: number;
  blockCapMs: number;
  /** What a person choosing a profile is told. */
  summary: string;
}

export const PROFILES: readonly ProfileSpec[] = [
  {
    name: 'quick',
    modules: true,
    stock: true,
    sizes: [8, 512, 4096, 65536],
    blocks: 20,
    blockSamples: 10,
    blockCapMs: 100,
    summary: 'every method at 4 sizes, 200 samples a point',
  },
  {
    name: 'full',
    modules: true,
    stock: true,
    sizes: [8, 32, 128, 512, 2048, 8192, 32768, 65536, 131072, 524288, 1048576],
    blocks: 20,
    blockSamples: 25,
    blockCapMs: 20,
    summary: 'every method at 11 sizes from 8 B to 1 MiB, up to 500 samples a point (and as many of its reference)',
  },
  {
    name: 'stock',
    modules: false,
    stock: true,
    sizes: [8, 32, 128, 512, 2048, 8192, 65536],
    blocks: 20,
    blockSamples: 50,
    blockCapMs: 150,
    summary: "only the kernel's own interfaces (no module loaded), 7 sizes",
  },
];

/** The largest message any profile or --sizes may ask for (KC_MAX_SIZE), and the smallest. */
export const MAX_SIZE_BYTES = 1 << 20;
export const MIN_SIZE_BYTES = 1;
