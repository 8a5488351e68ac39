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

static const struct kc_backend mmap_ioctl_lock = {
	.method = "mmap",
	.variant = "ioctl-lock",
	.module = "kcomm_mmap",
	.patterns = KC_ROUNDTRIP | KC_U2K,
	.open = lock_open,
	.close = lock_close,
	.send = lock_send,
	.roundtrip = lock_roundtrip,
};
KC_REGISTER(mmap_ioctl_lock);
