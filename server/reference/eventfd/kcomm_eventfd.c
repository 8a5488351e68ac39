// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_eventfd.c - waking user space from the kernel with an eventfd.
 *
 * What this sample shows
 *   User space creates an eventfd and passes its file descriptor number to the module with an ioctl
 *   on /dev/kcomm_eventfd. The module turns the number into a counted reference to the eventfd's
 *   context (eventfd_ctx_fdget()), keeps it, and calls eventfd_signal() whenever it has news - from
 *   the ioctl itself, from an hrtimer (hard interrupt context, the shape of a device interrupt) or
 *   from a work item (process context, the shape of a bottom half). User space sleeps in read(),
 *   poll(), epoll or io_uring on the eventfd like on any other file. This is how KVM's irqfd, VFIO
 *   interrupts and vhost notify user space.
 *
 * When to choose eventfd
 *   A pure "something happened" wake-up that must fit into an existing event loop, fired from any
 *   kernel context, with no payload: the eventfd only carries a 64-bit counter that the kernel adds
 *   to and a read() drains. Several events before a read() coalesce into one wake-up.
 *   When not: when the wake-up must carry data (pair it with a shared page or a ring, as the stamp
 *   page here does, or use netlink/a char device read()), or when every single event must be seen.
 *
 * The data path
 *   1. efd = eventfd(0, EFD_CLOEXEC); ioctl(dev, KCOMM_EVENTFD_REGISTER, {fd = efd});
 *   2. ioctl(dev, KCOMM_EVENTFD_TRIGGER, {from, delay}) - or, in a real driver, an interrupt;
 *   3. the kernel writes ktime_get_ns() into the stamp page, then eventfd_signal();
 *   4. user space's read(efd) returns; it reads the stamp from its mapping of /dev/kcomm_eventfd.
 *   The stamp store happens before eventfd_signal(), which takes the eventfd's wait-queue lock; the
 *   reader's read() takes the same lock before returning, so the reader always sees the new stamp.
 *
 * Execution context and locking
 *   open/release/ioctl/mmap  process context, may sleep.
 *   hrtimer callback         hard interrupt context (HRTIMER_MODE_REL; softirq on PREEMPT_RT): must
 *                            not sleep. eventfd_signal() is safe here: it only takes a spinlock
 *                            with interrupts disabled and wakes the waiters.
 *   work item                process context on a kworker.
 *   The registered context pointer is read by all three, so it is guarded by a spinlock taken with
 *   spin_lock_irqsave() (a mutex cannot be taken in the timer; irqsave because the timer may
 *   interrupt a holder on the same CPU). The reference is dropped (eventfd_ctx_put()) outside the
 *   lock.
 *
 * Lifetime and references
 *   eventfd_ctx_fdget() takes a reference on the eventfd context, not on the file descriptor: user
 *   space may close its eventfd at any time and the module keeps a valid (if unread) context until
 *   it puts it - on UNREGISTER, on a replacing REGISTER, or when /dev/kcomm_eventfd is closed.
 *   release() first stops the timer and the work item, so nothing can signal a context after it was
 *   put. .owner = THIS_MODULE pins the module while the device is open, so unloading is safe.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/eventfd.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

#include "kcomm_eventfd.h"

static_assert(sizeof(struct kcomm_eventfd_reg) == 8);
static_assert(sizeof(struct kcomm_eventfd_trigger) == 16);
static_assert(sizeof(struct kcomm_eventfd_stamp) == 16);

struct kcomm_efd {
	spinlock_t lock;			/* guards ctx and signals; taken from the hrtimer */
	struct eventfd_ctx *ctx;		/* our reference, or NULL */
	u64 signals;
	struct kcomm_eventfd_stamp *page;	/* vmalloc_user(): mapped read-only by user space */
	struct hrtimer timer;
	struct work_struct work;
};

/* eventfd_signal() lost its count argument in 6.8; it always added 1 in practice anyway. */
static void kcomm_eventfd_signal(struct eventfd_ctx *ctx)
{
#if KERNEL_VERSION(6, 8, 0) <= LINUX_VERSION_CODE
	eventfd_signal(ctx);
#else
	eventfd_signal(ctx, 1);
#endif
}

/* Any context. Returns -ENOTCONN when no eventfd is registered. */
static int efd_fire(struct kcomm_efd *e)
{
	unsigned long flags;
	int ret = -ENOTCONN;

	spin_lock_irqsave(&e->lock, flags);
	if (e->ctx) {
		/* The stamp first: the signal is what tells the reader the stamp is new. */
		WRITE_ONCE(e->page->stamp_ns, ktime_get_ns());
		WRITE_ONCE(e->page->signals, ++e->signals);
		kcomm_eventfd_signal(e->ctx);
		ret = 0;
	}
	spin_unlock_irqrestore(&e->lock, flags);
	return ret;
}

static enum hrtimer_restart efd_timer_fn(struct hrtimer *t)
{
	efd_fire(container_of(t, struct kcomm_efd, timer));
	return HRTIMER_NORESTART;
}

static void efd_work_fn(struct work_struct *w)
{
	efd_fire(container_of(w, struct kcomm_efd, work));
}

/* Swap in a new context (or NULL) and drop the reference to the old one, outside the lock. */
static void efd_set_ctx(struct kcomm_efd *e, struct eventfd_ctx *ctx)
{
	struct eventfd_ctx *old;
	unsigned long flags;

	spin_lock_irqsave(&e->lock, flags);
	old = e->ctx;
	WRITE_ONCE(e->ctx, ctx);	/* efd_trigger() peeks without the lock */
	spin_unlock_irqrestore(&e->lock, flags);
	if (old)
		eventfd_ctx_put(old);
}

static long efd_register(struct kcomm_efd *e, const struct kcomm_eventfd_reg __user *uarg)
{
	struct kcomm_eventfd_reg reg;
	struct eventfd_ctx *ctx;

	if (copy_from_user(&reg, uarg, sizeof(reg)))
		return -EFAULT;
	if (reg.pad)
		return -EINVAL;
	/*
	 * Looks the number up in the *calling* process's file table: -EBADF if it is not open,
	 * -EINVAL if it is not an eventfd. On success we own one reference to the context.
	 */
	ctx = eventfd_ctx_fdget(reg.fd);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	efd_set_ctx(e, ctx);		/* a second REGISTER replaces the first */
	return 0;
}

static long efd_trigger(struct kcomm_efd *e, const struct kcomm_eventfd_trigger __user *uarg)
{
	struct kcomm_eventfd_trigger tr;

	if (copy_from_user(&tr, uarg, sizeof(tr)))
		return -EFAULT;
	if (tr.pad || tr.delay_ns > NSEC_PER_SEC)
		return -EINVAL;
	/* Unlocked peek, only to report a clear error; efd_fire() checks again under the lock. */
	if (!READ_ONCE(e->ctx))
		return -ENOTCONN;

	switch (tr.from) {
	case KCOMM_EVENTFD_FROM_IOCTL:
		return efd_fire(e);
	case KCOMM_EVENTFD_FROM_HRTIMER:
		/* Re-arming a pending timer just moves it: one signal, as a coalesced IRQ. */
		hrtimer_start(&e->timer, ns_to_ktime(tr.delay_ns), HRTIMER_MODE_REL);
		return 0;
	case KCOMM_EVENTFD_FROM_WORK:
		queue_work(system_wq, &e->work);
		return 0;
	default:
		return -EINVAL;
	}
}

static long efd_get_stamp(struct kcomm_efd *e, struct kcomm_eventfd_stamp __user *uarg)
{
	struct kcomm_eventfd_stamp st;
	unsigned long flags;

	spin_lock_irqsave(&e->lock, flags);
	st = *e->page;
	spin_unlock_irqrestore(&e->lock, flags);
	return copy_to_user(uarg, &st, sizeof(st)) ? -EFAULT : 0;
}

static long efd_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kcomm_efd *e = file->private_data;

	switch (cmd) {
	case KCOMM_EVENTFD_REGISTER:
		return efd_register(e, (const struct kcomm_eventfd_reg __user *)arg);
	case KCOMM_EVENTFD_UNREGISTER:
		efd_set_ctx(e, NULL);
		return 0;
	case KCOMM_EVENTFD_TRIGGER:
		return efd_trigger(e, (const struct kcomm_eventfd_trigger __user *)arg);
	case KCOMM_EVENTFD_GET_STAMP:
		return efd_get_stamp(e, (struct kcomm_eventfd_stamp __user *)arg);
	default:
		return -ENOTTY;
	}
}

/* vma->vm_flags became read-only in 6.3; vm_flags_mod() is the way from then on. */
static void kcomm_vma_mod_flags(struct vm_area_struct *vma, vm_flags_t set, vm_flags_t clear)
{
#if KERNEL_VERSION(6, 3, 0) <= LINUX_VERSION_CODE
	vm_flags_mod(vma, set, clear);
#else
	vma->vm_flags = (vma->vm_flags | set) & ~clear;
#endif
}

/* The stamp page: one page, offset 0, MAP_SHARED, read-only and never executable. */
static int efd_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kcomm_efd *e = file->private_data;

	if (vma->vm_pgoff != 0 || vma->vm_end - vma->vm_start != PAGE_ALIGN(KCOMM_EVENTFD_MAP_SIZE))
		return -EINVAL;
	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;
	if (vma->vm_flags & (VM_WRITE | VM_EXEC))
		return -EPERM;
	kcomm_vma_mod_flags(vma, VM_DONTEXPAND | VM_DONTDUMP, VM_MAYWRITE | VM_MAYEXEC);
	return remap_vmalloc_range(vma, e->page, 0);
}

static int efd_open(struct inode *inode, struct file *file)
{
	struct kcomm_efd *e;

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->page = vmalloc_user(PAGE_ALIGN(KCOMM_EVENTFD_MAP_SIZE));	/* zeroed */
	if (!e->page)
		goto out_free_efd;
	spin_lock_init(&e->lock);
	/* hrtimer_setup() replaced hrtimer_init() + assigning .function in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&e->timer, efd_timer_fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&e->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	e->timer.function = efd_timer_fn;
#endif
	INIT_WORK(&e->work, efd_work_fn);
	file->private_data = e;
	return 0;

out_free_efd:
	kfree(e);
	return -ENOMEM;
}

/* Last close and last munmap(): stop everything that could signal, then drop the reference. */
static int efd_release(struct inode *inode, struct file *file)
{
	struct kcomm_efd *e = file->private_data;

	hrtimer_cancel(&e->timer);
	cancel_work_sync(&e->work);
	efd_set_ctx(e, NULL);
	vfree(e->page);
	kfree(e);
	return 0;
}

static const struct file_operations efd_fops = {
	.owner = THIS_MODULE,
	.open = efd_open,
	.release = efd_release,
	.mmap = efd_mmap,
	.unlocked_ioctl = efd_ioctl,
	.compat_ioctl = compat_ptr_ioctl,	/* one struct layout for 32 and 64 bit */
	.llseek = noop_llseek,
};

/* A misc device needs no class_create() (whose signature changed in 6.4) and no chrdev region. */
static struct miscdevice efd_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_eventfd",
	.fops = &efd_fops,
};

static int __init kcomm_eventfd_init(void)
{
	int err;

	err = misc_register(&efd_dev);
	if (err)
		return err;
	pr_info("loaded: /dev/%s\n", efd_dev.name);
	return 0;
}

static void __exit kcomm_eventfd_exit(void)
{
	misc_deregister(&efd_dev);
}

module_init(kcomm_eventfd_init);
module_exit(kcomm_eventfd_exit);

MODULE_DESCRIPTION("kcomm reference: notifying user space through an eventfd");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
