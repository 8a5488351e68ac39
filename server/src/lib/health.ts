// What this host can run: QEMU, KVM, Debian's kernel and headers, busybox, the harness, and whether the local
// target is allowed. One service per server: it owns the background KVM probe's state (a short VM boot, run
// once) instead of a module-global, and names the install command for anything missing from the one package
// list (kernel-packages.ts).
import { access, constants } from 'node:fs/promises';
import { HARNESS_BIN } from '../bench/build';
import { discoverGuestKernel } from '../bench/kernel';
import { chooseAccel, qemuVersion } from '../bench/qemu';
import type { Health, HealthCheck, KvmState } from '../../../src/core/runs';
import { aptInstall, type KernelPackageGroup } from './kernel-packages';

const BUSYBOX = '/bin/busybox';

type Accel = { state: 'probing' } | { state: 'done'; accel: string; why: string } | null;

async function exists(file: string, mode = constants.R_OK): Promise<boolean> {
  return access(file, mode).then(
    () => true,
    () => false,
  );
}

export interface HealthOptions {
  /** Why the local target is refused, or null when it is allowed. */
  localRefusal: () => string | null;
  /** Start the background KVM probe (the server does; tests do not). */
  probeAccel: boolean;
}

export class HealthService {
  private accel: Accel = null;

  constructor(private opts: HealthOptions) {}

  async check(): Promise<Health> {
    const missing = (detail: string, groups: KernelPackageGroup[]): HealthCheck => ({
      ok: false,
      detail,
      install: aptInstall(groups),
    });
    const qemu: HealthCheck = await qemuVersion().then(
      (v) => ({ ok: true, detail: v }),
      () => missing('qemu-system-x86_64 not found', ['qemu']),
    );
    let kernel: HealthCheck;
    let kernelImage: string | null = null;
    try {
      const k = discoverGuestKernel();
      kernelImage = k.image;
      kernel = { ok: true, detail: `${k.version} (image ${k.image}, headers ${k.headers})` };
    } catch (e) {
      kernel = missing((e as Error).message, ['kernel']);
    }
    const busybox: HealthCheck = (await exists(BUSYBOX, constants.X_OK))
      ? { ok: true, detail: BUSYBOX }
      : missing('busybox-static not installed', ['busybox']);
    const kvmDevice = await exists('/dev/kvm', constants.R_OK | constants.W_OK);
    if (this.opts.probeAccel && kvmDevice && kernelImage && busybox.ok && qemu.ok) this.startAccelProbe(kernelImage);
    const harness: HealthCheck = (await exists(HARNESS_BIN, constants.X_OK))
      ? { ok: true, detail: HARNESS_BIN }
      : { ok: false, detail: 'not built yet; the first run builds it', install: 'npm run build:kernel' };
    const refusal = this.opts.localRefusal();
    const vmReady = qemu.ok && kernel.ok && busybox.ok;
    return {
      targets: {
        vm: {
          available: vmReady,
          detail: vmReady ? "QEMU with Debian's kernel" : `missing pieces; install with: ${aptInstall()}`,
        },
        local: {
          available: refusal === null,
          detail: refusal ?? 'allowed by the operator (--allow-local) and running as root',
        },
      },
      checks: { qemu, kvm: this.kvm(kvmDevice), kernel, busybox, harness },
    };
  }

  private kvm(device: boolean): HealthCheck & { state: KvmState } {
    const a = this.accel;
    if (!device) {
      return {
        ok: false,
        state: 'absent',
        detail: 'no usable /dev/kvm: the VM runs under TCG emulation (slower, emulated timings)',
      };
    }
    if (a?.state === 'done') {
      return { ok: a.accel === 'kvm', state: a.accel === 'kvm' ? 'usable' : 'unusable', detail: a.why };
    }
    if (a)
      return { ok: false, state: 'probing', detail: 'a short probe boot under KVM is running; TCG is the fallback' };
    return {
      ok: false,
      state: 'untested',
      detail: '/dev/kvm exists; the first VM run probes it and falls back to TCG',
    };
  }

  // The KVM probe boots a VM (up to ~20 s), so it runs once in the background; health reports its outcome
  // when it is known and 'probing' until then.
  private startAccelProbe(kernelImage: string): void {
    if (this.accel) return;
    this.accel = { state: 'probing' };
    chooseAccel(kernelImage, BUSYBOX).then(
      (c) => (this.accel = { state: 'done', accel: c.accel, why: c.why }),
      (e: Error) => (this.accel = { state: 'done', accel: 'tcg', why: `probe failed: ${e.message}` }),
    );
  }
}
