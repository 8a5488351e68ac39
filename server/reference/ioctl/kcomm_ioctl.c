// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_ioctl - commands to a driver through ioctl() on a misc device.
 *
 * What this sample shows
 *   A misc device, /dev/kcomm_ioctl, whose only interface is a handful of
 *   well-formed ioctls (see kcomm_ioctl.h for the ABI rules):
 *     KCOMM_IOCTL_ECHO(len)  small payload (the argument itself, its length
 *                            in the command number), echoed back;
 *     KCOMM_IOCTL_ECHO_BUF   payload in a user buffer (__u64 address + length);
 *     KCOMM_IOCTL_SINK       user -> kernel: copy a buffer in and count it;
 *     KCOMM_IOCTL_SOURCE     kernel -> user: fill a buffer, stamped with
 *                            ktime_get_ns() in its first 8 bytes;
 *     KCOMM_IOCTL_GET_STATS  read per-file counters.
 *
 * When to choose ioctl
 *   For commands: "do this with these arguments and tell me the result", one
 *   synchronous call, typed arguments, errors as errno. It is the cheapest
 *   request/response path the kernel has (one syscall, the arguments copied
 *   once each way) and the natural control plane next to a data plane such as
 *   read()/write() or mmap().
 * When not to
 *   Not for streams or events (no queueing, no poll by itself: see chardev or
 *   eventfd), not for a scriptable interface (the shell cannot call ioctl: see
 *   sysfs/procfs), and not when a networking-style, extensible, multicast API
 *   is wanted (genetlink). Every ioctl is ABI forever: design the structs with
 *   the same care as a syscall.
 *
 * Data path
 *   ECHO(len): the len payload bytes read in one user-access window and
 *   written back in another. No header, no allocation, no lock, no shared
 *   counter: this is what keeps an 8-byte roundtrip close to the cost of the
 *   ioctl syscall itself (see kcomm_echo()).
 *   ECHO_BUF/SINK: copy_from_user() into a per-open kernel buffer (grown on
 *   demand up to 1 MiB), ECHO_BUF copies it back. SOURCE: copy_to_user() of
 *   the stamp and then of a pre-filled pattern, in 64 KiB chunks.
 *
 * Execution context and locking
 *   open(), release() and unlocked_ioctl() run in process context of the
 *   calling task: they may sleep, fault on user memory (copy_*_user may page in)
 *   and allocate with GFP_KERNEL. So a mutex, not a spinlock, guards what can be
 *   shared: two threads may issue ioctls on the same file descriptor at once,
 *   and the per-open buffer must not be reallocated under a copy. The counters
 *   are atomic64_t because SOURCE runs without the mutex. Nothing here runs in
 *   atomic context.
 *
 * Lifetime
 *   The misc core takes a reference on .owner (THIS_MODULE) for every open
 *   file, so rmmod fails with EBUSY while user space holds the device open; the
 *   per-open state is freed in release(), when the last reference to the file
 *   goes away.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "kcomm_ioctl.h"

/* SOURCE copies from this many pre-filled bytes, repeated as needed. */
#define KCOMM_PATTERN_SIZE	(64 * 1024)
/* The size field of an ioctl command number, in place. */
#define KCOMM_IOC_SIZE_FIELD	(_IOC_SIZEMASK << _IOC_SIZESHIFT)

/* Per open file: what one user of the device owns. */
struct kcomm_file {
	struct mutex lock;	/* guards buf, buf_size and rx */
	void *buf;		/* bounce buffer for ECHO_BUF and SINK */
	size_t buf_size;
	struct kcomm_msg_stats rx;	/* what ECHO_BUF and SINK received, checked */
	atomic64_t calls;
	atomic64_t bytes_in;
	atomic64_t bytes_out;
};

/* Read-only after init: the content SOURCE hands out. */
static u8 *kcomm_pattern;

static void kcomm_count(struct kcomm_file *kf, size_t in, size_t out)
{
	atomic64_inc(&kf->calls);
	atomic64_add(in, &kf->bytes_in);
	atomic64_add(out, &kf->bytes_out);
}

static long kcomm_echo(u8 __user *udata, u32 len)
{
	union {
		u64 w[KCOMM_IOCTL_INLINE_MAX / sizeof(u64)];
		u8 b[KCOMM_IOCTL_INLINE_MAX];
	} data;
	u32 i;

	/*
	 * The fast path. len comes from the command number, so it was checked
	 * by the dispatcher (1..KCOMM_IOCTL_INLINE_MAX) and user memory holds
	 * nothing to validate: no header, so no double fetch to guard against.
	 *
	 * user_access_begin() checks the range once and opens SMAP once;
	 * unsafe_get_user() is then a plain load that jumps to the label on a
	 * fault. For a few bytes this is what copy_from_user() does minus its
	 * per-call overhead (an out-of-line call and, with
	 * CONFIG_HARDENED_USERCOPY, an object-size check of the variable-length
	 * copy), which would cost more than the bytes themselves. A larger
	 * payload goes through KCOMM_IOCTL_ECHO_BUF and copy_from_user().
	 *
	 * Nothing here allocates, locks or touches shared state, not even a
	 * statistics counter: an atomic on a cache line shared by all threads
	 * would cost more than the copy itself once several threads use the fd.
	 */
	if (!user_access_begin(udata, len))
		return -EFAULT;
	for (i = 0; i < len / sizeof(u64); i++)
		unsafe_get_user(data.w[i], (u64 __user *)udata + i, out_fault);
	for (i = round_down(len, sizeof(u64)); i < len; i++)
		unsafe_get_user(data.b[i], udata + i, out_fault);
	user_access_end();

	/* A real driver would act on the command here. */

	if (!user_access_begin(udata, len))
		return -EFAULT;
	unsafe_copy_to_user(udata, data.b, len, out_fault);
	user_access_end();
	return 0;

out_fault:
	user_access_end();
	return -EFAULT;
}

/* Common checks for the commands that take a struct kcomm_ioctl_buf. */
static int kcomm_get_buf_arg(struct kcomm_ioctl_buf *b,
			     const struct kcomm_ioctl_buf __user *ub,
			     u32 min_len)
{
	if (copy_from_user(b, ub, sizeof(*b)))
		return -EFAULT;
	if (b->size != sizeof(*b) || b->flags || b->reserved)
		return -EINVAL;
	if (b->len < min_len || b->len > KCOMM_IOCTL_BUF_MAX)
		return -EINVAL;
	return 0;
}

/*
 * Make sure kf->buf holds at least len bytes. Called with kf->lock held.
 * kvmalloc() falls back to vmalloc for large sizes, so a 1 MiB buffer does not
 * need 256 physically contiguous pages. __GFP_ACCOUNT charges the memory to the
 * caller's memory cgroup: a user cannot pin unaccounted kernel memory by
 * opening the device many times.
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

/* ECHO_BUF (echo_back = true) and SINK (echo_back = false). */
static long kcomm_copy_in(struct kcomm_file *kf,
			  const struct kcomm_ioctl_buf __user *ub,
			  bool echo_back)
{
	struct kcomm_ioctl_buf b;
	void __user *udata;
	long ret;

	ret = kcomm_get_buf_arg(&b, ub, 1);
	if (ret)
		return ret;
	udata = u64_to_user_ptr(b.addr);

	/* Interruptible: a task stuck behind a 1 MiB copy can still be killed. */
	if (mutex_lock_interruptible(&kf->lock))
		return -ERESTARTSYS;
	ret = kcomm_reserve(kf, b.len);
	if (ret)
		goto out_unlock;
	if (copy_from_user(kf->buf, udata, b.len)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	/*
	 * A real driver would act on the data here; this one checks it as the
	 * benchmark's message (sequence number and every byte).
	 */
	kcomm_msg_account(&kf->rx, kf->buf, b.len);
	if (echo_back && copy_to_user(udata, kf->buf, b.len)) {
		ret = -EFAULT;
		goto out_unlock;
	}
	kcomm_count(kf, b.len, echo_back ? b.len : 0);
out_unlock:
	mutex_unlock(&kf->lock);
	return ret;
}

static long kcomm_source(struct kcomm_file *kf,
			 const struct kcomm_ioctl_buf __user *ub)
{
	struct kcomm_ioctl_buf b;
	u8 __user *udata;
	u64 stamp;
	size_t done, chunk;
	long ret;

	ret = kcomm_get_buf_arg(&b, ub, sizeof(stamp));
	if (ret)
		return ret;
	udata = u64_to_user_ptr(b.addr);

	/*
	 * The data is produced right here, in the caller's context, straight into
	 * its buffer: no intermediate copy, no lock (the pattern is read-only).
	 */
	stamp = ktime_get_ns();
	if (copy_to_user(udata, &stamp, sizeof(stamp)))
		return -EFAULT;
	for (done = sizeof(stamp); done < b.len; done += chunk) {
		chunk = min_t(size_t, b.len - done, KCOMM_PATTERN_SIZE);
		if (copy_to_user(udata + done, kcomm_pattern, chunk))
			return -EFAULT;
	}
	kcomm_count(kf, 0, b.len);
	return 0;
}

static long kcomm_get_stats(struct kcomm_file *kf,
			    struct kcomm_ioctl_stats __user *ust)
{
	struct kcomm_ioctl_stats st;

	/* Read the input part (size, reserved) and validate it like any other. */
	if (copy_from_user(&st, ust, offsetof(struct kcomm_ioctl_stats, calls)))
		return -EFAULT;
	if (st.size != sizeof(st) || st.reserved)
		return -EINVAL;
	/*
	 * Every byte of st is assigned (the struct has no implicit padding), so
	 * no uninitialised kernel stack reaches user space.
	 */
	st.calls = atomic64_read(&kf->calls);
	st.bytes_in = atomic64_read(&kf->bytes_in);
	st.bytes_out = atomic64_read(&kf->bytes_out);
	if (copy_to_user(ust, &st, sizeof(st)))
		return -EFAULT;
	return 0;
}

static long kcomm_get_rx_stats(struct kcomm_file *kf,
			       struct kcomm_msg_stats __user *urx)
{
	struct kcomm_msg_stats rx;

	if (mutex_lock_interruptible(&kf->lock))
		return -ERESTARTSYS;
	rx = kf->rx;
	mutex_unlock(&kf->lock);
	return copy_to_user(urx, &rx, sizeof(rx)) ? -EFAULT : 0;
}

static long kcomm_unlocked_ioctl(struct file *file, unsigned int cmd,
				 unsigned long arg)
{
	struct kcomm_file *kf = file->private_data;
	void __user *uarg = (void __user *)arg;

	/*
	 * ECHO(len) carries its length in the size field of the command: match
	 * the rest of the number (type, number, direction) and take the size
	 * from it, as evdev does for EVIOCGNAME(len).
	 */
	if ((cmd & ~KCOMM_IOC_SIZE_FIELD) == KCOMM_IOCTL_ECHO(0)) {
		if (_IOC_SIZE(cmd) == 0 || _IOC_SIZE(cmd) > KCOMM_IOCTL_INLINE_MAX)
			return -ENOTTY;
		return kcomm_echo(uarg, _IOC_SIZE(cmd));
	}
	/*
	 * Match the whole command number: type, number, direction and size. A
	 * caller built against a different struct size gets -ENOTTY, as does any
	 * command this driver does not know ("inappropriate ioctl for device").
	 */
	switch (cmd) {
	case KCOMM_IOCTL_ECHO_BUF:
		return kcomm_copy_in(kf, uarg, true);
	case KCOMM_IOCTL_SINK:
		return kcomm_copy_in(kf, uarg, false);
	case KCOMM_IOCTL_SOURCE:
		return kcomm_source(kf, uarg);
	case KCOMM_IOCTL_GET_STATS:
		return kcomm_get_stats(kf, uarg);
	case KCOMM_IOCTL_GET_RX_STATS:
		return kcomm_get_rx_stats(kf, uarg);
	default:
		return -ENOTTY;
	}
}

static int kcomm_open(struct inode *inode, struct file *file)
{
	struct kcomm_file *kf;

	kf = kzalloc(sizeof(*kf), GFP_KERNEL_ACCOUNT);
	if (!kf)
		return -ENOMEM;
	mutex_init(&kf->lock);
	/* misc_open() stored the miscdevice here; we no longer need it. */
	file->private_data = kf;
	/* No file position: lseek, pread and pwrite fail with ESPIPE. */
	return stream_open(inode, file);
}

static int kcomm_release(struct inode *inode, struct file *file)
{
	struct kcomm_file *kf = file->private_data;

	/* Last reference to the file: no ioctl can be running on it any more. */
	kvfree(kf->buf);
	mutex_destroy(&kf->lock);
	kfree(kf);
	return 0;
}

static const struct file_operations kcomm_fops = {
	.owner = THIS_MODULE,
	.open = kcomm_open,
	.release = kcomm_release,
	.unlocked_ioctl = kcomm_unlocked_ioctl,
	/*
	 * The structs have the same layout for 32-bit callers and addresses
	 * travel as __u64, so the only compat work is converting the argument
	 * pointer itself: exactly what compat_ptr_ioctl() does.
	 */
	.compat_ioctl = compat_ptr_ioctl,
};

/*
 * A misc device gets a dynamic minor, a /dev node from devtmpfs/udev and no
 * class_create() (whose signature changed in 6.4): the right size for a
 * single-instance software device. Mode 0600: root only, the kernel buffers
 * are bounded per open file but not per user.
 */
static struct miscdevice kcomm_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_ioctl",
	.fops = &kcomm_fops,
	.mode = 0600,
};

static int __init kcomm_init(void)
{
	int ret;

	kcomm_pattern = kvmalloc(KCOMM_PATTERN_SIZE, GFP_KERNEL);
	if (!kcomm_pattern)
		return -ENOMEM;
	memset(kcomm_pattern, 0xa5, KCOMM_PATTERN_SIZE);

	/* Register last: from here on user space can open the device. */
	ret = misc_register(&kcomm_misc);
	if (ret)
		goto out_free_pattern;
	pr_info("ready: %s\n", KCOMM_IOCTL_DEVICE);
	return 0;

out_free_pattern:
	kvfree(kcomm_pattern);
	return ret;
}

static void __exit kcomm_exit(void)
{
	/* Reverse order: no new opens, and none can be open (module refcount). */
	misc_deregister(&kcomm_misc);
	kvfree(kcomm_pattern);
}

module_init(kcomm_init);
module_exit(kcomm_exit);

MODULE_DESCRIPTION("kcomm reference: ioctl commands on a misc device");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
