/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_relay.h - the interface of kcomm_relay.ko
 *
 * Included by the module and by its user-space side. Everything lives in
 * debugfs, so this is the interface of this sample, not a stable ABI.
 */
#ifndef _KCOMM_RELAY_H
#define _KCOMM_RELAY_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define KCOMM_RELAY_DIR			"kcomm_relay"
#define KCOMM_RELAY_PATH		"/sys/kernel/debug/" KCOMM_RELAY_DIR

/* One file per possible CPU: cpu0, cpu1, ... (read-only, mode 0400). */
#define KCOMM_RELAY_BASE		"cpu"
#define KCOMM_RELAY_CPU_FMT		KCOMM_RELAY_PATH "/" KCOMM_RELAY_BASE "%u"

/* Each per-CPU buffer is KCOMM_RELAY_N_SUBBUFS sub-buffers. */
#define KCOMM_RELAY_SUBBUF_SIZE		(1024u * 1024)
#define KCOMM_RELAY_N_SUBBUFS		4u

/*
 * produce (wo): asks the kernel for records. The calling task appends COUNT
 * records of SIZE bytes to the buffer of the CPU it runs on, then the call
 * returns. 1 <= COUNT <= KCOMM_RELAY_MAX_COUNT,
 * KCOMM_RELAY_RECORD_MIN <= SIZE <= KCOMM_RELAY_SUBBUF_SIZE (a record never
 * spans two sub-buffers), else EINVAL. Two ways to say it, same effect:
 *   write(): "COUNT SIZE" in decimal, for shells (echo "1 64" > produce);
 *   ioctl(KCOMM_RELAY_IOC_PRODUCE, struct kcomm_relay_produce *), for
 *	programs: no text to format or parse. A bad pointer is EFAULT, another
 *	command ENOTTY. 64-bit callers only: debugfs's file proxy forwards
 *	unlocked_ioctl, not compat_ioctl, so a 32-bit process gets ENOTTY.
 */
#define KCOMM_RELAY_PRODUCE		"produce"
#define KCOMM_RELAY_PRODUCE_PATH	KCOMM_RELAY_PATH "/" KCOMM_RELAY_PRODUCE
#define KCOMM_RELAY_MAX_COUNT		4096u

struct kcomm_relay_produce {
	__u32 count;	/* records to append */
	__u32 size;	/* bytes per record, header included */
};

#define KCOMM_RELAY_MAGIC		0xE7
#define KCOMM_RELAY_IOC_PRODUCE		_IOW(KCOMM_RELAY_MAGIC, 0x01, \
					     struct kcomm_relay_produce)

/* lost (ro, decimal): records dropped because a buffer was full. */
#define KCOMM_RELAY_LOST		"lost"
#define KCOMM_RELAY_LOST_PATH		KCOMM_RELAY_PATH "/" KCOMM_RELAY_LOST

/* A record: this header, then size - sizeof(header) payload bytes. */
struct kcomm_relay_record {
	__u64 stamp_ns;	/* ktime_get_ns() (CLOCK_MONOTONIC) when written */
	__u32 size;	/* whole record, header included */
	__u32 seq;	/* counts up per record, module-wide */
};

#define KCOMM_RELAY_RECORD_MIN		((__u32)sizeof(struct kcomm_relay_record))

#endif /* _KCOMM_RELAY_H */
