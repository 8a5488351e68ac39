/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_sysfs.h - the user-visible interface of kcomm_sysfs.ko
 *
 * Included by the module and by its user-space side: the ABI is written
 * down once, here. All attributes are text, one value per file.
 */
#ifndef _KCOMM_SYSFS_H
#define _KCOMM_SYSFS_H

#include <linux/types.h>

#define KCOMM_SYSFS_DIR			"kcomm_sysfs"	/* under /sys/kernel */
#define KCOMM_SYSFS_PATH		"/sys/kernel/" KCOMM_SYSFS_DIR

/*
 * msg (rw): a line of text. A write stores it (one trailing newline is
 * dropped, NUL bytes are refused); a read returns it followed by a newline.
 * At most KCOMM_SYSFS_MSG_MAX bytes either way, newline included: a sysfs
 * read is one PAGE_SIZE buffer holding at most PAGE_SIZE - 1 bytes.
 */
#define KCOMM_SYSFS_MSG			"msg"
#define KCOMM_SYSFS_MSG_PATH		KCOMM_SYSFS_PATH "/" KCOMM_SYSFS_MSG
#define KCOMM_SYSFS_MSG_MAX		4095u

/* stamp (ro): decimal ktime_get_ns() of the last trigger, then a newline. */
#define KCOMM_SYSFS_STAMP		"stamp"
#define KCOMM_SYSFS_STAMP_PATH		KCOMM_SYSFS_PATH "/" KCOMM_SYSFS_STAMP

/*
 * trigger (wo): a decimal delay in microseconds, 0..KCOMM_SYSFS_DELAY_MAX_US.
 * After the delay a timer sets stamp and wakes poll(POLLPRI) on it.
 */
#define KCOMM_SYSFS_TRIGGER		"trigger"
#define KCOMM_SYSFS_TRIGGER_PATH	KCOMM_SYSFS_PATH "/" KCOMM_SYSFS_TRIGGER
#define KCOMM_SYSFS_DELAY_MAX_US	1000000u

#endif /* _KCOMM_SYSFS_H */
