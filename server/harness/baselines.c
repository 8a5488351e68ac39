// SPDX-License-Identifier: GPL-2.0
/*
 * Reference points measured by the same loop as the methods, in the same run: the cheapest possible
 * kernel entry (a null syscall), the cost of copying bytes in user space (memcpy) and the cheapest
 * user-to-user wake-up round trip (a pipe ping-pong between two threads). A method is then read as
 * "n syscalls", "close to memcpy" or "cheaper than a pipe".
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core.h"

static int op_getppid(void *arg, struct kc_stamps *stamp)
{
	(void)arg;
	(void)stamp;
	return syscall(SYS_getppid) > 0 ? 0 : -errno;
}

/*
 * memcpy rotates through a 2 MiB pool per side (4 copies' worth for the biggest sizes), so a copy does
 * not reuse the lines the previous copy just touched, yet stays cache-resident like a message buffer a
 * program reuses, which is what the backends do with theirs. A pool far bigger than the caches was
 * tried and measured page-walk costs rather than copying (badly so under QEMU TCG). Small sizes are
 * batched so one sample copies at least 64 KiB and two clock reads do not dominate it.
 */
#define POOL_BYTES (2u << 20)
#define BATCH_BYTES (64u << 10)

struct memcpy_state {
	unsigned char *src, *dst;
	size_t size, batch, slots, next;
};

static int op_memcpy(void *arg, struct kc_stamps *stamp)
{
	struct memcpy_state *m = arg;
	size_t i;

	(void)stamp;
	for (i = 0; i < m->batch; i++) {
		size_t off = m->next * m->size;

		memcpy(m->dst + off, m->src + off, m->size);
		/* The copy is observable: the compiler may not drop or merge it. */
		__asm__ __volatile__("" : : "r"(m->dst + off) : "memory");
		if (++m->next == m->slots)
			m->next = 0;
	}
	return 0;
}

static double memcpy_mbps(size_t size, const struct kc_budget *b)
{
	struct memcpy_state m = { .size = size };
	struct kc_point p;
	size_t pool = size > POOL_BYTES / 4 ? 4 * size : POOL_BYTES;

	m.src = malloc(pool);
	m.dst = malloc(pool);
	if (!m.src || !m.dst) {
		free(m.src);
		free(m.dst);
		return 0;
	}
	/* Fault every page in before timing. */
	memset(m.src, 0x5a, pool);
	memset(m.dst, 0xa5, pool);
	m.slots = pool / size;
	m.batch = size >= BATCH_BYTES ? 1 : BATCH_BYTES / size;
	kc_measure(op_memcpy, &m, KC_STAMP_DURATION, b, &p);
	free(m.src);
	free(m.dst);
	return kc_point_msgs_per_sec(&p) * (double)(m.batch * size) / 1e6;
}

/* Pipe ping-pong: the main thread writes one byte, the echo thread reads it and writes it back. */
struct pipe_state {
	int ping[2], pong[2];
};

static void *pipe_echo(void *arg)
{
	struct pipe_state *s = arg;
	char c;

	while (read(s->ping[0], &c, 1) == 1)
		if (write(s->pong[1], &c, 1) != 1)
			break;
	return NULL;
}

static int op_pipe(void *arg, struct kc_stamps *stamp)
{
	struct pipe_state *s = arg;
	char c = 'x';

	(void)stamp;
	if (write(s->ping[1], &c, 1) != 1)
		return -errno;
	if (read(s->pong[0], &c, 1) != 1)
		return errno ? -errno : -EIO;
	return 0;
}

static void pipe_roundtrip(const struct kc_budget *b, struct kc_point *p)
{
	struct pipe_state s;
	pthread_t t;

	*p = (struct kc_point){ 0 };
	if (pipe(s.ping) != 0)
		return;
	if (pipe(s.pong) != 0) {
		close(s.ping[0]);
		close(s.ping[1]);
		return;
	}
	if (pthread_create(&t, NULL, pipe_echo, &s) == 0) {
		kc_measure(op_pipe, &s, KC_STAMP_DURATION, b, p);
		close(s.ping[1]);	/* the echo thread sees EOF and ends */
		pthread_join(t, NULL);
	}
	close(s.ping[0]);
	close(s.pong[0]);
	close(s.pong[1]);
}

static void sizes_with_64k(const size_t *sizes, size_t n, size_t *out, size_t *nout)
{
	size_t i, k = 0;
	bool has64k = false;

	for (i = 0; i < n && k < KC_MAX_SIZES; i++) {
		if (sizes[i] == 0)
			continue;
		out[k++] = sizes[i];
		has64k |= sizes[i] == 65536;
	}
	if (!has64k && k < KC_MAX_SIZES)
		out[k++] = 65536;
	*nout = k;
}

void kc_emit_baselines(const size_t *sizes, size_t nsizes, const struct kc_budget *b)
{
	size_t msizes[KC_MAX_SIZES], nm, i;
	struct kc_point sys, pipe_p;
	struct kc_json j;

	kc_progress("baseline: null syscall");
	kc_measure(op_getppid, NULL, KC_STAMP_DURATION, b, &sys);
	kc_progress("baseline: pipe round trip");
	pipe_roundtrip(b, &pipe_p);
	sizes_with_64k(sizes, nsizes, msizes, &nm);

	kc_record_begin(&j, "baselines");
	kc_json_obj_begin(&j, "syscallNs");
	kc_json_u64(&j, "p50", sys.lat.p50);
	kc_json_u64(&j, "p99", sys.lat.p99);
	kc_json_obj_end(&j);
	kc_json_arr_begin(&j, "memcpyMBps");
	for (i = 0; i < nm; i++) {
		kc_progress("baseline: memcpy %zu B", msizes[i]);
		kc_json_obj_begin(&j, NULL);
		kc_json_u64(&j, "sizeBytes", msizes[i]);
		kc_json_num(&j, "MBps", memcpy_mbps(msizes[i], b));
		kc_json_obj_end(&j);
	}
	kc_json_arr_end(&j);
	kc_json_obj_begin(&j, "pipeRoundtripNs");
	kc_json_u64(&j, "p50", pipe_p.lat.p50);
	kc_json_u64(&j, "p99", pipe_p.lat.p99);
	kc_json_obj_end(&j);
	kc_record_emit(&j);
	kc_progress("baselines: syscall p50 %llu ns, pipe round trip p50 %llu ns",
		    (unsigned long long)sys.lat.p50, (unsigned long long)pipe_p.lat.p50);
}

void kc_emit_clock(const struct kc_budget *b)
{
	struct kc_point p;
	struct kc_json j;

	kc_measure(NULL, NULL, KC_STAMP_DURATION, b, &p);
	kc_record_begin(&j, "clock");
	kc_json_obj_begin(&j, "overheadNs");
	kc_json_u64(&j, "p50", p.lat.p50);
	kc_json_u64(&j, "p99", p.lat.p99);
	kc_json_obj_end(&j);
	kc_record_emit(&j);
	kc_progress("clock: CLOCK_MONOTONIC read p50 %llu ns, p99 %llu ns", (unsigned long long)p.lat.p50,
		    (unsigned long long)p.lat.p99);
}
