// Realistic situations and what an experienced kernel developer would pick, with the document that says
// so. test/unit/scenarios.test.ts runs each through advise() with the real catalogue. expectTopThree lists
// methods that must all appear among the first three, in any order (the third place is left free when
// only two are named). Answers leave out what DEFAULT_ANSWERS already says.
import type { Answers } from '../src/core/answers';
import type { MethodId } from '../src/core/ids';

export interface Scenario {
  name: string;
  answers: Partial<Answers>;
  expectTop?: MethodId;
  expectTopThree?: MethodId[];
  source: string;
  /**
   * Set when the expectation cannot be met by scoring weights alone and needs a catalogue rating change
   * (explained here). The test then expects the scenario to fail, so fixing the rating flags the entry.
   */
  ratingGap?: string;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'NIC driver reporting link up/down to several daemons',
    answers: { dir: 'k2u', style: 'event', size: 128, rate: 10, listeners: 4 },
    expectTop: 'genetlink',
    source:
      'Documentation/userspace-api/netlink/intro.rst: new families use generic netlink; multicast groups deliver one event to every subscribed daemon (netlink(7)).',
  },
  {
    name: 'Device management daemon talking to its driver with request/response commands',
    answers: { dir: 'both', style: 'request', size: 256, rate: 100, listeners: 1 },
    expectTopThree: ['genetlink', 'ioctl'],
    source:
      'Documentation/userspace-api/netlink/genetlink-legacy.rst and Documentation/driver-api/ioctl.rst: commands with typed replies are what genetlink families and ioctls are for.',
  },
  {
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    answers: { dir: 'k2u', style: 'stream', size: 256, rate: 400_000, stable: false },
    expectTopThree: ['relay', 'mmap'],
    source:
      'Documentation/filesystems/relay.rst: relay channels are per-CPU buffers meant to move large volumes of data from kernel to user space; an mmap ring (Documentation/core-api/circular-buffers.rst) is the alternative.',
  },
  {
    name: 'Driver exposing one tunable to shell scripts',
    answers: { dir: 'u2k', style: 'config', size: 16, rate: 0.1, shell: true },
    expectTop: 'sysfs',
    source:
      'Documentation/filesystems/sysfs.rst: one value per attribute file, read and written with cat and echo; Documentation/ABI/ documents it as stable.',
  },
  {
    name: 'Debug counter dump read by hand while developing',
    answers: { dir: 'k2u', style: 'request', size: 4096, rate: 1, stable: false, shell: true },
    expectTop: 'debugfs',
    source:
      'Documentation/filesystems/debugfs.rst: debugfs exists so developers can make information available to user space with no ABI rules.',
  },
  {
    name: 'Frame grabber delivering 1 MiB frames at 60 Hz',
    answers: { dir: 'k2u', style: 'stream', size: 1_048_576, rate: 60 },
    expectTop: 'mmap',
    source:
      'Documentation/userspace-api/media/v4l/mmap.rst: video drivers map their frame buffers into the process instead of copying each frame.',
  },
  {
    name: 'Security module asking a user-space daemon for allow/deny decisions',
    answers: { dir: 'both', style: 'request', size: 512, rate: 1000, lat: 1000, listeners: 1 },
    expectTopThree: ['genetlink', 'chardev'],
    source:
      'fanotify(7) permission events use a file descriptor the daemon reads and answers; LWN https://lwn.net/Articles/339399/ on fanotify. Generic netlink families (Documentation/userspace-api/netlink/intro.rst) serve the same request/answer shape.',
  },
  {
    name: 'Hotplug-style upcall that runs a program when a device appears',
    answers: { dir: 'k2u', style: 'event', size: 256, rate: 0.01, listeners: 1, shell: true },
    expectTopThree: ['usermodehelper'],
    source:
      'Documentation/core-api/kernel-api.rst (call_usermodehelper) and the kobject uevent helper (Documentation/admin-guide/sysctl/kernel.rst, hotplug): the kernel starts a program, no daemon needs to be running.',
  },
  {
    name: 'Unprivileged tool waking up on a kernel counter',
    answers: { dir: 'k2u', style: 'event', size: 0, rate: 1000, lat: 50, unpriv: true },
    expectTop: 'eventfd',
    source:
      'eventfd(2): "an eventfd object can be used as an event wait/notify mechanism by user-space applications, and by the kernel to notify user-space applications of events".',
  },
  {
    name: 'BPF-capable observability tool that ships no kernel module',
    answers: { dir: 'k2u', style: 'stream', size: 128, rate: 100_000, module: false },
    expectTop: 'bpf-ringbuf',
    source:
      'Documentation/bpf/ringbuf.rst: the BPF ring buffer is an MPSC buffer shared across CPUs for sending data from BPF programs to user space.',
  },
  {
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    answers: { dir: 'k2u', style: 'stream', size: 512, rate: 100_000, kernel: '4.19' },
    expectTopThree: ['mmap', 'chardev'],
    source:
      'Documentation/bpf/ringbuf.rst (BPF ring buffer arrived in 5.8) and Documentation/core-api/circular-buffers.rst: on 4.19 a ring in mapped memory or a read() queue on a character device is what is left.',
  },
  {
    name: 'Shell script run by an unprivileged user reading a device status',
    answers: { dir: 'k2u', style: 'request', size: 32, rate: 0.1, shell: true, unpriv: true },
    expectTop: 'sysfs',
    source:
      'Documentation/filesystems/sysfs.rst and Documentation/ABI/README: attributes are world-readable by default (0444) and documented as stable ABI.',
  },
  {
    name: 'Uploading a 256 KiB firmware blob or lookup table from user space',
    answers: { dir: 'u2k', style: 'request', size: 262_144, rate: 0.1 },
    expectTopThree: ['chardev'],
    source:
      'Documentation/driver-api/firmware/fw_upload.rst and LDD3 chapter 3 (https://lwn.net/Kernel/LDD3/): large writes go through a character device write() rather than attribute files limited to PAGE_SIZE.',
  },
  {
    name: 'High-rate submission of 64-byte commands (data moves by DMA) with a 20 µs budget on a recent kernel',
    answers: { dir: 'both', style: 'request', size: 64, rate: 1_000_000, lat: 20, kernel: '6.1' },
    expectTopThree: ['io-uring-cmd'],
    source:
      'LWN https://lwn.net/Articles/879724/ (io_uring passthrough for NVMe): uring_cmd takes the ioctl path asynchronously for high-rate command submission.',
  },
  {
    name: 'High-rate submission of 64-byte commands on a 5.15 kernel (before io_uring passthrough)',
    answers: { dir: 'both', style: 'request', size: 64, rate: 100_000, lat: 50, kernel: '5.15' },
    expectTopThree: ['ioctl', 'chardev'],
    source:
      'Documentation/driver-api/ioctl.rst: device-specific commands with structured arguments are what ioctl is for; io_uring uring_cmd needs 5.19 (LWN https://lwn.net/Articles/879724/).',
  },
  {
    name: 'Kernel notifying many listeners of process events',
    answers: { dir: 'k2u', style: 'event', size: 64, rate: 5000, listeners: 20 },
    expectTop: 'genetlink',
    source:
      'netlink(7) multicast groups and Documentation/userspace-api/netlink/intro.rst (new families should use generic netlink rather than a raw netlink protocol or the connector).',
  },
  {
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    answers: { dir: 'u2k', style: 'config', size: 256, rate: 0.1, shell: true },
    expectTopThree: ['configfs', 'sysfs'],
    source:
      'Documentation/filesystems/configfs.rst: configfs is the user-space-driven counterpart of sysfs, where mkdir creates kernel objects to configure.',
  },
  {
    name: 'System-wide tunable like vm.swappiness',
    answers: { dir: 'u2k', style: 'config', size: 8, rate: 0.01, shell: true },
    expectTopThree: ['sysctl', 'sysfs'],
    source:
      'Documentation/admin-guide/sysctl/index.rst: /proc/sys tunables for system-wide kernel behaviour, set with sysctl(8) or echo.',
  },
  {
    name: 'Telemetry snapshot read at 1 kHz with a 10 µs budget (latest value wins)',
    answers: { dir: 'k2u', style: 'stream', size: 4096, rate: 1000, lat: 10 },
    expectTopThree: ['mmap'],
    source:
      'Documentation/locking/seqlock.rst and the vDSO data page (Documentation/ABI/stable/vdso): readers take a consistent snapshot from mapped memory without a syscall.',
  },
  {
    name: 'Real-time control loop: small commands into the driver with a 10 µs budget',
    answers: { dir: 'u2k', style: 'request', size: 64, rate: 10_000, lat: 10 },
    expectTopThree: ['ioctl'],
    source:
      'Documentation/driver-api/ioctl.rst: one syscall carries a small typed command directly to the driver, the shortest path a command can take.',
  },
  {
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    answers: { dir: 'k2u', style: 'stream', size: 4096, rate: 10_000 },
    expectTopThree: ['mmap', 'chardev'],
    source:
      'LDD3 chapter 15 (https://lwn.net/Kernel/LDD3/) on mmap and DMA, and chapter 3 on read(): both carry block streams from a device to one process.',
  },
  {
    name: 'Per-CPU trace buffer dumped with cat during bring-up',
    answers: { dir: 'k2u', style: 'stream', size: 1024, rate: 50_000, stable: false, shell: true },
    expectTopThree: ['relay'],
    source: 'Documentation/filesystems/relay.rst: relay files appear in debugfs and can be read with ordinary tools.',
  },
  {
    name: 'Unprivileged application polling a 1 KiB block of driver statistics once a second',
    answers: { dir: 'k2u', style: 'request', size: 1024, rate: 1, unpriv: true },
    expectTopThree: ['genetlink', 'chardev'],
    source:
      'Documentation/networking/ethtool-netlink.rst: ethtool moved statistics from ioctl to generic netlink; a structured block of counters does not fit the one-value-per-file rule of Documentation/filesystems/sysfs.rst.',
  },
];
