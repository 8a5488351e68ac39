// Adapts the benchmark pipeline (server/src/bench/run.ts) to the run manager's runner contract.
import path from 'node:path';
import type { BenchRunner } from './types';

export const benchRunner: BenchRunner = async (request, hooks) => {
  const { runBenchmark } = await import('../bench/run');
  const out = await runBenchmark(
    { target: request.target, profile: request.profile, methods: request.methods, sizes: request.sizes },
    { onEvent: hooks.onEvent, signal: hooks.signal },
  );
  return { datasetId: path.basename(out.datasetPath, '.json') };
};
