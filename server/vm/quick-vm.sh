#!/bin/sh
# Development helper: boot Debian's installed kernel in QEMU (TCG) with a busybox initramfs holding the
# given files, run a shell script inside as root, print the console, power off.
#   server/vm/quick-vm.sh SCRIPT [FILE...]
# FILEs (.ko, binaries) land in /kcomm inside the guest; SCRIPT runs with cwd /kcomm.
# Timeout: KCOMM_VM_TIMEOUT seconds (default 300); KCOMM_VM_SMP vCPUs (default 2); KCOMM_VM_APPEND extra
# kernel arguments. Not the benchmark runner: see server/src/bench.
set -eu
script=$1; shift
kver=$(ls /lib/modules | grep -E 'amd64$' | sort -V | tail -n 1)
kernel=/boot/vmlinuz-$kver
[ -r "$kernel" ] || { echo "no $kernel: apt-get install linux-image-amd64 linux-headers-amd64" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$root/bin" "$root/kcomm" "$root/proc" "$root/sys" "$root/dev" "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for f in "$@"; do cp "$f" "$root/kcomm/"; done
cp "$script" "$root/kcomm/payload.sh"
cat > "$root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t devtmpfs dev /dev; exec </dev/console >/dev/console 2>&1
mount -t proc proc /proc; mount -t sysfs sys /sys
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mount -t tmpfs tmp /tmp
cd /kcomm
echo "== payload start"
sh ./payload.sh
echo "== payload exit $?"
echo "== dmesg tail"; dmesg | tail -n 40
poweroff -f
INIT
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$tmp/initrd.gz"
timeout "${KCOMM_VM_TIMEOUT:-300}" qemu-system-x86_64 -accel tcg -cpu max -m 512 -smp ${KCOMM_VM_SMP:-2} \
	-kernel "$kernel" -initrd "$tmp/initrd.gz" \
	-append "console=ttyS0 quiet panic=-1 oops=panic tsc=reliable ${KCOMM_VM_APPEND:-}" -nographic -no-reboot -monitor none
