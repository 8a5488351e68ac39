// SPDX-License-Identifier: GPL-2.0
/*
 * relay_user.c - the user side of kcomm_relay, as a kcomm harness backend
 *
 * A relay reader reads the per-CPU files; records from one CPU arrive in
 * order, records from different CPUs must be merged by the reader (by
 * stamp or sequence number) if order matters. To keep this backend to one
 * file we pin the thread to CPU 0: the request on "produce" then runs on
 * CPU 0 and every record lands in cpu0.
 *
 * A program asks for records with ioctl(KCOMM_RELAY_IOC_PRODUCE) on the
 * "produce" file, a struct of two numbers; the text command "COUNT SIZE"
 * that the same file takes is for shells (relay_robust.c drills both).
 *
 * k2u, two variants:
 *   ""       one record per request: produce {1, N}, read N bytes.
 *            Latency = kernel stamp -> record in our buffer.
 *   "burst"  relay's intended use: the kernel writes a burst of records
 *            (up to 64, as many as fit without loss) per request and we
 *            read them one by one. Throughput is what counts here; the
 *            latency includes the time a record waits behind the others.
 *
 * read() on a relay file never blocks: with no data it returns 0. A reader
 * that waits for data uses poll(), which wakes when a sub-buffer is full;
 * this backend does not need to wait, because the records are in the
 * buffer when the request on produce returns.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cpu_pin.h"
#include "harness.h"
#include "kcomm_relay.h"

#define BURST_MAX	64u

struct relay_state {
	int produce_fd;
	int cpu_fd;		/* cpu0 */
	cpu_set_t saved_cpus;	/* our affinity before open() */
	unsigned int burst;	/* records per request */
	unsigned int pending;	/* records produced, not read yet */
	struct kcomm_relay_produce req;	/* the point's request, made once per burst */
};

/* Ask for count records of size bytes on our CPU. */
static int produce(int fd, const struct kcomm_relay_produce *req)
{
	return ioctl(fd, KCOMM_RELAY_IOC_PRODUCE, req) < 0 ? -errno : 0;
}

/* The record's header: its size must be the one asked for; its stamp is the kernel's. */
static int record_stamp(const struct kc_ctx *c, const void *buf, uint64_t *kstamp)
{
	struct kcomm_relay_record hdr;

	memcpy(&hdr, buf, sizeof(hdr));
	if (hdr.size != c->size)
		return -EPROTO;
	*kstamp = hdr.stamp_ns;
	return 0;
}

static int relay_open(struct kc_ctx *c)
{
	struct relay_state *s = calloc(1, sizeof(*s));
	char path[128];
	int rc;

	if (!s)
		return -ENOMEM;
	rc = kc_pin_cpu(0, &s->saved_cpus);
	if (rc)
		goto out_free;
	s->produce_fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	if (s->produce_fd < 0) {
		rc = -errno;
		goto out_restore_cpus;
	}
	snprintf(path, sizeof(path), KCOMM_RELAY_CPU_FMT, 0u);
	s->cpu_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->cpu_fd < 0) {
		rc = -errno;
		goto out_close_produce;
	}
	kc_drain(s->cpu_fd);
	c->priv = s;
	return 0;

out_close_produce:
	close(s->produce_fd);
out_restore_cpus:
	kc_unpin_cpu(&s->saved_cpus);
out_free:
	free(s);
	return rc;
}

static void relay_close(struct kc_ctx *c)
{
	struct relay_state *s = c->priv;

	close(s->cpu_fd);
	close(s->produce_fd);
	kc_unpin_cpu(&s->saved_cpus);
	free(s);
}

static int relay_prepare(struct kc_ctx *c)
{
	struct relay_state *s = c->priv;
	unsigned int fit;

	s->pending = 0;
	s->burst = 1;
	if (strcmp(c->be->variant, "burst") == 0) {
		/* Records never straddle sub-buffers; keep one sub-buffer spare. */
		fit = (KCOMM_RELAY_N_SUBBUFS - 1) * (unsigned int)(KCOMM_RELAY_SUBBUF_SIZE / c->size);
		s->burst = fit < BURST_MAX ? fit : BURST_MAX;
	}
	/* Every request of the point is the same. */
	s->req.count = s->burst;
	s->req.size = (uint32_t)c->size;
	return 0;
}

static void relay_finish(struct kc_ctx *c)
{
	struct relay_state *s = c->priv;

	kc_drain(s->cpu_fd);
	s->pending = 0;
}

/* One record per request: ask, read it (relay read() never blocks: it is there when produce returns). */
static int relay_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct relay_state *s = c->priv;
	int rc = produce(s->produce_fd, &s->req);

	if (!rc)
		rc = kc_read_record(s->cpu_fd, buf, c->size);
	return rc ? rc : record_stamp(c, buf, kstamp);
}

/* A burst per request, read one record at a time. */
static int relay_recv_burst(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct relay_state *s = c->priv;
	int rc;

	if (!s->pending) {
		rc = produce(s->produce_fd, &s->req);
		if (rc)
			return rc;
		s->pending = s->burst;
	}
	rc = kc_read_record(s->cpu_fd, buf, c->size);
	if (rc) {
		s->pending = 0;
		return rc;
	}
	s->pending--;
	return record_stamp(c, buf, kstamp);
}

static const struct kc_backend relay_backend = {
	.method = "relay",
	.variant = "",
	.module = "kcomm_relay",
	.patterns = KC_K2U,
	.min_size = KCOMM_RELAY_RECORD_MIN,
	.max_size = KCOMM_RELAY_SUBBUF_SIZE,
	.limit_note = "a relay record must fit in one sub-buffer (1 MiB here) and carries a 16-byte header "
		      "(stamp, size, sequence number)",
	.open = relay_open,
	.close = relay_close,
	.prepare = relay_prepare,
	.finish = relay_finish,
	.recv = relay_recv,
};
KC_REGISTER(relay_backend);

static const struct kc_backend relay_burst_backend = {
	.method = "relay",
	.variant = "burst",
	.module = "kcomm_relay",
	.patterns = KC_K2U,
	.min_size = KCOMM_RELAY_RECORD_MIN,
	.max_size = KCOMM_RELAY_SUBBUF_SIZE,
	.limit_note = "a relay record must fit in one sub-buffer (1 MiB here) and carries a 16-byte header; "
		      "records are produced in bursts of up to 64, so latency includes queueing behind the burst",
	.open = relay_open,
	.close = relay_close,
	.prepare = relay_prepare,
	.finish = relay_finish,
	.recv = relay_recv_burst,
};
KC_REGISTER(relay_burst_backend);
