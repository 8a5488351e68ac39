// The Debian packages the VM target and the kernel suite need are listed once, in kernel-packages.ts; the
// Makefile (which names the BPF toolchain in its error message) and CI's install line must agree with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/src/app';
import { ALL_KERNEL_PACKAGES, KERNEL_PACKAGES, aptInstall } from '../../server/src/lib/kernel-packages';

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('kernel packages', () => {
  it("server/Makefile's BPF_PACKAGES are kernel-packages.ts's bpf group", () => {
    const line = /^BPF_PACKAGES\s*:=\s*(.+)$/m.exec(read('server/Makefile'))?.[1];
    expect(line, 'BPF_PACKAGES in server/Makefile').toBeDefined();
    expect(line!.trim().split(/\s+/)).toEqual([...KERNEL_PACKAGES.bpf]);
  });

  it('.ci/run installs every package of the list', () => {
    const words = new Set(read('.ci/run').split(/[\s\\]+/));
    expect(ALL_KERNEL_PACKAGES.filter((p) => !words.has(p))).toEqual([]);
  });

  it('the install command names the BPF toolchain', () => {
    expect(aptInstall(['bpf'])).toBe(
      'apt-get install -y --no-install-recommends clang libbpf-dev bpftool libelf-dev zlib1g-dev',
    );
  });
});
