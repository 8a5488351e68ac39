// Shared by the Benchmarks page's component tests: synthetic datasets and a fetch that serves them the way the
// API does.
import { cleanup } from '@testing-library/react';
export { renderApp } from './render-app';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import methodsJson from '../../data/methods.json';
import { summarizeDataset, type Dataset, type DatasetSummary } from '../../src/core/dataset-schema';
import fixture from '../fixtures/dataset-synthetic.json';

// SYNTHETIC: the fixture (emulated CPU) and a copy of it said to be measured natively, twice as fast.
export const tcg = fixture as Dataset;
export const local: Dataset = {
  ...tcg,
  id: 'fixture-local',
  collectedAt: '2025-02-01T09:30:00.000Z',
  host: { ...tcg.host, target: 'local', kernel: '6.12.0-local', cpuModel: 'Fixture Native CPU', cpus: 8 },
  harness: { ...tcg.harness, version: 'abc1234', profile: 'full', samplesPerPoint: 20000 },
  results: tcg.results
    .filter((r) => r.pattern === 'roundtrip' && r.method === 'ioctl')
    .map((r) => ({
      ...r,
      latencyNs: { ...r.latencyNs, p50: r.latencyNs.p50 / 2 },
      MBps: r.MBps * 2,
    })),
};

export const broken: DatasetSummary = {
  id: 'half-written',
  ok: false,
  file: 'benchmarks/half-written.json',
  error: 'Unexpected end of JSON input',
};

const byId = new Map([tcg, local].map((d) => [d.id, d]));

/** Registers the hooks: the lazy page loaded once, fetch answered from the fixtures, cleanup after each test. */
export function setupBenchmarksApi(): void {
  // The page (with recharts) is a lazy chunk; loading it once up front keeps the first test within findBy's wait.
  beforeAll(async () => {
    await import('../../src/features/benchmarks/components/BenchmarksPage');
  });

  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/datasets')
          return Response.json({ datasets: [summarizeDataset(local), summarizeDataset(tcg), broken] });
        const m = /^\/api\/datasets\/(.+)$/.exec(url);
        if (m) {
          const d = byId.get(decodeURIComponent(m[1]!));
          if (d) return Response.json(d);
          return Response.json(
            { error: 'invalid-dataset', message: 'half-written.json is not valid JSON' },
            { status: 500 },
          );
        }
        if (url.startsWith('/api/methods')) return Response.json({ methods: methodsJson.methods });
        return Response.json({ error: 'not-found', message: 'no' }, { status: 404 });
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}
