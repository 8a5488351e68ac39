// Adapts the benchmark pipeline (server/src/bench/run.ts) to the run manager's runner contract.
import path from 'node:path';
import type { BenchRunner } from './types';

export interface BenchRunnerOptions {
  /** Where datasets are written: the app's own data/benchmarks. */
  benchmarksDir: string;
  /** The operator allowed the local target (--allow-local, as root): module profiles may load modules. */
  allowLocalModules: boolean;
}

export function makeBenchRunner(opts: BenchRunnerOptions): BenchRunner {
  return async (request, hooks) => {
    const { runBenchmark } = await import('../bench/run');
    const out = await runBenchmark(
      {
        target: request.target,
        profile: request.profile,
        methods: request.methods,
        sizes: request.sizes,
        dataDir: opts.benchmarksDir,
        allowLocalModules: request.target === 'local' && opts.allowLocalModules,
      },
      { onEvent: hooks.onEvent, signal: hooks.signal },
    );
    return { datasetId: path.basename(out.datasetPath, '.json') };
  };
}
