import type { RunRequest, RunnerEvent } from '../../../src/core/runs';

export type { Run, RunRequest, RunState, RunnerEvent } from '../../../src/core/runs';

/** Runs one benchmark; resolves with the id of the dataset it wrote, rejects on failure or abort. */
export type BenchRunner = (
  request: RunRequest,
  hooks: { onEvent: (e: RunnerEvent) => void; signal: AbortSignal },
) => Promise<{ datasetId: string }>;
