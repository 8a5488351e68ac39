// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_chardev - a character device with read(), write() and poll().
 *
 * What this sample shows
 *   A misc device, /dev/kcomm_chardev, with per-open state and three modes
 *   chosen with one small ioctl (see kcomm_chardev.h):
 *     STREAM  write() is a sink (user to kernel); read() produces a message on
 *             demand, stamped with ktime_get_ns() (kernel to user);
 *     ECHO    write() queues one message, read() returns it (roundtrip);
 *     NOTIFY  write() arms an hrtimer; KCOMM_NOTIFY_DELAY_NS later it
 *             queues a work item that stamps an event and wakes the reader
 *             sleeping in poll() or read() (kcomm_notify.h).
 *   Together they show the three things a char device is made of: copying
 *   data with copy_{from,to}_user, sleeping on a wait queue until data is
 *   there, and telling poll()/epoll when it is.
 *
 * When to choose a char device
 *   For a byte or message stream between one driver and its users, when the
 *   file descriptor itself is the natural handle: it can be poll()ed, passed
 *   to another process, closed on exit, protected by file permissions, and the
 *   shell can use it (cat, echo >). read()/write() carry bulk data well.
 * When not to
 *   For typed commands with arguments and results use ioctl (often on the same
 *   device); for many independent producers and listeners, multicast or
 *   network-namespace awareness use genetlink; for the lowest-latency bulk
 *   sharing use mmap of a ring; for a bare wake-up with no data, eventfd.
 *
 * Data path
 *   write(): one copy_from_user() into a per-open buffer. read() in STREAM
 *   mode produces straight into the user's buffer in the reader's own context:
 *   one copy_to_user() of the stamp and one of the payload from a pre-filled
 *   pattern (64 KiB chunks above that). Producing on demand means there is no
 *   producer thread to keep up with and no intermediate copy. ECHO copies the
 *   message in on write() and out on read(): two copies, as in a pipe.
 *
 * Execution context and locking
 *   open, release, read, write, unlocked_ioctl and poll run in the process
 *   context of the caller and may sleep; the notify work item runs in a
 *   kworker thread, also process context. The notify hrtimer's callback runs
 *   in interrupt context and only queues that work item: the event must be
 *   produced under the mutex, which cannot be taken there. A delayed_work
 *   would do without the timer but counts in jiffies (4 ms at HZ=250), not
 *   the shared notify delay. Every path that touches the queued
 *   message takes the per-open mutex: copy_*_user may fault and sleep, which is
 *   forbidden under a spinlock. poll() must not block, so it reads the
 *   "pending" flag with READ_ONCE() instead of taking the mutex; writers set it
 *   with WRITE_ONCE() under the mutex and then call wake_up_interruptible(),
 *   whose wait-queue lock orders the flag store against the sleeper's check
 *   (see the comment above wait_event() in <linux/wait.h>).
 *
 * Lifetime
 *   .owner = THIS_MODULE makes every open file hold a module reference, so
 *   rmmod fails with EBUSY while the device is open. release() cancels the
 *   notify timer, then the work it may have queued, synchronously, before
 *   freeing the state they point to.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "kcomm_chardev.h"
#include "kcomm_notify.h"

/* STREAM read() copies from this many pre-filled bytes, repeated as needed. */
#define KCOMM_PATTERN_SIZE	(64 * 1024)

struct kcomm_file {
	struct mutex lock;		/* guards everything below */
	u32 mode;			/* enum kcomm_chardev_mode */
	bool pending;			/* a message/event waits for read() */
	void *buf;			/* ECHO message or STREAM sink scratch */
	size_t buf_size;		/* allocated bytes in buf */
	size_t msg_len;			/* ECHO: bytes of the queued message */
	u64 event_stamp;		/* NOTIFY: when the event fired */
	struct kcomm_msg_stats rx;	/* what write() received, checked */
	wait_queue_head_t wait;		/* readers and pollers sleep here */
	struct hrtimer notify_timer;	/* the NOTIFY delay, then queues: */
	struct work_struct notify_work;	/* fires a NOTIFY event */
};

/* Read-only after init: what STREAM read() hands out after the stamp. */
static u8 *kcomm_pattern;

/*
 * Make sure kf->buf holds len bytes; called with kf->lock held. kvmalloc()
 * does not need 1 MiB of physically contiguous memory, and __GFP_ACCOUNT
 * charges it to the caller's memory cgroup.
 */
static int kcomm_reserve(struct kcomm_file *kf, size_t len)
{
	void *nbuf;

	lockdep_assert_held(&kf->lock);
	if (kf->buf_size >= len)
		return 0;
	nbuf = kvmalloc(len, GFP_KERNEL_ACCOUNT);
	if (!nbuf)
		return -ENOMEM;
	kvfree(kf->buf);
	kf->buf = nbuf;
	kf->buf_size = len;
	return 0;
}

/* Queue (or drop, pending = false) the per-open message; lock held. */
static void kcomm_set_pending(struct kcomm_file *kf, bool pending)
{
	lockdep_assert_held(&kf->lock);
	WRITE_ONCE(kf->pending, pending);
}

/*
 * The notify work item: in a real driver this is where an interrupt's bottom
 * half, a timer or a state change reports an event. It runs in a kworker, may
 * sleep, so it takes the mutex like everyone else.
 */
static void kcomm_notify_work(struct work_struct *work)
{
	struct kcomm_file *kf = container_of(work, struct kcomm_file,
					     notify_work);

	mutex_lock(&kf->lock);
	/* The mode may have changed since the trigger: then drop the event. */
	if (kf->mode == KCOMM_CHARDEV_MODE_NOTIFY) {
		kf->event_stamp = ktime_get_ns();
		kcomm_set_pending(kf, true);
	}
	mutex_unlock(&kf->lock);
	wake_up_interruptible(&kf->wait);
}

/* Interrupt context: the delay is over, produce the event where the mutex may be taken. */
static enum hrtimer_restart kcomm_notify_timer(struct hrtimer *timer)
{
	struct kcomm_file *kf = container_of(timer, struct kcomm_file,
					     notify_timer);

	schedule_work(&kf->notify_work);
	return HRTIMER_NORESTART;
}

/* STREAM read(): produce count bytes in the reader's context. */
static ssize_t kcomm_read_stream(char __user *ubuf, size_t count)
{
	size_t done, chunk, left;
	u64 stamp;

	if (count < sizeof(stamp))
		return -EINVAL;
	/* A larger buffer simply gets a short read, as from any stream. */
	count = min_t(size_t, count, KCOMM_CHARDEV_MSG_MAX);

	stamp = ktime_get_ns();
	if (copy_to_user(ubuf, &stamp, sizeof(stamp)))
		return -EFAULT;
	for (done = sizeof(stamp); done < count; done += chunk) {
		chunk = min_t(size_t, count - done, KCOMM_PATTERN_SIZE);
		left = copy_to_user(ubuf + done, kcomm_pattern, chunk);
		/*
		 * A fault half-way is a short read, as read(2) promises: the
		 * bytes already in the user's buffer are reported, not lost
		 * behind EFAULT.
		 */
		if (left)
			return done + chunk - left;
	}
	return count;
}

/* ECHO and NOTIFY read(): wait for the queued message, hand it over whole. */
static ssize_t kcomm_read_queued(struct kcomm_file *kf, struct file *file,
				 char __user *ubuf, size_t count)
{
	const void *src;
	size_t len;
	ssize_t ret;

	for (;;) {
		if (mutex_lock_interruptible(&kf->lock))
			return -ERESTARTSYS;
		if (kf->pending)
			break;
		mutex_unlock(&kf->lock);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		/*
		 * Sleep without holding the mutex (the writer needs it), then
		 * loop and check again under the mutex: another reader of the
		 * same file may have taken the message first.
		 */
		if (wait_event_interruptible(kf->wait, READ_ONCE(kf->pending)))
			return -ERESTARTSYS;
	}

	if (kf->mode == KCOMM_CHARDEV_MODE_NOTIFY) {
		src = &kf->event_stamp;
		len = sizeof(kf->event_stamp);
	} else {
		src = kf->buf;
		len = kf->msg_len;
	}
	/* Message semantics: never return half a message and lose the rest. */
	if (count < len) {
		ret = -EMSGSIZE;
		goto out_unlock;
	}
	/* On a fault the message stays queued; the caller can retry. */
	if (copy_to_user(ubuf, src, len)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	kcomm_set_pending(kf, false);
	ret = len;
out_unlock:
	mutex_unlock(&kf->lock);
	return ret;
}

static ssize_t kcomm_read(struct file *file, char __user *ubuf, size_t count,
			  loff_t *ppos)
{
	struct kcomm_file *kf = file->private_data;

	if (!count)
		return 0;
	/* An unlocked peek is enough to dispatch; the queued path rechecks. */
	if (READ_ONCE(kf->mode) == KCOMM_CHARDEV_MODE_STREAM)
		return kcomm_read_stream(ubuf, count);
	return kcomm_read_queued(kf, file, ubuf, count);
}

static ssize_t kcomm_write(struct file *file, const char __user *ubuf,
			   size_t count, loff_t *ppos)
{
	struct kcomm_file *kf = file->private_data;
	ssize_t ret;

	if (!count)
		return 0;
	/* Check the length before allocating anything for it. */
	if (count > KCOMM_CHARDEV_MSG_MAX)
		return -EMSGSIZE;

	if (mutex_lock_interruptible(&kf->lock))
		return -ERESTARTSYS;

	if (kf->mode == KCOMM_CHARDEV_MODE_NOTIFY) {
		/*
		 * The bytes are only a doorbell. Re-arming a pending timer
		 * moves it, and schedule_work() on an already queued item is a
		 * no-op, so a burst of triggers fires once.
		 */
		kcomm_set_pending(kf, false);
		hrtimer_start(&kf->notify_timer,
			      ns_to_ktime(KCOMM_NOTIFY_DELAY_NS),
			      HRTIMER_MODE_REL);
		ret = count;
		goto out_unlock;
	}

	ret = kcomm_reserve(kf, count);
	if (ret)
		goto out_unlock;
	/* ECHO: the new message replaces an unread one, even if this copy fails. */
	kcomm_set_pending(kf, false);
	if (copy_from_user(kf->buf, ubuf, count)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	/*
	 * A real driver would parse the message here; this one checks it as
	 * the benchmark's message (sequence number and content, every byte),
	 * so user space can tell whether anything was lost or damaged.
	 */
	kcomm_msg_account(&kf->rx, kf->buf, count);
	if (kf->mode == KCOMM_CHARDEV_MODE_ECHO) {
		kf->msg_len = count;
		kcomm_set_pending(kf, true);
	}
	ret = count;
out_unlock:
	mutex_unlock(&kf->lock);
	/*
	 * Wake outside the mutex so the woken reader does not block on it at
	 * once. wq_has_sleeper() skips the wait queue's lock when nobody
	 * sleeps (the common case for a writer); its barrier pairs with the
	 * one after poll_wait() in kcomm_poll() and with the one in
	 * prepare_to_wait() that wait_event_interruptible() uses.
	 */
	if (ret > 0 && wq_has_sleeper(&kf->wait))
		wake_up_interruptible(&kf->wait);
	return ret;
}

static __poll_t kcomm_poll(struct file *file, poll_table *wait)
{
	struct kcomm_file *kf = file->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;	/* write() never blocks */

	/* Register on the wait queue first, then test: no lost wake-up. */
	poll_wait(file, &kf->wait, wait);
	smp_mb();	/* pairs with wq_has_sleeper() in kcomm_write() */
	if (READ_ONCE(kf->mode) == KCOMM_CHARDEV_MODE_STREAM ||
	    READ_ONCE(kf->pending))
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static long kcomm_unlocked_ioctl(struct file *file, unsigned int cmd,
				 unsigned long arg)
{
	struct kcomm_file *kf = file->private_data;
	struct kcomm_msg_stats rx;
	u32 mode;

	if (cmd == KCOMM_CHARDEV_GET_RX_STATS) {
		if (mutex_lock_interruptible(&kf->lock))
			return -ERESTARTSYS;
		rx = kf->rx;
		mutex_unlock(&kf->lock);
		return copy_to_user((void __user *)arg, &rx, sizeof(rx)) ?
		       -EFAULT : 0;
	}
	if (cmd != KCOMM_CHARDEV_SET_MODE)
		return -ENOTTY;
	if (get_user(mode, (u32 __user *)arg))
		return -EFAULT;
	if (mode > KCOMM_CHARDEV_MODE_NOTIFY)
		return -EINVAL;

	if (mutex_lock_interruptible(&kf->lock))
		return -ERESTARTSYS;
	WRITE_ONCE(kf->mode, mode);	/* read unlocked by read() and poll() */
	kcomm_set_pending(kf, false);
	mutex_unlock(&kf->lock);
	return 0;
}

static int kcomm_open(struct inode *inode, struct file *file)
{
	struct kcomm_file *kf;

	kf = kzalloc(sizeof(*kf), GFP_KERNEL_ACCOUNT);
	if (!kf)
		return -ENOMEM;
	mutex_init(&kf->lock);
	init_waitqueue_head(&kf->wait);
	INIT_WORK(&kf->notify_work, kcomm_notify_work);
	/* hrtimer_setup() replaced hrtimer_init() + assigning .function in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&kf->notify_timer, kcomm_notify_timer, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL);
#else
	hrtimer_init(&kf->notify_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	kf->notify_timer.function = kcomm_notify_timer;
#endif
	kf->mode = KCOMM_CHARDEV_MODE_STREAM;
	file->private_data = kf;
	/*
	 * A stream has no position: stream_open() makes lseek, pread and pwrite
	 * fail with ESPIPE and lets read and write run without f_pos locking.
	 * (no_llseek was only ever NULL and is gone since 6.12; leaving .llseek
	 * unset plus stream_open() means the same on 6.1 and later.)
	 */
	return stream_open(inode, file);
}

static int kcomm_release(struct inode *inode, struct file *file)
{
	struct kcomm_file *kf = file->private_data;

	/*
	 * The timer and the work item point at kf: make sure neither is pending
	 * nor running. The timer first: its callback queues the work.
	 */
	hrtimer_cancel(&kf->notify_timer);
	cancel_work_sync(&kf->notify_work);
	kvfree(kf->buf);
	mutex_destroy(&kf->lock);
	kfree(kf);
	return 0;
}

static const struct file_operations kcomm_fops = {
	.owner = THIS_MODULE,
	.open = kcomm_open,
	.release = kcomm_release,
	.read = kcomm_read,
	.write = kcomm_write,
	.poll = kcomm_poll,
	.unlocked_ioctl = kcomm_unlocked_ioctl,
	/* The argument is a pointer to a __u32: same layout for 32-bit callers. */
	.compat_ioctl = compat_ptr_ioctl,
};

/* A misc device: dynamic minor, /dev node, no class_create() (changed in 6.4). */
static struct miscdevice kcomm_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_chardev",
	.fops = &kcomm_fops,
	.mode = 0600,
};

static int __init kcomm_init(void)
{
	int ret;

	kcomm_pattern = kvmalloc(KCOMM_PATTERN_SIZE, GFP_KERNEL);
	if (!kcomm_pattern)
		return -ENOMEM;
	memset(kcomm_pattern, 0x5a, KCOMM_PATTERN_SIZE);

	/* Register last: from here on user space can open the device. */
	ret = misc_register(&kcomm_misc);
	if (ret)
		goto out_free_pattern;
	pr_info("ready: %s\n", KCOMM_CHARDEV_DEVICE);
	return 0;

out_free_pattern:
	kvfree(kcomm_pattern);
	return ret;
}

static void __exit kcomm_exit(void)
{
	misc_deregister(&kcomm_misc);
	kvfree(kcomm_pattern);
}

module_init(kcomm_init);
module_exit(kcomm_exit);

MODULE_DESCRIPTION("kcomm reference: character device with read, write and poll");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
