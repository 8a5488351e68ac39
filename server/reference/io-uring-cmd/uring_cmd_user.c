// SPDX-License-Identifier: GPL-2.0
/*
 * uring_cmd_user.c - the user side of kcomm_uring_cmd, as a kcomm harness backend
 *
 * The harness is a static binary, so this speaks io_uring through its two system calls and three
 * mmap()s, as liburing does underneath:
 *
 *   ring = io_uring_setup(8, {flags = IORING_SETUP_SQE128 | IORING_SETUP_CQE32})
 *   mmap the SQ ring, the CQ ring and the 128-byte SQE array
 *   fill an SQE: opcode IORING_OP_URING_CMD, fd = /dev/kcomm_uring_cmd, cmd_op, sqe->cmd = the
 *   command; publish it by storing the SQ tail (release); io_uring_enter(ring, 1, 1, GETEVENTS)
 *   read the 32-byte CQE at the CQ head (acquire the tail first), then store head + 1 (release)
 *
 *   roundtrip  ECHO: the kernel copies N bytes in and back out to a second buffer
 *   u2k        SINK: N bytes in
 *   k2u        READ: N bytes out, the first 8 the kernel's ktime_get_ns()
 *   notify     WAIT 100 µs: a parked command that an hrtimer completes; the stamp is in the CQE
 *
 * One command per io_uring_enter() here, to compare with one ioctl() per command; batching many
 * SQEs per call is where io_uring pulls ahead, and is not measured.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/io_uring.h>

#include "harness.h"
#include "kcomm_uring_cmd.h"

#define RING_ENTRIES	8
#define SQE_SIZE	128	/* IORING_SETUP_SQE128 */
#define CQE_SIZE	32	/* IORING_SETUP_CQE32 */
#define NOTIFY_DELAY_US	100

struct ring {
	int fd;
	void *sq_map, *cq_map, *sqes;
	size_t sq_len, cq_len, sqes_len;
	unsigned int *sq_tail, *sq_mask, *sq_array;
	unsigned int *cq_head, *cq_tail, *cq_mask;
	unsigned char *cqes;
};

struct uring_priv {
	struct ring ring;
	int dev;
	__u64 seq;
	unsigned char *out;	/* where ECHO and READ put their answer */
};

struct cqe32 {
	__u64 user_data;
	__s32 res;
	__u32 flags;
	__u64 big[2];
};

static void ring_exit(struct ring *r)
{
	if (r->sqes && r->sqes != MAP_FAILED)
		munmap(r->sqes, r->sqes_len);
	if (r->cq_map && r->cq_map != MAP_FAILED && r->cq_map != r->sq_map)
		munmap(r->cq_map, r->cq_len);
	if (r->sq_map && r->sq_map != MAP_FAILED)
		munmap(r->sq_map, r->sq_len);
	if (r->fd >= 0)
		close(r->fd);
	memset(r, 0, sizeof(*r));
	r->fd = -1;
}

/* An io_uring with 128-byte SQEs and 32-byte CQEs (or the flags given); 0 or -errno. */
static int ring_init(struct ring *r, unsigned int flags)
{
	struct io_uring_params p = { .flags = flags };
	size_t sqe = flags & IORING_SETUP_SQE128 ? SQE_SIZE : 64;
	size_t cqe = flags & IORING_SETUP_CQE32 ? CQE_SIZE : 16;
	unsigned char *sq, *cq;
	int err;

	memset(r, 0, sizeof(*r));
	r->fd = (int)syscall(__NR_io_uring_setup, RING_ENTRIES, &p);
	if (r->fd < 0)
		return -errno;	/* ENOSYS, or EPERM with kernel.io_uring_disabled */
	r->sq_len = p.sq_off.array + p.sq_entries * sizeof(__u32);
	r->cq_len = p.cq_off.cqes + p.cq_entries * cqe;
	if (p.features & IORING_FEAT_SINGLE_MMAP)
		r->sq_len = r->cq_len = r->sq_len > r->cq_len ? r->sq_len : r->cq_len;
	r->sq_map = mmap(NULL, r->sq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
			 IORING_OFF_SQ_RING);
	if (r->sq_map == MAP_FAILED)
		goto fail;
	r->cq_map = p.features & IORING_FEAT_SINGLE_MMAP ? r->sq_map :
		    mmap(NULL, r->cq_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
			 IORING_OFF_CQ_RING);
	if (r->cq_map == MAP_FAILED)
		goto fail;
	r->sqes_len = p.sq_entries * sqe;
	r->sqes = mmap(NULL, r->sqes_len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, r->fd,
		       IORING_OFF_SQES);
	if (r->sqes == MAP_FAILED)
		goto fail;
	sq = r->sq_map;
	cq = r->cq_map;
	r->sq_tail = (unsigned int *)(sq + p.sq_off.tail);
	r->sq_mask = (unsigned int *)(sq + p.sq_off.ring_mask);
	r->sq_array = (unsigned int *)(sq + p.sq_off.array);
	r->cq_head = (unsigned int *)(cq + p.cq_off.head);
	r->cq_tail = (unsigned int *)(cq + p.cq_off.tail);
	r->cq_mask = (unsigned int *)(cq + p.cq_off.ring_mask);
	r->cqes = cq + p.cq_off.cqes;
	return 0;
fail:
	err = -errno;
	ring_exit(r);
	return err;
}

/* Queue one URING_CMD (not submitted yet); sqe_size is the ring's. */
static void ring_queue_flags(struct ring *r, size_t sqe_size, int fd, __u32 op, const void *cmd,
			     size_t cmd_len, __u64 user_data, __u8 sqe_flags)
{
	unsigned int tail = *r->sq_tail, idx = tail & *r->sq_mask;
	struct io_uring_sqe *sqe = (struct io_uring_sqe *)((unsigned char *)r->sqes + idx * sqe_size);

	memset(sqe, 0, sqe_size);
	sqe->opcode = IORING_OP_URING_CMD;
	sqe->flags = sqe_flags;
	sqe->fd = fd;
	sqe->cmd_op = op;
	sqe->user_data = user_data;
	memcpy(sqe->cmd, cmd, cmd_len);
	r->sq_array[idx] = idx;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
}

static void ring_queue(struct ring *r, size_t sqe_size, int fd, __u32 op, const void *cmd,
		       size_t cmd_len, __u64 user_data)
{
	ring_queue_flags(r, sqe_size, fd, op, cmd, cmd_len, user_data, 0);
}

/* Submit what is queued and wait for want completions; 0 or -errno. */
static int ring_enter(struct ring *r, unsigned int submit, unsigned int want)
{
	long n = syscall(__NR_io_uring_enter, r->fd, submit, want, IORING_ENTER_GETEVENTS, NULL, 0);

	if (n < 0)
		return -errno;
	return (unsigned int)n == submit ? 0 : -EIO;
}

/* Take the next completion; -EAGAIN if there is none. cqe_size is the ring's. */
static int ring_reap(struct ring *r, size_t cqe_size, struct cqe32 *out)
{
	unsigned int head = *r->cq_head;

	if (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE))
		return -EAGAIN;
	memset(out, 0, sizeof(*out));
	memcpy(out, r->cqes + (head & *r->cq_mask) * cqe_size, cqe_size);
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return 0;
}

/* One command, submitted and completed: the CQE's res (bytes or -errno); *res2 from a CQE32. */
static int ring_cmd(struct ring *r, int fd, __u32 op, const struct kcomm_uring_cmd *cmd,
		    __u64 user_data, __u64 *res2)
{
	struct cqe32 cqe;
	int ret;

	ring_queue(r, SQE_SIZE, fd, op, cmd, sizeof(*cmd), user_data);
	ret = ring_enter(r, 1, 1);
	if (ret)
		return ret;
	ret = ring_reap(r, CQE_SIZE, &cqe);
	if (ret)
		return -EIO;	/* GETEVENTS with want = 1 returned without one */
	if (cqe.user_data != user_data)
		return -EPROTO;
	if (res2)
		*res2 = cqe.big[0];
	return cqe.res;
}

static void uring_close(struct kc_ctx *c)
{
	struct uring_priv *p = c->priv;

	ring_exit(&p->ring);
	if (p->dev >= 0)
		close(p->dev);
	free(p->out);
	free(p);
	c->priv = NULL;
}

static int uring_open(struct kc_ctx *c)
{
	struct uring_priv *p = calloc(1, sizeof(*p));
	int ret;

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->ring.fd = -1;
	p->dev = open(KCOMM_URING_DEVICE, O_RDWR | O_CLOEXEC);
	p->out = malloc(KCOMM_URING_MSG_MAX);
	if (p->dev < 0 || !p->out) {
		ret = p->dev < 0 ? -errno : -ENOMEM;
		uring_close(c);
		return ret;
	}
	ret = ring_init(&p->ring, IORING_SETUP_SQE128 | IORING_SETUP_CQE32);
	if (ret)
		uring_close(c);
	return ret;
}

static int uring_roundtrip(struct kc_ctx *c, void *buf)
{
	struct uring_priv *p = c->priv;
	struct kcomm_uring_cmd cmd = {
		.in = (uintptr_t)buf, .out = (uintptr_t)p->out, .len = (__u32)c->size,
	};
	int res = ring_cmd(&p->ring, p->dev, KCOMM_URING_CMD_ECHO, &cmd, ++p->seq, NULL);

	if (res < 0)
		return res;
	if ((size_t)res != c->size)
		return -EPROTO;
	memcpy(buf, p->out, c->size);
	return 0;
}

static int uring_send(struct kc_ctx *c, const void *buf)
{
	struct uring_priv *p = c->priv;
	struct kcomm_uring_cmd cmd = { .in = (uintptr_t)buf, .len = (__u32)c->size };
	int res = ring_cmd(&p->ring, p->dev, KCOMM_URING_CMD_SINK, &cmd, ++p->seq, NULL);

	if (res < 0)
		return res;
	return (size_t)res == c->size ? 0 : -EPROTO;
}

static int uring_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct uring_priv *p = c->priv;
	struct kcomm_uring_cmd cmd = { .out = (uintptr_t)buf, .len = (__u32)c->size };
	int res = ring_cmd(&p->ring, p->dev, KCOMM_URING_CMD_READ, &cmd, ++p->seq, NULL);

	if (res < 0)
		return res;
	if ((size_t)res != c->size)
		return -EPROTO;
	memcpy(kstamp, buf, sizeof(*kstamp));
	return 0;
}

static int uring_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct uring_priv *p = c->priv;
	struct kcomm_uring_cmd cmd = { .delay_us = NOTIFY_DELAY_US };
	__u64 stamp = 0;
	int res = ring_cmd(&p->ring, p->dev, KCOMM_URING_CMD_WAIT, &cmd, ++p->seq, &stamp);

	if (res < 0)
		return res;
	*kstamp = stamp;
	return 0;
}

static const struct kc_backend uring_cmd_backend = {
	.method = "io-uring-cmd",
	.variant = "",
	.module = "kcomm_uring_cmd",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U | KC_NOTIFY,
	.min_size = 8,
	.max_size = KCOMM_URING_MSG_MAX,
	.limit_note = "io-uring-cmd: the sample copies through a 64 KiB per-open kernel buffer; the "
		      "command itself (addresses and a length) rides in a 128-byte SQE",
	.open = uring_open,
	.close = uring_close,
	.roundtrip = uring_roundtrip,
	.send = uring_send,
	.recv = uring_recv,
	.notify = uring_notify,
};
KC_REGISTER(uring_cmd_backend);
