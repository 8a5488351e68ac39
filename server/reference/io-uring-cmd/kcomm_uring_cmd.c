// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_uring_cmd - a misc device that takes commands through io_uring (IORING_OP_URING_CMD)
 *
 * What this sample shows
 *   file_operations.uring_cmd on a misc device, with the two ways a command completes:
 *
 *   ECHO, SINK, READ  at once: the handler copies and posts the byte count as the CQE's res with
 *                     io_uring_cmd_done() before it returns. An asynchronous, batched ioctl.
 *   WAIT              parked: the handler returns -EIOCBQUEUED and an hrtimer completes the
 *                     command later, through io_uring_cmd_complete_in_task() (the timer runs in
 *                     interrupt context) and io_uring_cmd_done() in the submitter's task, with
 *                     the stamp in the 32-byte CQE's second word (res2).
 *
 * When to choose it, and when not
 *   For a high rate of commands to a driver that an application batches and completes
 *   asynchronously (NVMe passthrough on /dev/ng*, ublk). Not for a simple control path (an ioctl
 *   is less code on both sides), not for several listeners (a completion belongs to one ring), and
 *   not where io_uring is turned off: kernel.io_uring_disabled (6.6+) and the seccomp profiles of
 *   container runtimes.
 *
 * What the handler can trust
 *   sqe->cmd lies in the submission ring, memory the application can still write: the command is
 *   copied once into a local and only the copy is checked and used. Everything in it is the
 *   caller's: op, lengths, the reserved field, the user addresses (copy_from_user/copy_to_user).
 *   The command needs 32 bytes, so a ring without IORING_SETUP_SQE128 is refused (EINVAL), as is
 *   WAIT on a ring without IORING_SETUP_CQE32, which would lose the stamp.
 *
 * Execution context and locking
 *   ->uring_cmd runs in the submitter's task, or in an io-wq worker or the SQPOLL thread. The first
 *   attempt has IO_URING_F_NONBLOCK: it must not wait for the per-file mutex (mutex_trylock, else
 *   -EAGAIN and io_uring retries from a worker that may block). A parked command is finished by
 *   io_uring_cmd_done() with the issue_flags its task work was given, never made up.
 *
 * Lifetime
 *   A command in flight holds the file, and the file holds this module (fops.owner): rmmod is
 *   refused until every parked command completed and the fd is closed. A parked command always
 *   completes within KCOMM_URING_DELAY_MAX_US, so a ring that exits waits for it at most that long
 *   (newer kernels could also mark it cancelable, io_uring_cmd_mark_cancelable(), 6.7+).
 *
 * Kernel versions
 *   The command is ioucmd->cmd up to 6.5 and io_uring_sqe_cmd(ioucmd->sqe) since 6.6, declared in
 *   <linux/io_uring/cmd.h> since 6.7: version guards. io_uring_cmd_done() and the task work
 *   callback take issue_flags since 6.3, also in Debian's 6.1 (a stable backport); 6.1.0 to 6.1.y
 *   before that backport are not supported.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/io_uring.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#if KERNEL_VERSION(6, 7, 0) <= LINUX_VERSION_CODE
#include <linux/io_uring/cmd.h>
#endif

#include "kcomm_uring_cmd.h"

struct kcomm_uring_file {
	struct mutex lock;	/* buf */
	u8 buf[KCOMM_URING_MSG_MAX];
};

/* A parked WAIT command; its address is kept in the command's pdu. */
struct kcomm_uring_wait {
	struct hrtimer timer;
	struct io_uring_cmd *ioucmd;
	u64 stamp;
};

static u8 *kcomm_pattern;	/* KCOMM_URING_MSG_MAX bytes of 0xa5 */

/* The command's bytes in the SQE. */
static const void *kcomm_cmd_bytes(struct io_uring_cmd *ioucmd)
{
#if KERNEL_VERSION(6, 6, 0) <= LINUX_VERSION_CODE
	return io_uring_sqe_cmd(ioucmd->sqe);
#else
	return ioucmd->cmd;
#endif
}

static int kcomm_lock(struct kcomm_uring_file *kf, unsigned int issue_flags)
{
	if (issue_flags & IO_URING_F_NONBLOCK)
		return mutex_trylock(&kf->lock) ? 0 : -EAGAIN;
	mutex_lock(&kf->lock);
	return 0;
}

static int kcomm_copy_in(struct kcomm_uring_file *kf, const struct kcomm_uring_cmd *c,
			 bool echo, unsigned int issue_flags)
{
	int ret = kcomm_lock(kf, issue_flags);

	if (ret)
		return ret;
	if (copy_from_user(kf->buf, u64_to_user_ptr(c->in), c->len))
		ret = -EFAULT;
	else if (echo && copy_to_user(u64_to_user_ptr(c->out), kf->buf, c->len))
		ret = -EFAULT;
	else
		ret = c->len;
	mutex_unlock(&kf->lock);
	return ret;
}

/* The stamp, then the pattern: no lock, the pattern is never written after init. */
static int kcomm_read(const struct kcomm_uring_cmd *c)
{
	void __user *out = u64_to_user_ptr(c->out);
	u64 stamp = ktime_get_ns();

	if (copy_to_user(out, &stamp, sizeof(stamp)) ||
	    copy_to_user(out + sizeof(stamp), kcomm_pattern, c->len - sizeof(stamp)))
		return -EFAULT;
	return c->len;
}

/* In the submitter's task: the timer is done (or being done) with w; finish the command. */
static void kcomm_wait_done(struct io_uring_cmd *ioucmd, unsigned int issue_flags)
{
	struct kcomm_uring_wait *w = *(struct kcomm_uring_wait **)ioucmd->pdu;
	u64 stamp;

	hrtimer_cancel(&w->timer);	/* waits for the callback that queued us to return */
	stamp = w->stamp;
	kfree(w);
	io_uring_cmd_done(ioucmd, 0, stamp, issue_flags);
}

static enum hrtimer_restart kcomm_wait_fire(struct hrtimer *t)
{
	struct kcomm_uring_wait *w = container_of(t, struct kcomm_uring_wait, timer);

	w->stamp = ktime_get_ns();
	io_uring_cmd_complete_in_task(w->ioucmd, kcomm_wait_done);
	return HRTIMER_NORESTART;
}

static int kcomm_wait(struct io_uring_cmd *ioucmd, const struct kcomm_uring_cmd *c)
{
	struct kcomm_uring_wait *w = kzalloc(sizeof(*w), GFP_KERNEL);

	BUILD_BUG_ON(sizeof(w) > sizeof(ioucmd->pdu));
	if (!w)
		return -ENOMEM;
	w->ioucmd = ioucmd;
	*(struct kcomm_uring_wait **)ioucmd->pdu = w;
	/* hrtimer_init() was replaced by hrtimer_setup() in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&w->timer, kcomm_wait_fire, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&w->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	w->timer.function = kcomm_wait_fire;
#endif
	hrtimer_start(&w->timer, ns_to_ktime((u64)c->delay_us * NSEC_PER_USEC), HRTIMER_MODE_REL);
	return -EIOCBQUEUED;
}

/* Is the (copied) command valid for its op? */
static bool kcomm_cmd_valid(u32 op, const struct kcomm_uring_cmd *c, unsigned int issue_flags)
{
	if (c->reserved || c->len > KCOMM_URING_MSG_MAX)
		return false;
	switch (op) {
	case KCOMM_URING_CMD_ECHO:
		return !c->delay_us;
	case KCOMM_URING_CMD_SINK:
		return !c->out && !c->delay_us;
	case KCOMM_URING_CMD_READ:
		return !c->in && !c->delay_us && c->len >= sizeof(u64);
	case KCOMM_URING_CMD_WAIT:
		return !c->in && !c->out && !c->len && c->delay_us <= KCOMM_URING_DELAY_MAX_US &&
		       (issue_flags & IO_URING_F_CQE32);
	default:
		return false;
	}
}

static int kcomm_uring_issue(struct io_uring_cmd *ioucmd, unsigned int issue_flags)
{
	struct kcomm_uring_file *kf = ioucmd->file->private_data;
	struct kcomm_uring_cmd c;

	/* 32 bytes: only a 128-byte SQE has room (80 bytes); a 64-byte one has 16. */
	if (!(issue_flags & IO_URING_F_SQE128))
		return -EINVAL;
	/* Once: the ring is shared with user space, which may change it under us. */
	memcpy(&c, kcomm_cmd_bytes(ioucmd), sizeof(c));
	if (ioucmd->cmd_op < KCOMM_URING_CMD_ECHO || ioucmd->cmd_op > KCOMM_URING_CMD_WAIT)
		return -EOPNOTSUPP;
	if (!kcomm_cmd_valid(ioucmd->cmd_op, &c, issue_flags))
		return -EINVAL;
	switch (ioucmd->cmd_op) {
	case KCOMM_URING_CMD_ECHO:
		return kcomm_copy_in(kf, &c, true, issue_flags);
	case KCOMM_URING_CMD_SINK:
		return kcomm_copy_in(kf, &c, false, issue_flags);
	case KCOMM_URING_CMD_READ:
		return kcomm_read(&c);
	default:
		return kcomm_wait(ioucmd, &c);
	}
}

/*
 * Every result is posted with io_uring_cmd_done(), never returned: 6.1 posts a positive value
 * returned by ->uring_cmd only when the command ran inline, and loses it when the command ran in
 * an io-wq worker (after our -EAGAIN, or when user space set IOSQE_ASYNC): the request never
 * completes and its ring can never exit.
 */
static int kcomm_uring_cmd(struct io_uring_cmd *ioucmd, unsigned int issue_flags)
{
	int ret = kcomm_uring_issue(ioucmd, issue_flags);

	if (ret == -EAGAIN || ret == -EIOCBQUEUED)
		return ret;
	io_uring_cmd_done(ioucmd, ret, 0, issue_flags);
	return -EIOCBQUEUED;
}

static int kcomm_uring_open(struct inode *inode, struct file *file)
{
	struct kcomm_uring_file *kf = kvzalloc(sizeof(*kf), GFP_KERNEL_ACCOUNT);

	if (!kf)
		return -ENOMEM;
	mutex_init(&kf->lock);
	file->private_data = kf;
	return 0;
}

/* No command is in flight: each one held the file. */
static int kcomm_uring_release(struct inode *inode, struct file *file)
{
	struct kcomm_uring_file *kf = file->private_data;

	mutex_destroy(&kf->lock);
	kvfree(kf);
	return 0;
}

static const struct file_operations kcomm_uring_fops = {
	.owner = THIS_MODULE,
	.open = kcomm_uring_open,
	.release = kcomm_uring_release,
	.uring_cmd = kcomm_uring_cmd,
	.llseek = noop_llseek,
};

static struct miscdevice kcomm_uring_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_uring_cmd",
	.fops = &kcomm_uring_fops,
	.mode = 0600,
};

static int __init kcomm_uring_init(void)
{
	int ret;

	kcomm_pattern = kvmalloc(KCOMM_URING_MSG_MAX, GFP_KERNEL);
	if (!kcomm_pattern)
		return -ENOMEM;
	memset(kcomm_pattern, 0xa5, KCOMM_URING_MSG_MAX);
	ret = misc_register(&kcomm_uring_misc);
	if (ret) {
		kvfree(kcomm_pattern);
		return ret;
	}
	pr_info("ready: %s\n", KCOMM_URING_DEVICE);
	return 0;
}

static void __exit kcomm_uring_exit(void)
{
	misc_deregister(&kcomm_uring_misc);
	kvfree(kcomm_pattern);
}

module_init(kcomm_uring_init);
module_exit(kcomm_uring_exit);

MODULE_DESCRIPTION("kcomm reference: a misc device taking commands through io_uring uring_cmd");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
