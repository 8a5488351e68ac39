// Realistic situations and what an experienced kernel maintainer would answer, written before running the
// scoring, each with the document, source file or in-tree precedent that supports the answer.
// test/unit/scenarios.test.ts runs each through advise() with the real catalogue: the first pick must be
// expectTop, the first three must all come from acceptableTopThree, and nothing in mustEliminate may be
// ranked. Answers leave out what DEFAULT_ANSWERS already says (k2u, event, 64 B, 1000 msg/s, no latency
// budget, one listener, stable, a module may be shipped, privileged, no shell, kernel 5.10).
import type { Answers } from '../src/core/answers';
import type { MethodId } from '../src/core/ids';

/** The catalogue's ids plus the three entries issue 8 adds (uevent, tracepoint, modparam). */
export type ScenarioMethod = MethodId | 'uevent' | 'tracepoint' | 'modparam';

export interface Scenario {
  name: string;
  answers: Partial<Answers>; // leave out what DEFAULT_ANSWERS says (src/core/answers.ts)
  expectTop: ScenarioMethod; // the maintainer's first pick
  /** Every method a maintainer would accept among the first three (includes expectTop, at least 3 entries
   * unless mustEliminate leaves fewer candidates). The first three of the ranking must all come from here. */
  acceptableTopThree: ScenarioMethod[];
  /** Methods that must be eliminated (hard limits: payload, direction, privileges, kernel version, lockdown…). */
  mustEliminate?: ScenarioMethod[];
  /** The kernel Documentation/ file, kernel source, man page or in-tree precedent that supports the pick. */
  source: string;
  /** One or two sentences: why a maintainer picks this, and why not the obvious alternative. */
  why: string;
}

// Hard facts shared by many situations. Each group names the limit; `all()` merges groups without repeats.

/** Carry data kernel → user only: out when data must flow user → kernel (dir u2k or both). */
const K2U_ONLY: ScenarioMethod[] = ['usermodehelper', 'bpf-ringbuf', 'relay', 'signal', 'tracepoint', 'uevent'];
/** Debug-only ABI (debugfs, and relay whose files live there; both refused under lockdown): out when stable. */
const DEBUG_ONLY: ScenarioMethod[] = ['debugfs', 'relay'];
/** Need new kernel code: out when only existing interfaces may be used (module=false). */
const NEW_KERNEL_CODE: ScenarioMethod[] = [
  'chardev',
  'ioctl',
  'mmap',
  'genetlink',
  'netlink',
  'relay',
  'usermodehelper',
  'eventfd',
  'signal',
  'io-uring-cmd',
];
/** No shell tool can drive them (no cat/echo/standard CLI): out when shell=true. */
const NOT_FROM_A_SHELL: ScenarioMethod[] = ['mmap', 'eventfd', 'io-uring-cmd', 'ioctl'];
/** The receiving side needs root or CAP_BPF/CAP_PERFMON (tracefs and debugfs are 0700, configfs is
 * root-owned, the usermode helper always runs as root): out when the consumer is unprivileged. */
const ROOT_ONLY_RECEIVERS: ScenarioMethod[] = [
  'bpf-ringbuf',
  'tracepoint',
  'debugfs',
  'relay',
  'configfs',
  'usermodehelper',
];
/** Writes need root (sysctl checks the mode for euid 0, module parameters and configfs are root-owned). */
const ROOT_ONLY_WRITERS: ScenarioMethod[] = ['sysctl', 'modparam', 'configfs', 'debugfs'];
/** A 64-bit counter (eventfd) or a sigval (signal) is the whole message: out above 8 bytes of payload. */
const COUNTER_ONLY: ScenarioMethod[] = ['eventfd', 'signal'];
/** One value of at most a page per file or entry: out for streams and events above 4 KiB. */
const PAGE_SIZED_VALUES: ScenarioMethod[] = ['sysfs', 'sysctl', 'modparam'];
/** Absent from 4.x and older: the BPF ring buffer (5.8) and uring_cmd (5.19). */
const NOT_IN_4X: ScenarioMethod[] = ['bpf-ringbuf', 'io-uring-cmd'];
/** Absent from early 2.6: genetlink 2.6.15, eventfd 2.6.22, relay 2.6.17, configfs 2.6.16, connector
 * 2.6.14, TRACE_EVENT 2.6.31, debugfs 2.6.11, and everything after. */
const NOT_IN_EARLY_2_6: ScenarioMethod[] = [
  'genetlink',
  'eventfd',
  'relay',
  'configfs',
  'connector',
  'tracepoint',
  'debugfs',
  'bpf-ringbuf',
  'io-uring-cmd',
];
/** The producer cannot wait for the consumer, so a full buffer drops: out when loss=false. */
const DROPS_WHEN_FULL: ScenarioMethod[] = ['tracepoint', 'bpf-ringbuf', 'relay'];
/** A fork+exec per message (milliseconds): out above ~10k msg/s or below a 100 µs budget. */
const FORK_PER_MESSAGE: ScenarioMethod[] = ['usermodehelper'];
/** A uevent's environment buffer is 2 KiB (UEVENT_BUFFER_SIZE, include/linux/kobject.h). */
const OVER_2K: ScenarioMethod[] = ['uevent'];
/** A connector message is at most 16 KiB (CONNECTOR_MAX_MSG_SIZE, include/linux/connector.h). */
const OVER_16K: ScenarioMethod[] = ['connector'];
/** A perf sample's size is a u16 and an ftrace event must fit a ring-buffer sub-buffer: out from 64 KiB. */
const OVER_64K: ScenarioMethod[] = ['tracepoint'];

function all(...groups: ScenarioMethod[][]): ScenarioMethod[] {
  return [...new Set(groups.flat())];
}

export const SCENARIOS: Scenario[] = [
  // ── The original situations, re-judged ───────────────────────────────────────────────────────────────
  {
    name: 'NIC driver reporting link up/down to several daemons',
    answers: { size: 128, rate: 10, listeners: 4 },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'sysfs', 'uevent'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/netlink/intro.rst: new families use generic netlink; multicast groups deliver one event to every subscribed daemon (netlink(7)).',
    why: 'Several daemons each need every event with a typed payload: a genetlink multicast group is built for that. A real netdev just calls netif_carrier_on() and rtnetlink does it; sysfs_notify() on a state attribute or a CHANGE uevent are acceptable for a slowly changing state.',
  },
  {
    name: 'Device management daemon talking to its driver with request/response commands',
    answers: { dir: 'both', style: 'request', size: 256, rate: 100, grows: true },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'ioctl', 'chardev'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/netlink/intro.rst and Documentation/userspace-api/netlink/specs.rst (YAML-specified families such as devlink and dpll) against Documentation/driver-api/ioctl.rst.',
    why: 'A management plane grows optional parameters: genetlink attributes extend without breaking old tools, and a YAML spec gives a CLI for free. ioctl on the device node is equally acceptable for a fixed, small command set.',
  },
  {
    name: 'Tracing module streaming 100 MB/s of per-CPU events, not a product interface',
    answers: { style: 'stream', size: 256, rate: 400_000, stable: false },
    expectTop: 'tracepoint',
    acceptableTopThree: ['tracepoint', 'relay', 'mmap', 'bpf-ringbuf'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE),
    source:
      'Documentation/trace/events.rst and Documentation/trace/tracepoints.rst: TRACE_EVENT gives per-CPU lock-free buffers read through ftrace, perf or BPF; Documentation/filesystems/relay.rst is the older per-CPU channel.',
    why: 'The ftrace ring buffer already is a per-CPU, lock-free, 100 MB/s-capable stream with tooling (trace-cmd, perf, BPF); writing TRACE_EVENTs is less code and less review than a relay channel or a private mmap ring, which stay acceptable.',
  },
  {
    name: 'Driver exposing one tunable to shell scripts',
    answers: { dir: 'u2k', style: 'config', size: 16, rate: 0.1, shell: true },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'modparam', 'sysctl'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/filesystems/sysfs.rst: one value per attribute file, read and written with cat and echo; Documentation/ABI/README documents it as stable.',
    why: 'A driver setting belongs on the driver or device kobject as a documented attribute. A writable module parameter is acceptable for a module-wide value, sysctl only if it is really system-wide.',
  },
  {
    name: 'Debug counter dump read by hand while developing',
    answers: { style: 'request', size: 4096, rate: 1, stable: false, shell: true },
    expectTop: 'debugfs',
    acceptableTopThree: ['debugfs', 'procfs', 'sysfs', 'chardev'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY),
    source:
      'Documentation/filesystems/debugfs.rst: debugfs exists so developers can make information available to user space with no ABI rules (debugfs_create_u32, seq_file, debugfs_create_regset32).',
    why: 'Developer-only counters go to debugfs precisely because nothing there is ABI. A new /proc file would be questioned in review and a multi-value sysfs file breaks the one-value rule, but both work with cat.',
  },
  {
    name: 'Frame grabber delivering 1 MiB frames at 60 Hz',
    answers: { style: 'stream', size: 1_048_576, rate: 60, framework: 'v4l2' },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'ioctl', 'io-uring-cmd'],
    mustEliminate: all(COUNTER_ONLY, PAGE_SIZED_VALUES, OVER_2K, OVER_16K, OVER_64K, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/media/v4l/mmap.rst: video drivers map their frame buffers into the process instead of copying each frame; read() I/O (Documentation/userspace-api/media/v4l/rw.rst) is the simple fallback.',
    why: 'Mapped buffers with QBUF/DQBUF-style ownership hand over 60 MB/s without a copy. V4L2 still offers read() and queue ioctls, so chardev and ioctl are acceptable runners-up; genetlink must never carry 1 MiB frames.',
  },
  {
    name: 'Security module asking a user-space daemon for allow/deny decisions',
    answers: { dir: 'both', style: 'request', size: 512, lat: 1000, daemon: true, asks: 'kernel' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'genetlink', 'ioctl'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'fanotify(7) permission events: the daemon read()s requests from a file descriptor and write()s FAN_ALLOW/FAN_DENY back (fs/notify/fanotify/fanotify_user.c); /dev/fuse (Documentation/filesystems/fuse.rst) is the same shape.',
    why: 'A file descriptor opened once by the trusted daemon identifies who answers, and blocking read()/write() maps onto a kernel task waiting for a verdict, as in fanotify and FUSE. genetlink works (net/handshake does it) but any user may call ops unless GENL_ADMIN_PERM is set on each.',
  },
  {
    name: 'Hotplug-style upcall that runs a program when a device appears',
    answers: { size: 256, rate: 0.01, shell: true, daemon: false },
    expectTop: 'uevent',
    acceptableTopThree: ['uevent', 'usermodehelper', 'genetlink'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/driver-api/driver-model/device.rst and lib/kobject_uevent.c: device_add() emits an ADD uevent and a udev rule (RUN+=) starts the program; the /sbin/hotplug uevent helper (CONFIG_UEVENT_HELPER) is deprecated.',
    why: 'A device appearing is exactly what uevents announce, and udev rules run the program with the device environment. call_usermodehelper() is the fallback where no udev runs (it spawns a root process in the initial namespaces per event).',
  },
  {
    name: 'Unprivileged tool waking up on a kernel counter',
    answers: { size: 0, lat: 50, unpriv: true },
    expectTop: 'eventfd',
    acceptableTopThree: ['eventfd', 'chardev', 'ioctl', 'sysfs'],
    mustEliminate: all(ROOT_ONLY_RECEIVERS, ['connector']),
    source:
      'eventfd(2): "an eventfd object can be used as an event wait/notify mechanism by user-space applications, and by the kernel to notify user-space applications of events"; drivers/vfio/ and virt/kvm/eventfd.c use it.',
    why: 'Nothing but "it happened N times" has to cross, and an eventfd coalesces, works with epoll and needs no privilege. poll() on the driver node or a blocking wait ioctl is just as correct; genetlink would add a socket and a message for no payload.',
  },
  {
    name: 'BPF-capable observability tool that ships no kernel module',
    answers: { style: 'stream', size: 128, rate: 100_000, module: false, topic: 'trace' },
    expectTop: 'bpf-ringbuf',
    acceptableTopThree: ['bpf-ringbuf', 'tracepoint', 'procfs', 'sysfs'],
    mustEliminate: all(NEW_KERNEL_CODE, DEBUG_ONLY),
    source:
      'Documentation/bpf/ringbuf.rst: the BPF ring buffer is an MPSC buffer shared across CPUs for sending data from BPF programs attached to existing tracepoints to user space.',
    why: 'Without a module the data must come from existing hooks, and a BPF program on those tracepoints filtering into a ring buffer is the modern tool (bcc, bpftrace). Plain perf on the tracepoints is the alternative; reading existing /proc or /sys counters only works if sampling is enough.',
  },
  {
    name: 'Legacy 4.19 kernel: high-rate kernel → user stream',
    answers: { style: 'stream', size: 512, rate: 100_000, kernel: '4.19' },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'tracepoint', 'genetlink'],
    mustEliminate: all(NOT_IN_4X, COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/bpf/ringbuf.rst (BPF ring buffer arrived in 5.8) and Documentation/core-api/circular-buffers.rst: on 4.19 a ring in mapped memory or a read() queue on a character device is what is left.',
    why: 'At 100k records/s a shared ring drained in batches avoids a syscall per record; a chardev read() returning many records per call is the simpler, acceptable runner-up. The BPF ring buffer and uring_cmd do not exist on 4.19.',
  },
  {
    name: 'Shell script run by an unprivileged user reading a device status',
    answers: { style: 'request', size: 32, rate: 0.1, shell: true, unpriv: true },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'procfs', 'chardev', 'sysctl'],
    mustEliminate: all(NOT_FROM_A_SHELL, ROOT_ONLY_RECEIVERS, COUNTER_ONLY, ['connector']),
    source:
      'Documentation/filesystems/sysfs.rst and Documentation/ABI/README: attributes are world-readable by default (0444) and documented as stable ABI.',
    why: 'A device status is a device attribute: cat /sys/class/.../status works for any user. A /proc file works too but new non-process /proc files are discouraged in review.',
  },
  {
    name: 'Uploading a 256 KiB firmware blob or lookup table from user space',
    answers: { dir: 'u2k', style: 'request', size: 262_144, rate: 0.1, framework: 'fw-upload' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'chardev', 'ioctl', 'genetlink'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, OVER_2K, OVER_16K, ['sysctl', 'modparam'], DEBUG_ONLY),
    source:
      'Documentation/driver-api/firmware/fw_upload.rst: firmware_upload_register() creates /sys/class/firmware/<name>/loading and a binary data attribute; devlink flash (Documentation/networking/devlink/devlink-flash.rst) is the netdev way.',
    why: 'The in-tree firmware upload API is a sysfs binary attribute (cat image > data), so a maintainer points there first. A write() on the device node or an ioctl passing a buffer are common in older drivers; netdev uses devlink (genetlink) with a file name.',
  },
  {
    name: 'High-rate submission of 64-byte commands (data moves by DMA) with a 20 µs budget on a recent kernel',
    answers: { dir: 'both', style: 'request', rate: 1_000_000, lat: 20, kernel: '6.1' },
    expectTop: 'io-uring-cmd',
    acceptableTopThree: ['io-uring-cmd', 'mmap', 'ioctl', 'chardev'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'LWN https://lwn.net/Articles/879724/ (io_uring passthrough for NVMe, drivers/nvme/host/ioctl.c): uring_cmd takes the ioctl path asynchronously and batches many commands per syscall.',
    why: 'A million commands a second needs batching and asynchronous completion, which uring_cmd gives on 6.1 with the driver keeping ioctl-like command codes. A private mmap submission queue is the other serious design; one ioctl per command is acceptable only as a baseline.',
  },
  {
    name: 'High-rate submission of 64-byte commands on a 5.15 kernel (before io_uring passthrough)',
    answers: { dir: 'both', style: 'request', rate: 100_000, lat: 50, kernel: '5.15' },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'chardev', 'mmap'],
    mustEliminate: all(K2U_ONLY, ['io-uring-cmd'], COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/driver-api/ioctl.rst: device-specific commands with structured arguments are what ioctl is for; io_uring uring_cmd needs 5.19 (LWN https://lwn.net/Articles/879724/).',
    why: '100k synchronous ioctls/s are well within a core and each returns its status directly. A write()/read() command queue or an mmap submission ring are acceptable if batching is needed; uring_cmd does not exist on 5.15.',
  },
  {
    name: 'Kernel notifying many listeners of process events',
    answers: { rate: 5000, listeners: 20 },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'connector', 'tracepoint', 'bpf-ringbuf'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'netlink(7) multicast groups and Documentation/userspace-api/netlink/intro.rst (new families use generic netlink); drivers/connector/cn_proc.c is the existing process-event feed.',
    why: 'One multicast send reaches all 20 subscribers, each with its own socket buffer. The proc connector is the in-tree precedent for exactly these events but takes no new ids; perf or BPF on the sched tracepoints fit observability tools.',
  },
  {
    name: 'Creating and configuring target instances from user space (mkdir-driven objects)',
    answers: { dir: 'u2k', style: 'config', size: 256, rate: 0.1, shell: true, scope: 'object' },
    expectTop: 'configfs',
    acceptableTopThree: ['configfs', 'sysfs', 'genetlink'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/filesystems/configfs.rst: configfs is the user-space-driven counterpart of sysfs, where mkdir creates kernel objects to configure (target, nvmet, usb gadget).',
    why: 'Objects that user space creates and destroys are what configfs exists for (LIO target, nvmet, USB gadget). A sysfs new_device/delete_device pair is an accepted older pattern; genetlink fits when a daemon, not a script, manages them.',
  },
  {
    name: 'System-wide tunable like vm.swappiness',
    answers: { dir: 'u2k', style: 'config', size: 8, rate: 0.01, shell: true, scope: 'system' },
    expectTop: 'sysctl',
    acceptableTopThree: ['sysctl', 'sysfs', 'modparam'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, DEBUG_ONLY),
    source:
      'Documentation/admin-guide/sysctl/index.rst: /proc/sys tunables for system-wide kernel behaviour, set with sysctl(8) or /etc/sysctl.d.',
    why: 'A system-wide knob belongs in /proc/sys where sysctl(8) and /etc/sysctl.d already manage it. A /sys/kernel/<subsys>/ attribute or a writable module parameter is acceptable for module-scoped values.',
  },
  {
    name: 'Telemetry snapshot read at 1 kHz with a 10 µs budget (latest value wins)',
    answers: { style: 'stream', size: 4096, lat: 10, loss: true },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'ioctl'],
    mustEliminate: all(COUNTER_ONLY, OVER_2K, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/locking/seqlock.rst and the vDSO data page (Documentation/ABI/stable/vdso): readers take a consistent snapshot from mapped memory without a syscall.',
    why: 'A seqlock-protected page read in place costs no syscall and the latest value simply overwrites the previous one. A read() or GET ioctl copying 4 KiB also fits 10 µs on real hardware, so they are acceptable.',
  },
  {
    name: 'Real-time control loop: small commands into the driver with a 10 µs budget',
    answers: { dir: 'u2k', style: 'request', rate: 10_000, lat: 10 },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'mmap', 'chardev'],
    mustEliminate: all(K2U_ONLY, ['io-uring-cmd'], COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/driver-api/ioctl.rst: one syscall carries a small typed command directly to the driver, the shortest path a command can take.',
    why: 'One ioctl runs the command in the caller and returns its status in about a microsecond. A mapped command area only pays off for busy-polling designs; write() works but carries no typed command code.',
  },
  {
    name: 'Data acquisition card: 4 KiB blocks at 10 kHz to one reader',
    answers: { style: 'stream', size: 4096, rate: 10_000 },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'mmap', 'ioctl'],
    mustEliminate: all(COUNTER_ONLY, OVER_2K, ['io-uring-cmd'], FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/driver-api/iio/buffers.rst (IIO buffers are read() from /dev/iio:deviceX) and LDD3 chapters 3 and 15 (https://lwn.net/Kernel/LDD3/) on read() and mmap for DMA.',
    why: '40 MB/s is a small copy for read() and IIO and comedi serve exactly this with a kfifo behind a character device. Mapping the DMA buffer (IIO DMABUF, comedi mmap) is the step up when copies start to matter.',
  },
  {
    name: 'Per-CPU trace buffer dumped with cat during bring-up',
    answers: { style: 'stream', size: 1024, rate: 50_000, stable: false, shell: true },
    expectTop: 'tracepoint',
    acceptableTopThree: ['tracepoint', 'relay', 'debugfs'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, FORK_PER_MESSAGE),
    source:
      'Documentation/trace/ftrace.rst: per-CPU trace buffers read with cat trace_pipe or per_cpu/cpuN/trace_pipe_raw; Documentation/filesystems/relay.rst is the older alternative.',
    why: "During bring-up TRACE_EVENTs (or trace_printk) land in ftrace's per-CPU buffers and are read with cat, with timestamps and filtering for free. relay in debugfs does the same with more code of your own.",
  },
  {
    name: 'Unprivileged application polling a 1 KiB block of driver statistics once a second',
    answers: { style: 'request', size: 1024, rate: 1, unpriv: true },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'genetlink', 'ioctl', 'chardev'],
    mustEliminate: all(ROOT_ONLY_RECEIVERS, COUNTER_ONLY, ['connector']),
    source:
      'Documentation/ABI/testing/sysfs-class-net-statistics and Documentation/filesystems/sysfs.rst: a statistics/ group with one counter per file, readable by anyone; Documentation/networking/ethtool-netlink.rst for netdev stats.',
    why: 'Counters that any user may read are a statistics/ attribute group, one value per file, as net, block and power_supply do. If the set must be read atomically, a genetlink dump or a GET_STATS ioctl is the accepted alternative.',
  },
  // ── High-rate telemetry, bulk and zero-copy ──────────────────────────────────────────────────────────
  {
    name: 'FPGA packet-capture card streaming 64-byte metadata records at 2 M/s to one collector',
    answers: { style: 'stream', rate: 2_000_000, daemon: true, loss: true },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'bpf-ringbuf', 'tracepoint'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/networking/af_xdp.rst and Documentation/networking/packet_mmap.rst: high-rate capture uses rings shared by mmap, drained in batches without a syscall per record.',
    why: 'Two million records a second rule out a syscall, skb or wake-up per record: a mapped ring drained in batches is the only comfortable design. A chardev read() returning thousands of records per call is the acceptable simple version; genetlink would allocate an skb per 64 bytes.',
  },
  {
    name: 'SDR/radar front-end delivering 4 KiB IQ blocks at 50 kHz (200 MB/s) that must never be lost',
    answers: { style: 'stream', size: 4096, rate: 50_000, daemon: true, loss: false, kernel: '6.1' },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'io-uring-cmd'],
    mustEliminate: all(COUNTER_ONLY, OVER_2K, DROPS_WHEN_FULL, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/driver-api/iio/buffers.rst and the IIO DMABUF interface (Documentation/iio/iio_dmabuf_api.rst): high-rate converters hand DMA blocks to user space instead of copying them.',
    why: "At 200 MB/s the DMA blocks should be handed over in place, with the ring's indices giving the device backpressure instead of drops. read() copies 200 MB/s acceptably on modern CPUs; uring_cmd can queue block reads asynchronously on 6.1.",
  },
  {
    name: 'Scientific accelerator returning 1 MiB result blocks at 500 Hz (500 MB/s)',
    answers: { style: 'stream', size: 1_048_576, rate: 500, daemon: true },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'ioctl'],
    mustEliminate: all(COUNTER_ONLY, PAGE_SIZED_VALUES, OVER_2K, OVER_16K, OVER_64K, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/misc-devices/uacce.rst and drivers/misc/uacce/uacce.c: accelerators map their queues and result buffers into the process; Documentation/core-api/dma-api.rst for the buffers.',
    why: 'Half a gigabyte a second is mapped, not copied. A read() or a GET_RESULT ioctl copying into a user buffer is the acceptable simple design; genetlink, uevents, sysfs and the connector cannot carry 1 MiB at all.',
  },
  {
    name: 'Camera ISP driver handing 8 MiB frames to user space without copies',
    answers: { style: 'stream', size: 8_388_608, rate: 30, daemon: true, kernel: '6.1', framework: 'v4l2' },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'ioctl', 'io-uring-cmd', 'chardev'],
    mustEliminate: all(COUNTER_ONLY, PAGE_SIZED_VALUES, OVER_2K, OVER_16K, OVER_64K, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/media/v4l/mmap.rst and Documentation/userspace-api/media/v4l/dmabuf.rst: frames live in mapped or dma-buf buffers; VIDIOC_QBUF/DQBUF ioctls only pass ownership.',
    why: 'Zero-copy means the frame stays where the ISP wrote it and user space maps it; the ioctl (or uring_cmd) half only queues and dequeues buffer indices. A read() that copies 240 MB/s defeats the requirement, so it is acceptable only as a last resort.',
  },
  {
    name: 'PCIe capture card: 64 KiB blocks at 20k/s (1.3 GB/s) to one reader',
    answers: { style: 'stream', size: 65_536, rate: 20_000, daemon: true },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'ioctl'],
    mustEliminate: all(
      COUNTER_ONLY,
      PAGE_SIZED_VALUES,
      OVER_2K,
      OVER_16K,
      OVER_64K,
      FORK_PER_MESSAGE,
      ['io-uring-cmd'],
      DEBUG_ONLY,
    ),
    source:
      'Documentation/core-api/circular-buffers.rst and LDD3 chapter 15 (https://lwn.net/Kernel/LDD3/): DMA rings mapped into the process carry bulk device data without copies.',
    why: '1.3 GB/s is a memory-bandwidth problem: map the DMA ring and pass indices. chardev read() is the acceptable runner-up on native hardware; an eventfd, a signal, a sysfs attribute or a 16 KiB connector message cannot carry a 64 KiB block at all.',
  },
  {
    name: 'Sound card capture: 64 KiB periods at 2k/s into an audio server',
    answers: { style: 'stream', size: 65_536, rate: 2000, lat: 2000, daemon: true, loss: false, framework: 'alsa' },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'ioctl', 'chardev'],
    mustEliminate: all(
      COUNTER_ONLY,
      PAGE_SIZED_VALUES,
      OVER_2K,
      OVER_16K,
      OVER_64K,
      DROPS_WHEN_FULL,
      FORK_PER_MESSAGE,
      ['io-uring-cmd'],
      DEBUG_ONLY,
    ),
    source:
      'Documentation/sound/kernel-api/writing-an-alsa-driver.rst: PCM buffers are mmapped and the status/control records are shared pages; SNDRV_PCM_IOCTL_READI_FRAMES copies when mmap is not possible.',
    why: 'ALSA maps the period buffer and shares hardware pointers so PipeWire reads in place; the READI ioctl (a copy) is its fallback and read() is acceptable. Overruns are reported (XRUN), never silently dropped.',
  },
  {
    name: 'Market-data FPGA feed with a 1 µs budget from arrival to user space',
    answers: { style: 'stream', rate: 100_000, lat: 1, daemon: true },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'chardev', 'ioctl'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE, ['uevent', 'io-uring-cmd'], DEBUG_ONLY),
    source:
      "Documentation/core-api/circular-buffers.rst and Documentation/memory-barriers.txt: a busy-polling reader of a mapped ring sees an entry as soon as the producer's release store is visible.",
    why: 'Any wake-up costs microseconds, so only a busy-polled mapped ring meets 1 µs. A non-blocking read() or ioctl in a spin loop comes close on fast hardware and is the acceptable fallback; genetlink, uevents and upcalls are orders of magnitude slower.',
  },
  {
    name: 'Kernel-bypass trading app submitting orders to an FPGA with a 1 µs budget',
    answers: { dir: 'u2k', style: 'request', rate: 1_000_000, lat: 1, daemon: true },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'ioctl', 'chardev'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, ['io-uring-cmd'], DEBUG_ONLY),
    source:
      'Documentation/infiniband/user_verbs.rst and drivers/infiniband/: RDMA user space writes work requests into mapped queues and rings a mapped doorbell page, with no syscall on the data path.',
    why: 'A microsecond leaves no room for a syscall per order: the driver maps the submission queue (and doorbell) and steps out of the data path, as RDMA verbs do. One ioctl per order is the acceptable but slower fallback.',
  },
  {
    name: 'Industrial IMU driver: 16-byte samples at 4 kHz to a sensor daemon',
    answers: { style: 'stream', size: 16, rate: 4000, lat: 1000, daemon: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'mmap', 'ioctl'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/driver-api/iio/buffers.rst and Documentation/driver-api/iio/triggered-buffers.rst: IIO pushes scan samples into a kfifo read from /dev/iio:deviceX with poll().',
    why: 'An IIO triggered buffer is exactly this: fixed-size scans in a kfifo, read in batches with poll(). A mapped ring is acceptable if the daemon must avoid copies; genetlink would wrap 16 bytes in a netlink header and an skb each time.',
  },
  {
    name: 'Android 4.14 sensor hub: 16-byte samples at 1 kHz to the sensors HAL',
    answers: { style: 'stream', size: 16, kernel: '4.14', daemon: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'mmap', 'ioctl'],
    mustEliminate: all(NOT_IN_4X, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/input/input.rst (evdev, struct input_event) and Documentation/driver-api/iio/buffers.rst: sensor samples reach the HAL through a character device the HAL polls.',
    why: 'Sensor HALs read IIO buffers or evdev nodes: a read()/poll() character device is the established path on 4.14. The BPF ring buffer and uring_cmd do not exist there; genetlink must not win for 16-byte samples.',
  },
  // ── Several listeners ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'Battery driver telling the power daemon and a logger about charge changes (2 listeners)',
    answers: { size: 128, rate: 0.1, listeners: 2, framework: 'power-supply' },
    expectTop: 'uevent',
    acceptableTopThree: ['uevent', 'sysfs', 'genetlink'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/power/power_supply_class.rst and drivers/power/supply/power_supply_core.c: power_supply_changed() sends a CHANGE uevent carrying the POWER_SUPPLY_* properties, which UPower reads through udev.',
    why: 'The power_supply class already emits a CHANGE uevent with the new values and keeps them in sysfs attributes, and every desktop listens for those. A new genetlink family would duplicate what udev delivers to both listeners.',
  },
  {
    name: 'Thermal zone trip events to 10 monitoring processes',
    answers: { rate: 1, listeners: 10, daemon: true, framework: 'thermal' },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'uevent', 'sysfs'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'drivers/thermal/thermal_netlink.c and include/uapi/linux/thermal.h: the thermal core multicasts trip crossings and temperature samples on its generic netlink family (THERMAL_GENL_EVENT_GROUP_NAME).',
    why: 'The thermal core reports trip crossings on a genetlink multicast group because many daemons each want typed events; one send reaches all ten. A CHANGE uevent or a polled sysfs temp attribute remains acceptable for coarse state.',
  },
  {
    name: 'Multipath storage driver reporting path failover to 50 container agents',
    answers: { size: 256, rate: 100, listeners: 50, daemon: true },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'uevent', 'chardev'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'netlink(7) and Documentation/userspace-api/netlink/intro.rst: multicast groups fan one event out to every subscribed socket; drivers/md/dm-uevent.c (dm-mpath PATH_FAILED uevents) and drivers/input/evdev.c (a queue per open file) are the alternatives in tree.',
    why: 'Fifty subscribers are a multicast group: the kernel clones the message per socket and each agent keeps its own buffer. dm-mpath reports path failures as uevents, acceptable although every failover storm then passes through udev; a chardev with a queue per open file (as evdev) is more code.',
  },
  {
    name: 'Game controller driver: input events to several unprivileged applications',
    answers: { size: 24, lat: 1000, listeners: 3, unpriv: true, framework: 'input' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'genetlink', 'mmap'],
    mustEliminate: all(ROOT_ONLY_RECEIVERS, COUNTER_ONLY, ['connector']),
    source:
      'Documentation/input/input.rst and drivers/input/evdev.c: input_report_*() events reach every opener of /dev/input/eventN as 24-byte struct input_event records; logind grants the seat user access.',
    why: 'Register an input device and evdev gives each application its own event queue on a character device that udev/logind make accessible to the seat user. genetlink would work but reinvents evdev; tracepoints and BPF need privileges.',
  },
  // ── Request/response control planes ──────────────────────────────────────────────────────────────────
  {
    name: 'Clock (DPLL) management: a daemon configures pins and reads status with typed commands',
    answers: { dir: 'both', style: 'request', size: 512, rate: 10, daemon: true, grows: true },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'ioctl', 'chardev'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/driver-api/dpll.rst and Documentation/netlink/specs/dpll.yaml: the DPLL subsystem is a generic netlink family with doit/dumpit commands and a monitor multicast group.',
    why: 'Typed, extensible commands plus change notifications are what the DPLL, devlink and ethtool families use genetlink for. A driver-private ioctl set is acceptable but grows badly and cannot notify.',
  },
  {
    name: 'GPU driver: creating buffer objects and submitting command buffers',
    answers: { dir: 'both', style: 'request', size: 128, rate: 100_000, lat: 50 },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'mmap', 'chardev'],
    mustEliminate: all(K2U_ONLY, ['io-uring-cmd'], COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/gpu/drm-uapi.rst and Documentation/process/botching-up-ioctls.rst: DRM drivers expose GEM creation and submission as ioctls on the render node, with buffers mmapped.',
    why: 'Every DRM driver does this with ioctls on /dev/dri/renderD*: small structs in, handles and fences out, synchronously. Rings in mapped memory come next for firmware-scheduled GPUs; genetlink would be slow and foreign here.',
  },
  {
    name: 'GPU driver on DRM: creating buffer objects and submitting command buffers',
    answers: { dir: 'both', style: 'request', size: 128, rate: 100_000, lat: 50, framework: 'drm' },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'mmap', 'chardev'],
    mustEliminate: all(K2U_ONLY, ['io-uring-cmd'], COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/gpu/drm-uapi.rst (render nodes, driver ioctls) and Documentation/gpu/drm-mm.rst (GEM objects mapped at a fake offset); drivers/gpu/drm/msm and panfrost register this way.',
    why: 'A driver that registers with DRM gets the render node, and its buffer-object and submit commands are entries of its ioctl table; the objects themselves are mmapped. A channel of its own beside DRM would not be merged.',
  },
  {
    name: 'Display controller driver on DRM/KMS: page-flip and vblank events to the compositor',
    answers: { style: 'event', size: 32, rate: 240, daemon: true, framework: 'drm' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'ioctl', 'mmap'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'drivers/gpu/drm/drm_file.c (drm_read, drm_send_event) and Documentation/gpu/drm-kms.rst: the compositor reads struct drm_event_vblank records from the DRM file it polls.',
    why: 'KMS delivers flip completions as events read() from the DRM file the compositor already holds, with the ioctl that requested them; a uevent or a netlink family would be a second path nobody listens to.',
  },
  {
    name: 'User-space block device server (ublk-like) answering I/O requests from the kernel on 6.1',
    answers: { dir: 'both', style: 'request', rate: 500_000, lat: 20, kernel: '6.1', daemon: true, loss: false },
    expectTop: 'io-uring-cmd',
    acceptableTopThree: ['io-uring-cmd', 'mmap', 'chardev', 'ioctl'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/block/ublk.rst and drivers/block/ublk_drv.c: the server posts UBLK_IO_FETCH_REQ/COMMIT_AND_FETCH_REQ uring_cmds and reads I/O descriptors from a mapped area.',
    why: 'ublk is the in-tree precedent: long-lived uring_cmds act as request slots the kernel completes, so one syscall batches many requests. A mapped request ring with a read()/ioctl fetch (the FUSE model) is acceptable on kernels without uring_cmd.',
  },
  {
    name: 'FUSE-style file system daemon serving 4 KiB requests that must never be dropped',
    answers: { dir: 'both', style: 'request', size: 4096, rate: 10_000, daemon: true, loss: false },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'mmap', 'ioctl'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, OVER_2K, ['io-uring-cmd'], FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/filesystems/fuse.rst and fs/fuse/dev.c: the daemon read()s requests from /dev/fuse and write()s replies; requests wait in the kernel until answered, none is dropped.',
    why: 'Requests queue in the kernel and the caller sleeps until the daemon writes the answer, so nothing is lost and backpressure is natural: that is /dev/fuse. genetlink sockets drop on overflow (ENOBUFS), which a file system cannot accept.',
  },
  {
    name: 'NFS/TLS-style upcall: kernel asks a resident daemon to perform a handshake',
    answers: { dir: 'both', style: 'request', size: 256, rate: 100, daemon: true, asks: 'kernel' },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'chardev', 'ioctl'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/networking/tls-handshake.rst and net/handshake/netlink.c: the kernel multicasts a "ready" notification on the handshake genetlink family and tlshd accepts the request and reports "done" with commands.',
    why: 'The recent in-tree upcall to a resident daemon is a genetlink family with a notification group plus accept/done commands (with GENL_ADMIN_PERM). A private chardev the daemon reads is the older, equally valid shape.',
  },
  {
    name: 'Unprivileged user sending commands to a lab instrument driver',
    answers: { dir: 'u2k', style: 'request', size: 128, rate: 10, unpriv: true },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'chardev', 'genetlink'],
    mustEliminate: all(K2U_ONLY, ROOT_ONLY_WRITERS, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/driver-api/ioctl.rst and Documentation/admin-guide/devices.rst: access to a device node is granted by its mode and group (a udev rule), and each ioctl is a typed command.',
    why: 'A device node owned by a group (udev MODE/GROUP) is how unprivileged users get device access, and ioctls carry the typed commands. Writes to sysctl, module parameters and configfs need root; genetlink ops are open to any user unless flagged.',
  },
  // ── Tunables: per device, system-wide, at load time ──────────────────────────────────────────────────
  {
    name: 'Per-port threshold on a multi-port serial card, set by admins and udev rules',
    answers: { dir: 'u2k', style: 'config', size: 8, rate: 0.01, shell: true, scope: 'device' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'configfs', 'genetlink'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, DEBUG_ONLY),
    source:
      'Documentation/filesystems/sysfs.rst and Documentation/driver-api/driver-model/device.rst (DEVICE_ATTR_RW, dev_groups): per-device attributes settable with echo or ATTR{...} in udev rules.',
    why: "A per-port value is an attribute of that port's device, which udev rules can set as the port appears. A sysctl or module parameter is global and would need an index, so it is not acceptable here.",
  },
  {
    name: 'Global rate limit for a whole subsystem module, set by administrators at boot',
    answers: { dir: 'u2k', style: 'config', size: 8, rate: 0.001, shell: true, scope: 'system' },
    expectTop: 'sysctl',
    acceptableTopThree: ['sysctl', 'modparam', 'sysfs'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, DEBUG_ONLY),
    source:
      'Documentation/admin-guide/sysctl/net.rst (net.core.* rate limits) and Documentation/admin-guide/sysctl/index.rst: system-wide limits live in /proc/sys and are set from /etc/sysctl.d.',
    why: 'A system-wide limit is a sysctl administrators already know how to persist. A writable module parameter is acceptable for a module-only value; sysfs only under /sys/kernel/<subsys>/.',
  },
  {
    name: 'Per-device setting changed at run time by a management daemon (no shell needed)',
    answers: { dir: 'u2k', style: 'config', size: 32, rate: 0.1, scope: 'device', daemon: true },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'genetlink', 'ioctl', 'configfs'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'Documentation/filesystems/sysfs.rst and Documentation/ABI/README: per-device settings are documented sysfs attributes that daemons and scripts alike can write.',
    why: 'Even when a daemon is the writer, a per-device value is a sysfs attribute that administrators can also inspect. genetlink or an ioctl is acceptable when the setting is part of a larger command set.',
  },
  {
    name: 'NIC driver: per-device option that takes effect on reload (netdev rejects new module parameters)',
    answers: {
      dir: 'u2k',
      style: 'config',
      size: 8,
      rate: 0.001,
      scope: 'device',
      daemon: false,
      atload: true,
      framework: 'devlink',
    },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'ioctl', 'sysfs'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'Documentation/networking/devlink/devlink-params.rst: drivers expose device parameters (runtime, driverinit, permanent) through devlink, a generic netlink family, instead of module parameters.',
    why: 'netdev reviewers point driver-init options to devlink params (genetlink; devlink dev param set, then devlink dev reload). The legacy ethtool ioctl (private flags) and a device sysfs attribute are tolerated runners-up; a module parameter is global and refused in netdev.',
  },
  {
    name: 'Sound driver quirk chosen when the module loads, from /etc/modprobe.d',
    answers: {
      dir: 'u2k',
      style: 'config',
      size: 16,
      rate: 0.001,
      shell: true,
      daemon: false,
      atload: true,
      framework: 'alsa',
    },
    expectTop: 'modparam',
    acceptableTopThree: ['modparam', 'sysfs', 'sysctl'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/sound/hd-audio/models.rst (options snd-hda-intel model=...) and include/linux/moduleparam.h: options read at load time, shown under /sys/module/<name>/parameters.',
    why: 'Only a module parameter exists before probe, so it decides how the driver binds; modprobe.d and the kernel command line set it with no daemon. sysfs or sysctl knobs appear too late to choose a quirk, so they rank below.',
  },
  {
    name: 'Number of DMA queues fixed when the driver loads',
    answers: { dir: 'u2k', style: 'config', size: 4, rate: 0.001, shell: true, scope: 'system', atload: true },
    expectTop: 'modparam',
    acceptableTopThree: ['modparam', 'sysctl', 'sysfs'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL, DEBUG_ONLY),
    source:
      'include/linux/moduleparam.h (module_param, 0444 for load-time only) and Documentation/admin-guide/kernel-parameters.rst (module.param=value on the command line).',
    why: 'A value needed before the first device probes and never changed afterwards is a read-only module parameter. A sysctl cannot exist before the module loads; a sysfs attribute suits values that can change later.',
  },
  {
    name: 'Driver debug verbosity, set at load time or flipped while debugging',
    answers: { dir: 'u2k', style: 'config', size: 4, rate: 0.01, shell: true, stable: false, atload: true },
    expectTop: 'modparam',
    acceptableTopThree: ['modparam', 'debugfs', 'sysfs'],
    mustEliminate: all(K2U_ONLY, NOT_FROM_A_SHELL),
    source:
      'include/linux/moduleparam.h (module_param(debug, int, 0644) as in drivers/media/ and drivers/usb/) and Documentation/admin-guide/dynamic-debug-howto.rst.',
    why: 'A writable debug module parameter works at load time (modprobe foo debug=3) and at run time under /sys/module; dynamic debug covers pr_debug sites. A debugfs knob is acceptable because nothing here is ABI.',
  },
  // ── Debug dumps and traces ───────────────────────────────────────────────────────────────────────────
  {
    name: 'Register dump of a driver attached to bug reports (16 KiB, not an ABI)',
    answers: { style: 'request', size: 16_384, rate: 0.1, stable: false, shell: true },
    expectTop: 'debugfs',
    acceptableTopThree: ['debugfs', 'procfs', 'chardev'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, OVER_2K, ['sysctl', 'modparam']),
    source:
      'Documentation/filesystems/debugfs.rst (debugfs_create_regset32, debugfs_create_blob) and drivers/base/regmap/regmap-debugfs.c: regmap already dumps registers in debugfs.',
    why: 'Register dumps are the textbook debugfs use (regmap does it for free) and carry no ABI promise. A /proc file or a read() on the device node would turn a debugging aid into an interface someone depends on.',
  },
  {
    name: 'File system module tracing every operation with latency, for performance work',
    answers: { style: 'stream', size: 96, rate: 200_000, stable: false, loss: true },
    expectTop: 'tracepoint',
    acceptableTopThree: ['tracepoint', 'bpf-ringbuf', 'relay'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE),
    source:
      'Documentation/trace/events.rst and include/trace/events/ext4.h, fs/xfs/xfs_trace.h: file systems define TRACE_EVENTs that perf, trace-cmd and BPF consume.',
    why: 'Every major file system traces itself with TRACE_EVENTs: zero cost when off, per-CPU buffers, filtering and BPF attach points when on. A private relay or mmap channel would duplicate this and lose the tooling.',
  },
  {
    name: 'GPU/Wi-Fi firmware log: opaque 4 KiB binary blobs streamed to a capture tool while debugging',
    answers: { style: 'stream', size: 4096, rate: 2000, stable: false, shell: true, loss: true },
    expectTop: 'relay',
    acceptableTopThree: ['relay', 'debugfs', 'tracepoint'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, OVER_2K),
    source:
      'Documentation/filesystems/relay.rst and drivers/gpu/drm/i915/gt/uc/intel_guc_log.c, drivers/net/wireless/ath/ath10k/spectral.c: opaque firmware buffers are copied into relay sub-buffers in debugfs.',
    why: 'The device produces whole binary buffers that need no per-event formatting: relay sub-buffers (i915 GuC log, ath spectral scan) copy them with cat or dd. Trace events are built for small formatted records, not 4 KiB blobs.',
  },
  {
    name: 'Device firmware crash dump (1 MiB) collected after the fact, no daemon running',
    answers: { style: 'request', size: 1_048_576, rate: 0.001, shell: true, daemon: false },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'chardev', 'procfs'],
    mustEliminate: all(
      NOT_FROM_A_SHELL,
      COUNTER_ONLY,
      OVER_2K,
      OVER_16K,
      OVER_64K,
      ['usermodehelper', 'sysctl', 'modparam'],
      DEBUG_ONLY,
    ),
    source:
      'drivers/base/devcoredump.c (dev_coredumpv, used by iwlwifi, ath10k, msm, amdgpu): the dump becomes a binary "data" attribute of a devcoredump device in sysfs, announced by a uevent, freed after reading or a timeout.',
    why: 'devcoredump is the in-tree answer: the driver hands over the buffer, a sysfs binary attribute holds it until someone reads it, and a uevent lets udev collect it. 1 MiB does not fit a uevent, an argv, or a tracepoint.',
  },
  {
    name: 'Wi-Fi driver handing over 1 MiB of firmware state after a firmware crash, through devcoredump',
    answers: { style: 'request', size: 1_048_576, rate: 0.001, shell: true, daemon: false, framework: 'devcoredump' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'chardev', 'procfs'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, OVER_2K, OVER_16K, OVER_64K, DEBUG_ONLY),
    source:
      'include/linux/devcoredump.h and drivers/base/devcoredump.c, as iwlwifi (drivers/net/wireless/intel/iwlwifi/fw/dbg.c) and ath10k call dev_coredumpsg()/dev_coredumpv() on a firmware crash.',
    why: 'The driver calls dev_coredumpv() and user space reads /sys/class/devcoredump/devcd<N>/data when it gets to it; a character device of its own for the dump would be a second interface review refuses.',
  },
  // ── Payload-free wake-ups, both ways ─────────────────────────────────────────────────────────────────
  {
    name: 'Accelerator signalling "work done" to its user-space runtime (completions sit in a shared ring)',
    answers: { size: 0, rate: 100_000, lat: 20, daemon: true },
    expectTop: 'eventfd',
    acceptableTopThree: ['eventfd', 'chardev', 'mmap', 'ioctl'],
    mustEliminate: all(FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'eventfd(2) and drivers/vfio/pci/vfio_pci_intrs.c, drivers/vhost/vhost.c (call eventfds): completions are signalled with eventfd_signal() from interrupt context.',
    why: 'The data is already in the ring; the runtime only needs a coalescing wake-up it can epoll with its other fds, which an eventfd gives from any context. poll() on the device node is equally valid; genetlink must not win for a wake-up without payload.',
  },
  {
    name: 'vhost-style backend: user space kicks a kernel worker after filling a virtqueue',
    answers: { dir: 'u2k', size: 0, rate: 200_000, daemon: true, worker: true },
    expectTop: 'eventfd',
    acceptableTopThree: ['eventfd', 'ioctl', 'mmap'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'drivers/vhost/vhost.c (VHOST_SET_VRING_KICK) and virt/kvm/eventfd.c (KVM_IOEVENTFD): the kick is an eventfd the kernel worker polls, so KVM can signal it straight from a guest MMIO write.',
    why: 'An eventfd kick coalesces bursts into one wake-up of the kernel worker and can be handed to KVM, which is why vhost and vfio take doorbells that way. An ioctl KICK is acceptable when the work runs in the caller; polling a mapped index is the busy-wait alternative.',
  },
  {
    name: 'Driver doorbell: user space says "new descriptors ready" and the driver rings the hardware in the caller',
    answers: { dir: 'u2k', size: 0 },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'eventfd', 'chardev'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'Documentation/driver-api/ioctl.rst (_IO commands carry no argument) and Documentation/gpu/drm-uapi.rst: DRM submit ioctls write the hardware doorbell in the caller and return errors at once.',
    why: 'With no kernel worker to wake, an _IO("kick") ioctl does the MMIO write in the caller and returns its error, the least machinery. An eventfd doorbell is the equal choice when a kernel thread consumes it; genetlink must not win for an empty message.',
  },
  {
    name: 'Driver doorbell rung in the caller, said outright: no kernel thread waits for the kick',
    answers: { dir: 'u2k', size: 0, worker: false },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'chardev', 'sysfs'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'Documentation/driver-api/ioctl.rst (the handler runs in the caller and returns its status) and Documentation/ABI/testing/sysfs-bus-pci (write-only trigger attributes such as reset and rescan act in the writer).',
    why: 'The work runs in the caller, so the kick needs a handler that runs there: an _IO ioctl, a write() on the device, or for a rare kick a write-only trigger attribute. An eventfd write only bumps a counter for a waiter that does not exist, and a store into shared memory wakes nobody.',
  },
  {
    name: 'Watchdog daemon petting the hardware watchdog once a second',
    answers: { dir: 'u2k', size: 0, rate: 1, daemon: true, framework: 'watchdog' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'ioctl', 'eventfd'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'Documentation/watchdog/watchdog-api.rst: any write() to /dev/watchdog or the WDIOC_KEEPALIVE ioctl pings the timer; the magic close character "V" disarms it.',
    why: 'The watchdog API is the precedent: opening /dev/watchdog arms it and each write() (or WDIOC_KEEPALIVE) is the keep-alive. Register with the watchdog core and this comes for free.',
  },
  {
    name: 'User-space driver (VFIO-style) receiving device interrupts',
    answers: { size: 0, rate: 50_000, lat: 10, daemon: true },
    expectTop: 'eventfd',
    acceptableTopThree: ['eventfd', 'chardev', 'mmap'],
    mustEliminate: all(FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      "Documentation/driver-api/vfio.rst (VFIO_DEVICE_SET_IRQS binds each interrupt to an eventfd) and Documentation/driver-api/uio-howto.rst (UIO's blocking read() of an interrupt count).",
    why: "VFIO binds each interrupt vector to an eventfd signalled from the hard IRQ handler, one fd per vector for epoll. UIO's blocking read() on a character device is the older acceptable design.",
  },
  {
    name: 'Kernel 2.6 series: waking a daemon without payload (the answer means every 2.6, back to 2.6.0)',
    answers: { size: 0, rate: 100, kernel: '2.6', daemon: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'signal', 'ioctl'],
    mustEliminate: all(NOT_IN_EARLY_2_6),
    source:
      'LDD3 chapter 6 (https://lwn.net/Kernel/LDD3/): poll() on the driver node and fasync/SIGIO are the blocking and asynchronous notification of the 2.6 era; eventfd(2) appeared in 2.6.22 and its in-kernel API in 2.6.31.',
    why: 'Back to early 2.6 the reliable wake-up is poll() on your own character device (or fasync SIGIO for signal-driven programs). eventfd, genetlink and everything newer are absent from part of that range. The form cannot state 2.6.32 exactly.',
  },
  // ── Upcalls with and without a daemon ────────────────────────────────────────────────────────────────
  {
    name: 'Rare in-kernel lookup answered by a user-space program, with no daemon running (request-key style)',
    // Written before the answers could say who asks (asks=, added later): the kernel asks, the program answers.
    answers: { dir: 'both', style: 'request', asks: 'kernel', size: 128, rate: 0.1, daemon: false },
    expectTop: 'usermodehelper',
    acceptableTopThree: ['usermodehelper', 'uevent', 'sysfs'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/security/keys/request-key.rst and security/keys/request_key.c: the kernel runs /sbin/request-key with call_usermodehelper() and the program answers through keyctl.',
    why: 'When the kernel itself needs an answer and nothing is running, it starts the program: request-key, the NFS idmapper and modprobe all do. A uevent plus a sysfs file to write the answer into (the old firmware fallback) is the acceptable udev-driven variant.',
  },
  {
    name: 'Critical over-temperature on an embedded box: shut down cleanly, no agent installed',
    answers: { rate: 0.001, daemon: false },
    expectTop: 'usermodehelper',
    acceptableTopThree: ['usermodehelper', 'uevent', 'sysfs'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'kernel/reboot.c (orderly_poweroff() runs poweroff_cmd through call_usermodehelper()) and drivers/thermal/thermal_core.c, which calls it on a critical trip.',
    why: 'The thermal core\'s own answer to "act now, nobody may be listening" is orderly_poweroff(), a usermode helper. A uevent only helps if udev has a rule for it; a sysfs state file records what happened.',
  },
  {
    name: 'Admin script reacting to disk hotplug on a stock kernel (no module)',
    answers: { size: 512, rate: 0.1, module: false, topic: 'device', shell: true, daemon: false },
    expectTop: 'uevent',
    acceptableTopThree: ['uevent', 'sysfs', 'procfs'],
    mustEliminate: all(NEW_KERNEL_CODE, NOT_FROM_A_SHELL, DEBUG_ONLY),
    source:
      'udev(7) and Documentation/admin-guide/devices.rst: block devices emit ADD/REMOVE uevents that udev rules (RUN+=, SYSTEMD_WANTS) turn into script runs.',
    why: 'The kernel already announces every disk with a uevent; a udev rule is the whole solution. Polling /sys/block or /proc/partitions from cron is the acceptable fallback without udev.',
  },
  {
    name: 'Cron job reading a driver status every minute, no daemon running',
    answers: { style: 'request', size: 256, rate: 0.02, shell: true, daemon: false },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'procfs', 'chardev'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/filesystems/sysfs.rst and Documentation/ABI/README: status attributes are read on demand with cat; nothing has to run between reads.',
    why: 'A pull interface needs no resident process: the job cats the attribute when it runs. Push channels (genetlink, eventfd, signals) would have nobody to deliver to between runs.',
  },
  // ── Unprivileged consumers ───────────────────────────────────────────────────────────────────────────
  {
    name: "Desktop app reading the ambient light sensor's latest value",
    answers: { style: 'request', size: 8, rate: 10, unpriv: true, framework: 'iio' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'chardev', 'procfs'],
    mustEliminate: all(ROOT_ONLY_RECEIVERS, ['connector'], DEBUG_ONLY),
    source:
      'Documentation/ABI/testing/sysfs-bus-iio (in_illuminance_raw) and Documentation/driver-api/iio/core.rst: IIO channels are world-readable sysfs attributes.',
    why: 'A single latest value read on demand is an IIO channel attribute any user can read. The IIO buffer chardev is for sample streams; the BPF ring buffer and tracepoints need privileges the app lacks.',
  },
  {
    name: 'hwmon temperature and fan readings for lm-sensors, read by any user',
    answers: { style: 'request', size: 8, rate: 1, unpriv: true, shell: true, framework: 'hwmon' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'procfs', 'chardev'],
    mustEliminate: all(NOT_FROM_A_SHELL, ROOT_ONLY_RECEIVERS, ['connector']),
    source:
      'Documentation/hwmon/sysfs-interface.rst: hwmon drivers expose temp*_input, fan*_input and friends as sysfs attributes with a fixed naming ABI that libsensors reads.',
    why: 'The hwmon ABI is a set of sysfs attributes; registering with hwmon_device_register_with_info() gives lm-sensors everything. Anything else would be refused in review.',
  },
  {
    name: 'Unprivileged apps waiting for a device mode change (2 listeners, latest state wins)',
    answers: { size: 16, rate: 1, listeners: 2, unpriv: true, loss: true },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'uevent', 'genetlink', 'chardev'],
    mustEliminate: all(ROOT_ONLY_RECEIVERS, COUNTER_ONLY, ['connector']),
    source:
      'Documentation/filesystems/sysfs.rst (poll() on an attribute woken by sysfs_notify()) and drivers/gpu/drm/drm_sysfs.c (connector status attribute plus a HOTPLUG uevent).',
    why: 'A state that only its latest value matters for is an attribute both apps poll() and re-read after sysfs_notify(). A CHANGE uevent (as DRM hotplug) is equally common; genetlink is acceptable if the family exists anyway.',
  },
  {
    name: 'Process-exec monitor in an unprivileged container on 6.6+, no module',
    answers: { rate: 2000, unpriv: true, module: false, topic: 'process', kernel: '6.6' },
    expectTop: 'connector',
    acceptableTopThree: ['connector', 'procfs', 'sysfs'],
    mustEliminate: all(NEW_KERNEL_CODE, ROOT_ONLY_RECEIVERS),
    source:
      'drivers/connector/cn_proc.c and Documentation/driver-api/connector.rst: since 6.6 an unprivileged socket may join CN_IDX_PROC (other ids still need CAP_NET_ADMIN).',
    why: 'The proc connector already reports fork/exec/exit and since 6.6 admits unprivileged listeners. BPF and perf tracepoints need CAP_BPF/CAP_PERFMON; scanning /proc is the lossy fallback.',
  },
  // ── Only existing interfaces (module=false) ──────────────────────────────────────────────────────────
  {
    name: 'Container runtime watching process exits on a stock kernel (root, no module)',
    answers: { module: false, topic: 'process', daemon: true },
    expectTop: 'connector',
    acceptableTopThree: ['connector', 'bpf-ringbuf', 'tracepoint'],
    mustEliminate: all(NEW_KERNEL_CODE, DEBUG_ONLY),
    source:
      'drivers/connector/cn_proc.c and Documentation/driver-api/connector.rst (PROC_EVENT_EXIT on CN_IDX_PROC), with Documentation/bpf/ringbuf.rst for the sched_process_exit tracepoint route.',
    why: 'The proc connector is the stable, existing feed of process events and needs no BPF toolchain. A BPF program on sched:sched_process_exit is the flexible alternative; perf on the same tracepoint works too.',
  },
  {
    name: 'Capacity-planning agent sampling existing scheduler counters once a second (no module)',
    answers: { style: 'request', size: 4096, rate: 1, module: false, topic: 'system' },
    expectTop: 'procfs',
    acceptableTopThree: ['procfs', 'sysfs', 'tracepoint', 'bpf-ringbuf'],
    mustEliminate: all(NEW_KERNEL_CODE, DEBUG_ONLY),
    source:
      'Documentation/scheduler/sched-stats.rst (/proc/schedstat) and Documentation/filesystems/proc.rst (/proc/stat, /proc/pressure): the counters exist and are read on demand.',
    why: 'The kernel already keeps these counters in /proc/stat, /proc/schedstat and PSI files; reading them once a second is what sar and node_exporter do. Tracepoints or BPF only if per-event detail is needed.',
  },
  {
    name: 'Deployment script setting an existing kernel knob (no module)',
    answers: { dir: 'u2k', style: 'config', size: 8, rate: 0.001, module: false, shell: true, scope: 'system' },
    expectTop: 'sysctl',
    acceptableTopThree: ['sysctl', 'sysfs', 'modparam'],
    mustEliminate: all(NEW_KERNEL_CODE, K2U_ONLY, NOT_FROM_A_SHELL, DEBUG_ONLY),
    source:
      'Documentation/admin-guide/sysctl/index.rst and sysctl.d(5): existing system-wide knobs are set with sysctl -w or a file in /etc/sysctl.d.',
    why: 'System-wide knobs are sysctls, persisted in /etc/sysctl.d. Existing sysfs attributes (udev rules) or module parameters (modprobe.d) cover per-device and per-module knobs.',
  },
  {
    name: 'Measuring syscall latency across the system with perf or trace-cmd from a shell (no module)',
    answers: {
      style: 'stream',
      size: 32,
      rate: 500_000,
      module: false,
      topic: 'trace',
      shell: true,
      stable: false,
      loss: true,
    },
    expectTop: 'tracepoint',
    acceptableTopThree: ['tracepoint', 'bpf-ringbuf', 'procfs', 'debugfs'],
    mustEliminate: all(NEW_KERNEL_CODE),
    source:
      'Documentation/trace/events.rst (raw_syscalls:sys_enter/sys_exit) and perf-trace(1): existing tracepoints stream per-CPU events to perf, trace-cmd or a BPF program.',
    why: 'The raw_syscalls tracepoints already exist; perf trace or trace-cmd read them from a shell, with lost events counted. bpftrace with a ring buffer is the aggregating alternative.',
  },
  {
    name: 'Tracing tool for a 4.9 kernel with no module (before the BPF ring buffer)',
    answers: { style: 'stream', size: 128, rate: 100_000, module: false, topic: 'trace', kernel: '4.9', loss: true },
    expectTop: 'tracepoint',
    acceptableTopThree: ['tracepoint', 'procfs', 'sysfs'],
    mustEliminate: all(NEW_KERNEL_CODE, NOT_IN_4X, DEBUG_ONLY),
    source:
      'Documentation/trace/events.rst and perf_event_open(2) (PERF_TYPE_TRACEPOINT with mmapped per-CPU buffers); Documentation/bpf/ringbuf.rst dates the BPF ring buffer to 5.8.',
    why: "On 4.9 existing tracepoints read through perf's per-CPU mmap buffers (or a BPF perf event array) are the stream; the BPF ring buffer does not exist yet. Sampling /proc or /sys counters is the fallback.",
  },
  // ── Old kernels ──────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'RHEL 7 (3.10) driver sending events with a payload to its daemon',
    answers: { size: 256, kernel: '3.10', daemon: true },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'chardev', 'mmap'],
    mustEliminate: all(NOT_IN_4X, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/netlink/intro.rst (generic netlink since 2.6.15) and Documentation/bpf/ringbuf.rst (5.8): on 3.10 genetlink and character devices are available, the BPF ring buffer and uring_cmd are not.',
    why: 'genetlink has been there since 2.6.15 and keeps the ABI extensible across the kernels the product spans; a read()/poll() character device is the equally valid simple choice for one daemon.',
  },
  {
    name: 'Kernel 2.6 series: storage HBA management tool with request/response commands',
    answers: { dir: 'both', style: 'request', size: 1024, rate: 100, kernel: '2.6' },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'chardev', 'netlink'],
    mustEliminate: all(NOT_IN_EARLY_2_6, K2U_ONLY, COUNTER_ONLY),
    source:
      'Documentation/driver-api/ioctl.rst and drivers/scsi/scsi_ioctl.c: HBA management tools of the 2.6 era (and still today) issue ioctls on the host or sg device node.',
    why: 'Back to early 2.6, ioctls on the device node are the universal command path; generic netlink (2.6.15) is missing from the start of that range and only a raw netlink protocol of the time remains, discouraged for new code.',
  },
  // ── Lockdown / Secure Boot (no lockdown answer exists: stable=true rules out debugfs and relay) ──────
  {
    name: 'Lockdown (Secure Boot) fleet: storage driver diagnostics log, 512 B records, drops tolerated',
    answers: { style: 'stream', size: 512, rate: 5000, loss: true, daemon: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'tracepoint', 'genetlink', 'mmap'],
    mustEliminate: all(DEBUG_ONLY, COUNTER_ONLY),
    source:
      'include/linux/security.h (LOCKDOWN_DEBUGFS is an integrity-level reason) and fs/debugfs/file.c: under lockdown debugfs refuses writes, ioctl and mmap, so relay files are unusable; /dev/kmsg (Documentation/ABI/testing/dev-kmsg) is the chardev precedent.',
    why: 'On locked-down machines debugfs and relay are off the table, so the log is a read() record stream on a character device, like /dev/kmsg. Tracepoints still work in integrity mode and are acceptable for field tracing.',
  },
  {
    name: 'Lockdown (Secure Boot) laptops: capturing 4 KiB firmware debug buffers (relay is refused)',
    answers: { style: 'stream', size: 4096, shell: true, loss: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'sysfs', 'procfs'],
    mustEliminate: all(DEBUG_ONLY, NOT_FROM_A_SHELL, COUNTER_ONLY, OVER_2K),
    source:
      'fs/debugfs/file.c (debugfs_locked_down: no write, ioctl or mmap under lockdown) and Documentation/filesystems/relay.rst (relay buffers are mmapped 0400 files): a character device read with cat replaces them.',
    why: "relay's files need mmap in debugfs, which lockdown refuses, so a character device that cat or dd can read is the answer that still works. A sysfs binary attribute or a /proc file holding the latest buffer is acceptable for occasional captures.",
  },
  // ── Loss tolerated or not ────────────────────────────────────────────────────────────────────────────
  {
    name: 'Switch ASIC sampling 1 in N packets (128 B headers) to several collectors, drops fine',
    answers: { style: 'stream', size: 128, rate: 10_000, listeners: 3, loss: true, daemon: true },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'tracepoint', 'bpf-ringbuf', 'mmap'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'net/psample/psample.c and include/uapi/linux/psample.h, used by drivers/net/ethernet/mellanox/mlxsw/ and net/sched/act_sample.c: sampled packets go to the psample generic netlink multicast group.',
    why: 'psample is the in-tree precedent: sampled packets go to a genetlink multicast group and a collector that falls behind just loses samples. Tracepoints or BPF fit observability-only users.',
  },
  {
    name: 'Security audit events that must never be dropped',
    answers: { size: 512, loss: false, daemon: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'genetlink', 'mmap'],
    mustEliminate: all(DROPS_WHEN_FULL, COUNTER_ONLY, ['uevent'], DEBUG_ONLY),
    source:
      'kernel/audit.c (a backlog queue with audit_backlog_limit and audit_backlog_wait_time that blocks producers rather than lose records) and fs/notify/fanotify/fanotify_user.c (events queued per group for read()).',
    why: "Never dropping means a queue the producer can wait on and a reader that drains it: a character device with a bounded queue and blocking writers (as fanotify and audit's backlog). genetlink unicast with retries is acceptable; multicast, uevents and tracing buffers drop when full.",
  },
  {
    name: 'Per-CPU scheduler statistics stream for a profiler, drops acceptable',
    answers: { style: 'stream', rate: 50_000, loss: true, stable: false },
    expectTop: 'tracepoint',
    acceptableTopThree: ['tracepoint', 'bpf-ringbuf', 'relay', 'mmap'],
    mustEliminate: all(COUNTER_ONLY, FORK_PER_MESSAGE),
    source:
      "Documentation/trace/events.rst and include/trace/events/sched.h: profilers read sched tracepoints through perf's per-CPU buffers and accept counted lost events.",
    why: 'A profiler wants per-CPU buffers that never stall the producer and report how much was lost: exactly the trace ring buffer. A BPF ring buffer fed from the same tracepoint is equally fine.',
  },
  // ── Other situations a reviewer sees ─────────────────────────────────────────────────────────────────
  {
    name: 'Keeping an existing /proc/driver file that legacy tools parse',
    answers: { style: 'request', size: 2048, rate: 1, shell: true, keep: 'procfs' },
    expectTop: 'procfs',
    acceptableTopThree: ['procfs', 'sysfs', 'chardev'],
    mustEliminate: all(NOT_FROM_A_SHELL, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/filesystems/proc.rst and Documentation/process/stable-api-nonsense.rst (the interface to user space stays stable): so an existing /proc file (as /proc/driver/rtc) stays while new fields go to sysfs.',
    why: 'An interface user space already parses must keep working, so the /proc file stays (seq_file, proc_ops). New values belong in sysfs, and a maintainer would refuse a second /proc file.',
  },
  {
    name: 'Management tool already driving a RAID controller through ioctls needs one more command',
    answers: { dir: 'both', style: 'request', size: 256, rate: 10, grows: false, keep: 'ioctl' },
    expectTop: 'ioctl',
    acceptableTopThree: ['ioctl', 'chardev', 'sysfs', 'genetlink'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/ioctl/ioctl-number.rst and Documentation/driver-api/ioctl.rst: a driver adds a command number to its existing ioctl set (as drivers/scsi/megaraid and smartpqi do); Documentation/admin-guide/reporting-regressions.rst keeps the old commands working.',
    why: 'The tool already opens the device and speaks its ioctl set, so the new command joins that set. A generic netlink family beside it would be a second interface for one device; a sysfs attribute is acceptable if the new command is a single value.',
  },
  {
    name: 'Out-of-tree driver whose status tool reads a debugfs file is becoming a product',
    answers: { style: 'request', size: 256, rate: 1, keep: 'debugfs' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'chardev', 'ioctl', 'genetlink'],
    mustEliminate: all(DEBUG_ONLY),
    source:
      'Documentation/filesystems/debugfs.rst ("no rules"; not ABI) and Documentation/filesystems/sysfs.rst with Documentation/ABI/README: values a product relies on become documented sysfs attributes.',
    why: 'A tool relying on debugfs is not a reason to keep it: debugfs promises nothing and may be off (debugfs=off, lockdown). Status values move to documented sysfs attributes; a character device or ioctl suits a tool that needs more than values.',
  },
  {
    name: 'Crypto offload engine: 64 KiB buffers both ways at 10k/s with a 100 µs budget',
    answers: { dir: 'both', style: 'request', size: 65_536, rate: 10_000, lat: 100, kernel: '6.1' },
    expectTop: 'mmap',
    acceptableTopThree: ['mmap', 'io-uring-cmd', 'ioctl', 'chardev'],
    mustEliminate: all(K2U_ONLY, COUNTER_ONLY, ['sysctl', 'modparam'], OVER_16K, FORK_PER_MESSAGE, DEBUG_ONLY),
    source:
      'Documentation/misc-devices/uacce.rst: accelerators share queues and buffers with user space through mmap (drivers/misc/uacce), with the driver out of the data path.',
    why: 'Moving 650 MB/s each way means buffers shared with the device, as uacce does; uring_cmd can queue requests asynchronously on 6.1 and an ioctl per buffer is the simple baseline. genetlink and sysfs cannot carry 64 KiB messages at this rate.',
  },
  {
    name: 'Unprivileged event stream on 5.10 that BPF-based tools may not consume',
    answers: { style: 'stream', size: 256, rate: 10_000, unpriv: true, daemon: true },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'genetlink', 'mmap'],
    mustEliminate: all(ROOT_ONLY_RECEIVERS, COUNTER_ONLY, ['connector']),
    source:
      'Documentation/admin-guide/sysctl/kernel.rst (unprivileged_bpf_disabled, perf_event_paranoid) and Documentation/driver-api/connector.rst: BPF, perf tracepoints and connector listening need privileges on 5.10.',
    why: 'An unprivileged reader gets a device node the administrator grants with a udev rule; the BPF ring buffer, tracepoints and the connector need capabilities. genetlink multicast is the acceptable choice for several readers.',
  },
  // ── A kernel framework decides (framework=<id>): the maintainer's first comment is "use the subsystem" ──
  {
    name: 'Keyboard backlight LED driver: brightness set by the desktop',
    answers: { dir: 'u2k', style: 'config', size: 4, rate: 1, scope: 'device', framework: 'leds' },
    expectTop: 'sysfs',
    acceptableTopThree: ['sysfs', 'ioctl', 'genetlink', 'chardev'],
    mustEliminate: all(K2U_ONLY, DEBUG_ONLY),
    source:
      'Documentation/leds/leds-class.rst: led_classdev_register() gives /sys/class/leds/<name>/brightness, max_brightness and trigger; UPower and the desktop write brightness there.',
    why: 'Register an LED class device and brightness is a sysfs attribute every desktop already drives; a private ioctl or netlink family for one number would be refused in review.',
  },
  {
    name: 'GPIO expander driver: edge events on input lines to a daemon',
    answers: { size: 48, rate: 100, daemon: true, framework: 'gpio' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'ioctl', 'genetlink'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/userspace-api/gpio/chardev.rst: a gpio_chip registered with gpiolib gives /dev/gpiochipN; lines requested with GPIO_V2_GET_LINE_IOCTL deliver struct gpio_v2_line_event records through read() on the request fd.',
    why: 'gpiolib already timestamps edges and queues them per line request on a character device (libgpiod reads them); the driver only implements its gpio_chip and irq_chip. The sysfs GPIO interface is deprecated.',
  },
  {
    name: 'RTC driver: alarm interrupts waking a scheduling daemon',
    answers: { size: 8, rate: 0.01, daemon: true, framework: 'rtc' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'ioctl', 'sysfs'],
    mustEliminate: all(DEBUG_ONLY),
    source:
      'Documentation/admin-guide/rtc.rst: read() on /dev/rtcN blocks until an alarm, update or periodic interrupt; RTC_ALM_SET and RTC_AIE_ON set and enable the alarm; /sys/class/rtc/rtcN/wakealarm is the sysfs way.',
    why: 'The RTC class delivers alarms as a blocking read() on /dev/rtcN, which the daemon polls; the driver implements rtc_class_ops and calls rtc_update_irq(). A new netlink family or uevent for an alarm would duplicate it.',
  },
  {
    name: 'NIC driver reporting firmware health errors to monitoring daemons',
    answers: { size: 256, rate: 0.01, listeners: 2, daemon: true, framework: 'devlink' },
    expectTop: 'genetlink',
    acceptableTopThree: ['genetlink', 'uevent', 'chardev'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/networking/devlink/devlink-health.rst: a devlink health reporter reports errors, keeps dumps and runs recovery; the devlink genetlink family notifies listeners (devlink health, devlink monitor).',
    why: 'netdev reviewers ask for a devlink health reporter: the error, its dump and its recovery state reach every devlink monitor as genetlink notifications. A uevent is the coarse fallback; a private character device would be refused.',
  },
  {
    name: 'Touchscreen controller driver: multi-touch frames at 120 Hz to the compositor',
    answers: { style: 'stream', size: 24, rate: 1000, lat: 10_000, daemon: true, framework: 'input' },
    expectTop: 'chardev',
    acceptableTopThree: ['chardev', 'mmap', 'ioctl'],
    mustEliminate: all(COUNTER_ONLY, DEBUG_ONLY),
    source:
      'Documentation/input/multi-touch-protocol.rst and Documentation/input/input.rst: contacts are reported as ABS_MT_* events closed by SYN_REPORT, read from /dev/input/eventN by libinput.',
    why: 'Register an input device with the multi-touch slots and libinput in the compositor reads each frame from evdev; the driver writes no interface of its own. genetlink would wrap 24-byte events in skbs for one reader.',
  },
];
