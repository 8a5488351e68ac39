// How a person names a dataset and what its numbers can say: "QEMU emulated · Debian 6.1 · 2026-11-27".
import { datasetKind as kindOf } from '../core/advice/context';
import type { DatasetSummary } from '../core/dataset-schema';
import type { Verdict } from '../core/scoring';
import { formatUtcDay } from './format-date';

export type DatasetKind = NonNullable<Verdict['measurement']>['kind'];
type OkSummary = Extract<DatasetSummary, { ok: true }>;
interface Provenance {
  id: string;
  collectedAt: string;
  host: { target: string; kernel: string };
}

/** 'vm-tcg' times an emulated CPU, 'vm-icount' counts guest instructions; the rest run on a real CPU. */
export function datasetKind(target: string): DatasetKind {
  return kindOf({ host: { target } });
}

export const KIND_LABEL: Record<DatasetKind, string> = {
  native: 'real CPU',
  emulated: 'emulated CPU',
  instructions: 'instruction counts',
};

export { KIND_WARNING } from '../core/advice/context';

const TARGET_NAME: Record<string, string> = {
  'vm-tcg': 'QEMU emulated',
  'vm-icount': 'QEMU instruction-counted',
  'vm-kvm': 'KVM virtual machine',
  local: 'This machine',
};

function kernelName(kernel: string): string {
  const m = /^(\d+\.\d+)/.exec(kernel);
  const version = m ? m[1]! : kernel;
  // Debian's kernel packages are named <version>-<abi>-<flavour>, e.g. 6.1.0-56-amd64.
  return /^\d+\.\d+\.\d+-\d+-(amd64|arm64|cloud-amd64|rt-amd64)$/.test(kernel)
    ? `Debian ${version}`
    : `kernel ${version}`;
}

export function datasetName(d: Provenance): string {
  return `${TARGET_NAME[d.host.target] ?? d.host.target} · ${kernelName(d.host.kernel)} · ${formatUtcDay(d.collectedAt)}`;
}

const KIND_RANK: Record<DatasetKind, number> = { native: 0, emulated: 1, instructions: 2 };

/**
 * The dataset to propose and why: a real CPU before an emulated one (its times are the user's kind of
 * times), then the one that measured more methods, then the newest.
 */
export function bestDataset(list: DatasetSummary[]): { dataset: OkSummary; reason: string } | null {
  const ok = list.filter((d): d is OkSummary => d.ok);
  const sorted = [...ok].sort(
    (a, b) =>
      KIND_RANK[datasetKind(a.host.target)] - KIND_RANK[datasetKind(b.host.target)] ||
      b.methods.length - a.methods.length ||
      b.collectedAt.localeCompare(a.collectedAt),
  );
  const best = sorted[0];
  if (!best) return null;
  const kind = datasetKind(best.host.target);
  const covers = `${best.methods.length} method${best.methods.length === 1 ? '' : 's'} measured`;
  const reason =
    kind === 'native'
      ? `measured on a real CPU (${covers}); an emulated dataset's times are not a real machine's`
      : kind === 'emulated'
        ? `the most complete dataset here (${covers}), but on an emulated CPU: compare methods with each other only`
        : `the most complete dataset here (${covers}), in guest instructions rather than time`;
  return { dataset: best, reason };
}
