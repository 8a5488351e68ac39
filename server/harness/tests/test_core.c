// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the harness core's pure parts: nearest-rank percentiles, JSON string escaping and number
 * formatting, and the kernel-log classifier. Exit status 1 on any failure.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core.h"

static int failures;

#define EXPECT(cond, ...)                                                     \
	do {                                                                  \
		if (!(cond)) {                                                \
			failures++;                                           \
			printf("FAIL %s:%d: ", __FILE__, __LINE__);           \
			printf(__VA_ARGS__);                                  \
			printf("\n");                                         \
		}                                                             \
	} while (0)

static void test_percentile_nearest_rank(void)
{
	uint64_t ten[10] = { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
	uint64_t one[1] = { 7 };
	uint64_t hundred[100];
	int i;

	for (i = 0; i < 100; i++)
		hundred[i] = (uint64_t)i + 1;
	/* rank = ceil(p/100 * n) */
	EXPECT(kc_percentile(ten, 10, 50) == 50, "p50 of 10..100 = %llu, want 50",
	       (unsigned long long)kc_percentile(ten, 10, 50));
	EXPECT(kc_percentile(ten, 10, 90) == 90, "p90 of 10..100 = %llu, want 90 (no float overshoot)",
	       (unsigned long long)kc_percentile(ten, 10, 90));
	EXPECT(kc_percentile(ten, 10, 99) == 100, "p99 of 10 samples is the max");
	EXPECT(kc_percentile(ten, 10, 51) == 60, "p51 of 10 samples rounds the rank up");
	EXPECT(kc_percentile(ten, 10, 100) == 100, "p100 is the max");
	EXPECT(kc_percentile(ten, 10, 0) == 10, "p0 is the min");
	EXPECT(kc_percentile(one, 1, 50) == 7, "a single sample is every percentile");
	EXPECT(kc_percentile(NULL, 0, 50) == 0, "no samples gives 0");
	EXPECT(kc_percentile(hundred, 100, 99) == 99, "p99 of 1..100 = %llu, want 99",
	       (unsigned long long)kc_percentile(hundred, 100, 99));
}

static void test_latency_summary_sorts(void)
{
	uint64_t v[5] = { 500, 100, 400, 200, 300 };
	struct kc_latency l;

	kc_latency_summary(v, 5, &l);
	EXPECT(l.p50 == 300 && l.p90 == 500 && l.max == 500, "summary of unsorted input: p50 %llu p90 %llu max %llu",
	       (unsigned long long)l.p50, (unsigned long long)l.p90, (unsigned long long)l.max);
	EXPECT(l.mean == 300.0, "mean %f, want 300", l.mean);
	kc_latency_summary(v, 0, &l);
	EXPECT(l.p50 == 0 && l.max == 0 && l.mean == 0, "empty summary is all zero");
}

static void expect_escape(const char *in, const char *want)
{
	struct kc_json j;

	kc_json_init(&j);
	kc_json_escape(&j, in);
	EXPECT(j.buf && strcmp(j.buf, want) == 0, "escape: got %s, want %s", j.buf ? j.buf : "(null)", want);
	kc_json_free(&j);
}

static void test_json_escaping(void)
{
	expect_escape("plain", "\"plain\"");
	expect_escape("a\"b\\c", "\"a\\\"b\\\\c\"");
	expect_escape("line\nnext\ttab\rcr", "\"line\\nnext\\ttab\\rcr\"");
	expect_escape("\x01\x1f", "\"\\u0001\\u001f\"");
	expect_escape("caf\xc3\xa9 \xe2\x82\xac", "\"caf\xc3\xa9 \xe2\x82\xac\"");	/* valid UTF-8 kept */
	expect_escape("bad\xff" "byte", "\"bad\\ufffdbyte\"");		/* invalid byte replaced */
	expect_escape("cut\xe2\x82", "\"cut\\ufffd\\ufffd\"");		/* truncated sequence */
	expect_escape("\xc0\xaf", "\"\\ufffd\\ufffd\"");		/* overlong encoding */
	expect_escape("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");	/* UTF-16 surrogate */
	expect_escape("", "\"\"");
}

static void test_json_record_shape(void)
{
	struct kc_json j;
	const char *want = "{\"a\":1,\"b\":[\"x\",{\"c\":true}],\"d\":0,\"e\":2.5,\"f\":null}";

	kc_json_init(&j);
	kc_json_obj_begin(&j, NULL);
	kc_json_u64(&j, "a", 1);
	kc_json_arr_begin(&j, "b");
	kc_json_str(&j, NULL, "x");
	kc_json_obj_begin(&j, NULL);
	kc_json_bool(&j, "c", true);
	kc_json_obj_end(&j);
	kc_json_arr_end(&j);
	kc_json_num(&j, "d", 0.0 / 0.0);	/* NaN must not reach the output */
	kc_json_num(&j, "e", 2.5);
	kc_json_null(&j, "f");
	kc_json_obj_end(&j);
	EXPECT(j.buf && strcmp(j.buf, want) == 0, "record: got %s, want %s", j.buf ? j.buf : "(null)", want);
	kc_json_free(&j);
}

static void test_kmsg_classifier(void)
{
	EXPECT(kc_kmsg_line_is_bad("<4>[   12.3] WARNING: CPU: 0 PID: 1 at foo.c:12 bar+0x1/0x2"), "WARNING line");
	EXPECT(kc_kmsg_line_is_bad("<1>[    1.0] BUG: kernel NULL pointer dereference"), "BUG line");
	EXPECT(kc_kmsg_line_is_bad("<4>[    1.0] Oops: 0002 [#1] PREEMPT SMP"), "Oops line");
	EXPECT(kc_kmsg_line_is_bad("<3>[  120.0] INFO: task kworker/0:1:42 blocked for more than 120 seconds."),
	       "hung task line");
	EXPECT(kc_kmsg_line_is_bad("refcount_t: underflow; use-after-free."), "refcount line");
	EXPECT(!kc_kmsg_line_is_bad("<6>[    0.0] Booting paravirtualized kernel on KVM"), "ordinary line");
	EXPECT(!kc_kmsg_line_is_bad("<7>[    0.1] DEBUG_BUGVERBOSE enabled"), "BUG inside a word is not a bug");
	EXPECT(!kc_kmsg_line_is_bad("<6>[    0.2] kcomm-harness mark 12.345"), "the harness's own marker");
}

static void test_ratio_interval(void)
{
	double r20[20], r5[5] = { 1, 1, 1, 1, 1 };
	struct kc_ratio out;
	int i;

	/* n = 20: P(Binomial(20, 1/2) < 6) = 2.07% <= 2.5% < P(X < 7): ranks 6 and 15. */
	for (i = 0; i < 20; i++)
		r20[i] = (double)(20 - i);	/* 20..1, unsorted on purpose */
	kc_ratio_summary(r20, 20, &out);
	EXPECT(out.median == 10.5, "median of 1..20 = %g, want 10.5", out.median);
	EXPECT(out.lo == 6 && out.hi == 15, "95%% interval of 1..20 = [%g, %g], want [6, 15]", out.lo, out.hi);
	EXPECT(out.unstable, "[6, 15] around 10.5 is wider than +-10%%");
	for (i = 0; i < 20; i++)
		r20[i] = 2.0 + (double)i * 0.001;
	kc_ratio_summary(r20, 20, &out);
	EXPECT(!out.unstable && out.instability < 0.01, "a tight interval is stable (%g)", out.instability);
	kc_ratio_summary(r5, 5, &out);
	EXPECT(out.unstable, "5 blocks give no 95%% interval: unstable");
}

static void test_fill_verify(void)
{
	unsigned char buf[100];
	uint64_t got;

	kc_fill(buf, sizeof(buf), 7);
	EXPECT(kc_verify(buf, sizeof(buf), 7, &got) == 0 && got == 7, "a filled message verifies");
	EXPECT(kc_verify(buf, sizeof(buf), 8, &got) == -ESTALE && got == 7, "another intact message is ESTALE");
	buf[99] ^= 1;
	EXPECT(kc_verify(buf, sizeof(buf), 7, &got) == -EBADMSG, "a flipped last byte is EBADMSG");
	kc_fill(buf, 5, 3);
	EXPECT(kc_verify(buf, 5, 3, &got) == 0, "a message shorter than its number still verifies");
	EXPECT(kc_checksum(buf, 5) != kc_checksum(buf, 4), "the checksum reads every byte");
}

int main(void)
{
	test_ratio_interval();
	test_fill_verify();
	test_percentile_nearest_rank();
	test_latency_summary_sorts();
	test_json_escaping();
	test_json_record_shape();
	test_kmsg_classifier();
	if (failures) {
		printf("%d check(s) failed\n", failures);
		return 1;
	}
	printf("all checks passed\n");
	return 0;
}
