/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_min.h - the interface of kcomm_min.ko, a measuring baseline
 *
 * Not a reference module: the least a module can do for two of the
 * benchmark's messages, so that the cost of a reference module can be read
 * against it (test/kernel/icount.test.ts).
 *
 * /dev/kcomm_min (misc device, mode 0600)
 *   write(n): copy_from_user() of the n bytes into a kernel buffer, and the
 *	checks every receiver makes of a kcomm message (kcomm_msg.h). 1 <= n <=
 *	KCOMM_MIN_MSG_MAX, else EINVAL; a bad buffer is EFAULT.
 *   ioctl(KCOMM_MIN_GET_RX_STATS, struct kcomm_msg_stats *): what write()
 *	received, module-wide.
 * /sys/kernel/debug/kcomm_min/produce (write-only, ioctl only)
 *   ioctl(KCOMM_RELAY_IOC_PRODUCE, struct kcomm_relay_produce *): kcomm_relay's
 *	request (kcomm_relay.h) with count 1: one relay record of size bytes, as
 *	kcomm_relay.ko writes it (struct kcomm_relay_record, then zeroes), into
 *	the buffer of the calling CPU. count != 1, or size outside
 *	KCOMM_RELAY_RECORD_MIN..KCOMM_RELAY_SUBBUF_SIZE, is EINVAL; a bad
 *	pointer EFAULT.
 * /sys/kernel/debug/kcomm_min/cpu0, cpu1, ...: the relay buffers (read-only).
 */
#ifndef _KCOMM_MIN_H
#define _KCOMM_MIN_H

#include <linux/ioctl.h>
#include <linux/types.h>

#include "kcomm_msg.h"
#include "kcomm_relay.h"

#define KCOMM_MIN_DEVICE	"/dev/kcomm_min"
#define KCOMM_MIN_MSG_MAX	(1024u * 1024)

#define KCOMM_MIN_DIR		"kcomm_min"
#define KCOMM_MIN_PATH		"/sys/kernel/debug/" KCOMM_MIN_DIR
#define KCOMM_MIN_CPU_FMT	KCOMM_MIN_PATH "/" KCOMM_RELAY_BASE "%u"
#define KCOMM_MIN_PRODUCE_PATH	KCOMM_MIN_PATH "/" KCOMM_RELAY_PRODUCE

#define KCOMM_MIN_MAGIC		0xE6
#define KCOMM_MIN_GET_RX_STATS	_IOR(KCOMM_MIN_MAGIC, 0x02, struct kcomm_msg_stats)

#endif /* _KCOMM_MIN_H */
