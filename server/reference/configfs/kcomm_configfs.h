/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_configfs.ko, shared by the module and user space.
 *
 * configfs is mounted at /sys/kernel/config (mount -t configfs none /sys/kernel/config if it is
 * not). The module's subsystem is the directory kcomm/ there; mkdir in it creates an item, rmdir
 * removes it. Attributes are text, one value per file, written whole in one write() and read from
 * offset 0 of a fresh open or after a write on the same open file (configfs fills its read buffer
 * once per open file and again after each write).
 */
#ifndef _KCOMM_CONFIGFS_H
#define _KCOMM_CONFIGFS_H

#define KCOMM_CONFIGFS_MOUNT		"/sys/kernel/config"
#define KCOMM_CONFIGFS_SUBSYS		"kcomm"
#define KCOMM_CONFIGFS_PATH		KCOMM_CONFIGFS_MOUNT "/" KCOMM_CONFIGFS_SUBSYS

/* The subsystem's own attribute, items (ro): how many items exist, in decimal. */
#define KCOMM_CONFIGFS_ITEMS		"items"
#define KCOMM_CONFIGFS_ITEMS_PATH	KCOMM_CONFIGFS_PATH "/" KCOMM_CONFIGFS_ITEMS
/* mkdir of one more item fails with ENOSPC. */
#define KCOMM_CONFIGFS_ITEMS_MAX	64

/* Attributes of each item, KCOMM_CONFIGFS_PATH "/<item>/<attribute>": */

/*
 * msg (rw): a line of text. A write stores it (one trailing newline is dropped; a NUL byte is
 * refused with EINVAL); a read returns it followed by a newline. At most KCOMM_CONFIGFS_MSG_MAX
 * bytes either way, newline included. configfs silently cuts a longer write to 4095 bytes, so a
 * write of 4095 bytes that does not end in a newline is refused with E2BIG: it may have been cut.
 */
#define KCOMM_CONFIGFS_MSG		"msg"
#define KCOMM_CONFIGFS_MSG_MAX		4095u

/*
 * value (rw): a decimal int in KCOMM_CONFIGFS_VALUE_MIN..KCOMM_CONFIGFS_VALUE_MAX, optionally
 * followed by a newline. Not a number: EINVAL; outside the bounds: ERANGE; either leaves the value.
 */
#define KCOMM_CONFIGFS_VALUE		"value"
#define KCOMM_CONFIGFS_VALUE_MIN	0
#define KCOMM_CONFIGFS_VALUE_MAX	1000000

/* stamp (ro): the kernel's ktime_get_ns() when the read filled the buffer, in decimal. */
#define KCOMM_CONFIGFS_STAMP		"stamp"

#endif /* _KCOMM_CONFIGFS_H */
