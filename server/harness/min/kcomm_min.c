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
 *            every consumer of a benchmark message makes, kernel or user.
 *            The buffer is the same kind of memory as kcomm_chardev.ko's:
 *            kvmalloc()ed at the size of the largest message so far, so at
 *            1 KiB a slab object, whose hardened-usercopy check
 *            (CONFIG_HARDENED_USERCOPY) is the same slab lookup;
 *     k2u    ioctl(KCOMM_RELAY_IOC_PRODUCE, {1, size}) on a debugfs file
 *            "produce", the request kcomm_relay.ko takes, through the same
 *            debugfs proxy: one __relay_write() of a record stamped and
 *            numbered exactly as kcomm_relay.ko stamps and numbers it
 *            (struct kcomm_relay_record), which user space reads from the
 *            relay file of its CPU with relay's own read().
 *   Nothing else: no modes, no text commands, no bursts, no per-open
 *   state, no wake-ups, no loss counter. The interface is in kcomm_min.h.
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
 *   .owner = THIS_MODULE on both fops: an open /dev/kcomm_min or "produce"
 *   pins the module. "produce" sits behind debugfs's proxy
 *   (debugfs_create_file), and is removed before the channel is closed,
 *   which waits for an ioctl() in flight. The relay files are relay's own
 *   fops (debugfs_create_file_unsafe, as in kcomm_relay.c): an open one
 *   holds a reference on its buffer, not on this module.
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

static DEFINE_MUTEX(rx_lock);
static void *rx_buf;			/* rx_size bytes, grown on demand */
static size_t rx_size;
static struct kcomm_msg_stats rx;	/* what write() received */

static DEFINE_MUTEX(tmpl_lock);
static struct kcomm_relay_record *tmpl;	/* KCOMM_RELAY_SUBBUF_SIZE bytes, zeroed */
static u32 seq;

static struct dentry *relay_dir;
static struct dentry *produce_file;
static struct rchan *chan;

static ssize_t kcomm_min_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	ssize_t ret = count;
	void *nbuf;

	if (!count || count > KCOMM_MIN_MSG_MAX)
		return -EINVAL;
	mutex_lock(&rx_lock);
	if (count > rx_size) {
		nbuf = kvmalloc(count, GFP_KERNEL);
		if (!nbuf) {
			ret = -ENOMEM;
			goto out_unlock;
		}
		kvfree(rx_buf);
		rx_buf = nbuf;
		rx_size = count;
	}
	if (copy_from_user(rx_buf, ubuf, count))
		ret = -EFAULT;
	else
		kcomm_msg_account(&rx, rx_buf, count);
out_unlock:
	mutex_unlock(&rx_lock);
	return ret;
}

static long kcomm_min_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	struct kcomm_msg_stats copy;

	if (cmd != KCOMM_MIN_GET_RX_STATS)
		return -ENOTTY;
	mutex_lock(&rx_lock);
	copy = rx;
	mutex_unlock(&rx_lock);
	return copy_to_user((void __user *)arg, &copy, sizeof(copy)) ?
	       -EFAULT : 0;
}

/* kcomm_relay.ko's request, one record only: count must be 1. */
static long kcomm_min_produce(struct file *file, unsigned int cmd,
			      unsigned long arg)
{
	struct kcomm_relay_produce req;

	if (cmd != KCOMM_RELAY_IOC_PRODUCE)
		return -ENOTTY;
	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (req.count != 1 || req.size < KCOMM_RELAY_RECORD_MIN ||
	    req.size > KCOMM_RELAY_SUBBUF_SIZE)
		return -EINVAL;
	mutex_lock(&tmpl_lock);
	tmpl->size = req.size;
	tmpl->seq = ++seq;
	tmpl->stamp_ns = ktime_get_ns();
	__relay_write(chan, tmpl, req.size);
	mutex_unlock(&tmpl_lock);
	return 0;
}

static const struct file_operations kcomm_min_fops = {
	.owner = THIS_MODULE,
	.open = stream_open,
	.write = kcomm_min_write,
	.unlocked_ioctl = kcomm_min_ioctl,
};

static const struct file_operations kcomm_min_produce_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = kcomm_min_produce,
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

	tmpl = kvzalloc(KCOMM_RELAY_SUBBUF_SIZE, GFP_KERNEL);
	if (!tmpl)
		return -ENOMEM;
	relay_dir = debugfs_create_dir(KCOMM_MIN_DIR, NULL);
	if (IS_ERR(relay_dir)) {
		ret = PTR_ERR(relay_dir);
		goto out_free;
	}
	chan = relay_open(KCOMM_RELAY_BASE, relay_dir, KCOMM_RELAY_SUBBUF_SIZE,
			  KCOMM_RELAY_N_SUBBUFS, &kcomm_min_relay_cbs, NULL);
	if (!chan)
		goto out_remove_dir;
	produce_file = debugfs_create_file(KCOMM_RELAY_PRODUCE, 0200, relay_dir,
					   NULL, &kcomm_min_produce_fops);
	if (IS_ERR(produce_file)) {
		ret = PTR_ERR(produce_file);
		goto out_close_chan;
	}
	/* Last: from here on user space can write to the device. */
	ret = misc_register(&kcomm_min_misc);
	if (ret)
		goto out_remove_produce;
	return 0;

out_remove_produce:
	debugfs_remove(produce_file);
out_close_chan:
	relay_close(chan);
out_remove_dir:
	debugfs_remove(relay_dir);
out_free:
	kvfree(tmpl);
	return ret;
}

static void __exit kcomm_min_exit(void)
{
	misc_deregister(&kcomm_min_misc);
	debugfs_remove(produce_file);
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
