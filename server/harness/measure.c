// SPDX-License-Identifier: GPL-2.0
/*
 * The timing loop: every method, baseline and the clock overhead are measured by kc_measure(), so they
 * are comparable. Each sample is bracketed by two CLOCK_MONOTONIC reads; nothing is subtracted (the clock
 * record reports what a read costs). Throughput is samples over the wall time of the measured loop,
 * so it includes the clock reads and the loop's own bookkeeping, as a real caller's loop would.
 */
#include <errno.h>
#include <stdlib.h>
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

static void warm_up(kc_op_fn op, void *arg, const struct kc_budget *b)
{
	uint64_t start = kc_now_ns(), stamp, i;

	if (!op)
		return;
	for (i = 0; i < b->warmup_ops; i++) {
		op(arg, &stamp);
		kc_watchdog_beat();
		if (kc_now_ns() - start >= b->warmup_ns)
			break;
	}
}

void kc_measure(kc_op_fn op, void *arg, enum kc_stamp_mode mode, const struct kc_budget *b,
		struct kc_point *out)
{
	uint64_t max = b->target_samples ? b->target_samples : 1;
	uint64_t *v = malloc(max * sizeof(*v));
	uint64_t start, t0, t1 = 0, n = 0, consecutive = 0;

	*out = (struct kc_point){ 0 };
	if (!v) {
		out->errors = 1;
		out->first_error = -ENOMEM;
		out->aborted = true;
		return;
	}
	warm_up(op, arg, b);
	start = kc_now_ns();
	while (n < max) {
		uint64_t stamp = 0;
		int rc = 0;

		t0 = kc_now_ns();
		if (op)
			rc = op(arg, &stamp);
		t1 = kc_now_ns();
		kc_watchdog_beat();
		if (rc == 0 && mode == KC_STAMP_KERNEL && (stamp == 0 || stamp > t1)) {
			/* Same clock on both sides, so a stamp from the future is a backend bug. */
			out->bad_stamps = true;
			rc = -ERANGE;
		}
		if (rc < 0) {
			if (!out->first_error)
				out->first_error = rc;
			out->errors++;
			if (++consecutive >= KC_MAX_CONSECUTIVE_ERRORS || out->errors >= KC_MAX_ERRORS) {
				out->aborted = true;
				break;
			}
		} else {
			consecutive = 0;
			v[n++] = mode == KC_STAMP_KERNEL ? t1 - stamp : t1 - t0;
		}
		if (b->budget_ns && n >= b->min_samples && t1 - start >= b->budget_ns)
			break;
		if (b->cap_ns && t1 - start >= b->cap_ns) {
			out->capped = b->budget_ns ? n < b->min_samples : n < max;
			break;
		}
	}
	out->loop_ns = t1 > start ? t1 - start : 0;
	out->samples = n;
	kc_latency_summary(v, n, &out->lat);
	free(v);
}

double kc_point_msgs_per_sec(const struct kc_point *p)
{
	if (p->loop_ns == 0)
		return 0;
	return (double)p->samples * 1e9 / (double)p->loop_ns;
}
