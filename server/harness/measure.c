// SPDX-License-Identifier: GPL-2.0
/*
 * The timing loop: every method, baseline and the clock overhead are measured by take_sample(), so they
 * are comparable; kc_measure() runs one side, kc_measure_paired() a method interleaved with its reference. Each sample is bracketed by two CLOCK_MONOTONIC reads; nothing is subtracted (the clock
 * record reports what a read costs). Throughput is samples over the wall time of the measured loop,
 * so it includes the clock reads and the loop's own bookkeeping, as a real caller's loop would.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"

/* Stop a point that keeps failing: these many failures in a row, or in all. */
#define KC_MAX_CONSECUTIVE_ERRORS 20
#define KC_MAX_ERRORS 1000

uint64_t kc_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void kc_warm_up(kc_op_fn op, void *arg, const struct kc_budget *b)
{
	uint64_t start = kc_now_ns(), i;
	struct kc_stamps st;

	if (!op)
		return;
	for (i = 0; i < b->warmup_ops; i++) {
		st = (struct kc_stamps){ 0 };
		op(arg, &st);
		kc_watchdog_beat();
		if (kc_now_ns() - start >= b->warmup_ns)
			break;
	}
}

/* One side of a measurement: its op, its samples so far and its bookkeeping. */
struct side {
	kc_op_fn op;
	void *arg;
	enum kc_stamp_mode mode;
	uint64_t *v;		/* latencies */
	uint64_t *d;		/* durations (clock after - clock before) */
	uint64_t n, max, consecutive;
	struct kc_point *p;
};

/* One operation. 1: a sample was taken; 0: it failed (counted); -1: too many failures, stop. */
static int take_sample(struct side *s, uint64_t *t_end)
{
	struct kc_stamps st = { 0 };
	uint64_t t0, t1, begin, end;
	int rc = 0;

	t0 = kc_now_ns();
	if (s->op)
		rc = s->op(s->arg, &st);
	t1 = kc_now_ns();
	*t_end = t1;
	kc_watchdog_beat();
	/* A notify op says when its wait call began and returned; otherwise the op's own bounds. */
	begin = st.wait ? st.wait : t0;
	end = st.woke ? st.woke : t1;
	if (s->mode == KC_STAMP_WAKE && !st.wait)
		s->p->unmarked_wait = true;
	if (rc == 0 && s->mode != KC_STAMP_DURATION &&
	    (st.kernel == 0 || st.kernel > end || begin < t0 || end > t1 || begin > end)) {
		/* Same clock on both sides, so a stamp from the future is a backend bug. */
		s->p->bad_stamps = true;
		rc = -ERANGE;
	}
	if (rc == 0 && s->mode == KC_STAMP_WAKE && st.kernel < begin) {
		/* Fired before the wait call began: the waiter was not asleep, no wake-up was measured. */
		s->p->stale++;
		rc = -ESTALE;
	}
	if (rc < 0) {
		if (!s->p->first_error)
			s->p->first_error = rc;
		s->p->errors++;
		if (++s->consecutive >= KC_MAX_CONSECUTIVE_ERRORS || s->p->errors >= KC_MAX_ERRORS) {
			s->p->aborted = true;
			return -1;
		}
		return 0;
	}
	s->consecutive = 0;
	if (s->n < s->max) {
		s->v[s->n] = s->mode == KC_STAMP_DURATION ? t1 - t0 : end - st.kernel;
		s->d[s->n] = t1 - t0;
		s->n++;
	}
	return 1;
}

static int side_init(struct side *s, kc_op_fn op, void *arg, enum kc_stamp_mode mode, uint64_t max,
		     struct kc_point *p)
{
	*p = (struct kc_point){ 0 };
	*s = (struct side){ .op = op, .arg = arg, .mode = mode, .max = max ? max : 1, .p = p };
	s->v = malloc(s->max * sizeof(*s->v));
	s->d = malloc(s->max * sizeof(*s->d));
	if (!s->v || !s->d) {
		free(s->v);
		free(s->d);
		p->errors = 1;
		p->first_error = -ENOMEM;
		p->aborted = true;
		return -ENOMEM;
	}
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t median_u64(uint64_t *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_u64);
	return v[(n - 1) / 2];
}

static void side_finish(struct side *s)
{
	s->p->samples = s->n;
	s->p->dur_p50 = median_u64(s->d, s->n);
	kc_latency_summary(s->v, s->n, &s->p->lat);
	free(s->v);
	free(s->d);
}

void kc_measure(kc_op_fn op, void *arg, enum kc_stamp_mode mode, const struct kc_budget *b,
		struct kc_point *out)
{
	uint64_t start, t1 = 0;
	struct side s;

	if (side_init(&s, op, arg, mode, b->target_samples, out) < 0)
		return;
	kc_warm_up(op, arg, b);
	start = kc_now_ns();
	while (s.n < s.max) {
		if (take_sample(&s, &t1) < 0)
			break;
		if (b->budget_ns && s.n >= b->min_samples && t1 - start >= b->budget_ns)
			break;
		if (b->cap_ns && t1 - start >= b->cap_ns) {
			out->capped = b->budget_ns ? s.n < b->min_samples : s.n < s.max;
			break;
		}
	}
	out->loop_ns = t1 > start ? t1 - start : 0;
	side_finish(&s);
}

/*
 * One block of up to count samples; in *median the median duration of one op (for KC_STAMP_WAKE: of the
 * latency, stamp to wake-up), 0 if it took none. -1: stop.
 */
static int run_block(struct side *s, uint64_t count, uint64_t cap_ns, double *median)
{
	uint64_t first = s->n, start = kc_now_ns(), t1 = start, i, *tmp;
	int rc = 0;

	for (i = 0; i < count && s->n < s->max; i++) {
		rc = take_sample(s, &t1);
		if (rc < 0)
			break;
		if (cap_ns && t1 - start >= cap_ns) {
			s->p->capped = true;
			break;
		}
	}
	s->p->loop_ns += t1 - start;
	*median = 0;
	if (s->n > first) {
		tmp = malloc((s->n - first) * sizeof(*tmp));
		if (tmp) {
			/* A wake-up is compared by its latency, everything else by what one message costs. */
			memcpy(tmp, (s->mode == KC_STAMP_WAKE ? s->v : s->d) + first, (s->n - first) * sizeof(*tmp));
			*median = (double)median_u64(tmp, s->n - first);
			free(tmp);
		}
	}
	return rc < 0 ? -1 : 0;
}

void kc_measure_paired(kc_op_fn op, void *arg, enum kc_stamp_mode mode, kc_op_fn ref, void *ref_arg,
		       const struct kc_paired *pp, struct kc_point *out, struct kc_point *ref_out,
		       struct kc_ratio *ratio)
{
	uint64_t total = (uint64_t)pp->blocks * pp->block_samples;
	double *ratios = calloc(pp->blocks ? pp->blocks : 1, sizeof(*ratios));
	struct side a, b;
	unsigned int i, nr = 0;
	double ma, mb;

	*ratio = (struct kc_ratio){ .unstable = true };
	if (side_init(&a, op, arg, mode, total, out) < 0) {
		*ref_out = (struct kc_point){ 0 };
		free(ratios);
		return;
	}
	if (side_init(&b, ref, ref_arg, KC_STAMP_DURATION, total, ref_out) < 0 || !ratios) {
		side_finish(&a);
		free(ratios);
		return;
	}
	/* A B B A: each pair of blocks is adjacent in time, and each side goes first as often as second. */
	for (i = 0; i < pp->blocks; i++) {
		bool a_first = i % 2 == 0;

		if (a_first) {
			if (run_block(&a, pp->block_samples, pp->block_cap_ns, &ma) < 0 ||
			    run_block(&b, pp->block_samples, pp->block_cap_ns, &mb) < 0)
				break;
		} else {
			if (run_block(&b, pp->block_samples, pp->block_cap_ns, &mb) < 0 ||
			    run_block(&a, pp->block_samples, pp->block_cap_ns, &ma) < 0)
				break;
		}
		if (ma > 0 && mb > 0)
			ratios[nr++] = ma / mb;
	}
	kc_ratio_summary(ratios, nr, ratio);
	free(ratios);
	side_finish(&a);
	side_finish(&b);
}

double kc_point_msgs_per_sec(const struct kc_point *p)
{
	if (p->loop_ns == 0)
		return 0;
	return (double)p->samples * 1e9 / (double)p->loop_ns;
}
