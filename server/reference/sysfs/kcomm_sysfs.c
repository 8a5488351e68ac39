// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_sysfs - attributes of a kobject, and poll() on a changing value
 *
 * What this sample shows
 *   A kobject at /sys/kernel/kcomm_sysfs/ carrying one attribute group:
 *
 *   msg      rw  a line of text: store then show is the roundtrip pattern,
 *                store alone the u2k pattern.
 *   stamp    ro  ktime_get_ns() of the last event, in decimal.
 *   trigger  wo  "write a delay in µs": an hrtimer fires after the delay,
 *                updates stamp and calls sysfs_notify_dirent(), which wakes
 *                user space sleeping in poll() on stamp: the notify pattern.
 *
 * When to choose sysfs, and when not
 *   sysfs is the kernel's object model made visible: attributes of devices,
 *   drivers, buses and a few kernel-wide objects. Choose it for
 *   configuration and status that a shell, udev rules or a daemon read and
 *   write by name, and for "value changed" events that wake poll().
 *   Documentation/filesystems/sysfs.rst sets the rules: one value per file
 *   (text, or an array of values of the same type); whatever you create is
 *   ABI and must be documented in Documentation/ABI/. Do not choose it for
 *   streams, bulk data or request/response protocols: every access costs a
 *   path lookup or a syscall on a PAGE_SIZE text buffer, and there is no
 *   queue - a reader sees the latest value, never the ones in between.
 *   A real driver hangs its attributes on its struct device (dev->groups,
 *   DEVICE_ATTR_RW) rather than on a bare kobject under /sys/kernel.
 *
 * The data path and its limits
 *   store(): kernfs copies the written bytes into a PAGE_SIZE kernel buffer,
 *   NUL-terminates it and calls store() once. Writes larger than PAGE_SIZE
 *   fail with E2BIG before reaching us; the file offset is ignored.
 *   show(): fills a PAGE_SIZE buffer that kernfs then copies out;
 *   sysfs_emit() knows the buffer and never writes past it, and a show()
 *   returning PAGE_SIZE or more is truncated with a warning. So the most a
 *   read can return is PAGE_SIZE - 1 bytes: 4095 on the smallest page size.
 *   Binary or larger data needs a bin_attribute or another interface.
 *
 * Execution context and locking
 *   show() and store() run in process context and may sleep. kernfs holds an
 *   "active reference" on the file while they run, but no lock that
 *   serialises them: two writers, or a reader and a writer, can run at the
 *   same time on different CPUs. So msg is protected by a mutex.
 *   The timer callback runs in hard interrupt context (softirq on PREEMPT_RT)
 *   and must not sleep. stamp is written there and read in show(): an
 *   atomic64_t makes the 64-bit value tear-free on 32-bit machines too.
 *
 * Which notify call may run where
 *   sysfs_notify(kobj, dir, attr) looks the attribute up by name with
 *   kernfs_find_and_get(), which takes the kernfs rwsem, a sleeping lock:
 *   process context only. The lookup can be done once, at init, with
 *   sysfs_get_dirent(), and the resulting kernfs_node passed to
 *   sysfs_notify_dirent() (kernfs_notify()), which only takes a spinlock
 *   with interrupts disabled, wakes the pollers immediately and defers the
 *   fsnotify part to a workqueue: safe from any context. That is what the
 *   timer callback does.
 *
 * What user space does
 *   open stamp, read it once (this arms the file), poll() for POLLPRI (sysfs
 *   reports POLLERR|POLLPRI), then pread() from offset 0: the read both
 *   returns the new value and re-arms. Values are not queued: two events
 *   before the read are seen as one.
 *
 * Unloading while user space holds a file open
 *   Open sysfs files do not pin the module. Removing the attributes
 *   (kernfs_remove) waits until no show()/store() is running in them and
 *   turns later calls on open file descriptors into ENODEV. So teardown
 *   removes the files first - after that no store() can arm the timer -
 *   then cancels the timer, then drops the node reference the timer used.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/version.h>

#include "kcomm_sysfs.h"

static struct kobject *kcomm_kobj;

static DEFINE_MUTEX(msg_lock);		/* protects msg */
static char msg[KCOMM_SYSFS_MSG_MAX];	/* NUL-terminated, no newline */

static atomic64_t stamp_ns;
static struct hrtimer notify_timer;
/* Looked up once so that the timer can notify without sleeping. */
static struct kernfs_node *stamp_kn;

/* --- msg ---------------------------------------------------------------- */

static ssize_t msg_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	ssize_t ret;

	mutex_lock(&msg_lock);
	ret = sysfs_emit(buf, "%s\n", msg);
	mutex_unlock(&msg_lock);
	return ret;
}

static ssize_t msg_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	size_t len = count;

	/* buf holds count bytes plus a NUL kernfs added; count <= PAGE_SIZE. */
	if (len && buf[len - 1] == '\n')
		len--;
	/* Room for the newline show() appends: see KCOMM_SYSFS_MSG_MAX. */
	if (len > KCOMM_SYSFS_MSG_MAX - 1)
		return -E2BIG;
	/* One value, as text: an embedded NUL would silently cut it. */
	if (memchr(buf, '\0', len))
		return -EINVAL;

	mutex_lock(&msg_lock);
	memcpy(msg, buf, len);
	msg[len] = '\0';
	mutex_unlock(&msg_lock);
	return count;
}

/* --- stamp and trigger ---------------------------------------------------- */

static ssize_t stamp_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%llu\n", (u64)atomic64_read(&stamp_ns));
}

static enum hrtimer_restart notify_timer_fn(struct hrtimer *timer)
{
	/* Hard-irq context: no sleeping, no mutex, no sysfs_notify(). */
	atomic64_set(&stamp_ns, ktime_get_ns());
	sysfs_notify_dirent(stamp_kn);
	return HRTIMER_NORESTART;
}

static ssize_t trigger_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	unsigned int delay_us;
	int ret;

	ret = kstrtouint(buf, 0, &delay_us);	/* accepts a trailing newline */
	if (ret)
		return ret;
	if (delay_us > KCOMM_SYSFS_DELAY_MAX_US)
		return -ERANGE;
	/*
	 * The files appear before init has looked up stamp_kn; until it is
	 * published there is nothing to notify (see kcomm_sysfs_init()).
	 */
	if (!smp_load_acquire(&stamp_kn))
		return -EAGAIN;
	/* Safe against concurrent callers: hrtimer_start() takes the base lock. */
	hrtimer_start(&notify_timer, ns_to_ktime((u64)delay_us * NSEC_PER_USEC),
		      HRTIMER_MODE_REL);
	return count;
}

static struct kobj_attribute msg_attr = __ATTR_RW(msg);
static struct kobj_attribute stamp_attr = __ATTR_RO(stamp);
static struct kobj_attribute trigger_attr = __ATTR_WO(trigger);

static struct attribute *kcomm_attrs[] = {
	&msg_attr.attr,
	&stamp_attr.attr,
	&trigger_attr.attr,
	NULL,
};

/* No .name: the files go straight into the kobject's directory. */
static const struct attribute_group kcomm_group = {
	.attrs = kcomm_attrs,
};

/* --- setup and teardown --------------------------------------------------- */

static int __init kcomm_sysfs_init(void)
{
	struct kernfs_node *kn;
	int ret;

	/* hrtimer_init() was replaced by hrtimer_setup() in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&notify_timer, notify_timer_fn, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL);
#else
	hrtimer_init(&notify_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	notify_timer.function = notify_timer_fn;
#endif

	kcomm_kobj = kobject_create_and_add(KCOMM_SYSFS_DIR, kernel_kobj);
	if (!kcomm_kobj)
		return -ENOMEM;

	ret = sysfs_create_group(kcomm_kobj, &kcomm_group);
	if (ret)
		goto out_put_kobj;

	kn = sysfs_get_dirent(kcomm_kobj->sd, KCOMM_SYSFS_STAMP);
	if (!kn) {
		ret = -ENOENT;
		goto out_remove_group;
	}
	/* Pairs with smp_load_acquire() in trigger_store(). */
	smp_store_release(&stamp_kn, kn);

	pr_info("ready: %s\n", KCOMM_SYSFS_PATH);
	return 0;

out_remove_group:
	sysfs_remove_group(kcomm_kobj, &kcomm_group);
out_put_kobj:
	kobject_put(kcomm_kobj);
	return ret;
}

static void __exit kcomm_sysfs_exit(void)
{
	/* Waits for running show()/store(); afterwards none can start. */
	sysfs_remove_group(kcomm_kobj, &kcomm_group);
	/* Nobody can arm the timer now: stop it and wait for the callback. */
	hrtimer_cancel(&notify_timer);
	sysfs_put(stamp_kn);
	kobject_put(kcomm_kobj);
}

module_init(kcomm_sysfs_init);
module_exit(kcomm_sysfs_exit);

MODULE_DESCRIPTION("kcomm reference: sysfs attributes, attribute group and sysfs_notify");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
