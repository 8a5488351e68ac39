// Written by scripts/scenario-report.ts --write-known: where the advice still disagrees with the maintainer's
// answer in test/scenarios.ts, per dataset ('none' = traits only). test/unit/scenarios.test.ts expects exactly
// these to disagree: fixing one turns the test red until its line is removed here. Never add a line by hand.
export const KNOWN_DISAGREEMENTS: { dataset: string; name: string; problems: string }[] = [
  { dataset: 'none', name: 'NIC driver reporting link up/down to several daemons', problems: 'chardev in top 3' },
  {
    dataset: 'none',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  { dataset: 'none', name: 'Unprivileged tool waking up on a kernel counter', problems: 'mmap in top 3' },
  { dataset: 'none', name: 'Legacy 4.19 kernel: high-rate kernel → user stream', problems: 'top chardev ≠ mmap' },
  {
    dataset: 'none',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'none',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'none',
    name: 'Telemetry snapshot read at 1 kHz with a 10 µs budget (latest value wins)',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'none',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'none',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'none',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'none',
    name: 'Android 4.14 sensor hub: 16-byte samples at 1 kHz to the sensors HAL',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'none',
    name: 'GPU driver: creating buffer objects and submitting command buffers',
    problems: 'top mmap ≠ ioctl',
  },
  {
    dataset: 'none',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'none',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'none',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'none',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'none',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'none',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'none',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'none',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  { dataset: 'none', name: "Desktop app reading the ambient light sensor's latest value", problems: 'ioctl in top 3' },
  {
    dataset: 'none',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'none',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'none',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'none',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'none',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'none',
    name: 'Touchscreen controller driver: multi-touch frames at 120 Hz to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'top chardev ≠ mmap',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Telemetry snapshot read at 1 kHz with a 10 µs budget (latest value wins)',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Android 4.14 sensor hub: 16-byte samples at 1 kHz to the sensors HAL',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'FUSE-style file system daemon serving 4 KiB requests that must never be dropped',
    problems: 'top ioctl ≠ chardev',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'local-stock-2026-11-29t2331z',
    name: 'Touchscreen controller driver: multi-touch frames at 120 Hz to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0307z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t0644z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-full-2026-11-30t1207z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0303z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0318z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'top chardev ≠ mmap; ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0321z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0631z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0655z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'top chardev ≠ mmap; ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0656z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    problems: 'top relay ≠ tracepoint',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-icount-quick-2026-11-30t0858z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Android 4.14 sensor hub: 16-byte samples at 1 kHz to the sensors HAL',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
  {
    dataset: 'vm-tcg-full-2026-11-30t0316z',
    name: 'Touchscreen controller driver: multi-touch frames at 120 Hz to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'NIC driver reporting link up/down to several daemons',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Hotplug-style upcall that runs a program when a device appears',
    problems: 'sysfs in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Unprivileged tool waking up on a kernel counter',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Kernel notifying many listeners of process events',
    problems: 'chardev in top 3; mmap in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    problems: 'bpf-ringbuf in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Android 4.14 sensor hub: 16-byte samples at 1 kHz to the sensors HAL',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    problems: 'genetlink in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    problems: 'top chardev ≠ sysfs',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    problems: 'mmap in top 3; sysfs in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    problems: 'top uevent ≠ usermodehelper',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    problems: 'tracepoint in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: "Desktop app reading the ambient light sensor's latest value",
    problems: 'ioctl in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    problems: 'top genetlink ≠ sysfs',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    problems: 'sysctl in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    problems: 'top chardev ≠ genetlink',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    problems: 'mmap in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    problems: 'chardev in top 3',
  },
  {
    dataset: 'vm-tcg-full-2026-12-01t0126z',
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    problems: 'top io-uring-cmd ≠ mmap',
  },
];
