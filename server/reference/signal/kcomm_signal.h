/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_signal.h - the ABI of the kcomm signal sample, shared by the module and user space.
 *
 * A process registers itself on /dev/kcomm_signal with a real-time signal number; on each trigger
 * the kernel queues that signal to it with si_code SI_QUEUE and the kernel's ktime_get_ns() in
 * si_value.sival_ptr (as a 64-bit integer; 32-bit processes only see the low 32 bits - one more
 * reason signals are a poor data channel). Receive it with sigtimedwait()/sigwaitinfo()
 * (info.si_value) or a signalfd (ssi_ptr), with the signal blocked.
 */
#ifndef KCOMM_SIGNAL_H
#define KCOMM_SIGNAL_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define KCOMM_SIGNAL_DEV	"/dev/kcomm_signal"

/*
 * Kernel numbering on most architectures (the module checks its own SIGRTMIN..SIGRTMAX). C
 * libraries reserve the first few: use SIGRTMIN..SIGRTMAX from <signal.h>.
 */
#define KCOMM_SIGNAL_RTMIN	32
#define KCOMM_SIGNAL_RTMAX	64

struct kcomm_signal_reg {
	__s32 signo;		/* a real-time signal, KCOMM_SIGNAL_RTMIN..KCOMM_SIGNAL_RTMAX */
	__u32 pad;		/* must be 0 */
};

enum kcomm_signal_from {
	KCOMM_SIGNAL_FROM_IOCTL = 0,	/* queued inside the system call (process context) */
	KCOMM_SIGNAL_FROM_HRTIMER = 1,	/* queued from an hrtimer callback (interrupt context) */
	/* kill_fasync(): O_ASYNC owners get SIGIO or their F_SETSIG signal, no value */
	KCOMM_SIGNAL_FROM_FASYNC = 2,
};

struct kcomm_signal_trigger {
	__u32 from;		/* enum kcomm_signal_from */
	__u32 pad;		/* must be 0 */
	__u64 delay_ns;		/* FROM_HRTIMER only: at most 1 s */
};

#define KCOMM_SIGNAL_IOC_MAGIC	0xb8
/* Registers the calling process (its thread-group leader receives the signal). */
#define KCOMM_SIGNAL_REGISTER	_IOW(KCOMM_SIGNAL_IOC_MAGIC, 1, struct kcomm_signal_reg)
#define KCOMM_SIGNAL_UNREGISTER	_IO(KCOMM_SIGNAL_IOC_MAGIC, 2)
/* -ENOTCONN: nobody registered; -ESRCH: the registered process has exited. */
#define KCOMM_SIGNAL_TRIGGER	_IOW(KCOMM_SIGNAL_IOC_MAGIC, 3, struct kcomm_signal_trigger)

#endif /* KCOMM_SIGNAL_H */
