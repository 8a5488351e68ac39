// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_ringbuf_robust.c - robustness drills for kcomm_bpf_ringbuf: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods bpf-ringbuf` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is bpf_ringbuf_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "bpf_ringbuf_user.c"

/* Consume what the ring holds without sleeping: records consumed, or -errno. */
static int drain(struct rb_session *s)
{
	return ring_buffer__consume(s->rb);
}

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

KC_DRILLS("bpf-ringbuf", "", rb_robust);
