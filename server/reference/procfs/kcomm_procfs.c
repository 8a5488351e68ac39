// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_procfs - talking to user space through files in /proc
 *
 * What this sample shows
 *   /proc/kcomm_procfs/ with four files, each a different way to use
 *   seq_file, the helper that turns "print my state" into a correct read():
 *
 *   msg          read/write, binary, up to 1 MiB. The read side is a full
 *                seq_operations iterator (start/next/stop/show) that walks the
 *                message in 2 KiB records; the write side is a bounded binary
 *                sink. Write then read back = the roundtrip pattern.
 *   record_size  read/write, one decimal number. single_open() for the read,
 *                kstrtouint_from_user() for the write: the usual shape of a
 *                small procfs knob.
 *   stamp        read-only, binary. Each read from offset 0 produces a record
 *                whose first 8 bytes are ktime_get_ns(): the k2u pattern.
 *   rx_stats     read-only, one line: what the module counted and checked of
 *                the messages written to msg (proc_create_single(), the
 *                shortest way to a read-only seq_file).
 *
 * When to choose procfs, and when not
 *   Documentation/filesystems/proc.rst: /proc is for processes. The /proc/sys
 *   and /proc/<driver> files that predate sysfs stay for compatibility, but a
 *   new driver should not add files here: configuration belongs in sysfs
 *   (one value per file, with a device to hang it on), debugging output in
 *   debugfs, bulk or request/response traffic in a character device or
 *   netlink. Reasons: /proc has no structure (any module can put anything
 *   anywhere), no namespacing of driver entries and whatever you put here
 *   becomes ABI that tools will parse forever. Read this sample to maintain
 *   or understand existing /proc files, and because seq_file, which it
 *   teaches, is used the same way in debugfs and sysfs-like code.
 *
 * The data path
 *   write(): copy_from_user() straight into a 1 MiB kernel buffer (one copy);
 *            a write at offset 0 is one message, checked in place
 *            (kcomm_msg_account(): its sequence number and every byte).
 *   read():  show() copies a record into the seq_file buffer, seq_read then
 *            copies that buffer to user space (two copies, plus the
 *            regeneration described below).
 *
 * seq_file and its buffer (what people get wrong)
 *   - seq_read() starts with a PAGE_SIZE buffer. When one call of show() does
 *     not fit, seq_file throws the output away, doubles the buffer
 *     (kvmalloc) and calls start()/show() again. single_open() puts the whole
 *     file in one show(), so a 1 MiB file costs ten retries on the first
 *     read and a 1+ MiB buffer per open file. single_open_size() presizes it.
 *   - With a real iterator each record only has to fit by itself; seq_read
 *     keeps the position between read() calls and resumes with
 *     ->start(m, &pos). *pos is a record index, not a byte offset: seq_file
 *     maps byte offsets to records itself.
 *   - ->stop() is called after every ->start(), even when start() returns
 *     NULL or an ERR_PTR. So a lock taken in start() is released in stop():
 *     that is how one read() sees a consistent message. Between two read()
 *     calls the lock is not held: a reader reading in small pieces while a
 *     writer rewrites the message may see records of two versions.
 *   - seq_file clears FMODE_PWRITE: pwrite() on these files fails with
 *     ESPIPE. Writers use lseek() + write(). pread() works.
 *
 * Execution context and locking
 *   All proc_ops run in process context, in the caller's task, and may sleep:
 *   copy_{from,to}_user() may fault pages in. Several tasks may call them at
 *   once on the same or different open files, so the message is protected
 *   by a mutex (a sleeping lock, right for process context). record_size is
 *   a single word written with WRITE_ONCE and read with READ_ONCE: no lock
 *   needed for one independent value.
 *
 * Unloading while user space holds a file open
 *   struct proc_ops has no .owner: an open /proc file does not pin the
 *   module. Instead proc_remove() (remove_proc_subtree) marks each entry as
 *   going away, waits for every proc_op already running in it to return,
 *   and calls ->proc_release for files still open. Later calls on those
 *   file descriptors fail with EIO and never reach this module. So once
 *   proc_remove() returns, nothing here runs again and the buffer can go.
 *   Do not set PROC_ENTRY_PERMANENT: it skips exactly this protection and
 *   is only for entries that are never removed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "kcomm_msg.h"
#include "kcomm_procfs.h"

/* Bytes per seq_file record of msg: small enough to always fit a page. */
#define MSG_CHUNK	2048

static struct proc_dir_entry *proc_dir;

static DEFINE_MUTEX(msg_lock);	/* protects msg_buf contents and msg_len */
static u8 *msg_buf;		/* KCOMM_PROCFS_MSG_MAX bytes */
static size_t msg_len;
static struct kcomm_msg_stats msg_rx;	/* what writes at offset 0 received; msg_lock */

static unsigned int record_size = KCOMM_PROCFS_RECORD_MIN;

/* --- msg: a seq_operations iterator over the message ------------------- */

static void *msg_chunk(loff_t pos)
{
	/* Past the last record: NULL ends the file. */
	if (pos >= DIV_ROUND_UP(msg_len, MSG_CHUNK))
		return NULL;
	return msg_buf + pos * MSG_CHUNK;
}

static void *msg_seq_start(struct seq_file *m, loff_t *pos)
{
	mutex_lock(&msg_lock);	/* released in msg_seq_stop(), always */
	return msg_chunk(*pos);
}

static void *msg_seq_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;		/* must advance even when returning NULL */
	return msg_chunk(*pos);
}

static void msg_seq_stop(struct seq_file *m, void *v)
{
	mutex_unlock(&msg_lock);
}

static int msg_seq_show(struct seq_file *m, void *v)
{
	size_t off = (u8 *)v - msg_buf;

	/* If this overflows the buffer, seq_read grows it and asks again. */
	seq_write(m, v, min_t(size_t, MSG_CHUNK, msg_len - off));
	return 0;
}

static const struct seq_operations msg_seq_ops = {
	.start = msg_seq_start,
	.next = msg_seq_next,
	.stop = msg_seq_stop,
	.show = msg_seq_show,
};

static int msg_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &msg_seq_ops);
}

static ssize_t msg_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	loff_t pos = *ppos;
	ssize_t ret = count;

	/* Check lengths before touching anything; no partial writes. */
	if (pos < 0 || pos > KCOMM_PROCFS_MSG_MAX ||
	    count > KCOMM_PROCFS_MSG_MAX - pos)
		return -EFBIG;
	if (!count)
		return 0;

	mutex_lock(&msg_lock);
	/* Writing past the end leaves a hole: zero it, never expose old bytes. */
	if (pos > msg_len)
		memset(msg_buf + msg_len, 0, pos - msg_len);
	if (copy_from_user(msg_buf + pos, ubuf, count)) {
		/* Bytes from pos on are now undefined: cut them off. */
		msg_len = min_t(size_t, msg_len, pos);
		ret = -EFAULT;
		goto out_unlock;
	}
	msg_len = pos ? max_t(size_t, msg_len, pos + count) : count;
	/* A write at offset 0 is a whole message: a real driver would act on it here. */
	if (!pos)
		kcomm_msg_account(&msg_rx, msg_buf, count);
	*ppos = pos + count;
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

static const struct proc_ops msg_proc_ops = {
	.proc_open = msg_open,
	.proc_read_iter = seq_read_iter,
	.proc_write = msg_write,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

/* --- record_size: the classic single-value knob ------------------------ */

static int record_size_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%u\n", READ_ONCE(record_size));
	return 0;
}

static int record_size_open(struct inode *inode, struct file *file)
{
	return single_open(file, record_size_show, NULL);
}

static ssize_t record_size_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	unsigned int val;
	int ret;

	/*
	 * Copies at most a few dozen bytes to a stack buffer, NUL-terminates
	 * and parses; a trailing newline (echo) is accepted. Garbage, an empty
	 * write or a too-long number give -EINVAL or -ERANGE, a bad pointer
	 * gives -EFAULT.
	 */
	ret = kstrtouint_from_user(ubuf, count, 0, &val);
	if (ret)
		return ret;
	if (val < KCOMM_PROCFS_RECORD_MIN || val > KCOMM_PROCFS_RECORD_MAX)
		return -EINVAL;
	WRITE_ONCE(record_size, val);
	return count;
}

static const struct proc_ops record_size_proc_ops = {
	.proc_open = record_size_open,
	.proc_read_iter = seq_read_iter,
	.proc_write = record_size_write,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

/* --- stamp: a fresh binary record on every read from offset 0 ---------- */

static int stamp_show(struct seq_file *m, void *v)
{
	static const u8 zeros[256];
	struct kcomm_procfs_stamp rec = { .ns = ktime_get_ns() };
	size_t size = READ_ONCE(record_size);
	size_t done, n;

	/*
	 * show() runs when a read() finds the seq_file buffer empty at offset
	 * 0: after open(), after lseek(fd, 0, SEEK_SET) or on pread(fd, .., 0).
	 * If the record does not fit, seq_read enlarges the buffer and calls us
	 * again, so the stamp is taken on the pass whose output is delivered.
	 */
	seq_write(m, &rec, sizeof(rec));
	for (done = sizeof(rec); done < size && !seq_has_overflowed(m);
	     done += n) {
		n = min(size - done, sizeof(zeros));
		seq_write(m, zeros, n);
	}
	return 0;
}

static int stamp_open(struct inode *inode, struct file *file)
{
	return single_open(file, stamp_show, NULL);
}

static const struct proc_ops stamp_proc_ops = {
	.proc_open = stamp_open,
	.proc_read_iter = seq_read_iter,
	.proc_lseek = seq_lseek,
	.proc_release = single_release,
};

/* --- setup and teardown ------------------------------------------------ */

static int __init kcomm_procfs_init(void)
{
	int ret = -ENOMEM;

	/*
	 * Everything a callback touches must exist before the files do: the
	 * first read() can come the moment proc_create() returns.
	 */
	msg_buf = kvzalloc(KCOMM_PROCFS_MSG_MAX, GFP_KERNEL);
	if (!msg_buf)
		return -ENOMEM;

	proc_dir = proc_mkdir(KCOMM_PROCFS_DIR, NULL);
	if (!proc_dir)
		goto out_free_msg;

	/* proc_create() returns NULL on failure (no ERR_PTR). */
	/*
	 * msg is 0600: what root wrote is root's to read back (0644 would hand
	 * every user the last message). record_size is a harmless number.
	 */
	if (!proc_create(KCOMM_PROCFS_MSG, 0600, proc_dir, &msg_proc_ops) ||
	    !proc_create(KCOMM_PROCFS_RECORD_SIZE, 0644, proc_dir,
			 &record_size_proc_ops) ||
	    !proc_create(KCOMM_PROCFS_STAMP, 0444, proc_dir, &stamp_proc_ops) ||
	    !proc_create_single(KCOMM_PROCFS_RX_STATS, 0444, proc_dir, rx_stats_show))
		goto out_remove_dir;

	pr_info("ready: %s\n", KCOMM_PROCFS_PATH);
	return 0;

out_remove_dir:
	proc_remove(proc_dir);	/* removes the files created so far too */
out_free_msg:
	kvfree(msg_buf);
	return ret;
}

static void __exit kcomm_procfs_exit(void)
{
	/* Waits for running proc_ops and releases open files (see above). */
	proc_remove(proc_dir);
	kvfree(msg_buf);
}

module_init(kcomm_procfs_init);
module_exit(kcomm_procfs_exit);

MODULE_DESCRIPTION("kcomm reference: procfs files with seq_file read and bounded write");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
