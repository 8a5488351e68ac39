// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_debugfs - debugging files: one-line helpers and a custom file
 *
 * What this sample shows
 *   /sys/kernel/debug/kcomm_debugfs/ with
 *
 *   record_size  rw  debugfs_create_u32(): a variable exposed in one line
 *   received     ro  debugfs_create_u64(): a counter, same
 *   rx_stats     ro  DEFINE_SHOW_ATTRIBUTE(): a read-only seq_file, one line
 *                    of counts of the messages checked on arrival
 *   info         ro  debugfs_create_blob(): a fixed block of memory
 *   msg          rw  custom file_operations, binary, up to 1 MiB: write then
 *                    read back is the roundtrip pattern, write alone u2k
 *   stamp        ro  custom file_operations: a record of record_size bytes
 *                    starting with ktime_get_ns(): the k2u pattern
 *
 * When to choose debugfs, and when not
 *   debugfs is the place for anything a developer wants to see or poke while
 *   debugging: it has no rules (any format, binary is fine, no one-value
 *   rule) and no ABI promise - tools must not depend on it, distributions
 *   may not mount it, and lockdown (Secure Boot) or debugfs=off can hide it.
 *   Files are root-only by default: the mount is mode 0700, whatever mode a
 *   file has. So: never the interface of a product feature. For that, see
 *   sysfs (configuration), a character device or netlink (data).
 *
 *   A driver must never fail because debugfs failed. The debugfs_create_*()
 *   functions return an ERR_PTR on failure (or when debugfs is disabled) and
 *   accept an ERR_PTR parent, doing nothing; so the correct code ignores
 *   their return values, as below. The one exception is storing a dentry to
 *   remove a file later.
 *
 * The data path
 *   write(): copy_from_user() into a 1 MiB kernel buffer; read():
 *   copy_to_user() from it (simple_{read_from,write_to}_buffer() do the
 *   offset arithmetic). One copy each way, no seq_file in between. A write
 *   at offset 0 is one message, checked in place (kcomm_msg_account(): its
 *   sequence number and every byte).
 *
 * Execution context and locking
 *   file_operations run in process context and may sleep. Several tasks can
 *   be inside them at once, so the message and the counter are protected by
 *   a mutex. The one-line helpers read their variable with no lock at all:
 *   fine for a debugging view of a u32, and a u64 could tear on a 32-bit
 *   machine. They also do no validation: root can write any u32 to
 *   record_size, so stamp_read() checks it at use.
 *
 * Unloading while user space holds a file open
 *   debugfs_create_file() wraps the file_operations in a proxy. Every call
 *   goes through debugfs_file_get()/debugfs_file_put(), and
 *   debugfs_remove() waits until no call is in flight; after it, calls on
 *   still-open files fail with EIO and never reach the module. The proxy
 *   also takes a reference on fops->owner while a file is open, so rmmod is
 *   refused (EBUSY/EAGAIN) while msg or stamp is open; the helpers' files
 *   belong to debugfs itself and do not pin the module, their reads after
 *   removal fail. (debugfs_create_file_unsafe() skips the proxy: only for
 *   files whose fops do their own debugfs_file_get()/put().)
 *   Removal: debugfs_remove() is recursive (debugfs_remove_recursive() is
 *   now the same function); to remove one file by name without keeping its
 *   dentry, debugfs_lookup_and_remove() exists since 6.0 (and in 5.10+
 *   stable kernels).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "kcomm_debugfs.h"
#include "kcomm_msg.h"

static struct dentry *debug_dir;

static DEFINE_MUTEX(msg_lock);	/* protects msg_buf, msg_len, msg_rx */
static u8 *msg_buf;		/* KCOMM_DEBUGFS_MSG_MAX bytes */
static size_t msg_len;
static struct kcomm_msg_stats msg_rx;	/* writes at offset 0, checked */

static u32 record_size = KCOMM_DEBUGFS_RECORD_MIN;

static char info_text[] =
	"kcomm_debugfs: msg (rw), stamp (ro), record_size (rw), received (ro), rx_stats (ro)\n";
static struct debugfs_blob_wrapper info_blob = {
	.data = info_text,
	.size = sizeof(info_text) - 1,
};

/* --- msg -------------------------------------------------------------------- */

static ssize_t msg_read(struct file *file, char __user *ubuf, size_t count,
			loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&msg_lock);
	/* Handles *ppos < 0 (EINVAL), EOF (0), short copies and EFAULT. */
	ret = simple_read_from_buffer(ubuf, count, ppos, msg_buf, msg_len);
	mutex_unlock(&msg_lock);
	return ret;
}

static ssize_t msg_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	loff_t pos = *ppos;
	ssize_t ret;

	/*
	 * simple_write_to_buffer() would return 0 for a write past the end,
	 * and a writer that gets 0 retries forever: refuse it explicitly.
	 */
	if (pos < 0 || pos > KCOMM_DEBUGFS_MSG_MAX ||
	    count > KCOMM_DEBUGFS_MSG_MAX - pos)
		return -EFBIG;
	if (!count)
		return 0;

	mutex_lock(&msg_lock);
	/* A hole before pos must read as zeros, not as an older message. */
	if (pos > msg_len)
		memset(msg_buf + msg_len, 0, pos - msg_len);
	ret = simple_write_to_buffer(msg_buf, KCOMM_DEBUGFS_MSG_MAX, ppos,
				     ubuf, count);
	if (ret < 0) {
		/* Nothing copied, but bytes from pos on may be clobbered. */
		msg_len = min_t(size_t, msg_len, pos);
		goto out_unlock;
	}
	/* ret may be short if the user buffer faulted half way. */
	msg_len = pos ? max_t(size_t, msg_len, pos + ret) : ret;
	/* A write at offset 0 is a whole message: a real driver would act on it here. */
	if (!pos)
		kcomm_msg_account(&msg_rx, msg_buf, ret);
out_unlock:
	mutex_unlock(&msg_lock);
	return ret;
}

/* The counts as one line (kcomm_msg.h), consistent with each other: under msg_lock. */
static int rx_stats_show(struct seq_file *m, void *v)
{
	mutex_lock(&msg_lock);
	kcomm_msg_stats_show(m, &msg_rx);
	mutex_unlock(&msg_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(rx_stats);

static const struct file_operations msg_fops = {
	.owner = THIS_MODULE,
	.read = msg_read,
	.write = msg_write,
	.llseek = default_llseek,
};

/* --- stamp ------------------------------------------------------------------ */

static int stamp_open(struct inode *inode, struct file *file)
{
	/* Per open file, so that a record read in pieces keeps its stamp. */
	struct kcomm_debugfs_stamp *st = kzalloc(sizeof(*st), GFP_KERNEL);

	file->private_data = st;
	return st ? 0 : -ENOMEM;
}

static int stamp_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t stamp_read(struct file *file, char __user *ubuf, size_t count,
			  loff_t *ppos)
{
	struct kcomm_debugfs_stamp *rec = file->private_data;
	size_t size = READ_ONCE(record_size);
	loff_t pos = *ppos;
	size_t n, done = 0;

	if (size < KCOMM_DEBUGFS_RECORD_MIN || size > KCOMM_DEBUGFS_RECORD_MAX)
		return -EINVAL;
	if (pos < 0)
		return -EINVAL;
	if (pos >= size || !count)
		return 0;
	count = min_t(size_t, count, size - pos);

	if (pos == 0)
		rec->ns = ktime_get_ns();
	if (pos < sizeof(*rec)) {
		n = min_t(size_t, count, sizeof(*rec) - pos);
		if (copy_to_user(ubuf, (u8 *)rec + pos, n))
			return -EFAULT;
		done = n;
	}
	/* The rest of the record is zeros: clear_user() needs no source. */
	if (done < count && clear_user(ubuf + done, count - done))
		return -EFAULT;

	*ppos = pos + count;
	return count;
}

static const struct file_operations stamp_fops = {
	.owner = THIS_MODULE,
	.open = stamp_open,
	.read = stamp_read,
	.release = stamp_release,
	.llseek = default_llseek,
};

/* --- setup and teardown ----------------------------------------------------- */

static int __init kcomm_debugfs_init(void)
{
	/* The buffer is the module's own state: its failure is a real error. */
	msg_buf = kvzalloc(KCOMM_DEBUGFS_MSG_MAX, GFP_KERNEL);
	if (!msg_buf)
		return -ENOMEM;

	/*
	 * No error checks from here on, on purpose (see the top comment): if
	 * debugfs is unavailable, debug_dir is an ERR_PTR, the calls below
	 * do nothing and debugfs_remove() ignores it.
	 */
	debug_dir = debugfs_create_dir(KCOMM_DEBUGFS_DIR, NULL);
	debugfs_create_u32(KCOMM_DEBUGFS_RECORD_SIZE, 0600, debug_dir,
			   &record_size);
	debugfs_create_u64(KCOMM_DEBUGFS_RECEIVED, 0400, debug_dir,
			   &msg_rx.received);
	debugfs_create_file(KCOMM_DEBUGFS_RX_STATS, 0400, debug_dir, NULL,
			    &rx_stats_fops);
	debugfs_create_blob(KCOMM_DEBUGFS_INFO, 0400, debug_dir, &info_blob);
	debugfs_create_file(KCOMM_DEBUGFS_MSG, 0600, debug_dir, NULL,
			    &msg_fops);
	debugfs_create_file(KCOMM_DEBUGFS_STAMP, 0400, debug_dir, NULL,
			    &stamp_fops);

	pr_info("ready: %s\n", KCOMM_DEBUGFS_PATH);
	return 0;
}

static void __exit kcomm_debugfs_exit(void)
{
	/* Recursive; waits for file operations in flight (see above). */
	debugfs_remove(debug_dir);
	kvfree(msg_buf);
}

module_init(kcomm_debugfs_init);
module_exit(kcomm_debugfs_exit);

MODULE_DESCRIPTION("kcomm reference: debugfs helpers and a custom debugfs file");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
