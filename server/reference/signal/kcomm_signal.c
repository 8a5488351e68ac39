// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_signal.c - notifying a process from the kernel with a real-time signal.
 *
 * What this sample shows
 *   A process opens /dev/kcomm_signal and registers itself with a real-time signal number. The
 *   module records *which process* as a counted struct pid (not a pid number), and on each trigger
 *   queues the signal with a siginfo whose si_value carries the kernel's ktime_get_ns(). User space
 *   blocks the signal and collects it synchronously with sigtimedwait() or a signalfd.
 *
 * When to choose a signal - rarely
 *   Signals are the oldest kernel-to-process notification and the worst data channel:
 *   - the payload is one pointer-sized value (si_value), 32 bits for a 32-bit process;
 *   - a handler interrupts the program anywhere, so it may only call async-signal-safe functions;
 *     the sane way to consume signals is to block them and read them synchronously, which is what
 *     an eventfd or a file descriptor gives you anyway, without the global, process-wide state;
 *   - standard signals coalesce; real-time signals queue, but only up to RLIMIT_SIGPENDING, after
 *     which sending fails;
 *   - the target is a process, not a file: a pid *number* can be reused by an unrelated process
 *     after the original exits. Holding a struct pid reference (get_task_pid()) means we signal the
 *     process we registered or nobody - never its successor.
 *   Choose it only to interrupt a process that waits on nothing else, or for compatibility
 *   (SIGIO-style drivers, fcntl(F_SETSIG)). Otherwise prefer eventfd, poll() on a device, or
 *   netlink.
 *
 * Which kernel API - two shown here
 *   fasync (the in-tree way, KCOMM_SIGNAL_FROM_FASYNC): the process asks for the signal itself with
 *   fcntl(fd, F_SETOWN, getpid()), fcntl(fd, F_SETSIG, signo) and O_ASYNC; .fasync =
 *   fasync_helper() keeps the list, and kill_fasync() (any context but NMI) sends. The VFS does the
 *   rest: the signal is queued process-wide (any thread that does not block it takes it, so it
 *   survives the exit of the thread that set it up), the owner's credentials are checked at each
 *   delivery (sigio_perm(): an F_SETOWN to another user's process stops working when its
 *   credentials change), and the owner is a struct pid too. With F_SETSIG the siginfo says si_code
 *   POLL_IN, si_fd and si_band - but carries no value, so this path sends no stamp. This is what a
 *   driver should use (tty, input, sockets, pipes). send_sig_info()
 *   (KCOMM_SIGNAL_FROM_IOCTL/HRTIMER, for the si_value payload): exported, but it queues the signal
 *   on one task, here the thread-group leader found with pid_task(pid, PIDTYPE_TGID). If that
 *   thread has exited while the process lives on, the signal is queued on a zombie thread and lost;
 *   and the permission is only the registration (the caller registered itself), never re-checked.
 *   kill_pid_info(), which queues process-wide, is not exported to modules (and was reworked after
 *   6.1); kill_pid() is, but carries no siginfo. So such a process must receive the signal in its
 *   main thread (block it there and wait) and keep that thread alive.
 *   si_code is SI_QUEUE: negative codes select the "rt" siginfo layout (pid, uid, value), so
 *   si_value reaches sigtimedwait(), signalfd (ssi_ptr) and 32-bit compat tasks. SI_KERNEL would
 *   select the "kill" layout and the value would be dropped on those paths. si_pid/si_uid are 0:
 *   the kernel sent it.
 *
 * Execution context and locking
 *   open/release/ioctl  process context, may sleep.
 *   hrtimer callback    hard interrupt context: must not sleep. send_sig_info() is allowed there
 *                       (the posix timers do exactly that): it takes the target's siglock with
 *                       interrupts off and allocates the queue entry with GFP_ATOMIC.
 *   The registration (pid, signo) is read by the timer, so a spinlock taken with irqsave guards it.
 *   pid_task() needs rcu_read_lock(): the task may be exiting concurrently.
 *
 * Lifetime
 *   The struct pid reference is dropped (put_pid()) on UNREGISTER, on a replacing REGISTER and on
 *   release(), after the timer has been cancelled. .owner = THIS_MODULE pins the module while open.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "kcomm_signal.h"

static_assert(sizeof(struct kcomm_signal_reg) == 8);
static_assert(sizeof(struct kcomm_signal_trigger) == 16);

struct kcomm_sig {
	spinlock_t lock;		/* guards pid and signo; taken from the hrtimer */
	struct pid *pid;		/* our reference to the registered process, or NULL */
	int signo;
	struct hrtimer timer;
	struct fasync_struct *fasync;	/* O_ASYNC owners; fasync_helper() has its own locking */
};

/* Any context. 0, -ENOTCONN (nobody registered), -ESRCH (exited) or send_sig_info()'s error. */
static int sig_fire(struct kcomm_sig *s)
{
	struct kernel_siginfo info;
	struct task_struct *task;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&s->lock, flags);
	if (!s->pid) {
		ret = -ENOTCONN;
		goto out_unlock;
	}
	/* every byte defined: the whole siginfo is copied to user space */
	clear_siginfo(&info);
	info.si_signo = s->signo;
	info.si_code = SI_QUEUE;
	info.si_value.sival_ptr = (void __user *)(unsigned long)ktime_get_ns();

	rcu_read_lock();
	task = pid_task(s->pid, PIDTYPE_TGID);	/* NULL once the process is gone (reaped) */
	ret = task ? send_sig_info(s->signo, &info, task) : -ESRCH;
	rcu_read_unlock();
out_unlock:
	spin_unlock_irqrestore(&s->lock, flags);
	return ret;
}

static enum hrtimer_restart sig_timer_fn(struct hrtimer *t)
{
	/* Nobody to report an error to from here: a real driver would count it. */
	sig_fire(container_of(t, struct kcomm_sig, timer));
	return HRTIMER_NORESTART;
}

/* Swap in a new registration; drop the old pid reference outside the lock. */
static void sig_set(struct kcomm_sig *s, struct pid *pid, int signo)
{
	unsigned long flags;
	struct pid *old;

	spin_lock_irqsave(&s->lock, flags);
	old = s->pid;
	s->pid = pid;
	s->signo = signo;
	spin_unlock_irqrestore(&s->lock, flags);
	put_pid(old);			/* NULL-safe */
}

static long sig_register(struct kcomm_sig *s, const struct kcomm_signal_reg __user *uarg)
{
	struct kcomm_signal_reg reg;

	if (copy_from_user(&reg, uarg, sizeof(reg)))
		return -EFAULT;
	if (reg.pad)
		return -EINVAL;
	/* Real-time signals only: they queue instead of coalescing, and carry si_value. */
	if (reg.signo < SIGRTMIN || reg.signo > SIGRTMAX)
		return -EINVAL;
	/* The caller registers itself: we never signal a process that did not ask for it. */
	sig_set(s, get_task_pid(current, PIDTYPE_TGID), reg.signo);
	return 0;
}

/* Checked before arming the timer, so the ioctl can say why a timer-sent signal would be lost. */
static int sig_target_alive(struct kcomm_sig *s)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&s->lock, flags);
	if (!s->pid) {
		ret = -ENOTCONN;
	} else {
		rcu_read_lock();
		if (!pid_task(s->pid, PIDTYPE_TGID))
			ret = -ESRCH;
		rcu_read_unlock();
	}
	spin_unlock_irqrestore(&s->lock, flags);
	return ret;
}

static long sig_trigger(struct kcomm_sig *s, const struct kcomm_signal_trigger __user *uarg)
{
	struct kcomm_signal_trigger tr;
	int err;

	if (copy_from_user(&tr, uarg, sizeof(tr)))
		return -EFAULT;
	if (tr.pad || tr.delay_ns > NSEC_PER_SEC)
		return -EINVAL;

	switch (tr.from) {
	case KCOMM_SIGNAL_FROM_IOCTL:
		return sig_fire(s);
	case KCOMM_SIGNAL_FROM_FASYNC:
		/* SIGIO, or the F_SETSIG signal, to every O_ASYNC owner; nobody if none. */
		kill_fasync(&s->fasync, SIGIO, POLL_IN);
		return 0;
	case KCOMM_SIGNAL_FROM_HRTIMER:
		err = sig_target_alive(s);
		if (err)
			return err;
		hrtimer_start(&s->timer, ns_to_ktime(tr.delay_ns), HRTIMER_MODE_REL);
		return 0;
	default:
		return -EINVAL;
	}
}

static long sig_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kcomm_sig *s = file->private_data;

	switch (cmd) {
	case KCOMM_SIGNAL_REGISTER:
		return sig_register(s, (const struct kcomm_signal_reg __user *)arg);
	case KCOMM_SIGNAL_UNREGISTER:
		hrtimer_cancel(&s->timer);
		sig_set(s, NULL, 0);
		return 0;
	case KCOMM_SIGNAL_TRIGGER:
		return sig_trigger(s, (const struct kcomm_signal_trigger __user *)arg);
	default:
		return -ENOTTY;
	}
}

static int sig_open(struct inode *inode, struct file *file)
{
	struct kcomm_sig *s;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	spin_lock_init(&s->lock);
	/* hrtimer_setup() replaced hrtimer_init() + assigning .function in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&s->timer, sig_timer_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&s->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	s->timer.function = sig_timer_fn;
#endif
	file->private_data = s;
	return 0;
}

/* fcntl(F_SETFL, O_ASYNC) and the last close: add or remove this file's owner. */
static int sig_fasync(int fd, struct file *file, int on)
{
	struct kcomm_sig *s = file->private_data;

	return fasync_helper(fd, file, on, &s->fasync);
}

static int sig_release(struct inode *inode, struct file *file)
{
	struct kcomm_sig *s = file->private_data;

	hrtimer_cancel(&s->timer);	/* first: the callback uses the registration */
	sig_set(s, NULL, 0);
	kfree(s);
	return 0;
}

static const struct file_operations sig_fops = {
	.owner = THIS_MODULE,
	.open = sig_open,
	.release = sig_release,
	.unlocked_ioctl = sig_ioctl,
	.fasync = sig_fasync,		/* __fput() calls it with on = 0 before release() */
	.compat_ioctl = compat_ptr_ioctl,	/* one struct layout for 32 and 64 bit */
	.llseek = noop_llseek,
};

/* A misc device needs no class_create() (whose signature changed in 6.4) and no chrdev region. */
static struct miscdevice sig_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_signal",
	.fops = &sig_fops,
};

static int __init kcomm_signal_init(void)
{
	int err;

	err = misc_register(&sig_dev);
	if (err)
		return err;
	pr_info("loaded: /dev/%s\n", sig_dev.name);
	return 0;
}

static void __exit kcomm_signal_exit(void)
{
	misc_deregister(&sig_dev);
}

module_init(kcomm_signal_init);
module_exit(kcomm_signal_exit);

MODULE_DESCRIPTION("kcomm reference: notifying a process with a real-time signal");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
