import type { Dataset } from '../../../core/dataset-schema';

export const TARGET_LABEL: Record<Dataset['host']['target'], string> = {
  'vm-tcg': 'VM, emulated CPU (QEMU TCG)',
  'vm-kvm': 'VM with KVM (real CPU)',
  'vm-icount': 'VM, emulated CPU counting instructions (QEMU TCG -icount): guest instructions, not time',
  local: 'This machine, no VM',
};

export const PATTERN_TITLE = {
  roundtrip: 'round trip',
  k2u: 'kernel → user',
  u2k: 'user → kernel',
  notify: 'wake-up',
} as const;

/** "2026-11-27 07:33 UTC": the same for every reader, whatever their time zone. */
export function formatCollectedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
