/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_debugfs.h - the interface of kcomm_debugfs.ko
 *
 * Included by the module and by its user-space side. debugfs promises no
 * ABI: this header describes this sample, not a stable interface.
 */
#ifndef _KCOMM_DEBUGFS_H
#define _KCOMM_DEBUGFS_H

#include <linux/types.h>

#define KCOMM_DEBUGFS_DIR		"kcomm_debugfs"
#define KCOMM_DEBUGFS_PATH		"/sys/kernel/debug/" KCOMM_DEBUGFS_DIR

/*
 * msg (rw, binary): 0..KCOMM_DEBUGFS_MSG_MAX bytes. A write at offset 0
 * replaces the message, a write at offset N > 0 writes from byte N on;
 * reads return the stored bytes. pread()/pwrite() work.
 */
#define KCOMM_DEBUGFS_MSG		"msg"
#define KCOMM_DEBUGFS_MSG_PATH		KCOMM_DEBUGFS_PATH "/" KCOMM_DEBUGFS_MSG
#define KCOMM_DEBUGFS_MSG_MAX		(1024u * 1024)

/*
 * stamp (ro, binary): a record of record_size bytes, a struct
 * kcomm_debugfs_stamp followed by zero bytes. A read at offset 0 takes a
 * fresh stamp; reads at later offsets continue the same record.
 */
#define KCOMM_DEBUGFS_STAMP		"stamp"
#define KCOMM_DEBUGFS_STAMP_PATH	KCOMM_DEBUGFS_PATH "/" KCOMM_DEBUGFS_STAMP

struct kcomm_debugfs_stamp {
	__u64 ns;	/* ktime_get_ns() (CLOCK_MONOTONIC) at the read */
};

/* record_size (rw, decimal u32): KCOMM_DEBUGFS_RECORD_MIN..MAX. */
#define KCOMM_DEBUGFS_RECORD_SIZE	"record_size"
#define KCOMM_DEBUGFS_RECORD_SIZE_PATH	KCOMM_DEBUGFS_PATH "/" KCOMM_DEBUGFS_RECORD_SIZE
#define KCOMM_DEBUGFS_RECORD_MIN	8u
#define KCOMM_DEBUGFS_RECORD_MAX	(1024u * 1024)

/* received (ro, decimal u64): messages written to msg at offset 0 so far. */
#define KCOMM_DEBUGFS_RECEIVED		"received"
#define KCOMM_DEBUGFS_RECEIVED_PATH	KCOMM_DEBUGFS_PATH "/" KCOMM_DEBUGFS_RECEIVED

/*
 * rx_stats (ro, one line of text, KCOMM_MSG_STATS_FMT in kcomm_msg.h): the
 * same messages, each checked as a kcomm benchmark message (sequence number
 * and every byte): received, lost, corrupt, reordered, last sequence number.
 */
#define KCOMM_DEBUGFS_RX_STATS		"rx_stats"
#define KCOMM_DEBUGFS_RX_STATS_PATH	KCOMM_DEBUGFS_PATH "/" KCOMM_DEBUGFS_RX_STATS

/* info (ro, text): a fixed description, exported as a debugfs blob. */
#define KCOMM_DEBUGFS_INFO		"info"

#endif /* _KCOMM_DEBUGFS_H */
