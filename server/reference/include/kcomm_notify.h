/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_notify.h - the one notify protocol every kcomm module follows, shared by the modules and
 * the harness (kernel and user space include this same file).
 *
 * The user side triggers an event and goes to sleep in its wait call (read(), poll(),
 * sigtimedwait(), recv()). The kernel fires the event KCOMM_NOTIFY_DELAY_NS later, asynchronously:
 * from an hrtimer callback where the notify call is safe in interrupt context (eventfd_signal(),
 * send_sig_info(), sysfs_notify_dirent()), or from a work item the hrtimer queues where
 * producing the event takes a mutex or allocates (char device, mmap ring, netlink, generic
 * netlink). It stamps ktime_get_ns() as it fires, just before producing the event; the harness
 * measures from that stamp to the moment the wait call returned, and counts an event stamped
 * before the wait call began as an error (the waiter was not asleep, so no wake-up was measured).
 *
 * A compile-time constant rather than a module parameter: the modules and the harness are built
 * from this one file, so no load can run with a delay the harness does not expect, and no module
 * needs a writable knob to validate. Modules whose trigger already carries a delay (eventfd,
 * signal, sysfs: a real driver's timer period) take it from the harness, which passes this value.
 *
 * 2 ms: under QEMU TCG the guest clock is the host's while the guest runs 20 to 50 times slower
 * than hardware, so the trigger's return and the entry into the wait call took more than 200 us
 * in up to a third of the samples on a loaded host (measured: sysfs, whose store is the longest);
 * 2 ms leaves a tenfold margin, and what is left is the host preempting the guest in that window,
 * which the harness reports as stale. Under -icount (one guest instruction per nanosecond,
 * sleep=off) the idle guest's clock jumps to the timer, so the delay costs no host time; under
 * TCG a full-profile block (25 samples) then reaches its 20 ms cap and carries fewer samples.
 */
#ifndef KCOMM_NOTIFY_H
#define KCOMM_NOTIFY_H

#define KCOMM_NOTIFY_DELAY_NS	2000000ULL

#endif /* KCOMM_NOTIFY_H */
