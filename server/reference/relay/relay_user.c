// SPDX-License-Identifier: GPL-2.0
/*
 * relay_user.c - the user side of kcomm_relay, as a kcomm harness backend
 *
 * A relay reader reads the per-CPU files; records from one CPU arrive in
 * order, records from different CPUs must be merged by the reader (by
 * stamp or sequence number) if order matters. To keep this backend to one
 * file we pin the thread to CPU 0: the write() to "produce" then runs on
 * CPU 0 and every record lands in cpu0.
 *
 * k2u, two variants:
 *   ""       one record per request: write "1 N" to produce, read N bytes.
 *            Latency = kernel stamp -> record in our buffer.
 *   "burst"  relay's intended use: the kernel writes a burst of records
 *            (up to 64, as many as fit without loss) per request and we
 *            read them one by one. Throughput is what counts here; the
 *            latency includes the time a record waits behind the others.
 *
 * read() on a relay file never blocks: with no data it returns 0. A reader
 * that waits for data uses poll(), which wakes when a sub-buffer is full;
 * this backend does not need to wait, because the records are in the
 * buffer when the write() to produce returns.
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
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_relay.h"

#define BURST_MAX	64u

struct relay_state {
	int produce_fd;
	int cpu_fd;		/* cpu0 */
	cpu_set_t saved_cpus;	/* our affinity before open() */
	unsigned int burst;	/* records per request */
	unsigned int pending;	/* records produced, not read yet */
};

static int request(int fd, unsigned int count, size_t size)
{
	char cmd[32];
	int len = snprintf(cmd, sizeof(cmd), "%u %zu\n", count, size);
	ssize_t n = write(fd, cmd, (size_t)len);

	if (n < 0)
		return -errno;
	return n == len ? 0 : -EIO;
}

/* Read exactly len bytes; a relay file returns 0 when it has no more data. */
static int read_full(int fd, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = read(fd, (char *)buf + done, len - done);

		if (n < 0)
			return -errno;
		if (n == 0)
			return done ? -EPROTO : -ENODATA;	/* lost, or never produced */
		done += (size_t)n;
	}
	return 0;
}

/* Read and throw away whatever is buffered (left over from an earlier run). */
static void drain(int fd)
{
	static char sink[65536];

	while (read(fd, sink, sizeof(sink)) > 0)
		;
}

static int relay_open(struct kc_ctx *c)
{
	struct relay_state *s = calloc(1, sizeof(*s));
	char path[128];
	cpu_set_t cpu0;
	int rc;

	if (!s)
		return -ENOMEM;
	if (sched_getaffinity(0, sizeof(s->saved_cpus), &s->saved_cpus) < 0) {
		rc = -errno;
		goto out_free;
	}
	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	if (sched_setaffinity(0, sizeof(cpu0), &cpu0) < 0) {
		rc = -errno;
		goto out_free;
	}
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
	drain(s->cpu_fd);
	c->priv = s;
	return 0;

out_close_produce:
	close(s->produce_fd);
out_restore_cpus:
	sched_setaffinity(0, sizeof(s->saved_cpus), &s->saved_cpus);
out_free:
	free(s);
	return rc;
}

static void relay_close(struct kc_ctx *c)
{
	struct relay_state *s = c->priv;

	close(s->cpu_fd);
	close(s->produce_fd);
	sched_setaffinity(0, sizeof(s->saved_cpus), &s->saved_cpus);
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
	return 0;
}

static void relay_finish(struct kc_ctx *c)
{
	struct relay_state *s = c->priv;

	drain(s->cpu_fd);
	s->pending = 0;
}

static int relay_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct relay_state *s = c->priv;
	struct kcomm_relay_record hdr;
	int rc;

	if (!s->pending) {
		rc = request(s->produce_fd, s->burst, c->size);
		if (rc)
			return rc;
		s->pending = s->burst;
	}
	rc = read_full(s->cpu_fd, buf, c->size);
	if (rc) {
		s->pending = 0;
		return rc;
	}
	s->pending--;
	memcpy(&hdr, buf, sizeof(hdr));
	if (hdr.size != c->size)
		return -EPROTO;
	*kstamp = hdr.stamp_ns;
	return 0;
}

/* --- robustness --------------------------------------------------------- */

static long read_lost(void)
{
	char text[32];
	int fd = open(KCOMM_RELAY_LOST_PATH, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	text[n] = '\0';
	return strtol(text, NULL, 10);
}

/* The cpuN files map: the whole buffer read-only, and a record written now is visible in it. */
static void relay_drill_mmap(struct kc_robust *r, struct relay_state *s)
{
	const size_t len = (size_t)KCOMM_RELAY_SUBBUF_SIZE * KCOMM_RELAY_N_SUBBUFS;
	struct kcomm_relay_record hdr;
	uint64_t before, after;
	size_t off;
	int found = 0;
	char *m;

	m = mmap(NULL, len - 4096, PROT_READ, MAP_SHARED, s->cpu_fd, 0);
	kc_bad(r, "mmap cpu0 one page short", m == MAP_FAILED ? -errno : 0, EINVAL);
	if (m != MAP_FAILED)
		munmap(m, len - 4096);
	m = mmap(NULL, len, PROT_READ, MAP_SHARED, s->cpu_fd, 0);
	kc_ok(r, "mmap cpu0, the whole buffer read-only", m == MAP_FAILED ? -errno : 0);
	if (m == MAP_FAILED)
		return;
	drain(s->cpu_fd);
	before = kc_now_ns();
	kc_ok(r, "produce one 48-byte record", request(s->produce_fd, 1, 48));
	after = kc_now_ns();
	for (off = 0; off + sizeof(hdr) <= len && !found; off += 4) {
		memcpy(&hdr, m + off, sizeof(hdr));
		found = hdr.size == 48 && hdr.stamp_ns >= before && hdr.stamp_ns <= after;
	}
	kc_ok(r, "the record is visible in the mapping", found ? 0 : -ENODATA);
	munmap(m, len);
	drain(s->cpu_fd);
}

struct restart_drill {
	volatile int done;
	unsigned int interrupted;	/* writes that failed with EINTR */
};

static void restart_noop(int sig)
{
	(void)sig;
}

static void *restart_holder(void *arg)
{
	struct restart_drill *d = arg;
	int fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	unsigned int i;

	for (i = 0; fd >= 0 && i < 20; i++)
		request(fd, KCOMM_RELAY_MAX_COUNT, KCOMM_RELAY_SUBBUF_SIZE);
	if (fd >= 0)
		close(fd);
	d->done = 1;
	return NULL;
}

static void *restart_waiter(void *arg)
{
	struct restart_drill *d = arg;
	int fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);

	while (fd >= 0 && !d->done)
		if (request(fd, 1, 16) == -EINTR)
			d->interrupted++;
	if (fd >= 0)
		close(fd);
	return NULL;
}

/*
 * A writer waiting for produce_lock while another produces, hit by a handled SA_RESTART signal many
 * times: its write must restart (the module returns -ERESTARTSYS), never fail with EINTR. Runs in a
 * child (kc_in_child) so the handler and the threads stay out of the harness.
 */
static long relay_restart_child(void *unused)
{
	static struct restart_drill d;
	struct sigaction sa = { .sa_handler = restart_noop, .sa_flags = SA_RESTART };
	pthread_t holder, waiter;

	(void)unused;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	if (pthread_create(&holder, NULL, restart_holder, &d) ||
	    pthread_create(&waiter, NULL, restart_waiter, &d))
		return -EAGAIN;
	while (!d.done) {
		pthread_kill(waiter, SIGUSR1);
		sched_yield();
	}
	pthread_join(holder, NULL);
	pthread_join(waiter, NULL);
	return d.interrupted ? -EINTR : 0;
}

static int relay_robust(struct kc_robust *r)
{
	static const char *const bad[] = {
		"abc", "0 16", "1 8", "1 15", "1 1048577", "4097 16", "-1 16", "1 -16",
		"99999999999 16", "1", "1 16 extra", "", "\n", "1 16 0123456789012345678901234567890123",
	};
	struct kc_ctx c = { .size = 4096 };
	struct kcomm_relay_record hdr;
	char what[96], path[128];
	unsigned int i, whole = 0;
	long lost0, lost1;
	char *buf;
	int fd, cfd, wfd;
	ssize_t n;

	fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(r, "open produce", fd < 0 ? -errno : 0);
	if (fd < 0)
		return 0;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "produce <- \"%s\"", bad[i]);
		kc_bad(r, what, write(fd, bad[i], strlen(bad[i])), 0);
	}
	kc_bad(r, "produce from an invalid pointer",
	       write(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 8), EFAULT);

	/* Fill a buffer past capacity: losses are counted, nothing breaks. */
	buf = malloc(KCOMM_RELAY_SUBBUF_SIZE);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	c.be = r->be;
	if (relay_open(&c) == 0) {
		struct relay_state *s = c.priv;

		lost0 = read_lost();
		kc_ok(r, "produce 8 x 1 MiB into a 4 x 1 MiB buffer",
		      request(s->produce_fd, 8, KCOMM_RELAY_SUBBUF_SIZE));
		lost1 = read_lost();
		kc_ok(r, "lost counts the dropped records", lost1 > lost0 ? 0 : -EIO);
		while (read_full(s->cpu_fd, buf, KCOMM_RELAY_SUBBUF_SIZE) == 0) {
			memcpy(&hdr, buf, sizeof(hdr));
			if (hdr.size != KCOMM_RELAY_SUBBUF_SIZE)
				break;
			whole++;
		}
		kc_ok(r, "the records that were kept read back whole", whole >= 3 ? 0 : -EIO);
		kc_ok(r, "produce one 16-byte record", request(s->produce_fd, 1, 16));
		/*
		 * relay_file_read() stops at a failed copy_to_user() and returns
		 * what it copied, 0 here, instead of EFAULT; the record stays.
		 */
		n = read(s->cpu_fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 16);
		kc_ok(r, "read into an invalid pointer: 0 or EFAULT", n == 0 || errno == EFAULT ? 0 : -errno);
		kc_ok(r, "the record is still there after the failed read", read_full(s->cpu_fd, buf, 16));
		drain(s->cpu_fd);
		kc_ok(r, "read with nothing buffered returns 0", read(s->cpu_fd, buf, 16) == 0 ? 0 : -EIO);
		/* Mode 0400 does not stop root; the missing .write does. */
		wfd = open(KCOMM_RELAY_PATH "/cpu0", O_WRONLY | O_CLOEXEC);
		if (wfd >= 0) {
			kc_bad(r, "write to a relay file", write(wfd, "x", 1), 0);
			close(wfd);
		}
		relay_drill_mmap(r, s);
		relay_close(&c);
	}
	kc_ok(r, "signals to a writer waiting for the producer restart its write", kc_in_child(relay_restart_child, NULL));
	free(buf);
	close(fd);

	snprintf(path, sizeof(path), KCOMM_RELAY_CPU_FMT, 0u);
	cfd = open(path, O_RDONLY | O_CLOEXEC);
	kc_ok(r, "open cpu0", cfd < 0 ? -errno : 0);
	if (cfd >= 0)
		close(cfd);
	kc_drill_open_close_storm(r, path, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_RELAY_PRODUCE_PATH, 4, 200);
	/* Nothing pins the module while a cpuN file is open: unload succeeds, the file reads what was left. */
	kc_drill_rmmod_while_open(r, path);
	return 0;
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
	.robust = relay_robust,
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
	.recv = relay_recv,
};
KC_REGISTER(relay_burst_backend);
