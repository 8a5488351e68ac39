// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_ringbuf_user.c - the user side of kcomm_bpf_ringbuf, as a kcomm harness backend
 *
 *   k2u  pwrite(trigger, "N\n") makes the module fire its tracepoint with an N-byte message; the BPF
 *        program attached to it copies the message into the ring buffer; ring_buffer__poll() hands us
 *        the record, whose every byte we check (kcomm_msg.h) before copying the message out.
 *
 * The BPF program comes in as a libbpf skeleton (kcomm_bpf_ringbuf.skel.h, made by `bpftool gen
 * skeleton` from the compiled kcomm_bpf_ringbuf.bpf.o and embedding it), so the harness needs no
 * object file at run time. Opening it is the whole privileged part:
 *
 *   kcomm_bpf_ringbuf__open()        parse the embedded object
 *   bpf_map__set_max_entries(ring)   size the ring (a power of two of pages) before it exists
 *   kcomm_bpf_ringbuf__load()        create the maps, load the program: CAP_BPF (+ CAP_PERFMON for
 *                                    bpf_probe_read_kernel), or CAP_SYS_ADMIN
 *   bpf_program__attach()            raw_tp/kcomm_bpf_msg: the module must be loaded (ENOENT
 *                                    otherwise), and is pinned until the link is destroyed
 *   ring_buffer__new(map fd)         mmap the ring (the consumer page read-write, the data read-only)
 *                                    and an epoll set on the map fd; ring_buffer__poll() sleeps in
 *                                    epoll_wait() and calls on_record() once per record
 *
 * A record is consumed when on_record() returns (libbpf then moves the consumer position on and the
 * space may be reused), so the message is checked and copied inside the callback.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "harness.h"
#include "kcomm_bpf_ringbuf.h"
#include "kcomm_bpf_ringbuf.skel.h"
#include "kcomm_msg.h"

#define POLL_MS			5000	/* a record that has not come by then is lost */
#define RING_SMALL		(4 * 4096)	/* the ring-full drill: room for about 30 records of 512 B */
#define FULL_MESSAGES		64
#define WRITERS			4
#define WRITER_ROUNDS		50

struct rb_session {
	struct kcomm_bpf_ringbuf *skel;
	struct bpf_link *link;
	struct ring_buffer *rb;
	int trigger_fd;
	/* What on_record() saw: counts since the session began, and the last record. */
	uint64_t records, corrupt, lost, reordered, last_seq;
	uint64_t stamp;
	uint32_t len;
	/* Where on_record() copies a message (recv), or NULL. */
	void *dst;
	size_t dst_cap;
	/* Sequence numbers seen in a drill: seen[seq - seen_first]. */
	uint8_t *seen;
	uint64_t seen_first;
	size_t seen_n;
	uint64_t dups;
};

/* libbpf's own messages: warnings only, and none while a drill expects a failure. */
static int libbpf_quiet;

static int print_libbpf(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level != LIBBPF_WARN || libbpf_quiet)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct rb_session *s = ctx;
	const struct kcomm_bpf_rec *rec = data;
	__u64 seq;

	s->records++;
	if (size < sizeof(*rec) || rec->len > size - sizeof(*rec) || rec->reserved) {
		s->corrupt++;
		return 0;
	}
	s->stamp = rec->stamp;
	s->len = rec->len;
	/* Every byte: the message is its own checksum, and carries its number from 8 bytes on. */
	if (kcomm_msg_check(rec + 1, rec->len, &seq)) {
		s->corrupt++;
		return 0;
	}
	if (rec->len >= 8) {
		if (s->last_seq && seq <= s->last_seq)
			s->reordered++;
		else if (s->last_seq && seq > s->last_seq + 1)
			s->lost += seq - s->last_seq - 1;
		s->last_seq = seq;
		if (s->seen && seq >= s->seen_first && seq < s->seen_first + s->seen_n &&
		    s->seen[seq - s->seen_first]++)
			s->dups++;
	}
	if (s->dst && rec->len <= s->dst_cap)
		memcpy(s->dst, rec + 1, rec->len);
	return 0;
}

static int stats_read(struct rb_session *s, struct kcomm_bpf_stats *st)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(bpf_map__fd(s->skel->maps.stats), &key, st) ? -errno : 0;
}

static int attach(struct rb_session *s)
{
	s->link = bpf_program__attach(s->skel->progs.kcomm_bpf_msg);
	if (!s->link)
		return -errno;
	return 0;
}

static void detach(struct rb_session *s)
{
	bpf_link__destroy(s->link);	/* NULL-safe */
	s->link = NULL;
}

static void session_close(struct rb_session *s)
{
	ring_buffer__free(s->rb);	/* NULL-safe */
	detach(s);
	kcomm_bpf_ringbuf__destroy(s->skel);
	if (s->trigger_fd >= 0)
		close(s->trigger_fd);
	free(s);
}

/* The whole chain with a ring of ring_size bytes (0: the program's default): 0 or -errno. */
static int session_open(struct rb_session **out, uint32_t ring_size)
{
	struct rb_session *s = calloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	if (!s)
		return -ENOMEM;
	s->trigger_fd = -1;
	libbpf_set_print(print_libbpf);
	s->skel = kcomm_bpf_ringbuf__open();
	if (!s->skel) {
		rc = -errno;
		goto fail;
	}
	if (ring_size) {
		rc = bpf_map__set_max_entries(s->skel->maps.ring, ring_size);
		if (rc)
			goto fail;
	}
	rc = kcomm_bpf_ringbuf__load(s->skel);
	if (rc)
		goto fail;
	rc = attach(s);
	if (rc)
		goto fail;
	s->rb = ring_buffer__new(bpf_map__fd(s->skel->maps.ring), on_record, s, NULL);
	if (!s->rb) {
		rc = -errno;
		goto fail;
	}
	s->trigger_fd = open(KCOMM_BPF_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	if (s->trigger_fd < 0) {
		rc = -errno;
		goto fail;
	}
	*out = s;
	return 0;
fail:
	session_close(s);
	return rc < 0 ? rc : -EIO;
}

static int fire(struct rb_session *s, size_t len)
{
	char text[24];

	snprintf(text, sizeof(text), "%zu\n", len);
	return kc_text_write(s->trigger_fd, text);
}

/* Fire one message of len bytes and receive it intact and next in line: 0 or -errno. */
static int fire_and_receive(struct rb_session *s, size_t len, void *dst)
{
	uint64_t records = s->records, corrupt = s->corrupt, lost = s->lost, reordered = s->reordered;
	int rc;

	s->dst = dst;
	s->dst_cap = len;
	rc = fire(s, len);
	while (!rc && s->records == records) {
		rc = ring_buffer__poll(s->rb, POLL_MS);
		if (rc == 0)
			rc = -ETIMEDOUT;
		else if (rc > 0)
			rc = 0;
	}
	s->dst = NULL;
	if (rc)
		return rc;
	if (s->corrupt != corrupt)
		return -EBADMSG;
	if (s->lost != lost || s->reordered != reordered || s->records != records + 1 || s->len != len)
		return -EPROTO;
	return 0;
}

/* --- the measured pattern ------------------------------------------------ */

static int rb_open(struct kc_ctx *c)
{
	struct rb_session *s;
	int rc = session_open(&s, 0);

	if (rc)
		return rc;
	c->priv = s;
	kc_note("bpf-ringbuf k2u: the module fires a tracepoint with a pointer to the message, a raw tracepoint "
		"BPF program copies it into a BPF ring buffer record of a power-of-two size class, and "
		"ring_buffer__poll() hands it over; the consumer checks every byte in the ring before copying "
		"the message out (one pass more than the core's checksum)");
	return 0;
}

static void rb_close(struct kc_ctx *c)
{
	session_close(c->priv);
	c->priv = NULL;
}

static int rb_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct rb_session *s = c->priv;
	int rc = fire_and_receive(s, c->size, buf);

	if (rc)
		return rc;
	*kstamp = s->stamp;
	return 0;
}

/* Anything the program dropped or refused during a point shows in its notes. */
static void rb_finish(struct kc_ctx *c)
{
	struct rb_session *s = c->priv;
	struct kcomm_bpf_stats st;

	if (stats_read(s, &st) == 0 && (st.dropped || st.too_big || st.copy_failed))
		kc_note("bpf-ringbuf %zu B: the BPF program dropped %llu records (ring full), refused %llu, "
			"failed %llu copies so far", c->size, (unsigned long long)st.dropped,
			(unsigned long long)st.too_big, (unsigned long long)st.copy_failed);
}

static const struct kc_backend bpf_ringbuf_backend = {
	.method = "bpf-ringbuf",
	.variant = "",
	.module = "kcomm_bpf_ringbuf",
	.patterns = KC_K2U,
	.max_size = KCOMM_BPF_DATA_MAX,
	.limit_note = "a module reaches a BPF ring buffer only through a tracepoint and a BPF program; the program "
		      "reserves power-of-two records (a constant size for the verifier) up to 1 MiB, in a 4 MiB ring",
	.open = rb_open,
	.close = rb_close,
	.finish = rb_finish,
	.recv = rb_recv,
};
KC_REGISTER(bpf_ringbuf_backend);
