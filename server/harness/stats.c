// SPDX-License-Identifier: GPL-2.0
/*
 * Percentiles by the nearest-rank method: of n ascending samples, percentile p is the sample at rank
 * ceil(p/100 * n) (1-based). It always returns a value that was measured (no interpolation), p100 is the
 * maximum, and with few samples the high percentiles honestly collapse onto the maximum.
 */
#include <math.h>
#include <stdlib.h>

#include "core.h"

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

uint64_t kc_percentile(const uint64_t *sorted, size_t n, double p)
{
	size_t rank;

	if (n == 0)
		return 0;
	if (p <= 0)
		return sorted[0];
	/* ceil() of a product that should be an integer can land one above it (0.9 * 10 = 9.000000000000002). */
	rank = (size_t)ceil(p / 100.0 * (double)n - 1e-9);
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return sorted[rank - 1];
}

void kc_latency_summary(uint64_t *v, size_t n, struct kc_latency *out)
{
	long double sum = 0;
	size_t i;

	*out = (struct kc_latency){ 0 };
	if (n == 0)
		return;
	qsort(v, n, sizeof(*v), cmp_u64);
	for (i = 0; i < n; i++)
		sum += v[i];
	out->p50 = kc_percentile(v, n, 50);
	out->p90 = kc_percentile(v, n, 90);
	out->p99 = kc_percentile(v, n, 99);
	out->max = v[n - 1];
	out->mean = (double)(sum / n);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double kc_median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The largest k with P(Binomial(n, 1/2) < k) <= 2.5%; 0 when even k = 1 exceeds it (n < 6). */
static size_t ci_rank(size_t n)
{
	double term = ldexp(1.0, -(int)n), cdf = 0;	/* P(X = 0) = 2^-n */
	size_t k = 0;

	while (k < n) {
		cdf += term;	/* P(X <= k) = P(X < k + 1) */
		if (cdf > 0.025)
			break;
		term = term * (double)(n - k) / (double)(k + 1);
		k++;
	}
	return k;
}

void kc_ratio_summary(double *ratios, size_t n, struct kc_ratio *out)
{
	size_t k;

	*out = (struct kc_ratio){ .blocks = (unsigned int)n, .unstable = true };
	if (n == 0)
		return;
	out->median = kc_median(ratios, n);	/* sorts */
	k = ci_rank(n);
	out->lo = ratios[k ? k - 1 : 0];
	out->hi = ratios[k ? n - k : n - 1];
	if (out->median > 0)
		out->instability = (out->hi - out->lo) / (2 * out->median);
	out->unstable = k == 0 || out->lo < out->median * (1 - KC_UNSTABLE) ||
			out->hi > out->median * (1 + KC_UNSTABLE);
}
