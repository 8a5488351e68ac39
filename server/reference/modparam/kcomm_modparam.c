// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_modparam - module parameters: load-time options that stay visible in sysfs
 *
 * What this sample shows
 *   Three parameters, under /sys/module/kcomm_modparam/parameters/:
 *
 *   value  0644  module_param_cb() with kernel_param_ops of our own: the set callback parses the
 *                text, checks it against the bounds and stores it, or refuses it with an error and
 *                leaves the old value. The same callback runs for insmod's value=N, for modprobe
 *                options and for a write to the sysfs file, so one check covers every way in.
 *   max    0444  module_param_named(): the standard int ops on a variable with another name. It
 *                is a load-time option (max=N) that user space can read but not change later; its
 *                own bounds and value <= max are checked in the init function, because the
 *                parameters are parsed in the order the user gave them, before init runs.
 *   stamp  0444  module_param_cb() with a get callback that produces its text when read (the
 *                kernel's ktime_get_ns(): the k2u pattern) and a set callback that always refuses.
 *
 * When to choose a module parameter, and when not
 *   For the options of a driver that must be known at load time (a buffer size, a debug level, a
 *   quirk switch), settable by modprobe.d or the kernel command line, and for the few of them that
 *   can safely change at run time. Not for per-device settings (sysfs attributes of the device),
 *   not for system-wide tunables of a subsystem (sysctl), not for data or events. A parameter's
 *   name is ABI: modprobe.d files out there name it.
 *
 * Bounds and concurrency
 *   kernel/params.c holds the module's parameter lock (kernel_param_lock()) around every set and
 *   get from sysfs and around load-time parsing, so the callbacks of one module never run at once.
 *   The module's own code does not take that lock: it reads value with READ_ONCE(), and the set
 *   callback publishes a whole int with WRITE_ONCE(). A parameter made of several fields would need
 *   the module to take kernel_param_lock(THIS_MODULE) around its reads.
 *
 * Permissions
 *   The perm argument is the sysfs mode: 0 keeps a parameter out of sysfs, 0444 makes it
 *   read-only, 0644 lets root write it. A read-only parameter still needs a set callback that
 *   refuses: load-time parsing calls ->set without checking it (a NULL set would oops on
 *   insmod kcomm_modparam.ko stamp=1), sysfs checks it and answers EPERM.
 *
 * Unloading
 *   The parameter files go away with the module; an open file answers ENODEV afterwards and does
 *   not pin the module.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sysfs.h>

#include "kcomm_modparam.h"

static int value;
static int value_max = KCOMM_MODPARAM_MAX_DEFAULT;
static unsigned long value_writes;	/* under the parameter lock, like every set callback */

/* value: parse, check the bounds, store, or refuse and keep the old value. */
static int value_set(const char *val, const struct kernel_param *kp)
{
	int n, ret;

	ret = kstrtoint(val, 0, &n);	/* accepts one trailing newline, as echo writes */
	if (ret)
		return ret;
	if (n < 0 || n > value_max)
		return -EINVAL;
	WRITE_ONCE(*(int *)kp->arg, n);
	value_writes++;
	return 0;
}

static const struct kernel_param_ops value_ops = {
	.set = value_set,
	.get = param_get_int,
};

module_param_cb(value, &value_ops, &value, 0644);
MODULE_PARM_DESC(value, "an int in 0..max, settable at load and at run time (default 0)");

module_param_named(max, value_max, int, 0444);
MODULE_PARM_DESC(max, "the upper bound of value, set at load only (default 1000000)");

/* stamp: produced when read; never set. */
static int stamp_get(char *buffer, const struct kernel_param *kp)
{
	return sysfs_emit(buffer, "%llu\n", ktime_get_ns());
}

static int stamp_set(const char *val, const struct kernel_param *kp)
{
	return -EPERM;
}

static const struct kernel_param_ops stamp_ops = {
	.set = stamp_set,
	.get = stamp_get,
};

module_param_cb(stamp, &stamp_ops, NULL, 0444);
MODULE_PARM_DESC(stamp, "ktime_get_ns() at the read (read-only)");

static int __init kcomm_modparam_init(void)
{
	/* max and value were parsed in the user's order: only now can they be checked together. */
	if (value_max < 0 || value_max > KCOMM_MODPARAM_MAX_LIMIT) {
		pr_err("max=%d is outside 0..%d\n", value_max, KCOMM_MODPARAM_MAX_LIMIT);
		return -EINVAL;
	}
	if (value > value_max) {
		pr_err("value=%d is above max=%d\n", value, value_max);
		return -EINVAL;
	}
	pr_info("ready: %s (value=%d, max=%d)\n", KCOMM_MODPARAM_PATH, value, value_max);
	return 0;
}

static void __exit kcomm_modparam_exit(void)
{
	pr_info("%lu writes of %s accepted\n", value_writes, KCOMM_MODPARAM_VALUE);
}

module_init(kcomm_modparam_init);
module_exit(kcomm_modparam_exit);

MODULE_DESCRIPTION("kcomm reference: module parameters with a validating set callback");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
