// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_mmap.c - sharing memory between a kernel module and user space with mmap().
 *
 * What this sample shows
 *   Three ways to use one shared mapping, each on its own misc device so that each file_operations
 *   table reads as one idea (one device with a "mode" ioctl would mix three state machines in every
 *   callback):
 *
 *   /dev/kcomm_mmap_ring     A lock-free single-producer/single-consumer ring of records. The
 *                            kernel writes records and publishes them by moving "head"; user space
 *                            reads them in place from the mapping and releases them by moving
 *                            "tail". When data is waiting, consuming costs no system call at all.
 *   /dev/kcomm_mmap_seqlock  A snapshot (think: device status, statistics) a kernel thread keeps
 *                            rewriting under a sequence counter; readers copy it and retry if a
 *                            write overlapped their copy. Readers never block the writer.
 *   /dev/kcomm_mmap_lock     A shared area guarded by a lock that user space takes and drops with
 *                            ioctl(). The simplest model to reason about, and the slowest: two
 *                            system calls around every access.
 *
 * When to choose mmap
 *   Bulk data or high message rates where copying through read()/write() or a socket dominates, and
 *   state that many readers poll often (the vDSO's clock data is a seqlock page like the one here).
 *   When not: small, rare messages (ioctl or netlink are simpler and need no memory-ordering
 *   proof), anything needing multicast to unrelated processes, or a stable ABI you cannot version -
 *   the layout of the shared memory *is* the ABI (kcomm_mmap.h), and every field user space can
 *   write is hostile input.
 *
 * The data path (ring)
 *   1. user space opens the device and mmap()s KCOMM_MMAP_RING_MAP_SIZE bytes, MAP_SHARED, at
 *      offset 0;
 *   2. it asks for records with KCOMM_MMAP_RING_PRODUCE (written synchronously in the ioctl) or
 *      KCOMM_MMAP_RING_KICK (written by a work item that an hrtimer queues KCOMM_NOTIFY_DELAY_NS
 *      later, the shape of an interrupt-driven producer: the shared notify protocol of
 *      kcomm_notify.h), and sleeps in poll() when the ring is empty;
 *   3. the kernel copies the payload into the ring, fills the record header, then publishes;
 *   4. user space reads records between tail and head in place, then publishes the new tail.
 *
 * Memory ordering (ring), in the style of the comment at the top of io_uring/io_uring.c
 *   Producer (kernel)                         Consumer (user space)
 *     tail = smp_load_acquire(&hdr->tail)       head = __atomic_load_n(&hdr->head, ACQUIRE)
 *     write record bytes at head                read record bytes at tail
 *     smp_store_release(&hdr->head, new)        __atomic_store_n(&hdr->tail, new, RELEASE)
 *   - The release on head orders the record bytes before the new head; the consumer's acquire on
 *     head orders its reads of the record after it. So a record is never seen half-written.
 *   - The release on tail orders the consumer's reads of a record before the slot is handed back;
 *     the kernel's acquire on tail orders its overwrite of that slot after. So a record is never
 *     overwritten while still being read.
 *   This is the pairing of Documentation/core-api/circular-buffers.rst, with one side in user
 *   space: the C11 acquire/release atomics compile to the same instructions as smp_load_acquire()
 *   and smp_store_release(), and both sides use them on the same physical memory.
 *
 * Trust
 *   User space can write anything into a MAP_SHARED page at any time. The kernel therefore keeps
 *   the truth in private memory (its own copy of head, the seqlock sequence), only ever *reads* one
 *   field from the shared page (the ring's tail), validates it before use, and never lets a value
 *   from the mapping become a length or an offset without a bounds check.
 *
 * Execution context and locking of the callbacks
 *   open/release/unlocked_ioctl/poll  process context, may sleep (poll itself must not block: it
 *                                     registers on the wait queue and returns the current state).
 *   mmap                              process context with mmap_lock held for writing: may sleep,
 *                                     but must not fault on user memory or take a lock that is held
 *                                     around copy_{to,from}_user elsewhere (that would invert with
 *                                     mmap_lock).
 *   ring work item                    process context (a kworker): may sleep, so the producer lock
 *                                     is a mutex shared by the ioctl and the work item.
 *   seqlock writer                    a kthread: may sleep between updates; it is the only writer,
 *                                     so the sequence counter needs no lock of its own.
 *   ioctl-lock owner                  a spinlock guards the "who owns the area" field, a wait queue
 *                                     lets LOCK sleep until it is free; see kcomm_lock_area for why
 *                                     user space cannot simply hold a kernel mutex.
 *
 * Lifetime
 *   Every device's file_operations has .owner = THIS_MODULE, so an open file pins the module, and a
 *   live mapping holds a reference to its file (vma->vm_file), so release() - where the memory is
 *   freed - runs only after the last munmap(). rmmod while a mapping is live therefore fails with
 *   EBUSY, safely. Memory comes from vmalloc_user(), which zeroes it: no stale kernel data can leak
 *   through a mapping.
 *
 * Why vmalloc_user() + remap_vmalloc_range() and not remap_pfn_range()
 *   The buffers are megabytes: vmalloc needs no physically contiguous memory, so allocation
 *   succeeds on a fragmented machine where a 4 MiB kmalloc/alloc_pages would not.
 *   remap_vmalloc_range() maps those scattered pages as normal, refcounted struct pages and checks
 *   the range against the allocation (VM_USERMAP, size). remap_pfn_range() is for memory without
 *   struct pages or that the kernel does not own (device BARs, reserved regions): it needs one
 *   contiguous pfn range, makes a VM_PFNMAP|VM_IO mapping that get_user_pages() and core dumps
 *   skip, and trusts the caller for every bound.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "kcomm_mmap.h"
#include "kcomm_notify.h"

static_assert(sizeof(struct kcomm_mmap_ring_hdr) == 128);
static_assert(sizeof(struct kcomm_mmap_rec) == 16);
static_assert(sizeof(struct kcomm_mmap_snap_hdr) == 64);
static_assert(sizeof(struct kcomm_mmap_lock_hdr) == 64);
static_assert((KCOMM_MMAP_RING_DATA_SIZE & (KCOMM_MMAP_RING_DATA_SIZE - 1)) == 0);
/* The layout is in 4 KiB units: on a kernel with other pages the ABI would not hold. */
static_assert(PAGE_SIZE == KCOMM_MMAP_PAGE);

/*
 * The payload the producers copy from: stands in for data arriving from a device. Filled once at
 * load time with a recognisable pattern.
 */
static void *kcomm_payload;

/* ---------------------------------------------------------------------------------------------- */
/* Mapping checks shared by the three devices                                                     */
/* ---------------------------------------------------------------------------------------------- */

/*
 * vma->vm_flags became read-only in 6.3: from then on flags change through vm_flags_mod() and
 * friends, which also take care of the VMA locking rules. Before 6.3 those helpers do not exist.
 */
static void kcomm_vma_mod_flags(struct vm_area_struct *vma, vm_flags_t set, vm_flags_t clear)
{
#if KERNEL_VERSION(6, 3, 0) <= LINUX_VERSION_CODE
	vm_flags_mod(vma, set, clear);
#else
	vma->vm_flags = (vma->vm_flags | set) & ~clear;
#endif
}

/*
 * Accept only the one mapping this ABI defines: the whole buffer, at offset 0, shared, never
 * executable.
 * - MAP_PRIVATE is refused: a private mapping promises copy-on-write, so user writes (the ring's
 *   tail) would land in a private copy the kernel never sees. VM_MAYSHARE is the MAP_SHARED bit
 *   (VM_SHARED is cleared for read-only files).
 * - PROT_EXEC is refused, and VM_MAYEXEC cleared so mprotect() cannot add it later; read-only areas
 *   also lose VM_MAYWRITE.
 * - VM_DONTEXPAND makes mremap() refuse to grow the mapping past the buffer; VM_DONTDUMP keeps the
 *   buffer out of core dumps. (remap_vmalloc_range() sets both too; saying it here documents the
 *   intent.)
 */
static int kcomm_check_vma(struct vm_area_struct *vma, size_t size, bool writable)
{
	vm_flags_t clear = VM_MAYEXEC;

	if (vma->vm_pgoff != 0)
		return -EINVAL;
	if (vma->vm_end - vma->vm_start != PAGE_ALIGN(size))
		return -EINVAL;
	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;
	if (vma->vm_flags & VM_EXEC)
		return -EPERM;
	if (!writable) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		clear |= VM_MAYWRITE;
	}
	kcomm_vma_mod_flags(vma, VM_DONTEXPAND | VM_DONTDUMP, clear);
	return 0;
}

/* ---------------------------------------------------------------------------------------------- */
/* ring: lock-free SPSC record ring                                                               */
/* ---------------------------------------------------------------------------------------------- */

struct kcomm_ring {
	void *mem;				/* vmalloc_user(): header page + data area */
	struct kcomm_mmap_ring_hdr *hdr;
	u8 *data;
	/* one producer at a time (ioctl callers, work item) */
	struct mutex produce_lock;
	u32 head;				/* the truth; hdr->head is only a published copy */
	u32 dropped;
	wait_queue_head_t wait;			/* poll() sleeps here while the ring is empty */
	/*
	 * KICK: the timer gives the shared notify delay (a delayed_work counts in jiffies); it
	 * runs in interrupt context, where produce_lock cannot be taken, so it only queues the
	 * work item.
	 */
	struct hrtimer kick_timer;
	struct work_struct kick_work;
	u32 kick_len;				/* payload size for the next work item */
};

/*
 * Write one record at head without publishing it. Called with produce_lock held.
 * Returns 0, -ENOSPC when the ring is full, -EUCLEAN when user space wrote a tail that cannot be.
 */
static int ring_write_one(struct kcomm_ring *r, u32 len)
{
	const u32 size = KCOMM_MMAP_RING_DATA_SIZE;
	u32 span = KCOMM_MMAP_REC_SPAN(len);
	u32 head = r->head;
	u32 pos = head & (size - 1);
	u32 to_end = size - pos;
	u32 need = span > to_end ? to_end + span : span;
	struct kcomm_mmap_rec *rec;
	u32 tail, used;

	/*
	 * Acquire pairs with the consumer's release store of tail: every read the consumer made of
	 * the bytes it released happened before we overwrite them below.
	 */
	tail = smp_load_acquire(&r->hdr->tail);
	used = head - tail;		/* unsigned arithmetic is right across the 2^32 wrap */
	if (used > size)
		return -EUCLEAN;
	if (size - used < need)
		return -ENOSPC;

	if (span > to_end) {
		/* Records never wrap: pad to the end (>= 16 bytes, everything is 16-aligned). */
		rec = (struct kcomm_mmap_rec *)(r->data + pos);
		rec->len = to_end - sizeof(*rec);
		rec->flags = KCOMM_MMAP_REC_PAD;
		rec->stamp_ns = 0;
		head += to_end;
		pos = 0;
	}
	rec = (struct kcomm_mmap_rec *)(r->data + pos);
	/* Stamped first, as every module stamps: before the message is produced. */
	rec->stamp_ns = ktime_get_ns();
	memcpy(rec + 1, kcomm_payload, len);
	rec->len = len;
	rec->flags = 0;
	/* WRITE_ONCE: poll() reads our private head without the mutex. */
	WRITE_ONCE(r->head, head + span);
	return 0;
}

/*
 * Release pairs with the consumer's acquire load of head: the record bytes written above are
 * visible before the consumer can see the head that covers them. Then wake anyone sleeping in
 * poll().
 */
static void ring_publish(struct kcomm_ring *r)
{
	/* dropped first: a consumer that sees the new head also sees its drop count. */
	WRITE_ONCE(r->hdr->dropped, r->dropped);
	/* Pairs with the consumer's load-acquire of head (see above). */
	smp_store_release(&r->hdr->head, r->head);
	wake_up_interruptible_poll(&r->wait, EPOLLIN | EPOLLRDNORM);
}

static long ring_produce(struct kcomm_ring *r, struct kcomm_mmap_produce __user *uarg)
{
	struct kcomm_mmap_produce p;
	u32 done = 0;
	int err = 0;

	if (copy_from_user(&p, uarg, sizeof(p)))
		return -EFAULT;
	if (p.count == 0 || p.len > KCOMM_MMAP_RING_MAX_REC)
		return -EINVAL;

	/*
	 * Never more than the ring can hold at once: a consumer freeing slots concurrently must not
	 * keep one system call looping (holding the mutex) for billions of records.
	 */
	p.count = min(p.count, KCOMM_MMAP_RING_DATA_SIZE / KCOMM_MMAP_REC_ALIGN);

	if (mutex_lock_interruptible(&r->produce_lock))
		return -ERESTARTSYS;	/* restarted after a handled signal, as SA_RESTART asks */
	while (done < p.count) {
		err = ring_write_one(r, p.len);
		if (err)
			break;
		/* Publish each record: a consumer on another CPU starts while we write the next. */
		smp_store_release(&r->hdr->head, r->head);
		done++;
		/* up to 4 MiB of copying: let others run on non-preemptible kernels */
		cond_resched();
	}
	if (done)
		ring_publish(r);
	mutex_unlock(&r->produce_lock);

	if (!done)
		return err;
	p.count = done;
	if (copy_to_user(uarg, &p, sizeof(p)))
		return -EFAULT;
	return 0;
}

/* Process context on a kworker: the deferred producer, as a driver's bottom half would be. */
static void ring_kick_work(struct work_struct *work)
{
	struct kcomm_ring *r = container_of(work, struct kcomm_ring, kick_work);

	mutex_lock(&r->produce_lock);
	if (ring_write_one(r, READ_ONCE(r->kick_len)))
		r->dropped++;		/* full or corrupted tail: a real device would drop too */
	ring_publish(r);
	mutex_unlock(&r->produce_lock);
}

static enum hrtimer_restart ring_kick_timer(struct hrtimer *timer)
{
	struct kcomm_ring *r = container_of(timer, struct kcomm_ring, kick_timer);

	queue_work(system_wq, &r->kick_work);
	return HRTIMER_NORESTART;
}

static int ring_open(struct inode *inode, struct file *file)
{
	struct kcomm_ring *r;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	/* vmalloc_user(): zeroed, and marked VM_USERMAP so remap_vmalloc_range() accepts it. */
	r->mem = vmalloc_user(KCOMM_MMAP_RING_MAP_SIZE);
	if (!r->mem)
		goto out_free_ring;
	r->hdr = r->mem;
	r->data = (u8 *)r->mem + KCOMM_MMAP_PAGE;
	r->hdr->data_offset = KCOMM_MMAP_PAGE;
	r->hdr->data_size = KCOMM_MMAP_RING_DATA_SIZE;
	mutex_init(&r->produce_lock);
	init_waitqueue_head(&r->wait);
	INIT_WORK(&r->kick_work, ring_kick_work);
	/* hrtimer_setup() replaced hrtimer_init() + assigning .function in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&r->kick_timer, ring_kick_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&r->kick_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	r->kick_timer.function = ring_kick_timer;
#endif
	file->private_data = r;
	return 0;

out_free_ring:
	kfree(r);
	return -ENOMEM;
}

/* Runs after the last close *and* the last munmap(): nothing can reach the memory any more. */
static int ring_release(struct inode *inode, struct file *file)
{
	struct kcomm_ring *r = file->private_data;

	hrtimer_cancel(&r->kick_timer);		/* first: it queues the work */
	cancel_work_sync(&r->kick_work);
	vfree(r->mem);
	kfree(r);
	return 0;
}

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kcomm_ring *r = file->private_data;
	int err;

	err = kcomm_check_vma(vma, KCOMM_MMAP_RING_MAP_SIZE, true);
	if (err)
		return err;
	/*
	 * Maps the vmalloc pages one by one into the VMA now, so no fault handler is needed.
	 * Mapping the same file twice is allowed and harmless: both views show the same pages.
	 */
	return remap_vmalloc_range(vma, r->mem, 0);
}

static __poll_t ring_poll(struct file *file, poll_table *pt)
{
	struct kcomm_ring *r = file->private_data;

	/* Register first, then test: a producer that publishes after the test will wake us. */
	poll_wait(file, &r->wait, pt);
	/* Acquire: as in ring_write_one(), the consumer's reads happened before its tail store. */
	if (READ_ONCE(r->head) != smp_load_acquire(&r->hdr->tail))
		return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static long ring_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kcomm_ring *r = file->private_data;
	u32 len;

	switch (cmd) {
	case KCOMM_MMAP_RING_PRODUCE:
		return ring_produce(r, (struct kcomm_mmap_produce __user *)arg);
	case KCOMM_MMAP_RING_KICK:
		if (get_user(len, (u32 __user *)arg))
			return -EFAULT;
		if (len > KCOMM_MMAP_RING_MAX_REC)
			return -EINVAL;
		WRITE_ONCE(r->kick_len, len);
		/* re-arming a pending timer moves it: one record serves both kicks */
		hrtimer_start(&r->kick_timer, ns_to_ktime(KCOMM_NOTIFY_DELAY_NS), HRTIMER_MODE_REL);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ring_fops = {
	.owner = THIS_MODULE,
	.open = ring_open,
	.release = ring_release,
	.mmap = ring_mmap,
	.poll = ring_poll,
	.unlocked_ioctl = ring_ioctl,
	.compat_ioctl = compat_ptr_ioctl,	/* the structs have one layout for 32 and 64 bit */
	.llseek = noop_llseek,
};

/* ---------------------------------------------------------------------------------------------- */
/* seqlock: a snapshot rewritten under a sequence counter                                         */
/* ---------------------------------------------------------------------------------------------- */

/*
 * Why not put a seqcount_t in the shared page? Because seqcount_t is a kernel type, not a protocol:
 * its size and layout change with the configuration (lockdep adds a dep_map with kernel pointers,
 * seqcount_LOCKNAME_t carries a pointer to the writer's lock), its helpers assume both sides run in
 * the kernel (lockdep annotations, preemption rules for writers), and a field user space can write
 * must never be trusted by the kernel's writer. What *can* be shared is the protocol underneath: an
 * even/odd counter and the barrier pairing. The kernel keeps its counter privately and only
 * publishes copies of it; the page is mapped read-only.
 *
 *   Writer (kernel thread)                   Reader (user space)
 *     seq++ (odd); publish seq                 s1 = load_acquire(seq); retry if odd
 *     smp_wmb()                                copy len, stamp, data
 *     write len, stamp, data                   fence(acquire)
 *     smp_wmb()                                s2 = load(seq); retry if s2 != s1
 *     seq++ (even); publish seq
 * The first smp_wmb() orders "seq is odd" before any data change, the second orders the data before
 * "seq is even again". The reader's acquire load orders its copy after reading s1, and its acquire
 * fence orders the copy before reading s2; if s1 == s2 and even, no write overlapped the copy.
 */
struct kcomm_snap {
	void *mem;				/* vmalloc_user(): header page + data */
	struct kcomm_mmap_snap_hdr *hdr;
	u8 *data;
	struct mutex ctl_lock;			/* serialises START/STOP/release */
	struct task_struct *writer;		/* NULL when stopped */
	u32 len, period_us;			/* fixed while the writer runs */
	u32 seq;				/* private; hdr->seq is a copy */
	u64 updates;
};

static void snap_write(struct kcomm_snap *s)
{
	struct kcomm_mmap_snap_hdr *h = s->hdr;
	u64 now;

	/*
	 * Readers spin while seq is odd: the writer must not be preempted between the two
	 * increments, or they would spin for a whole time slice (seqcount's writers disable
	 * preemption for the same reason). The copy is at most 64 KiB, a few microseconds, short
	 * enough to run unpreemptible, and nothing inside sleeps; on PREEMPT_RT this is still a
	 * plain preempt-off section.
	 */
	preempt_disable();
	WRITE_ONCE(h->seq, ++s->seq);		/* odd: write in progress */
	/* "seq is odd" before any data change; pairs with the reader's acquire load of seq. */
	smp_wmb();
	memcpy(s->data, kcomm_payload, s->len);
	now = ktime_get_ns();
	if (s->len >= sizeof(now))
		/* lets readers check they never see a torn copy */
		memcpy(s->data, &now, sizeof(now));
	WRITE_ONCE(h->len, s->len);
	WRITE_ONCE(h->stamp_ns, now);
	WRITE_ONCE(h->updates, ++s->updates);
	/* The data before "seq is even again"; pairs with the reader's acquire fence. */
	smp_wmb();
	WRITE_ONCE(h->seq, ++s->seq);		/* even: stable */
	preempt_enable();
}

static int snap_writer_fn(void *arg)
{
	struct kcomm_snap *s = arg;

	while (!kthread_should_stop()) {
		snap_write(s);
		/* kthread_stop() wakes us early, so stopping never waits a whole period. */
		usleep_range(s->period_us, s->period_us + s->period_us / 4);
	}
	return 0;
}

/* Called with ctl_lock held. */
static void snap_stop(struct kcomm_snap *s)
{
	if (s->writer) {
		kthread_stop(s->writer);
		s->writer = NULL;
	}
}

static long snap_start(struct kcomm_snap *s, const struct kcomm_mmap_seq_start __user *uarg)
{
	struct kcomm_mmap_seq_start st;
	struct task_struct *t;

	if (copy_from_user(&st, uarg, sizeof(st)))
		return -EFAULT;
	if (st.len > KCOMM_MMAP_SNAP_MAX || st.period_us < KCOMM_MMAP_SEQ_PERIOD_MIN ||
	    st.period_us > KCOMM_MMAP_SEQ_PERIOD_MAX)
		return -EINVAL;
	if (s->writer)
		return -EBUSY;
	s->len = st.len;
	s->period_us = st.period_us;
	s->updates = 0;
	t = kthread_run(snap_writer_fn, s, "kcomm_snap");
	if (IS_ERR(t))
		return PTR_ERR(t);
	s->writer = t;
	return 0;
}

static int snap_open(struct inode *inode, struct file *file)
{
	struct kcomm_snap *s;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->mem = vmalloc_user(KCOMM_MMAP_SNAP_MAP_SIZE);
	if (!s->mem)
		goto out_free_snap;
	s->hdr = s->mem;
	s->data = (u8 *)s->mem + KCOMM_MMAP_PAGE;
	mutex_init(&s->ctl_lock);
	file->private_data = s;
	return 0;

out_free_snap:
	kfree(s);
	return -ENOMEM;
}

static int snap_release(struct inode *inode, struct file *file)
{
	struct kcomm_snap *s = file->private_data;

	mutex_lock(&s->ctl_lock);
	snap_stop(s);
	mutex_unlock(&s->ctl_lock);
	vfree(s->mem);
	kfree(s);
	return 0;
}

static int snap_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct kcomm_snap *s = file->private_data;
	int err;

	/* Read-only: the kernel is the only writer, and must be able to trust what it wrote. */
	err = kcomm_check_vma(vma, KCOMM_MMAP_SNAP_MAP_SIZE, false);
	if (err)
		return err;
	return remap_vmalloc_range(vma, s->mem, 0);
}

static long snap_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct kcomm_snap *s = file->private_data;
	long ret;

	switch (cmd) {
	case KCOMM_MMAP_SEQ_START:
		if (mutex_lock_interruptible(&s->ctl_lock))
			return -ERESTARTSYS;
		ret = snap_start(s, (const struct kcomm_mmap_seq_start __user *)arg);
		mutex_unlock(&s->ctl_lock);
		return ret;
	case KCOMM_MMAP_SEQ_STOP:
		if (mutex_lock_interruptible(&s->ctl_lock))
			return -ERESTARTSYS;
		snap_stop(s);
		mutex_unlock(&s->ctl_lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations snap_fops = {
	.owner = THIS_MODULE,
	.open = snap_open,
	.release = snap_release,
	.mmap = snap_mmap,
	.unlocked_ioctl = snap_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

/* ---------------------------------------------------------------------------------------------- */
/* ioctl-lock: a shared area guarded by a lock taken through ioctl()                              */
/* ---------------------------------------------------------------------------------------------- */

/*
 * One area for the whole module, shared by every opener: a lock only means something when several
 * parties share the memory.
 *
 * Why can user space not just take a kernel mutex or spinlock? They live in kernel memory it cannot
 * address, and even through an ioctl a kernel lock must not be held across the return to user
 * space: a spinlock would leave preemption disabled, a mutex must be released by the task that took
 * it in the same system call (lockdep reports "lock held when returning to user space"), and if the
 * process were killed holding it, nothing would ever release it. So the kernel keeps a *record* of
 * who owns the area - the struct file that locked it - protected by a spinlock held only for a few
 * instructions, and a wait queue for those waiting. The owner is the open file, so threads sharing
 * the fd share the lock, and release() drops it if a process dies holding it.
 *
 * Ordering: user writes made before UNLOCK are visible to whoever takes the lock next, because the
 * hand-over goes through owner_lock (a release/acquire pair) inside the kernel, and entering and
 * leaving the kernel does not reorder a thread's own accesses across the system call.
 *
 * The cost: two system calls (LOCK, UNLOCK) around every access, and a sleep/wake-up when
 * contended.
 */
static struct {
	/* vmalloc_user(): header page + request + response */
	void *mem;
	struct kcomm_mmap_lock_hdr *hdr;
	spinlock_t owner_lock;			/* guards owner; held for a few instructions */
	/* struct file *, a kernel caller's token, or NULL */
	const void *owner;
	wait_queue_head_t wait;
	u64 generation;
} kcomm_lock_area;

/* 1: taken, 0: busy, -EDEADLK: who already owns it. */
static int area_try_take(const void *who)
{
	int ret;

	spin_lock(&kcomm_lock_area.owner_lock);
	if (kcomm_lock_area.owner == who) {
		ret = -EDEADLK;
	} else if (kcomm_lock_area.owner) {
		ret = 0;
	} else {
		kcomm_lock_area.owner = who;
		ret = 1;
	}
	spin_unlock(&kcomm_lock_area.owner_lock);
	return ret;
}

static int area_take(const void *who)
{
	int got = 0;
	int err;

	err = wait_event_interruptible(kcomm_lock_area.wait, (got = area_try_take(who)) != 0);
	if (err)
		return err;
	return got < 0 ? got : 0;
}

static int area_drop(const void *who)
{
	int ret = 0;

	spin_lock(&kcomm_lock_area.owner_lock);
	if (kcomm_lock_area.owner != who) {
		ret = -EPERM;
	} else {
		kcomm_lock_area.owner = NULL;
		WRITE_ONCE(kcomm_lock_area.hdr->generation, ++kcomm_lock_area.generation);
	}
	spin_unlock(&kcomm_lock_area.owner_lock);
	if (!ret)
		wake_up_interruptible(&kcomm_lock_area.wait);
	return ret;
}

/* The kernel's own access: take the lock like any user, copy request to response, drop it. */
static long area_echo(struct file *file)
{
	struct kcomm_mmap_lock_hdr *h = kcomm_lock_area.hdr;
	u8 *base = kcomm_lock_area.mem;
	char token;
	u32 len;
	int err;

	/* The caller holding the lock would wait for itself forever. */
	spin_lock(&kcomm_lock_area.owner_lock);
	err = kcomm_lock_area.owner == file ? -EDEADLK : 0;
	spin_unlock(&kcomm_lock_area.owner_lock);
	if (err)
		return err;

	/* Each call needs its own owner token, so two concurrent echoes exclude each other. */
	err = area_take(&token);
	if (err)
		return err;
	len = READ_ONCE(h->req_len);		/* user-written: check before use */
	if (len > KCOMM_MMAP_LOCK_AREA) {
		err = -EINVAL;
	} else {
		memcpy(base + KCOMM_MMAP_LOCK_RESP_OFF, base + KCOMM_MMAP_LOCK_REQ_OFF, len);
		WRITE_ONCE(h->resp_len, len);
	}
	area_drop(&token);
	return err;
}

static int area_release(struct inode *inode, struct file *file)
{
	/* A process that dies (or forgets) while holding the lock must not block everyone else. */
	area_drop(file);
	return 0;
}

static int area_mmap(struct file *file, struct vm_area_struct *vma)
{
	int err;

	err = kcomm_check_vma(vma, KCOMM_MMAP_LOCK_MAP_SIZE, true);
	if (err)
		return err;
	return remap_vmalloc_range(vma, kcomm_lock_area.mem, 0);
}

static long area_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case KCOMM_MMAP_LOCK:
		return area_take(file);
	case KCOMM_MMAP_UNLOCK:
		return area_drop(file);
	case KCOMM_MMAP_LOCK_ECHO:
		return area_echo(file);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations area_fops = {
	.owner = THIS_MODULE,
	.release = area_release,
	.mmap = area_mmap,
	.unlocked_ioctl = area_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

/* ---------------------------------------------------------------------------------------------- */
/* Module setup and teardown                                                                      */
/* ---------------------------------------------------------------------------------------------- */

static struct miscdevice ring_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_mmap_ring",
	.fops = &ring_fops,
};

static struct miscdevice snap_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_mmap_seqlock",
	.fops = &snap_fops,
};

static struct miscdevice lock_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kcomm_mmap_lock",
	.fops = &area_fops,
};

static int __init kcomm_mmap_init(void)
{
	size_t i;
	int err;

	kcomm_payload = vmalloc(KCOMM_MMAP_RING_MAX_REC);
	if (!kcomm_payload)
		return -ENOMEM;
	for (i = 0; i < KCOMM_MMAP_RING_MAX_REC; i++)
		((u8 *)kcomm_payload)[i] = (u8)i;

	kcomm_lock_area.mem = vmalloc_user(KCOMM_MMAP_LOCK_MAP_SIZE);
	if (!kcomm_lock_area.mem) {
		err = -ENOMEM;
		goto out_free_payload;
	}
	kcomm_lock_area.hdr = kcomm_lock_area.mem;
	spin_lock_init(&kcomm_lock_area.owner_lock);
	init_waitqueue_head(&kcomm_lock_area.wait);

	/* Register last: once a device exists, open() can run. */
	err = misc_register(&ring_dev);
	if (err)
		goto out_free_lock_area;
	err = misc_register(&snap_dev);
	if (err)
		goto out_deregister_ring;
	err = misc_register(&lock_dev);
	if (err)
		goto out_deregister_snap;
	pr_info("loaded: /dev/%s, /dev/%s, /dev/%s\n", ring_dev.name, snap_dev.name, lock_dev.name);
	return 0;

out_deregister_snap:
	misc_deregister(&snap_dev);
out_deregister_ring:
	misc_deregister(&ring_dev);
out_free_lock_area:
	vfree(kcomm_lock_area.mem);
out_free_payload:
	vfree(kcomm_payload);
	return err;
}

/* No file is open here (each open file pins the module), so no mapping or work item remains. */
static void __exit kcomm_mmap_exit(void)
{
	misc_deregister(&lock_dev);
	misc_deregister(&snap_dev);
	misc_deregister(&ring_dev);
	vfree(kcomm_lock_area.mem);
	vfree(kcomm_payload);
}

module_init(kcomm_mmap_init);
module_exit(kcomm_mmap_exit);

MODULE_DESCRIPTION("kcomm reference: shared memory with mmap (SPSC ring, seqlock snapshot, ioctl lock)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
