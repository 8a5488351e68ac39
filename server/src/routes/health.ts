import { access, constants } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { discoverGuestKernel } from '../bench/kernel';
import { chooseAccel, qemuVersion } from '../bench/qemu';
import { HARNESS_BIN } from '../bench/build';
import type { Health, KvmState } from '../../../src/core/runs';

const BUSYBOX = '/bin/busybox';
const APT = 'apt-get install -y qemu-system-x86 linux-image-amd64 linux-headers-amd64 busybox-static cpio';

interface Check {
  ok: boolean;
  detail: string;
  /** The command that fixes it, when it is missing. */
  install?: string;
}

async function exists(file: string, mode = constants.R_OK): Promise<boolean> {
  return access(file, mode).then(
    () => true,
    () => false,
  );
}

// The KVM probe boots a VM (up to ~20 s), so it runs once in the background; health reports its outcome
// when it is known and 'probing' until then.
let accel: { state: 'probing' } | { state: 'done'; accel: string; why: string } | null = null;
function startAccelProbe(kernelImage: string) {
  if (accel) return;
  accel = { state: 'probing' };
  chooseAccel(kernelImage, BUSYBOX).then(
    (c) => (accel = { state: 'done', accel: c.accel, why: c.why }),
    (e: Error) => (accel = { state: 'done', accel: 'tcg', why: `probe failed: ${e.message}` }),
  );
}

export function healthRoutes(app: FastifyInstance, localRefusal: () => string | null, probeAccel: boolean) {
  app.get('/api/health', async (): Promise<Health> => {
    const qemu: Check = await qemuVersion().then(
      (v) => ({ ok: true, detail: v }),
      () => ({ ok: false, detail: 'qemu-system-x86_64 not found', install: `apt-get install -y qemu-system-x86` }),
    );
    let kernel: Check;
    let kernelImage: string | null = null;
    try {
      const k = discoverGuestKernel();
      kernelImage = k.image;
      kernel = { ok: true, detail: `${k.version} (image ${k.image}, headers ${k.headers})` };
    } catch (e) {
      kernel = {
        ok: false,
        detail: (e as Error).message,
        install: 'apt-get install -y linux-image-amd64 linux-headers-amd64',
      };
    }
    const busybox: Check = (await exists(BUSYBOX, constants.X_OK))
      ? { ok: true, detail: BUSYBOX }
      : { ok: false, detail: 'busybox-static not installed', install: 'apt-get install -y busybox-static' };
    const kvmDevice = await exists('/dev/kvm', constants.R_OK | constants.W_OK);
    if (probeAccel && kvmDevice && kernelImage && busybox.ok && qemu.ok) startAccelProbe(kernelImage);
    const kvm: Check & { state: KvmState } = !kvmDevice
      ? {
          ok: false,
          state: 'absent',
          detail: 'no usable /dev/kvm: the VM runs under TCG emulation (slower, emulated timings)',
        }
      : accel?.state === 'done'
        ? { ok: accel.accel === 'kvm', state: accel.accel === 'kvm' ? 'usable' : 'unusable', detail: accel.why }
        : accel
          ? { ok: false, state: 'probing', detail: 'a short probe boot under KVM is running; TCG is the fallback' }
          : {
              ok: false,
              state: 'untested',
              detail: '/dev/kvm exists; the first VM run probes it and falls back to TCG',
            };
    const harness: Check = (await exists(HARNESS_BIN, constants.X_OK))
      ? { ok: true, detail: HARNESS_BIN }
      : { ok: false, detail: 'not built yet; the first run builds it', install: 'npm run build:kernel' };
    const refusal = localRefusal();
    const vmReady = qemu.ok && kernel.ok && busybox.ok;
    return {
      targets: {
        vm: {
          available: vmReady,
          detail: vmReady ? "QEMU with Debian's kernel" : `missing pieces; install with: ${APT}`,
        },
        local: {
          available: refusal === null,
          detail: refusal ?? 'allowed by the operator (--allow-local) and running as root',
        },
      },
      checks: { qemu, kvm, kernel, busybox, harness },
    };
  });
}
