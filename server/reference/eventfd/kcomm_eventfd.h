/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_eventfd.h - the ABI of the kcomm eventfd sample, shared by the module and user space.
 *
 * User space creates an eventfd (eventfd(2)), hands its number to the module with
 * KCOMM_EVENTFD_REGISTER, and later read()s or poll()s the eventfd to learn that the kernel
 * signalled. The kernel's ktime_get_ns() at the moment of signalling is in a read-only page mapped
 * from /dev/kcomm_eventfd (struct kcomm_eventfd_stamp at offset 0), or available through
 * KCOMM_EVENTFD_GET_STAMP. Fixed-size, pointer-free structs: one layout for 32- and 64-bit user
 * space.
 */
#ifndef KCOMM_EVENTFD_H
#define KCOMM_EVENTFD_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define KCOMM_EVENTFD_DEV	"/dev/kcomm_eventfd"

struct kcomm_eventfd_reg {
	__s32 fd;		/* an eventfd of the calling process */
	__u32 pad;		/* must be 0 */
};

/* Where the kernel signals from: each is a context a real driver signals from. */
enum kcomm_eventfd_from {
	KCOMM_EVENTFD_FROM_IOCTL = 0,	/* right here, in the system call (process context) */
	/* an hrtimer callback (hard interrupt context), like an IRQ */
	KCOMM_EVENTFD_FROM_HRTIMER = 1,
	/* a work item (process context on a kworker), like a bottom half */
	KCOMM_EVENTFD_FROM_WORK = 2,
};

struct kcomm_eventfd_trigger {
	__u32 from;		/* enum kcomm_eventfd_from */
	__u32 pad;		/* must be 0 */
	__u64 delay_ns;		/* FROM_HRTIMER only: fire after this long, at most 1 s */
};

/* The mapped stamp page (map KCOMM_EVENTFD_MAP_SIZE bytes, MAP_SHARED, PROT_READ, offset 0). */
struct kcomm_eventfd_stamp {
	__u64 stamp_ns;		/* ktime_get_ns() just before the last eventfd_signal() */
	__u64 signals;		/* signals sent since open */
};

#define KCOMM_EVENTFD_MAP_SIZE	4096u

#define KCOMM_EVENTFD_IOC_MAGIC	0xb7
#define KCOMM_EVENTFD_REGISTER	_IOW(KCOMM_EVENTFD_IOC_MAGIC, 1, struct kcomm_eventfd_reg)
#define KCOMM_EVENTFD_UNREGISTER _IO(KCOMM_EVENTFD_IOC_MAGIC, 2)
#define KCOMM_EVENTFD_TRIGGER	_IOW(KCOMM_EVENTFD_IOC_MAGIC, 3, struct kcomm_eventfd_trigger)
#define KCOMM_EVENTFD_GET_STAMP	_IOR(KCOMM_EVENTFD_IOC_MAGIC, 4, struct kcomm_eventfd_stamp)

#endif /* KCOMM_EVENTFD_H */
