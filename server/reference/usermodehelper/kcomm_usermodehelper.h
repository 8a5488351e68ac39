/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_usermodehelper.h - the interface of kcomm_usermodehelper.ko
 *
 * Included by the module and by its user-space side: the sysfs files and
 * the command line the kernel gives the helper are defined once, here.
 */
#ifndef _KCOMM_USERMODEHELPER_H
#define _KCOMM_USERMODEHELPER_H

#include <linux/types.h>

#define KCOMM_UMH_DIR			"kcomm_usermodehelper"	/* in /sys/kernel */
#define KCOMM_UMH_PATH			"/sys/kernel/" KCOMM_UMH_DIR

/*
 * helper (rw, root only): absolute path of the program to run, printable
 * ASCII without spaces, shorter than KCOMM_UMH_PATH_MAX. Empty = none.
 */
#define KCOMM_UMH_HELPER		"helper"
#define KCOMM_UMH_HELPER_PATH		KCOMM_UMH_PATH "/" KCOMM_UMH_HELPER
#define KCOMM_UMH_PATH_MAX		256

/*
 * trigger (wo): "exec" returns once the helper has started (UMH_WAIT_EXEC),
 * "proc" once it has exited (UMH_WAIT_PROC). The write fails with the
 * error of the upcall, or EIO if the helper exited with a non-zero status.
 */
#define KCOMM_UMH_TRIGGER		"trigger"
#define KCOMM_UMH_TRIGGER_PATH		KCOMM_UMH_PATH "/" KCOMM_UMH_TRIGGER
#define KCOMM_UMH_WAIT_EXEC		"exec"
#define KCOMM_UMH_WAIT_PROC		"proc"

/* status (ro): result of the last upcall: -errno, or the raw wait status. */
#define KCOMM_UMH_STATUS		"status"
#define KCOMM_UMH_STATUS_PATH		KCOMM_UMH_PATH "/" KCOMM_UMH_STATUS

/*
 * The helper's command line: argv[0] = the helper path,
 * argv[1] = KCOMM_UMH_HELPER_ARG, argv[2] = ktime_get_ns() in decimal, taken
 * just before the upcall. Environment: HOME=/ and a fixed PATH only.
 */
#define KCOMM_UMH_HELPER_ARG		"umh-helper"

#endif /* _KCOMM_USERMODEHELPER_H */
