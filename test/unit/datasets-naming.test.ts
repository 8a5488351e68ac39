import { describe, expect, it } from 'vitest';
import { summarizeDataset, type Dataset, type DatasetSummary } from '../../src/core/dataset-schema';
import { bestDataset, datasetKind, datasetName, KIND_WARNING } from '../../src/lib/datasets';
import fixture from '../fixtures/dataset-synthetic.json';

const tcg = fixture as Dataset;
function variant(
  id: string,
  target: Dataset['host']['target'],
  kernel: string,
  collectedAt: string,
  methods?: string[],
): DatasetSummary {
  const results = methods ? tcg.results.filter((r) => methods.includes(r.method)) : tcg.results;
  return summarizeDataset({ ...tcg, id, collectedAt, host: { ...tcg.host, target, kernel }, results });
}

describe('dataset names and the proposed dataset', () => {
  it('names a dataset as a person would: where, which kernel, which day (ISO, UTC)', () => {
    const s = variant('vm-tcg-full-2026-11-27t0832z', 'vm-tcg', '6.1.0-56-amd64', '2026-11-27T08:32:00Z');
    expect(s.ok && datasetName(s)).toBe('QEMU emulated · Debian 6.1 · 2026-11-27');
    const local = variant('local-x', 'local', '6.12.0-local', '2026-11-28T23:59:00Z');
    expect(local.ok && datasetName(local)).toBe('This machine · kernel 6.12 · 2026-11-28');
    expect(datasetKind('vm-icount')).toBe('instructions');
    expect(KIND_WARNING[datasetKind('vm-tcg')]).toBe("Emulated CPU: times are not your hardware's");
    expect(KIND_WARNING[datasetKind('local')]).toBeNull();
  });

  it('proposes a real-CPU dataset before an emulated one, even a smaller and older one, and says why', () => {
    const list = [
      variant('vm-tcg-new', 'vm-tcg', '6.12.57-amd64', '2026-11-29T00:00:00Z'),
      variant('local-old', 'local', '6.12.0', '2026-01-01T00:00:00Z', ['chardev']),
      { id: 'broken', ok: false, file: 'benchmarks/broken.json', error: 'bad' } as DatasetSummary,
    ];
    const best = bestDataset(list)!;
    expect(best.dataset.id).toBe('local-old');
    expect(best.reason).toMatch(/^measured on a real CPU \(1 method measured\)/);
  });

  it('among emulated datasets proposes the most complete, then the newest, and says it is emulated', () => {
    const list = [
      variant('vm-tcg-a', 'vm-tcg', '6.1.0-56-amd64', '2026-11-29T00:00:00Z', ['chardev']),
      variant('vm-tcg-b', 'vm-tcg', '6.1.0-56-amd64', '2026-11-20T00:00:00Z'),
      variant('vm-icount-c', 'vm-icount', '6.1.0-56-amd64', '2026-11-30T00:00:00Z'),
    ];
    const best = bestDataset(list)!;
    expect(best.dataset.id).toBe('vm-tcg-b');
    expect(best.reason).toContain('on an emulated CPU: compare methods with each other only');
    expect(bestDataset([list[2]!])!.reason).toContain('guest instructions rather than time');
    expect(bestDataset([])).toBeNull();
  });
});
