// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_configfs - objects that user space creates with mkdir and configures through attributes
 *
 * What this sample shows
 *   A configfs subsystem, kcomm/ under /sys/kernel/config, whose group makes an item for every
 *   mkdir and drops it on rmdir. Each item has three attributes:
 *
 *   msg     rw  a line of text, checked and bounded by store() (the write+read round trip the
 *               harness measures)
 *   value   rw  an int parsed and bounded by store(): EINVAL if it is not a number, ERANGE if it is
 *               outside [KCOMM_CONFIGFS_VALUE_MIN, KCOMM_CONFIGFS_VALUE_MAX]
 *   stamp   ro  ktime_get_ns() when the read fills its buffer
 *
 *   and the subsystem has one read-only attribute, items, the number of items.
 *
 * When to choose configfs, and when not
 *   When the administrator, not the driver, decides how many objects exist and what they are: USB
 *   gadgets (drivers/usb/gadget), LIO SCSI targets, netconsole targets, NVMe-oF ports. mkdir,
 *   echo and rmdir are the whole interface, so a shell script can set it up. Not for objects the
 *   kernel creates (sysfs, the inverse), not for events (nothing notifies a reader), not for data
 *   (one PAGE_SIZE text buffer per attribute), and not for unprivileged users (the tree is root's).
 *
 * The data path and its limits
 *   A write copies at most SIMPLE_ATTR_SIZE - 1 (4095) bytes into a page, NUL-terminates it and
 *   calls store() once; a longer write is cut without an error, so msg refuses a 4095-byte write
 *   that does not end in a newline (E2BIG) rather than keep a cut line. A read calls show() once
 *   per open file, and again only after a write on that file: a reader re-opens to see a new value.
 *   show() may return at most 4096 bytes (more is -EIO and a warning).
 *
 * Lifetime and locking
 *   make_item() and drop_item() run under the subsystem's su_mutex, so the item count needs no lock
 *   of its own (items is read without it, with READ_ONCE). show() and store() of one item can run
 *   at once from different open files, so msg has a mutex; value is one int written whole.
 *   An open attribute holds a reference on its item: rmdir succeeds while a reader has msg open,
 *   configfs marks the attribute dead (later reads and writes get ENOENT), and the item is freed by
 *   its release() when the last file closes. An open attribute pins this module, and so does every
 *   item made by mkdir: rmmod fails (EBUSY/EAGAIN) until they are closed and removed.
 *
 * Permissions
 *   The subsystem directory and attributes are root's: mkdir needs root (or whoever the
 *   administrator chowns the directory to); the attribute modes apply as usual.
 *
 * Kernel versions
 *   Nothing here changed between 6.1 and 6.12 (6.12 adds is_visible callbacks, unused here).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/configfs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "kcomm_configfs.h"

/* configfs's text attribute buffer: a write gets at most this minus one bytes. */
#define KCOMM_ATTR_SIZE		4096

struct kcomm_item {
	struct config_item item;
	struct mutex msg_lock;	/* msg and msg_len */
	size_t msg_len;
	char msg[KCOMM_CONFIGFS_MSG_MAX];
	int value;
};

static int kcomm_items;	/* changed under the subsystem's su_mutex */

static inline struct kcomm_item *to_kcomm_item(struct config_item *item)
{
	return container_of(item, struct kcomm_item, item);
}

/* --- item attributes ------------------------------------------------------ */

static ssize_t kcomm_item_msg_show(struct config_item *item, char *page)
{
	struct kcomm_item *k = to_kcomm_item(item);
	size_t len;

	mutex_lock(&k->msg_lock);
	len = k->msg_len;
	memcpy(page, k->msg, len);
	mutex_unlock(&k->msg_lock);
	page[len] = '\n';
	return len + 1;
}

static ssize_t kcomm_item_msg_store(struct config_item *item, const char *page, size_t count)
{
	struct kcomm_item *k = to_kcomm_item(item);
	size_t len = count;

	/* configfs cuts longer writes to KCOMM_ATTR_SIZE - 1 bytes: refuse what may be cut. */
	if (count >= KCOMM_ATTR_SIZE - 1 && page[count - 1] != '\n')
		return -E2BIG;
	if (len && page[len - 1] == '\n')
		len--;
	/* Room for the newline show() appends. */
	if (len > KCOMM_CONFIGFS_MSG_MAX - 1)
		return -E2BIG;
	/* One value, as text: an embedded NUL would silently cut it. */
	if (memchr(page, '\0', len))
		return -EINVAL;

	mutex_lock(&k->msg_lock);
	memcpy(k->msg, page, len);
	k->msg_len = len;
	mutex_unlock(&k->msg_lock);
	return count;
}

static ssize_t kcomm_item_value_show(struct config_item *item, char *page)
{
	return sysfs_emit(page, "%d\n", READ_ONCE(to_kcomm_item(item)->value));
}

static ssize_t kcomm_item_value_store(struct config_item *item, const char *page, size_t count)
{
	int v, ret;

	/* kstrtoint() takes one trailing newline and refuses anything else that is not a number. */
	ret = kstrtoint(page, 10, &v);
	if (ret)
		return ret;	/* -EINVAL, or -ERANGE when it does not fit an int */
	if (v < KCOMM_CONFIGFS_VALUE_MIN || v > KCOMM_CONFIGFS_VALUE_MAX)
		return -ERANGE;
	WRITE_ONCE(to_kcomm_item(item)->value, v);
	return count;
}

static ssize_t kcomm_item_stamp_show(struct config_item *item, char *page)
{
	return sysfs_emit(page, "%llu\n", (unsigned long long)ktime_get_ns());
}

CONFIGFS_ATTR(kcomm_item_, msg);
CONFIGFS_ATTR(kcomm_item_, value);
CONFIGFS_ATTR_RO(kcomm_item_, stamp);

static struct configfs_attribute *kcomm_item_attrs[] = {
	&kcomm_item_attr_msg,
	&kcomm_item_attr_value,
	&kcomm_item_attr_stamp,
	NULL,
};

/* The last reference is gone: no open attribute, no configfs link. */
static void kcomm_item_release(struct config_item *item)
{
	kfree(to_kcomm_item(item));
}

static struct configfs_item_operations kcomm_item_ops = {
	.release = kcomm_item_release,
};

static const struct config_item_type kcomm_item_type = {
	.ct_item_ops = &kcomm_item_ops,
	.ct_attrs = kcomm_item_attrs,
	.ct_owner = THIS_MODULE,
};

/* --- the subsystem's group --------------------------------------------------- */

static struct configfs_subsystem kcomm_subsys;

/* mkdir kcomm/<name>; under su_mutex. */
static struct config_item *kcomm_make_item(struct config_group *group, const char *name)
{
	struct kcomm_item *k;

	lockdep_assert_held(&kcomm_subsys.su_mutex);
	if (kcomm_items >= KCOMM_CONFIGFS_ITEMS_MAX)
		return ERR_PTR(-ENOSPC);
	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	mutex_init(&k->msg_lock);
	config_item_init_type_name(&k->item, name, &kcomm_item_type);
	WRITE_ONCE(kcomm_items, kcomm_items + 1);
	return &k->item;
}

/* rmdir kcomm/<name>; under su_mutex. Open attributes may still hold the item. */
static void kcomm_drop_item(struct config_group *group, struct config_item *item)
{
	lockdep_assert_held(&kcomm_subsys.su_mutex);
	WRITE_ONCE(kcomm_items, kcomm_items - 1);
	config_item_put(item);
}

static ssize_t kcomm_subsys_items_show(struct config_item *item, char *page)
{
	return sysfs_emit(page, "%d\n", READ_ONCE(kcomm_items));
}

CONFIGFS_ATTR_RO(kcomm_subsys_, items);

static struct configfs_attribute *kcomm_subsys_attrs[] = {
	&kcomm_subsys_attr_items,
	NULL,
};

static struct configfs_group_operations kcomm_group_ops = {
	.make_item = kcomm_make_item,
	.drop_item = kcomm_drop_item,
};

static const struct config_item_type kcomm_subsys_type = {
	.ct_group_ops = &kcomm_group_ops,
	.ct_attrs = kcomm_subsys_attrs,
	.ct_owner = THIS_MODULE,
};

static struct configfs_subsystem kcomm_subsys = {
	.su_group = {
		.cg_item = {
			.ci_namebuf = KCOMM_CONFIGFS_SUBSYS,
			.ci_type = &kcomm_subsys_type,
		},
	},
};

static int __init kcomm_configfs_init(void)
{
	int ret;

	config_group_init(&kcomm_subsys.su_group);
	mutex_init(&kcomm_subsys.su_mutex);
	ret = configfs_register_subsystem(&kcomm_subsys);
	if (ret) {
		pr_err("configfs_register_subsystem: %d\n", ret);
		return ret;
	}
	pr_info("ready: %s (mount configfs at %s if it is not)\n", KCOMM_CONFIGFS_PATH,
		KCOMM_CONFIGFS_MOUNT);
	return 0;
}

/* Every item was removed first: each one pins the module. */
static void __exit kcomm_configfs_exit(void)
{
	configfs_unregister_subsystem(&kcomm_subsys);
}

module_init(kcomm_configfs_init);
module_exit(kcomm_configfs_exit);

MODULE_DESCRIPTION("kcomm reference: user-created configfs items with bounded attributes");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
