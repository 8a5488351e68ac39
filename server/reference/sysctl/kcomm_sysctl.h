/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_sysctl.ko, shared by the module and user space.
 *
 * Files under /proc/sys/kcomm/ (net.core.* style names: kcomm.value is /proc/sys/kcomm/value).
 * Text, one value per file, read and written from offset 0.
 */
#ifndef _KCOMM_SYSCTL_H
#define _KCOMM_SYSCTL_H

#define KCOMM_SYSCTL_DIR		"kcomm"
#define KCOMM_SYSCTL_PATH		"/proc/sys/" KCOMM_SYSCTL_DIR

/*
 * value (rw for root, 0644): a decimal int in KCOMM_SYSCTL_VALUE_MIN..KCOMM_SYSCTL_VALUE_MAX. A
 * write outside the bounds fails with EINVAL and leaves the value as it was.
 */
#define KCOMM_SYSCTL_VALUE		"value"
#define KCOMM_SYSCTL_VALUE_PATH		KCOMM_SYSCTL_PATH "/" KCOMM_SYSCTL_VALUE
#define KCOMM_SYSCTL_VALUE_MIN		0
#define KCOMM_SYSCTL_VALUE_MAX		1000000

/* stamp (ro, 0444): the kernel's ktime_get_ns() at the moment of the read, in decimal. */
#define KCOMM_SYSCTL_STAMP		"stamp"
#define KCOMM_SYSCTL_STAMP_PATH		KCOMM_SYSCTL_PATH "/" KCOMM_SYSCTL_STAMP

/* writes (ro, 0444): how many writes of value were accepted since the module was loaded. */
#define KCOMM_SYSCTL_WRITES		"writes"
#define KCOMM_SYSCTL_WRITES_PATH	KCOMM_SYSCTL_PATH "/" KCOMM_SYSCTL_WRITES

#endif /* _KCOMM_SYSCTL_H */
