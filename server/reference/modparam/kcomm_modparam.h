/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_modparam.ko, shared by the module and user space.
 *
 * Parameters: set at load (insmod kcomm_modparam.ko value=42 max=500, modprobe options in
 * /etc/modprobe.d, or kcomm_modparam.value=42 on the kernel command line for a built-in module),
 * and visible under /sys/module/kcomm_modparam/parameters/ as text, one value per file, read and
 * written from offset 0.
 */
#ifndef _KCOMM_MODPARAM_H
#define _KCOMM_MODPARAM_H

#define KCOMM_MODPARAM_MODULE		"kcomm_modparam"
#define KCOMM_MODPARAM_PATH		"/sys/module/" KCOMM_MODPARAM_MODULE "/parameters"

/*
 * value (0644, root writes): a decimal int in 0..max. The set callback refuses anything else with
 * EINVAL (ERANGE for a number that does not fit an int), at load time as at run time, and a refused
 * write leaves the value as it was.
 */
#define KCOMM_MODPARAM_VALUE		"value"
#define KCOMM_MODPARAM_VALUE_PATH	KCOMM_MODPARAM_PATH "/" KCOMM_MODPARAM_VALUE

/*
 * max (0444): value's upper bound, a load-time option (max=N, 0..KCOMM_MODPARAM_MAX_LIMIT,
 * default KCOMM_MODPARAM_MAX_DEFAULT), read-only once the module runs.
 */
#define KCOMM_MODPARAM_MAX		"max"
#define KCOMM_MODPARAM_MAX_PATH		KCOMM_MODPARAM_PATH "/" KCOMM_MODPARAM_MAX
#define KCOMM_MODPARAM_MAX_DEFAULT	1000000
#define KCOMM_MODPARAM_MAX_LIMIT	1000000000

/*
 * stamp (0444): the kernel's ktime_get_ns() at the moment of the read, in decimal. It cannot be
 * set, not even at load time (EPERM).
 */
#define KCOMM_MODPARAM_STAMP		"stamp"
#define KCOMM_MODPARAM_STAMP_PATH	KCOMM_MODPARAM_PATH "/" KCOMM_MODPARAM_STAMP

#endif /* _KCOMM_MODPARAM_H */
