/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_relay.h - the interface of kcomm_relay.ko
 *
 * Included by the module and by its user-space side. Everything lives in
 * debugfs, so this is the interface of this sample, not a stable ABI.
 */
#ifndef _KCOMM_RELAY_H
#define _KCOMM_RELAY_H

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
 * produce (wo): "COUNT SIZE" in decimal. The writing task appends COUNT
 * records of SIZE bytes to the buffer of the CPU it runs on, then write()
 * returns. 1 <= COUNT <= KCOMM_RELAY_MAX_COUNT,
 * KCOMM_RELAY_RECORD_MIN <= SIZE <= KCOMM_RELAY_SUBBUF_SIZE (a record never
 * spans two sub-buffers).
 */
#define KCOMM_RELAY_PRODUCE		"produce"
#define KCOMM_RELAY_PRODUCE_PATH	KCOMM_RELAY_PATH "/" KCOMM_RELAY_PRODUCE
#define KCOMM_RELAY_MAX_COUNT		4096u

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
