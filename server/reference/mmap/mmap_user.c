// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_user.c - the user side of kcomm_mmap, as three kcomm harness backends.
 *
 *   mmap/ring        k2u and notify through the lock-free record ring (/dev/kcomm_mmap_ring)
 *   mmap/seqlock     k2u: copy a consistent snapshot the kernel keeps rewriting (/dev/kcomm_mmap_seqlock)
 *   mmap/ioctl-lock  roundtrip and u2k through an area guarded by LOCK/UNLOCK ioctls (/dev/kcomm_mmap_lock)
 *
 * The point to take away is the consumer loop of the ring (ring_next()): when records are waiting it
 * makes no system call at all - an acquire load of head, reads in place, a release store of tail.
 * The kernel is only asked for more (an ioctl here, an interrupt in a real driver) when the ring is
 * empty. The acquire/release pairs match the ones described at the top of kcomm_mmap.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_mmap.h"

static int open_dev(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

/* mmap() a whole device buffer the way its ABI says: offset 0, exact length, MAP_SHARED. */
static void *map_dev(int fd, size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_SHARED, fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* ================================================================ ring ============================ */

struct ring_priv {
	int fd;
	void *map;
	struct kcomm_mmap_ring_hdr *hdr;
	uint8_t *data;
	uint32_t tail;		/* our copy of what we released; only we write hdr->tail */
	uint32_t batch;		/* records asked per PRODUCE when the ring is empty */
	const struct kcomm_mmap_rec *held;	/* returned by recv(), released by the next one */
};

static void ring_close(struct kc_ctx *c)
{
	struct ring_priv *p = c->priv;

	if (p->map)
		munmap(p->map, KCOMM_MMAP_RING_MAP_SIZE);
	if (p->fd >= 0)
		close(p->fd);
	free(p);
	c->priv = NULL;
}

static int ring_open(struct kc_ctx *c)
{
	struct ring_priv *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->fd = open_dev(KCOMM_MMAP_RING_DEV, O_RDWR);
	if (p->fd < 0) {
		int err = p->fd;

		ring_close(c);
		return err;
	}
	/* Read/write: we publish tail. The kernel refuses anything but this exact shape. */
	p->map = map_dev(p->fd, KCOMM_MMAP_RING_MAP_SIZE, PROT_READ | PROT_WRITE);
	if (!p->map) {
		int err = -errno;

		ring_close(c);
		return err;
	}
	p->hdr = p->map;
	p->data = (uint8_t *)p->map + p->hdr->data_offset;
	p->tail = __atomic_load_n(&p->hdr->tail, __ATOMIC_RELAXED);
	kc_note("mmap/ring k2u: records are consumed in place from the mapping (zero-copy): the harness "
		"reads every byte of each record there, and the record goes back to the kernel on the next read");
	return 0;
}

/* Hand everything published so far back to the kernel: used between points. */
static void ring_drain(struct ring_priv *p)
{
	p->held = NULL;
	p->tail = __atomic_load_n(&p->hdr->head, __ATOMIC_ACQUIRE);
	__atomic_store_n(&p->hdr->tail, p->tail, __ATOMIC_RELEASE);
}

static int ring_prepare(struct kc_ctx *c)
{
	struct ring_priv *p = c->priv;

	/*
	 * One record per system call: each record is stamped when the kernel starts writing it, so a batch
	 * would add the records written after it to its latency (queueing, not the cost of the path).
	 */
	p->batch = 1;
	ring_drain(p);
	return 0;
}

/*
 * The consumer. Returns the next data record (skipping PAD records) or NULL when the ring is empty.
 * The record stays valid until ring_release() publishes a tail past it.
 */
static const struct kcomm_mmap_rec *ring_next(struct ring_priv *p)
{
	for (;;) {
		/* Acquire pairs with the kernel's smp_store_release(&hdr->head): the record bytes are ready. */
		uint32_t head = __atomic_load_n(&p->hdr->head, __ATOMIC_ACQUIRE);
		const struct kcomm_mmap_rec *rec;

		if (head == p->tail)
			return NULL;
		rec = (const void *)(p->data + (p->tail & (KCOMM_MMAP_RING_DATA_SIZE - 1)));
		if (!(rec->flags & KCOMM_MMAP_REC_PAD))
			return rec;
		/* Padding up to the end of the area: skip it, the next record starts at offset 0. */
		p->tail += KCOMM_MMAP_REC_SPAN(rec->len);
		__atomic_store_n(&p->hdr->tail, p->tail, __ATOMIC_RELEASE);
	}
}

/* Release pairs with the kernel's smp_load_acquire(&hdr->tail): our reads are done before reuse. */
static void ring_release(struct ring_priv *p, const struct kcomm_mmap_rec *rec)
{
	p->tail += KCOMM_MMAP_REC_SPAN(rec->len);
	__atomic_store_n(&p->hdr->tail, p->tail, __ATOMIC_RELEASE);
}

static int ring_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct ring_priv *p = c->priv;
	const struct kcomm_mmap_rec *rec;

	(void)buf;	/* zero-copy: the application works on the record where it lies */
	if (p->held) {
		/* The caller has read the previous record (c->rx) by now: hand its bytes back. */
		ring_release(p, p->held);
		p->held = NULL;
	}
	while (!(rec = ring_next(p))) {
		/* Empty: the only system call on this path. */
		struct kcomm_mmap_produce req = { .count = p->batch, .len = (uint32_t)c->size };

		if (ioctl(p->fd, KCOMM_MMAP_RING_PRODUCE, &req) < 0)
			return -errno;
	}
	if (rec->len != c->size) {
		ring_release(p, rec);
		return -EPROTO;
	}
	*kstamp = rec->stamp_ns;
	c->rx = rec + 1;
	p->held = rec;
	return 0;
}

/* Notify: the kernel writes one empty record later, from a work item; we sleep in poll() until then. */
static int ring_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct ring_priv *p = c->priv;
	struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
	const struct kcomm_mmap_rec *rec;
	uint32_t len = 0;
	int n;

	ring_drain(p);
	if (ioctl(p->fd, KCOMM_MMAP_RING_KICK, &len) < 0)
		return -errno;
	/* The kernel writes the record KCOMM_NOTIFY_DELAY_NS after the kick: sleep in poll() until then. */
	c->wait_ns = kc_now_ns();
	while (!(rec = ring_next(p))) {
		n = poll(&pfd, 1, 5000);
		if (n < 0 && errno != EINTR)
			return -errno;
		if (n < 0)
			return -EINTR;	/* the harness watchdog: give up on this sample */
		if (n == 0)
			return -ETIMEDOUT;
	}
	c->woke_ns = kc_now_ns();
	*kstamp = rec->stamp_ns;
	ring_release(p, rec);
	return 0;
}

/* ---- ring robustness ---- */

static void *produce_loop(void *arg)
{
	int fd = *(int *)arg;
	struct kcomm_mmap_produce req = { .count = 64, .len = 4096 };
	int i;

	for (i = 0; i < 200; i++) {
		req.count = 64;
		if (ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req) < 0 && errno != ENOSPC)
			break;
	}
	return NULL;
}

static long map_try(int fd, size_t len, int prot, int flags, off_t off)
{
	void *m = mmap(NULL, len, prot, flags, fd, off);

	if (m == MAP_FAILED)
		return -1;
	munmap(m, len);
	return 0;
}

static int ring_robust(struct kc_robust *r)
{
	const size_t len = KCOMM_MMAP_RING_MAP_SIZE;
	struct kcomm_mmap_produce req;
	struct kcomm_mmap_ring_hdr *h;
	uint32_t bad_len = KCOMM_MMAP_RING_MAX_REC + 1;
	void *m, *m2, *grown;
	pthread_t t;
	int fd;

	fd = open_dev(KCOMM_MMAP_RING_DEV, O_RDWR);
	kc_ok(r, "open ring", fd);
	if (fd < 0)
		return fd;

	/* The mapping must be exactly the ABI's. */
	kc_bad(r, "mmap ring, one page short", map_try(fd, len - 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0),
	       EINVAL);
	kc_bad(r, "mmap ring, one page too long", map_try(fd, len + 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0),
	       EINVAL);
	kc_bad(r, "mmap ring at offset 4096", map_try(fd, len, PROT_READ | PROT_WRITE, MAP_SHARED, 4096), EINVAL);
	kc_bad(r, "mmap ring MAP_PRIVATE", map_try(fd, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0), EINVAL);
	kc_bad(r, "mmap ring PROT_EXEC", map_try(fd, len, PROT_READ | PROT_EXEC, MAP_SHARED, 0), EPERM);

	m = map_dev(fd, len, PROT_READ | PROT_WRITE);
	kc_ok(r, "mmap ring", m ? 0 : -1);
	if (!m) {
		close(fd);
		return -EIO;
	}
	h = m;
	kc_bad(r, "mprotect ring PROT_EXEC", mprotect(m, 4096, PROT_READ | PROT_EXEC), 0);
	grown = mremap(m, len, len + 4096, 0);
	kc_bad(r, "mremap ring larger in place", grown == MAP_FAILED ? -1 : 0, 0);
	grown = mremap(m, len, len + (1 << 20), MREMAP_MAYMOVE);
	kc_bad(r, "mremap ring larger, may move", grown == MAP_FAILED ? -1 : 0, 0);
	if (grown != MAP_FAILED)
		m = grown;	/* it moved: keep unmapping the right thing */

	/* A second mapping of the same file sees the same pages. */
	m2 = map_dev(fd, len, PROT_READ);
	kc_ok(r, "second mmap of the same ring", m2 ? 0 : -1);

	/* ioctl arguments. */
	req = (struct kcomm_mmap_produce){ .count = 0, .len = 8 };
	kc_bad(r, "PRODUCE count 0", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), EINVAL);
	req = (struct kcomm_mmap_produce){ .count = 1, .len = bad_len };
	kc_bad(r, "PRODUCE len > 1 MiB", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), EINVAL);
	kc_bad(r, "PRODUCE bad pointer", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, (void *)16), EFAULT);
	kc_bad(r, "KICK len > 1 MiB", ioctl(fd, KCOMM_MMAP_RING_KICK, &bad_len), EINVAL);
	kc_bad(r, "KICK bad pointer", ioctl(fd, KCOMM_MMAP_RING_KICK, (void *)16), EFAULT);
	kc_bad(r, "unknown ioctl on ring", ioctl(fd, _IO(KCOMM_MMAP_IOC_MAGIC, 99)), ENOTTY);

	/* Fill it: the kernel stops at full and says so, it never overwrites unread records. */
	req = (struct kcomm_mmap_produce){ .count = 1000, .len = KCOMM_MMAP_RING_MAX_REC };
	kc_ok(r, "PRODUCE until full", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req));
	req = (struct kcomm_mmap_produce){ .count = 1, .len = KCOMM_MMAP_RING_MAX_REC };
	kc_bad(r, "PRODUCE into a full ring", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), ENOSPC);
	if (m2)
		kc_ok(r, "second mapping sees the records",
		      ((struct kcomm_mmap_ring_hdr *)m2)->head == h->head ? 0 : -1);

	/* A consumer that scribbles a nonsense tail must not make the kernel overwrite or overrun. */
	__atomic_store_n(&h->tail, h->head + 12345, __ATOMIC_RELEASE);
	req = (struct kcomm_mmap_produce){ .count = 1, .len = 8 };
	kc_bad(r, "PRODUCE after user wrote a tail past head", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), EUCLEAN);
	__atomic_store_n(&h->tail, h->head, __ATOMIC_RELEASE);
	req = (struct kcomm_mmap_produce){ .count = 1, .len = 8 };
	kc_ok(r, "PRODUCE after the tail is sane again", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req));

	/* Unmap while the kernel is producing into the buffer, then close with work queued. */
	if (pthread_create(&t, NULL, produce_loop, &fd) == 0) {
		kc_ok(r, "munmap while the kernel produces", munmap(m, len));
		pthread_join(t, NULL);
	} else {
		munmap(m, len);
	}
	m = NULL;
	kc_ok(r, "KICK then close at once", ioctl(fd, KCOMM_MMAP_RING_KICK, &(uint32_t){ 64 }));

	/* Only the second mapping is left now; closing the fd must keep the module pinned through it. */
	close(fd);
	if (m2) {
		long rc = syscall(SYS_delete_module, "kcomm_mmap", O_NONBLOCK);

		/* delete_module(O_NONBLOCK) on a module still in use fails with EWOULDBLOCK (EAGAIN). */
		kc_bad(r, "rmmod kcomm_mmap while a mapping is live (fd closed)", rc, EAGAIN);
		kc_ok(r, "read the live mapping after the refused unload",
		      ((volatile struct kcomm_mmap_ring_hdr *)m2)->data_size == KCOMM_MMAP_RING_DATA_SIZE ? 0 : -1);
		munmap(m2, len);
	}

	/* Fewer rounds than elsewhere: every open of the ring allocates and zeroes its 4 MiB buffer. */
	kc_drill_open_close_storm(r, KCOMM_MMAP_RING_DEV, 4, 50);
	kc_drill_rmmod_while_open(r, KCOMM_MMAP_RING_DEV);
	return 0;
}

static const struct kc_backend mmap_ring = {
	.method = "mmap",
	.variant = "ring",
	.module = "kcomm_mmap",
	.patterns = KC_K2U | KC_NOTIFY,
	.open = ring_open,
	.close = ring_close,
	.prepare = ring_prepare,
	.recv = ring_recv,
	.notify = ring_notify,
	.robust = ring_robust,
};
KC_REGISTER(mmap_ring);

/* ================================================================ seqlock ========================= */

struct seq_priv {
	int fd;
	void *map;
	const struct kcomm_mmap_snap_hdr *hdr;
	const uint8_t *data;
	uint32_t last_seq;	/* the snapshot we returned last: recv() waits for a newer one */
};

#define SEQ_PERIOD_US 100	/* the kernel thread rewrites the snapshot every 100 us */

static void seq_close(struct kc_ctx *c)
{
	struct seq_priv *p = c->priv;

	if (p->map)
		munmap(p->map, KCOMM_MMAP_SNAP_MAP_SIZE);
	if (p->fd >= 0)
		close(p->fd);	/* also stops the writer thread */
	free(p);
	c->priv = NULL;
}

static int seq_open(struct kc_ctx *c)
{
	struct seq_priv *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->fd = open_dev(KCOMM_MMAP_SEQLOCK_DEV, O_RDONLY);
	if (p->fd < 0) {
		int err = p->fd;

		seq_close(c);
		return err;
	}
	/* Read-only: only the kernel writes the snapshot. */
	p->map = map_dev(p->fd, KCOMM_MMAP_SNAP_MAP_SIZE, PROT_READ);
	if (!p->map) {
		int err = -errno;

		seq_close(c);
		return err;
	}
	p->hdr = p->map;
	p->data = (const uint8_t *)p->map + KCOMM_MMAP_PAGE;
	return 0;
}

static int seq_prepare(struct kc_ctx *c)
{
	struct seq_priv *p = c->priv;
	struct kcomm_mmap_seq_start st = { .len = (uint32_t)c->size, .period_us = SEQ_PERIOD_US };

	if (ioctl(p->fd, KCOMM_MMAP_SEQ_STOP) < 0 || ioctl(p->fd, KCOMM_MMAP_SEQ_START, &st) < 0)
		return -errno;
	p->last_seq = __atomic_load_n(&p->hdr->seq, __ATOMIC_ACQUIRE);
	return 0;
}

static void seq_finish(struct kc_ctx *c)
{
	struct seq_priv *p = c->priv;

	ioctl(p->fd, KCOMM_MMAP_SEQ_STOP);
}

/*
 * The seqlock reader. It copies, then proves the copy is consistent: the sequence was even before the
 * copy and unchanged after it. The acquire load of s1 keeps the copy from starting before s1 is read;
 * the acquire fence keeps the copy from finishing after s2 is read. (The plain memcpy races with the
 * writer by design - a torn copy is detected and discarded, never used.)
 */
static int seq_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct seq_priv *p = c->priv;
	uint32_t s1, s2, len;
	uint64_t stamp;

	for (;;) {
		s1 = __atomic_load_n(&p->hdr->seq, __ATOMIC_ACQUIRE);
		if ((s1 & 1) || s1 == p->last_seq) {
			/* Being written, or nothing new yet: this benchmark wants each snapshot once. */
			sched_yield();
			continue;
		}
		len = __atomic_load_n(&p->hdr->len, __ATOMIC_RELAXED);
		stamp = __atomic_load_n(&p->hdr->stamp_ns, __ATOMIC_RELAXED);
		/* Bounded by our buffer (c->size bytes), whatever the header says; len != size fails below. */
		memcpy(buf, p->data, len < c->size ? len : c->size);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		s2 = __atomic_load_n(&p->hdr->seq, __ATOMIC_RELAXED);
		if (s1 == s2)
			break;
	}
	p->last_seq = s1;
	if (len != c->size)
		return -EPROTO;
	/* The writer also puts the stamp in the first 8 bytes: a torn copy would show here. */
	if (len >= sizeof(stamp) && memcmp(buf, &stamp, sizeof(stamp)) != 0)
		return -EIO;
	*kstamp = stamp;
	return 0;
}

static int seq_robust(struct kc_robust *r)
{
	struct kcomm_mmap_seq_start st;
	const size_t len = KCOMM_MMAP_SNAP_MAP_SIZE;
	void *m;
	int fd;

	/* Opened read/write, so that the module's own refusal of writable mappings is what we test. */
	fd = open_dev(KCOMM_MMAP_SEQLOCK_DEV, O_RDWR);
	kc_ok(r, "open seqlock read/write", fd);
	if (fd < 0)
		return fd;
	kc_bad(r, "mmap snapshot PROT_WRITE", map_try(fd, len, PROT_READ | PROT_WRITE, MAP_SHARED, 0), EPERM);
	kc_bad(r, "mmap snapshot PROT_EXEC", map_try(fd, len, PROT_READ | PROT_EXEC, MAP_SHARED, 0), EPERM);
	kc_bad(r, "mmap snapshot wrong length", map_try(fd, 4096, PROT_READ, MAP_SHARED, 0), EINVAL);
	kc_bad(r, "mmap snapshot at offset 4096", map_try(fd, len, PROT_READ, MAP_SHARED, 4096), EINVAL);
	kc_bad(r, "mmap snapshot MAP_PRIVATE", map_try(fd, len, PROT_READ, MAP_PRIVATE, 0), EINVAL);
	m = map_dev(fd, len, PROT_READ);
	kc_ok(r, "mmap snapshot read-only", m ? 0 : -1);
	if (m)
		kc_bad(r, "mprotect snapshot PROT_WRITE", mprotect(m, 4096, PROT_READ | PROT_WRITE), 0);

	st = (struct kcomm_mmap_seq_start){ .len = KCOMM_MMAP_SNAP_MAX + 1, .period_us = 100 };
	kc_bad(r, "SEQ_START len > max", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	st = (struct kcomm_mmap_seq_start){ .len = 64, .period_us = 0 };
	kc_bad(r, "SEQ_START period 0", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	/* The documented bounds, both ends: 10 us and 1 s accepted, one beyond refused. */
	st.period_us = KCOMM_MMAP_SEQ_PERIOD_MIN - 1;
	kc_bad(r, "SEQ_START period below the minimum", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	st.period_us = KCOMM_MMAP_SEQ_PERIOD_MAX + 1;
	kc_bad(r, "SEQ_START period above the maximum", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	st.period_us = KCOMM_MMAP_SEQ_PERIOD_MAX;
	kc_ok(r, "SEQ_START period at the maximum (1 s)", ioctl(fd, KCOMM_MMAP_SEQ_START, &st));
	kc_ok(r, "SEQ_STOP a 1 s writer at once", ioctl(fd, KCOMM_MMAP_SEQ_STOP));
	kc_bad(r, "SEQ_START bad pointer", ioctl(fd, KCOMM_MMAP_SEQ_START, (void *)16), EFAULT);
	st = (struct kcomm_mmap_seq_start){ .len = KCOMM_MMAP_SNAP_MAX, .period_us = 10 };
	kc_ok(r, "SEQ_START", ioctl(fd, KCOMM_MMAP_SEQ_START, &st));
	kc_bad(r, "SEQ_START while running", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EBUSY);
	if (m) {
		/*
		 * Wait for the state, not for a time: the 10 us writer may not run for
		 * milliseconds on a loaded host. Give up after 10 s.
		 */
		volatile struct kcomm_mmap_snap_hdr *h = m;
		int waited_ms = 0;

		while (!h->updates && waited_ms < 10000) {
			usleep(1000);
			waited_ms++;
		}
		kc_ok(r, "snapshot updated", h->updates ? 0 : -1);
	}
	kc_ok(r, "SEQ_STOP", ioctl(fd, KCOMM_MMAP_SEQ_STOP));
	kc_ok(r, "SEQ_STOP again", ioctl(fd, KCOMM_MMAP_SEQ_STOP));
	/* Close with the writer running and the mapping live: release runs at munmap and stops it. */
	kc_ok(r, "SEQ_START again", ioctl(fd, KCOMM_MMAP_SEQ_START, &st));
	close(fd);
	usleep(1000);
	if (m)
		kc_ok(r, "munmap snapshot while the writer runs", munmap(m, len));

	kc_drill_open_close_storm(r, KCOMM_MMAP_SEQLOCK_DEV, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_MMAP_SEQLOCK_DEV);
	return 0;
}

static const struct kc_backend mmap_seqlock = {
	.method = "mmap",
	.variant = "seqlock",
	.module = "kcomm_mmap",
	.patterns = KC_K2U,
	.max_size = KCOMM_MMAP_SNAP_MAX,
	.limit_note = "a seqlock snapshot is rewritten in place and readers retry whenever a write overlaps "
		      "their copy, so it suits small state (64 KiB here), not bulk data",
	.open = seq_open,
	.close = seq_close,
	.prepare = seq_prepare,
	.finish = seq_finish,
	.recv = seq_recv,
	.robust = seq_robust,
};
KC_REGISTER(mmap_seqlock);

/* ================================================================ ioctl-lock ====================== */

struct lock_priv {
	int fd;
	void *map;
	struct kcomm_mmap_lock_hdr *hdr;
	uint8_t *req, *resp;
};

static void lock_close(struct kc_ctx *c)
{
	struct lock_priv *p = c->priv;

	if (p->map)
		munmap(p->map, KCOMM_MMAP_LOCK_MAP_SIZE);
	if (p->fd >= 0)
		close(p->fd);
	free(p);
	c->priv = NULL;
}

static int lock_open(struct kc_ctx *c)
{
	struct lock_priv *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->fd = open_dev(KCOMM_MMAP_LOCK_DEV, O_RDWR);
	if (p->fd < 0) {
		int err = p->fd;

		lock_close(c);
		return err;
	}
	p->map = map_dev(p->fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE);
	if (!p->map) {
		int err = -errno;

		lock_close(c);
		return err;
	}
	p->hdr = p->map;
	p->req = (uint8_t *)p->map + KCOMM_MMAP_LOCK_REQ_OFF;
	p->resp = (uint8_t *)p->map + KCOMM_MMAP_LOCK_RESP_OFF;
	return 0;
}

/* One access to the shared area: LOCK, write the request, UNLOCK - two system calls around a memcpy. */
static int lock_put_request(struct lock_priv *p, const void *buf, size_t size)
{
	if (ioctl(p->fd, KCOMM_MMAP_LOCK) < 0)
		return -errno;
	memcpy(p->req, buf, size);
	p->hdr->req_len = (uint32_t)size;
	if (ioctl(p->fd, KCOMM_MMAP_UNLOCK) < 0)
		return -errno;
	return 0;
}

static int lock_send(struct kc_ctx *c, const void *buf)
{
	return lock_put_request(c->priv, buf, c->size);
}

/* Round trip: put the request, let the kernel echo it under the same lock, take the response. */
static int lock_roundtrip(struct kc_ctx *c, void *buf)
{
	struct lock_priv *p = c->priv;
	int err = 0;

	err = lock_put_request(p, buf, c->size);
	if (err)
		return err;
	if (ioctl(p->fd, KCOMM_MMAP_LOCK_ECHO) < 0)
		return -errno;
	if (ioctl(p->fd, KCOMM_MMAP_LOCK) < 0)
		return -errno;
	if (p->hdr->resp_len == c->size)
		memcpy(buf, p->resp, c->size);
	else
		err = -EPROTO;	/* another process used the area in between */
	if (ioctl(p->fd, KCOMM_MMAP_UNLOCK) < 0 && !err)
		err = -errno;
	return err;
}

static int lock_robust(struct kc_robust *r)
{
	struct kcomm_mmap_lock_hdr *h;
	void *m;
	pid_t pid;
	int fd, fd2;

	fd = open_dev(KCOMM_MMAP_LOCK_DEV, O_RDWR);
	kc_ok(r, "open lock device", fd);
	if (fd < 0)
		return fd;
	kc_bad(r, "mmap lock area PROT_EXEC",
	       map_try(fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_SHARED, 0), EPERM);
	kc_bad(r, "mmap lock area too long",
	       map_try(fd, KCOMM_MMAP_LOCK_MAP_SIZE + 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0), EINVAL);
	kc_bad(r, "mmap lock area MAP_PRIVATE",
	       map_try(fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0), EINVAL);
	m = map_dev(fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE);
	kc_ok(r, "mmap lock area", m ? 0 : -1);
	h = m;

	kc_bad(r, "UNLOCK without LOCK", ioctl(fd, KCOMM_MMAP_UNLOCK), EPERM);
	kc_ok(r, "LOCK", ioctl(fd, KCOMM_MMAP_LOCK));
	kc_bad(r, "LOCK twice", ioctl(fd, KCOMM_MMAP_LOCK), EDEADLK);
	kc_bad(r, "ECHO while holding the lock", ioctl(fd, KCOMM_MMAP_LOCK_ECHO), EDEADLK);
	fd2 = open_dev(KCOMM_MMAP_LOCK_DEV, O_RDWR);
	if (fd2 >= 0) {
		kc_bad(r, "UNLOCK of a lock another file holds", ioctl(fd2, KCOMM_MMAP_UNLOCK), EPERM);
		close(fd2);
	}
	if (h)
		h->req_len = 0xffffffffu;	/* garbage the kernel must not believe */
	kc_ok(r, "UNLOCK", ioctl(fd, KCOMM_MMAP_UNLOCK));
	kc_bad(r, "ECHO with req_len beyond the area", ioctl(fd, KCOMM_MMAP_LOCK_ECHO), EINVAL);
	kc_bad(r, "unknown ioctl on lock device", ioctl(fd, _IO(KCOMM_MMAP_IOC_MAGIC, 99)), ENOTTY);

	/* A process that dies holding the lock must not block everyone else. */
	pid = fork();
	if (pid == 0) {
		int cfd = open(KCOMM_MMAP_LOCK_DEV, O_RDWR | O_CLOEXEC);

		_exit(cfd >= 0 && ioctl(cfd, KCOMM_MMAP_LOCK) == 0 ? 0 : 1);
	}
	if (pid > 0) {
		int status = 0;

		waitpid(pid, &status, 0);
		kc_ok(r, "child took the lock and exited", WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1);
		/* If the lock were leaked this would block until the harness watchdog interrupts it. */
		kc_ok(r, "LOCK after the holder died", ioctl(fd, KCOMM_MMAP_LOCK));
		ioctl(fd, KCOMM_MMAP_UNLOCK);
	}
	if (h)
		h->req_len = 0;
	if (m)
		munmap(m, KCOMM_MMAP_LOCK_MAP_SIZE);
	close(fd);

	kc_drill_open_close_storm(r, KCOMM_MMAP_LOCK_DEV, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_MMAP_LOCK_DEV);
	return 0;
}

static const struct kc_backend mmap_ioctl_lock = {
	.method = "mmap",
	.variant = "ioctl-lock",
	.module = "kcomm_mmap",
	.patterns = KC_ROUNDTRIP | KC_U2K,
	.open = lock_open,
	.close = lock_close,
	.send = lock_send,
	.roundtrip = lock_roundtrip,
	.robust = lock_robust,
};
KC_REGISTER(mmap_ioctl_lock);
