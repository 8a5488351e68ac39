// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_min - the least a module can do for two benchmark messages
 *
 * What this module is for
 *   Not a sample to copy: a measuring baseline. It does, per message, only
 *   the work the benchmark itself requires, so that the cost of a reference
 *   module (server/reference/) can be read against it in the same boot:
 *     u2k    write() on /dev/kcomm_min: one copy_from_user() into a kernel
 *            buffer, then the receiver's check of the message
 *            (kcomm_msg_account(): every byte, the sequence number), which
 *            every consumer of a benchmark message makes, kernel or user;
 *     k2u    ioctl(KCOMM_MIN_RELAY, size) on the same device: one
 *            __relay_write() of a record stamped and numbered exactly as
 *            kcomm_relay.ko stamps and numbers it (struct
 *            kcomm_relay_record), which user space reads from the relay
 *            file of its CPU with relay's own read().
 *   Nothing else: no modes, no text commands, no per-open state, no
 *   wake-ups, no loss counter. The interface is in kcomm_min.h.
 *
 * Execution context and locking
 *   write() and ioctl() run in the caller's process context and may sleep.
 *   One mutex guards the receive buffer and its counts (copy_from_user() may
 *   fault and sleep), another the record template (only its header changes
 *   per record). __relay_write() only disables preemption: every record is
 *   written from process context, never from an interrupt, so that is
 *   enough; each CPU writes its own buffer. A full relay buffer drops the
 *   record (relay's default subbuf_start), which the reader sees as missing
 *   data.
 *
 * Lifetime
 *   .owner = THIS_MODULE: an open /dev/kcomm_min pins the module, so no
 *   ioctl can run while the channel is torn down. The relay files are
 *   relay's own fops (debugfs_create_file_unsafe, as in kcomm_relay.c): an
 *   open one holds a reference on its buffer, not on this module.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/relay.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "kcomm_min.h"

/*
 * Allocated once at its largest: kvmalloc() then gets whole pages, whose
 * hardened-usercopy check (CONFIG_HARDENED_USERCOPY) is a bounds test, where
 * a buffer sized to the message would be a slab object and cost a slab
 * lookup per copy.
 */
static DEFINE_MUTEX(rx_lock);
static void *rx_buf;			/* KCOMM_MIN_MSG_MAX bytes */
static struct kcomm_msg_stats rx;	/* what write() received */

static DEFINE_MUTEX(tmpl_lock);
static struct kcomm_relay_record *tmpl;	/* KCOMM_RELAY_SUBBUF_SIZE bytes, zeroed */
static u32 seq;

static struct dentry *relay_dir;
static struct rchan *chan;

static ssize_t kcomm_min_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	ssize_t ret = count;

	if (!count || count > KCOMM_MIN_MSG_MAX)
		return -EINVAL;
	mutex_lock(&rx_lock);
	if (copy_from_user(rx_buf, ubuf, count))
		ret = -EFAULT;
	else
		kcomm_msg_account(&rx, rx_buf, count);
	mutex_unlock(&rx_lock);
	return ret;
}

static long kcomm_min_relay(unsigned long size)
{
	if (size < KCOMM_RELAY_RECORD_MIN || size > KCOMM_RELAY_SUBBUF_SIZE)
		return -EINVAL;
	mutex_lock(&tmpl_lock);
	tmpl->size = size;
	tmpl->seq = ++seq;
	tmpl->stamp_ns = ktime_get_ns();
	__relay_write(chan, tmpl, size);
	mutex_unlock(&tmpl_lock);
	return 0;
}

static long kcomm_min_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	struct kcomm_msg_stats copy;

	switch (cmd) {
	case KCOMM_MIN_RELAY:
		return kcomm_min_relay(arg);
	case KCOMM_MIN_GET_RX_STATS:
		mutex_lock(&rx_lock);
		copy = rx;
		mutex_unlock(&rx_lock);
		return copy_to_user((void __user *)arg, &copy, sizeof(copy)) ?
		       -EFAULT : 0;
	}
	return -ENOTTY;
}

static const struct file_operations kcomm_min_fops = {
	.owner = THIS_MODULE,
	.open = stream_open,
	.write = kcomm_min_write,
	.unlocked_ioctl = kcomm_min_ioctl,
};

static struct miscdevice kcomm_min_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_min",
	.fops = &kcomm_min_fops,
	.mode = 0600,
};

static struct dentry *kcomm_min_create_buf_file(const char *filename,
						struct dentry *parent,
						umode_t mode,
						struct rchan_buf *buf,
						int *is_global)
{
	return debugfs_create_file_unsafe(filename, mode, parent, buf,
					  &relay_file_operations);
}

static int kcomm_min_remove_buf_file(struct dentry *dentry)
{
	debugfs_remove(dentry);
	return 0;
}

static const struct rchan_callbacks kcomm_min_relay_cbs = {
	.create_buf_file = kcomm_min_create_buf_file,
	.remove_buf_file = kcomm_min_remove_buf_file,
};

static int __init kcomm_min_init(void)
{
	int ret = -ENOMEM;

	rx_buf = kvmalloc(KCOMM_MIN_MSG_MAX, GFP_KERNEL);
	tmpl = kvzalloc(KCOMM_RELAY_SUBBUF_SIZE, GFP_KERNEL);
	if (!rx_buf || !tmpl)
		goto out_free;
	relay_dir = debugfs_create_dir(KCOMM_MIN_DIR, NULL);
	if (IS_ERR(relay_dir)) {
		ret = PTR_ERR(relay_dir);
		goto out_free;
	}
	chan = relay_open(KCOMM_RELAY_BASE, relay_dir, KCOMM_RELAY_SUBBUF_SIZE,
			  KCOMM_RELAY_N_SUBBUFS, &kcomm_min_relay_cbs, NULL);
	if (!chan)
		goto out_remove_dir;
	/* Last: from here on user space can call in. */
	ret = misc_register(&kcomm_min_misc);
	if (ret)
		goto out_close_chan;
	return 0;

out_close_chan:
	relay_close(chan);
out_remove_dir:
	debugfs_remove(relay_dir);
out_free:
	kvfree(tmpl);
	kvfree(rx_buf);
	return ret;
}

static void __exit kcomm_min_exit(void)
{
	misc_deregister(&kcomm_min_misc);
	relay_close(chan);
	debugfs_remove(relay_dir);
	kvfree(tmpl);
	kvfree(rx_buf);
}

module_init(kcomm_min_init);
module_exit(kcomm_min_exit);

MODULE_DESCRIPTION("kcomm measuring baseline: a bare write() sink and a bare relay_write()");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
