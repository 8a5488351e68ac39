import type { Dataset } from '#src/core/dataset-schema';

export const TARGET_LABEL: Record<Dataset['host']['target'], string> = {
  'vm-tcg': 'VM, emulated CPU (QEMU TCG)',
  'vm-kvm': 'VM with KVM (real CPU)',
  'vm-icount': 'VM, emulated CPU counting instructions (QEMU TCG -icount): guest instructions, not time',
  local: 'This machine, no VM',
};
