// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_sysctl - a tunable in /proc/sys with bounds checked by its proc_handler
 *
 * What this sample shows
 *   register_sysctl() of a table of three entries under /proc/sys/kcomm/:
 *
 *   value   rw  an int the module uses, bounded by proc_dointvec_minmax(): .extra1 and .extra2
 *               point at the minimum and maximum, a write outside them fails with EINVAL and
 *               changes nothing. A handler of our own wraps it to count accepted writes.
 *   stamp   ro  a handler that produces its value when read: ktime_get_ns(), through a copy of the
 *               table entry whose .data points at a local (the k2u pattern).
 *   writes  ro  the count, an unsigned long read with proc_doulongvec_minmax().
 *
 * When to choose sysctl, and when not
 *   For a few system-wide tunables of a subsystem, set by an administrator or by sysctl.conf at
 *   boot (net.*, vm.*, kernel.*): sysctl(8) and systemd-sysctl know where to find them and how to
 *   set them early. Not for per-device settings (sysfs attributes of the device), not for data or
 *   events (a character device, netlink), not for debugging knobs (debugfs), and not for anything a
 *   module of its own should add lightly: a sysctl name is ABI. Values are text, so every read and
 *   write is a parse; the handler runs in the caller's process context and may sleep.
 *
 * Bounds and concurrency
 *   proc_dointvec_minmax() parses into a temporary and stores only a value inside [extra1, extra2],
 *   so a bad write never leaves a half-updated value; readers and writers may run at once on
 *   another CPU (the int is read and written whole, with READ_ONCE/WRITE_ONCE in recent kernels).
 *   The counter is an atomic_long_t copied out for the read.
 *
 * Permissions
 *   The mode in the table is checked by /proc/sys (0644: anyone reads, root writes). A sysctl in
 *   the initial namespace also needs the writer to be root-equivalent in it: net.* style
 *   per-namespace tables are a different API (register_net_sysctl).
 *
 * Kernel versions
 *   proc_handler takes a const struct ctl_table * since 6.11; the table needs an empty sentinel
 *   entry before 6.6, where register_sysctl() started to take the table's size. Both are version
 *   guards.
 *
 * Unloading
 *   unregister_sysctl_table() waits for handlers in flight and makes later calls on open files fail
 *   (EIO): an open /proc/sys file does not pin the module.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sysctl.h>
#include <linux/version.h>

#include "kcomm_sysctl.h"

static int value_min = KCOMM_SYSCTL_VALUE_MIN;
static int value_max = KCOMM_SYSCTL_VALUE_MAX;
static int value;
static atomic_long_t writes = ATOMIC_LONG_INIT(0);
static struct ctl_table_header *kcomm_sysctl_header;

/* proc_handler's table argument became const in 6.11. */
#if KERNEL_VERSION(6, 11, 0) <= LINUX_VERSION_CODE
#define KCOMM_CTL_CONST const
#else
#define KCOMM_CTL_CONST
#endif

/* value: the bounds check is proc_dointvec_minmax()'s; we count what it accepted. */
static int value_handler(KCOMM_CTL_CONST struct ctl_table *table, int write,
			 void *buffer, size_t *lenp, loff_t *ppos)
{
	int ret = proc_dointvec_minmax(table, write, buffer, lenp, ppos);

	if (write && !ret)
		atomic_long_inc(&writes);
	return ret;
}

/* stamp and writes: a copy of the entry whose .data is a snapshot taken now. */
static int stamp_handler(KCOMM_CTL_CONST struct ctl_table *table, int write,
			 void *buffer, size_t *lenp, loff_t *ppos)
{
	unsigned long now = ktime_get_ns();
	struct ctl_table t = *table;

	t.data = &now;
	t.maxlen = sizeof(now);
	return proc_doulongvec_minmax(&t, write, buffer, lenp, ppos);
}

static int writes_handler(KCOMM_CTL_CONST struct ctl_table *table, int write,
			  void *buffer, size_t *lenp, loff_t *ppos)
{
	unsigned long n = atomic_long_read(&writes);
	struct ctl_table t = *table;

	t.data = &n;
	t.maxlen = sizeof(n);
	return proc_doulongvec_minmax(&t, write, buffer, lenp, ppos);
}

static struct ctl_table kcomm_sysctl_table[] = {
	{
		.procname = KCOMM_SYSCTL_VALUE,
		.data = &value,
		.maxlen = sizeof(value),
		.mode = 0644,
		.proc_handler = value_handler,
		.extra1 = &value_min,
		.extra2 = &value_max,
	},
	{
		.procname = KCOMM_SYSCTL_STAMP,
		.mode = 0444,
		.proc_handler = stamp_handler,
	},
	{
		.procname = KCOMM_SYSCTL_WRITES,
		.mode = 0444,
		.proc_handler = writes_handler,
	},
#if KERNEL_VERSION(6, 6, 0) > LINUX_VERSION_CODE
	{ }	/* the sentinel register_sysctl() looked for before it took the size */
#endif
};

static int __init kcomm_sysctl_init(void)
{
	kcomm_sysctl_header = register_sysctl(KCOMM_SYSCTL_DIR, kcomm_sysctl_table);
	if (!kcomm_sysctl_header)
		return -ENOMEM;
	pr_info("ready: %s\n", KCOMM_SYSCTL_PATH);
	return 0;
}

static void __exit kcomm_sysctl_exit(void)
{
	unregister_sysctl_table(kcomm_sysctl_header);
	pr_info("%ld writes of %s accepted\n", atomic_long_read(&writes), KCOMM_SYSCTL_VALUE);
}

module_init(kcomm_sysctl_init);
module_exit(kcomm_sysctl_exit);

MODULE_DESCRIPTION("kcomm reference: a bounded tunable in /proc/sys with register_sysctl");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
