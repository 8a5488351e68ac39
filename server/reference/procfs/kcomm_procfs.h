/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_procfs.h - the user-visible interface of kcomm_procfs.ko
 *
 * Included by the module and by its user-space side: the ABI is written
 * down once, here.
 */
#ifndef _KCOMM_PROCFS_H
#define _KCOMM_PROCFS_H

#include <linux/types.h>

#define KCOMM_PROCFS_DIR		"kcomm_procfs"
#define KCOMM_PROCFS_PATH		"/proc/" KCOMM_PROCFS_DIR

/*
 * msg: a binary message of 0..KCOMM_PROCFS_MSG_MAX bytes. Writes behave like
 * writes to a small file: a write at offset 0 replaces the message, a write at
 * offset N (N > 0) writes from byte N on. Reading returns the stored bytes.
 */
#define KCOMM_PROCFS_MSG		"msg"
#define KCOMM_PROCFS_MSG_PATH		KCOMM_PROCFS_PATH "/" KCOMM_PROCFS_MSG
#define KCOMM_PROCFS_MSG_MAX		(1024u * 1024)

/*
 * record_size: decimal text, the size in bytes of the record "stamp" returns,
 * KCOMM_PROCFS_RECORD_MIN..KCOMM_PROCFS_RECORD_MAX.
 */
#define KCOMM_PROCFS_RECORD_SIZE	"record_size"
#define KCOMM_PROCFS_RECORD_SIZE_PATH	KCOMM_PROCFS_PATH "/" KCOMM_PROCFS_RECORD_SIZE
#define KCOMM_PROCFS_RECORD_MIN		8u
#define KCOMM_PROCFS_RECORD_MAX		(1024u * 1024)

/*
 * stamp: read-only, binary. Every read from offset 0 produces a fresh record
 * of record_size bytes: a struct kcomm_procfs_stamp followed by zero bytes.
 */
#define KCOMM_PROCFS_STAMP		"stamp"
#define KCOMM_PROCFS_STAMP_PATH		KCOMM_PROCFS_PATH "/" KCOMM_PROCFS_STAMP

struct kcomm_procfs_stamp {
	__u64 ns;	/* ktime_get_ns() (CLOCK_MONOTONIC) when the record was made */
};

/*
 * rx_stats: read-only, one line of text (KCOMM_MSG_STATS_FMT in kcomm_msg.h):
 * what the module counted of the messages written to msg at offset 0, each
 * checked as a kcomm benchmark message (sequence number and every byte).
 */
#define KCOMM_PROCFS_RX_STATS		"rx_stats"
#define KCOMM_PROCFS_RX_STATS_PATH	KCOMM_PROCFS_PATH "/" KCOMM_PROCFS_RX_STATS

#endif /* _KCOMM_PROCFS_H */
