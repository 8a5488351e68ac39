// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_uevent - tell user space that something happened to a device: kobject_uevent_env()
 *
 * What this sample shows
 *   A device of our own, and a KOBJ_CHANGE uevent on it with variables of our own (KCOMM_SEQ,
 *   KCOMM_STAMP, KCOMM_DATA), emitted when root writes a decimal N to its trigger attribute:
 *
 *     echo 16 > /sys/devices/virtual/misc/kcomm_uevent/trigger
 *
 *   The kernel broadcasts the event on the NETLINK_KOBJECT_UEVENT socket family, group 1. udev
 *   listens there and runs the rules that match it (see README.md for one); any other process,
 *   unprivileged ones included, may listen too (kcomm's user side does).
 *
 * Why a misc device
 *   A uevent is about a kobject that belongs to a subsystem: the driver core adds SUBSYSTEM and
 *   DEVPATH from the device's class or bus, and drops events of kobjects that have neither. A misc
 *   device is the smallest way for a module to own such a device: one misc_register() gives a
 *   struct device in class "misc" under /sys/devices/virtual/misc/, and its .groups member creates
 *   the attributes before the device's own "add" event, so a udev rule never sees the device
 *   without its trigger file. A platform device would need a fake bus device and a release
 *   function; the faux device API (6.14) is not in the kernels kcomm targets. The /dev node the
 *   misc device also gets is not used here: its file operations are empty.
 *
 * The size limit
 *   All variables of one event, the driver core's and ours, share one struct kobj_uevent_env:
 *   UEVENT_BUFFER_SIZE (2048) bytes and UEVENT_NUM_ENVP (64) entries. add_uevent_var() fails with
 *   -ENOMEM past either, and kobject_uevent_env() returns that error. So the data is bounded by
 *   KCOMM_UEVENT_DATA_MAX (half the buffer, checked at build time) and a larger request fails with
 *   EMSGSIZE; the error of kobject_uevent_env(), if any, is returned to the writer.
 *
 * When to choose a uevent, and when not
 *   To tell udev that a device changed state (media inserted, link up, a firmware crash), so that
 *   rules can react without a daemon of the module's own. Not for data (2 KiB a message, every
 *   message through udev's rules), not for frequent events (udev handles each in a worker:
 *   thousands a second is an event storm), not for anything that needs an answer.
 *
 * Concurrency and context
 *   kobject_uevent_env() allocates with GFP_KERNEL and may sleep: call it from process context
 *   (here, the sysfs store). Writers may run at once; each builds its own variables, the counter is
 *   an atomic64_t. Two events from two CPUs may reach the socket in either order; KCOMM_SEQ says
 *   which came first.
 *
 * Unloading
 *   misc_deregister() removes the attributes, waiting for stores in flight, and emits the "remove"
 *   event. An open trigger file does not pin the module; it answers ENODEV afterwards.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/build_bug.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "kcomm_uevent.h"

/*
 * The limits, checked at build time: our three variables, the driver core's (about a dozen for a
 * misc device) and the terminating NULL fit UEVENT_NUM_ENVP; our longest text (two 20-digit
 * numbers and the data, with their keys and NULs) leaves 512 bytes of UEVENT_BUFFER_SIZE to the
 * driver core's, which need about 200 with this DEVPATH.
 */
#define KCOMM_UEVENT_VARS	3
static_assert(KCOMM_UEVENT_VARS + 16 + 1 <= UEVENT_NUM_ENVP);
#define KCOMM_UEVENT_OURS	(sizeof(KCOMM_UEVENT_KEY_SEQ) + sizeof(KCOMM_UEVENT_KEY_STAMP) + \
				 2 * 20 + sizeof(KCOMM_UEVENT_KEY_DATA) + KCOMM_UEVENT_DATA_MAX)
static_assert(KCOMM_UEVENT_OURS + 512 <= UEVENT_BUFFER_SIZE);

static atomic64_t kcomm_uevent_seq = ATOMIC64_INIT(0);

/* Build the variables and emit one KOBJ_CHANGE event with them; 0 or -errno. */
static int kcomm_uevent_emit(struct device *dev, unsigned int len)
{
	char seq_var[sizeof(KCOMM_UEVENT_KEY_SEQ) + 20];
	char stamp_var[sizeof(KCOMM_UEVENT_KEY_STAMP) + 20];
	char *envp[KCOMM_UEVENT_VARS + 1];
	size_t key = strlen(KCOMM_UEVENT_KEY_DATA);
	u64 stamp = ktime_get_ns();
	char *data_var;
	unsigned int i;
	u64 seq;
	int ret;

	data_var = kmalloc(key + len + 1, GFP_KERNEL);
	if (!data_var)
		return -ENOMEM;
	seq = atomic64_inc_return(&kcomm_uevent_seq);
	memcpy(data_var, KCOMM_UEVENT_KEY_DATA, key);
	for (i = 0; i < len; i++)
		data_var[key + i] = 'a' + (seq + i) % 26;
	data_var[key + len] = '\0';
	snprintf(seq_var, sizeof(seq_var), KCOMM_UEVENT_KEY_SEQ "%llu", seq);
	snprintf(stamp_var, sizeof(stamp_var), KCOMM_UEVENT_KEY_STAMP "%llu", stamp);
	envp[0] = seq_var;
	envp[1] = stamp_var;
	envp[2] = data_var;
	envp[3] = NULL;

	ret = kobject_uevent_env(&dev->kobj, KOBJ_CHANGE, envp);
	kfree(data_var);
	return ret;
}

/* trigger (0200): a decimal N, 0..KCOMM_UEVENT_DATA_MAX; returns when the event is sent. */
static ssize_t trigger_store(struct device *dev, struct device_attribute *attr,
			     const char *buf, size_t count)
{
	unsigned int len;
	int ret;

	ret = kstrtouint(buf, 10, &len);
	if (ret)
		return ret;
	if (len > KCOMM_UEVENT_DATA_MAX)
		return -EMSGSIZE;
	ret = kcomm_uevent_emit(dev, len);
	return ret ? ret : count;
}
static DEVICE_ATTR_WO(trigger);

static struct attribute *kcomm_uevent_attrs[] = {
	&dev_attr_trigger.attr,
	NULL,
};
ATTRIBUTE_GROUPS(kcomm_uevent);

static const struct file_operations kcomm_uevent_fops = {
	.owner = THIS_MODULE,
};

static struct miscdevice kcomm_uevent_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = KCOMM_UEVENT_NAME,
	.fops = &kcomm_uevent_fops,
	.groups = kcomm_uevent_groups,
	.mode = 0600,
};

static int __init kcomm_uevent_init(void)
{
	int ret = misc_register(&kcomm_uevent_dev);

	if (ret)
		return ret;
	pr_info("ready: %s\n", KCOMM_UEVENT_SYSFS);
	return 0;
}

static void __exit kcomm_uevent_exit(void)
{
	misc_deregister(&kcomm_uevent_dev);
	pr_info("%lld events sent\n", (long long)atomic64_read(&kcomm_uevent_seq));
}

module_init(kcomm_uevent_init);
module_exit(kcomm_uevent_exit);

MODULE_DESCRIPTION("kcomm reference: a KOBJ_CHANGE uevent with variables of its own");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
