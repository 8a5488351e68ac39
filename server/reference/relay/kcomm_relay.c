// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_relay - streaming records from the kernel through relay buffers
 *
 * What this sample shows
 *   A relay channel: one ring of sub-buffers per CPU, each exposed as a file
 *   in debugfs (/sys/kernel/debug/kcomm_relay/cpu0, cpu1, ...). The kernel
 *   appends records to the buffer of the CPU it runs on; user space reads
 *   each CPU's file. Writing "COUNT SIZE" to the control file "produce"
 *   makes the writing task append COUNT stamped records of SIZE bytes, so
 *   the sample produces on demand; programs ask the same with one ioctl()
 *   on that file (KCOMM_RELAY_IOC_PRODUCE: no text to format or parse). A
 *   real user (blktrace, some GPU and modem drivers) produces from its hot
 *   path. "lost" counts dropped records.
 *
 * When to choose relay, and when not
 *   relay is for a high-volume, one-way stream from the kernel: tracing,
 *   firmware logs, sampled data. The producer is cheap (a memcpy into a
 *   per-CPU buffer, no lock shared between CPUs, no allocation, no wake-up
 *   per record) and callable from interrupt context. It is not for requests,
 *   not for small latency-critical events (readers are woken only when a
 *   sub-buffer fills, and must merge per-CPU files themselves if order
 *   matters) and there is no user->kernel direction. Today the BPF ring
 *   buffer or a ftrace trace event is often the better choice for new
 *   tracing; relay remains the simple way to export a private binary
 *   stream with no BPF and no tracefs format.
 *
 * The data path
 *   producer: the record is built in a template (only its header changes)
 *   and __relay_write() copies it into the current sub-buffer of this CPU. A record never straddles
 *   two sub-buffers: if it does not fit, relay pads the rest of the sub-buffer and switches to the
 *   next one (relay_switch_subbuf), calling our subbuf_start callback. So a record
 *   can be at most one sub-buffer (KCOMM_RELAY_SUBBUF_SIZE).
 *   consumer: read() on the cpuN file (relay_file_operations) copies out,
 *   skipping padding, and marks sub-buffers consumed; it never blocks -
 *   with no data it returns 0; poll() waits for the next full sub-buffer.
 *   mmap() of the file maps all sub-buffers read-only for zero-copy reading,
 *   but then the reader needs the padding of each sub-buffer (usually a
 *   header reserved with subbuf_start_reserve()) and a way to tell the
 *   kernel what it consumed (relay_subbufs_consumed(), e.g. via a control
 *   file); read() does both for you.
 *
 * Full buffers: no-overwrite or overwrite (flight recorder)
 *   subbuf_start decides at every sub-buffer switch. Returning 0 when
 *   relay_buf_full() says every sub-buffer is unread refuses the switch:
 *   the record is dropped (we count it), as are later ones until a reader
 *   frees a sub-buffer. Returning 1 always overwrites the oldest unread
 *   sub-buffer: the buffer then holds the most recent history, which is
 *   what a crash or "what just happened" recorder wants. Module parameter
 *   overwrite=1 selects that.
 *
 * Execution context and locking
 *   relay_write() disables interrupts around the copy: call it from any
 *   context except NMI. __relay_write() only disables preemption: use it
 *   when no interrupt handler writes to the same channel - true here, all
 *   records come from a write() or ioctl() of "produce", process context. Either
 *   way there is no lock: each CPU writes only its own buffer.
 *   subbuf_start runs inside the write, preemption (or interrupts) off:
 *   it must not sleep; an atomic_t counts the losses.
 *   create_buf_file/remove_buf_file run in process context, from
 *   relay_open()/relay_close() and CPU hotplug.
 *   The copy of a 1 MiB record runs with preemption off: keep records small
 *   in real code, and call cond_resched() between records when producing
 *   many from process context, as produce() does.
 *
 * Unloading while user space holds a file open
 *   The cpuN files are created with debugfs_create_file_unsafe(): their
 *   fops are relay's, built into the kernel, so no call on them enters
 *   this module and no proxy is needed (the proxy would also hide mmap).
 *   debugfs_remove() (from relay_close() through our remove_buf_file)
 *   waits for an open() in flight; an open file holds a reference on its
 *   relay buffer (relay_file_open), so the buffer memory outlives
 *   relay_close() until the last close (and the last munmap()), and rmmod
 *   succeeds while a cpuN file is open: it reads what was left.
 *   "produce" is made with debugfs_create_file(): its fops are this
 *   module's, so every write() and ioctl() goes through debugfs's proxy,
 *   which lets debugfs_remove() wait for the calls in flight. It has
 *   .owner = THIS_MODULE, which the proxy pins while it is open, and it is
 *   removed before relay_close(): no producer can run while the channel
 *   is being torn down.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/relay.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "kcomm_relay.h"

static bool overwrite;
module_param(overwrite, bool, 0444);
MODULE_PARM_DESC(overwrite, "when a buffer is full, overwrite the oldest data instead of dropping new records");

static struct dentry *relay_dir;
static struct dentry *produce_file;
static struct rchan *chan;
static atomic_t lost = ATOMIC_INIT(0);

/*
 * The record is built here and copied into the channel: a zeroed
 * sub-buffer-sized template allocated once, so that producing costs no
 * allocation. Only the header changes; the mutex serialises producers
 * (the channel itself needs no lock) and so also guards seq.
 */
static DEFINE_MUTEX(produce_lock);
static struct kcomm_relay_record *tmpl;
static u32 seq;

/* --- relay callbacks ------------------------------------------------------ */

/*
 * Called at every sub-buffer switch (and once per buffer at creation).
 * The unused prev_padding argument was removed in 6.17.
 */
#if KERNEL_VERSION(6, 17, 0) <= LINUX_VERSION_CODE
static int kcomm_subbuf_start(struct rchan_buf *buf, void *subbuf,
			      void *prev_subbuf)
#else
static int kcomm_subbuf_start(struct rchan_buf *buf, void *subbuf,
			      void *prev_subbuf, size_t prev_padding)
#endif
{
	if (overwrite)
		return 1;
	if (relay_buf_full(buf)) {
		atomic_inc(&lost);
		return 0;	/* drop this record; the reader is behind */
	}
	return 1;
}

static struct dentry *kcomm_create_buf_file(const char *filename,
					    struct dentry *parent,
					    umode_t mode,
					    struct rchan_buf *buf,
					    int *is_global)
{
	/*
	 * relay provides the file_operations (read, poll, mmap, splice); buf
	 * becomes the inode's private data they work on. *is_global stays 0:
	 * one buffer per CPU.
	 *
	 * _unsafe: debugfs_create_file() would wrap these fops in a proxy that
	 * has no mmap (mmap() fails with ENODEV). The proxy only guards calls
	 * into module code during removal; relay's fops are the kernel's own,
	 * and every open file holds a reference on its buffer
	 * (relay_file_open), so nothing it reaches goes away under it.
	 */
	return debugfs_create_file_unsafe(filename, mode, parent, buf,
					  &relay_file_operations);
}

static int kcomm_remove_buf_file(struct dentry *dentry)
{
	debugfs_remove(dentry);
	return 0;
}

static const struct rchan_callbacks kcomm_relay_cbs = {
	.subbuf_start = kcomm_subbuf_start,
	.create_buf_file = kcomm_create_buf_file,
	.remove_buf_file = kcomm_remove_buf_file,
};

/* --- the "produce" control file ------------------------------------------- */

static bool produce_valid(u32 n, u32 size)
{
	return n >= 1 && n <= KCOMM_RELAY_MAX_COUNT &&
	       size >= KCOMM_RELAY_RECORD_MIN && size <= KCOMM_RELAY_SUBBUF_SIZE;
}

/* Append n records of size bytes to this CPU's buffer; n and size are valid. */
static long produce(u32 n, u32 size)
{
	u32 i;

	/* -ERESTARTSYS: a handled signal restarts the call (SA_RESTART). */
	if (mutex_lock_interruptible(&produce_lock))
		return -ERESTARTSYS;
	tmpl->size = size;
	for (i = 0; i < n; i++) {
		/*
		 * Between records, not before the first: a long burst can be
		 * killed and lets others run, a single record pays for
		 * neither check.
		 */
		if (i) {
			if (fatal_signal_pending(current))
				break;
			cond_resched();
		}
		tmpl->seq = ++seq;
		tmpl->stamp_ns = ktime_get_ns();
		/* The whole record is copied: header plus zeroed payload. */
		__relay_write(chan, tmpl, size);
	}
	mutex_unlock(&produce_lock);
	return 0;
}

static int parse_produce(const char __user *ubuf, size_t count,
			 unsigned int *n, unsigned int *size)
{
	char cmd[32];
	char *arg, *p;
	int ret;

	if (!count || count >= sizeof(cmd))
		return -EINVAL;
	if (copy_from_user(cmd, ubuf, count))
		return -EFAULT;
	cmd[count] = '\0';

	/* "COUNT SIZE[\n]": kstrtouint() refuses garbage and overflow. */
	p = strim(cmd);
	arg = strsep(&p, " ");
	if (!p)
		return -EINVAL;
	ret = kstrtouint(arg, 10, n);
	if (!ret)
		ret = kstrtouint(skip_spaces(p), 10, size);
	if (ret)
		return ret;
	return produce_valid(*n, *size) ? 0 : -EINVAL;
}

/* The shell's way: "COUNT SIZE". */
static ssize_t produce_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	unsigned int n, size;
	long ret;

	ret = parse_produce(ubuf, count, &n, &size);
	if (!ret)
		ret = produce(n, size);
	return ret ? ret : count;
}

/* A program's way: the same request as a struct, nothing to parse. */
static long produce_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	struct kcomm_relay_produce req;

	if (cmd != KCOMM_RELAY_IOC_PRODUCE)
		return -ENOTTY;
	if (copy_from_user(&req, (void __user *)arg, sizeof(req)))
		return -EFAULT;
	if (!produce_valid(req.count, req.size))
		return -EINVAL;
	return produce(req.count, req.size);
}

/*
 * No .compat_ioctl: debugfs's proxy does not forward it (the struct is two
 * __u32, so compat_ptr_ioctl would otherwise do).
 */
static const struct file_operations produce_fops = {
	.owner = THIS_MODULE,
	.write = produce_write,
	.unlocked_ioctl = produce_ioctl,
	.llseek = noop_llseek,
};

/* --- setup and teardown --------------------------------------------------- */

static int __init kcomm_relay_init(void)
{
	/*
	 * Unlike an ordinary driver's debug files, these files are the whole
	 * interface: without debugfs there is nothing to do, so fail.
	 */
	int ret = -ENOMEM;

	tmpl = kvzalloc(KCOMM_RELAY_SUBBUF_SIZE, GFP_KERNEL);
	if (!tmpl)
		return -ENOMEM;

	relay_dir = debugfs_create_dir(KCOMM_RELAY_DIR, NULL);
	if (IS_ERR(relay_dir)) {
		ret = PTR_ERR(relay_dir);
		goto out_free_tmpl;
	}

	/* Allocates n_subbufs * subbuf_size per possible CPU, vmalloc'ed. */
	chan = relay_open(KCOMM_RELAY_BASE, relay_dir, KCOMM_RELAY_SUBBUF_SIZE,
			  KCOMM_RELAY_N_SUBBUFS, &kcomm_relay_cbs, NULL);
	if (!chan)
		goto out_remove_dir;

	debugfs_create_atomic_t(KCOMM_RELAY_LOST, 0400, relay_dir, &lost);
	produce_file = debugfs_create_file(KCOMM_RELAY_PRODUCE, 0200, relay_dir,
					   NULL, &produce_fops);
	if (IS_ERR(produce_file)) {
		ret = PTR_ERR(produce_file);
		goto out_close_chan;
	}

	pr_info("ready: %s (%s mode)\n", KCOMM_RELAY_PATH,
		overwrite ? "overwrite" : "no-overwrite");
	return 0;

out_close_chan:
	relay_close(chan);
out_remove_dir:
	debugfs_remove(relay_dir);
out_free_tmpl:
	kvfree(tmpl);
	return ret;
}

static void __exit kcomm_relay_exit(void)
{
	/* First stop producers: waits for a write() or ioctl() of "produce" in flight. */
	debugfs_remove(produce_file);
	/* Removes the cpuN files (remove_buf_file) and drops the channel. */
	relay_close(chan);
	debugfs_remove(relay_dir);
	kvfree(tmpl);
}

module_init(kcomm_relay_init);
module_exit(kcomm_relay_exit);

MODULE_DESCRIPTION("kcomm reference: per-CPU relay channel in debugfs");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
