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

/* Consume what the ring holds without sleeping: records consumed, or -errno. */
static int drain(struct rb_session *s)
{
	return ring_buffer__consume(s->rb);
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

/* --- robustness --------------------------------------------------------- */

static long map_create_fn(void *arg)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "kcomm_nobody", 0, 0, *(uint32_t *)arg, NULL);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

static long map_create(uint32_t key_size, uint32_t value_size, uint32_t max_entries)
{
	int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "kcomm_bad", key_size, value_size, max_entries, NULL);

	if (fd < 0)
		return -1;	/* errno set */
	close(fd);
	return 0;
}

/* The kernel checks a ring buffer map's shape: a power of two of pages, no key, no value. */
static void robust_map_shapes(struct kc_robust *rb)
{
	uint32_t page = (uint32_t)sysconf(_SC_PAGESIZE);

	kc_bad(rb, "ring buffer of 0 bytes", map_create(0, 0, 0), EINVAL);
	kc_bad(rb, "ring buffer of 12345 bytes (not a power of two)", map_create(0, 0, 12345), EINVAL);
	kc_bad(rb, "ring buffer of 3 pages (not a power of two)", map_create(0, 0, 3 * page), EINVAL);
	kc_bad(rb, "ring buffer of half a page", map_create(0, 0, page / 2), EINVAL);
	kc_bad(rb, "ring buffer with a 4-byte key", map_create(4, 0, 4 * page), EINVAL);
	kc_bad(rb, "ring buffer with an 8-byte value", map_create(0, 8, 4 * page), EINVAL);
	kc_ok(rb, "ring buffer of 4 pages", map_create(0, 0, 4 * page));
}

/* The largest message, every byte and the stamp; then the counters. */
static void robust_largest(struct kc_robust *rb, struct rb_session *s)
{
	void *buf = malloc(KCOMM_BPF_DATA_MAX);
	struct kcomm_bpf_stats st;
	uint64_t before, after;
	__u64 seq;
	int rc;

	if (!buf) {
		kc_ok(rb, "a buffer for the largest message", -ENOMEM);
		return;
	}
	before = kc_now_ns();
	rc = fire_and_receive(s, KCOMM_BPF_DATA_MAX, buf);
	after = kc_now_ns();
	kc_ok(rb, "a 1 MiB message arrives intact through the ring", rc);
	if (!rc) {
		kc_ok(rb, "its copy is the documented pattern", kcomm_msg_check(buf, KCOMM_BPF_DATA_MAX, &seq) ? -EPROTO : 0);
		kc_ok(rb, "its stamp lies between the write and the read",
		      s->stamp >= before && s->stamp <= after ? 0 : -EPROTO);
	}
	free(buf);
	for (size_t len = 0; len < 8; len++)
		kc_ok(rb, "a message shorter than its number (0..7 bytes) arrives intact", fire_and_receive(s, len, NULL));
	s->last_seq = 0;	/* those carried no number: the next one starts a new order */
	rc = stats_read(s, &st);
	kc_ok(rb, "read the program's counters", rc);
	kc_ok(rb, "nothing was dropped, refused or failed",
	      !rc && !st.dropped && !st.too_big && !st.copy_failed ? 0 : -EPROTO);
}

/* 4 writers' 200 messages each arrive once: none lost, none repeated, none torn. */
static void robust_concurrent(struct kc_robust *rb, struct rb_session *s)
{
	static uint8_t seen[WRITERS * WRITER_ROUNDS];
	uint64_t records = s->records, corrupt = s->corrupt;
	int rc = 0;

	kc_ok(rb, "a message before the writers start", fire_and_receive(s, 8, NULL));
	memset(seen, 0, sizeof(seen));
	records = s->records;
	s->seen = seen;
	s->seen_first = s->last_seq + 1;
	s->seen_n = sizeof(seen);
	s->dups = 0;
	kc_drill_concurrent_writes(rb, KCOMM_BPF_TRIGGER_PATH, "64\n", WRITERS, WRITER_ROUNDS);
	while (rc >= 0 && s->records - records < WRITERS * WRITER_ROUNDS)
		rc = ring_buffer__poll(s->rb, POLL_MS) > 0 ? 0 : -ETIMEDOUT;
	kc_ok(rb, "the ring delivered every concurrent message", rc);
	kc_ok(rb, "each concurrent message once and intact",
	      s->records - records == WRITERS * WRITER_ROUNDS && !s->dups && s->corrupt == corrupt &&
	      !memchr(seen, 0, sizeof(seen)) ? 0 : -EPROTO);
	s->seen = NULL;
	s->last_seq = 0;	/* the writers raced: the next record starts a new order */
}

/*
 * A ring too small for what is produced: the program's reserve fails, the record is dropped and counted,
 * nothing blocks, and what did fit arrives intact and in order.
 */
static void robust_ring_full(struct kc_robust *rb)
{
	struct kcomm_bpf_stats st;
	struct rb_session *s;
	int i, rc = session_open(&s, RING_SMALL);

	kc_ok(rb, "a second chain with a 16 KiB ring", rc);
	if (rc)
		return;
	for (i = 0; i < FULL_MESSAGES && !rc; i++)
		rc = fire(s, 512);
	kc_ok(rb, "64 messages of 512 B into the 16 KiB ring, nobody reading", rc);
	rc = drain(s);
	kc_ok(rb, "drain what fitted", rc < 0 ? rc : 0);
	rc = stats_read(s, &st);
	kc_ok(rb, "read the small ring's counters", rc);
	if (!rc) {
		kc_ok(rb, "the full ring dropped records and counted them", st.dropped > 0 ? 0 : -EPROTO);
		kc_ok(rb, "submitted + dropped = fired", st.submitted + st.dropped == FULL_MESSAGES ? 0 : -EPROTO);
		kc_ok(rb, "every submitted record arrived", s->records == st.submitted ? 0 : -EPROTO);
		kc_ok(rb, "what arrived is intact and in order", !s->corrupt && !s->reordered ? 0 : -EPROTO);
		kc_ok(rb, "after the first arrived record, no gap: the drops are the tail",
		      s->lost == 0 ? 0 : -EPROTO);
	}
	s->last_seq = 0;	/* the dropped numbers are a gap on purpose */
	kc_ok(rb, "the ring takes records again once read", fire_and_receive(s, 512, NULL));
	session_close(s);
}

/*
 * Two programs on one tracepoint, each with its own ring: the first chain, still attached while the
 * second one's ring ran full, has every message of that drill in its own (larger) ring, in order.
 */
static void robust_second_consumer(struct kc_robust *rb, struct rb_session *s)
{
	uint64_t records, corrupt = s->corrupt, lost = s->lost, reordered = s->reordered;
	int rc;

	kc_ok(rb, "a message before the second chain", fire_and_receive(s, 8, NULL));
	records = s->records;
	robust_ring_full(rb);
	rc = drain(s);
	kc_ok(rb, "the first chain got its own copy of all 65 messages, intact and in order",
	      rc == FULL_MESSAGES + 1 && s->records - records == FULL_MESSAGES + 1 && s->corrupt == corrupt &&
	      s->lost == lost && s->reordered == reordered ? 0 : -EPROTO);
}

/*
 * rmmod while the program is attached must be refused (the raw tracepoint link pins the module); after
 * the link is destroyed the module unloads, attaching without it fails, and after a reload it works again.
 */
static void robust_unload_attached(struct kc_robust *rb, struct rb_session *s)
{
	const char *module = rb->be->module;
	int rc = kc_module_unload(module);

	kc_ok(rb, "rmmod while the BPF program is attached is refused",
	      rc == -EBUSY || rc == -EAGAIN ? 0 : rc ? rc : -EPROTO);
	if (rc == 0) {
		kc_module_load(module);
		return;
	}
	kc_ok(rb, "the chain still works after the refused rmmod", fire_and_receive(s, 64, NULL));
	detach(s);
	kc_ok(rb, "the module unloads once the program is detached", kc_module_unload(module));
	kc_bad(rb, "the open trigger after the unload", pwrite(s->trigger_fd, "8\n", 2, 0), ENODEV);
	libbpf_quiet = 1;
	rc = attach(s);
	libbpf_quiet = 0;
	kc_bad(rb, "attaching while the module is gone", rc ? (errno = -rc, -1) : 0, ENOENT);
	detach(s);
	kc_ok(rb, "reload", kc_module_load(module));
	kc_ok(rb, "attach again", attach(s));
	close(s->trigger_fd);
	s->trigger_fd = open(KCOMM_BPF_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(rb, "reopen the trigger", s->trigger_fd);
	s->last_seq = 0;	/* a new module counts from 1 */
	kc_ok(rb, "a message after the reload arrives intact", fire_and_receive(s, 4096, NULL));
}

static int rb_robust(struct kc_robust *rb)
{
	static const struct kc_bad_write bad[] = {
		{ "abc\n", EINVAL }, { "-1\n", EINVAL }, { "\n", EINVAL }, { "1 2\n", EINVAL },
		{ "1048577\n", EMSGSIZE }, { "4294967295\n", EMSGSIZE }, { "99999999999999999999\n", ERANGE },
	};
	uint32_t page = (uint32_t)sysconf(_SC_PAGESIZE);
	struct rb_session *s;
	char digits[8192];
	int fd, rc;

	robust_map_shapes(rb);
	kc_bad(rb, "an unprivileged user creates a ring buffer map", kc_as_nobody(map_create_fn, &page), EPERM);
	kc_bad(rb, "an unprivileged user opens trigger for writing",
	       kc_open_as_nobody(KCOMM_BPF_TRIGGER_PATH, O_WRONLY), EACCES);
	fd = open(KCOMM_BPF_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(rb, "fire with no BPF program attached", fd < 0 ? -errno : kc_text_write(fd, "1048576\n"));
	if (fd >= 0)
		close(fd);

	rc = session_open(&s, 0);
	kc_ok(rb, "load and attach the BPF program, map the ring, open the trigger", rc);
	if (rc)
		return 0;
	kc_drill_bad_writes(rb, "trigger", s->trigger_fd, bad, sizeof(bad) / sizeof(bad[0]));
	memset(digits, '1', sizeof(digits));
	kc_bad(rb, "trigger <- 8192 digits (more than a page)", pwrite(s->trigger_fd, digits, sizeof(digits), 0),
	       ERANGE);
	kc_bad(rb, "trigger from an invalid pointer", pwrite(s->trigger_fd, kc_bad_pointer(), 4, 0), EFAULT);
	kc_ok(rb, "zero-length write", pwrite(s->trigger_fd, digits, 0, 0));
	kc_ok(rb, "refused triggers put nothing in the ring", drain(s) == 0 ? 0 : -EPROTO);
	robust_largest(rb, s);
	robust_concurrent(rb, s);
	robust_second_consumer(rb, s);
	robust_unload_attached(rb, s);
	session_close(s);
	return 0;
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
	.robust = rb_robust,
};
KC_REGISTER(bpf_ringbuf_backend);
