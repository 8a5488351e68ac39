// SPDX-License-Identifier: GPL-2.0
/*
 * The run profiles: which backends a run measures, at which sizes, and how many samples a point takes.
 * The same table is in server/src/bench/profiles.ts; `kcomm-harness profiles` prints this one and
 * test/unit/bench-profiles.test.ts holds the two equal.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"

/*
 * quick and full also run the stock backends: a VM dataset and a native stock dataset then share points
 * the app can set side by side (same method, variant, pattern and size), and a module's cost can be read
 * against the kernel's own path for the same method in the same run (e.g. an ioctl on /dev/urandom).
 *
 * Every point is 20 blocks of the method interleaved A-B-B-A with 20 of its reference (kc_measure_paired).
 * quick: 10 samples a block (200 a side). full and stock: 25 and 50 a block; a block stops at its time
 * cap (in icount mode, guest instructions), and a point that hit it says so in a note. budget: the
 * baselines, and the warm-up of each point.
 */
static const struct kc_profile profiles[] = {
	{ "quick", true, true, { 8, 512, 4096, 65536 }, 4,
	  { .target_samples = 100000, .min_samples = 200, .budget_ns = 150 * KC_MS, .cap_ns = 1500 * KC_MS,
	    .warmup_ops = 50, .warmup_ns = 20 * KC_MS },
	  { .blocks = 20, .block_samples = 10, .block_cap_ns = 100 * KC_MS } },
	{ "full", true, true,
	  { 8, 32, 128, 512, 2048, 8192, 32768, 65536, 131072, 524288, 1048576 }, 11,
	  { .target_samples = 2000, .cap_ns = 300 * KC_MS, .warmup_ops = 200, .warmup_ns = 100 * KC_MS },
	  { .blocks = 20, .block_samples = 25, .block_cap_ns = 20 * KC_MS } },
	{ "stock", false, true, { 8, 32, 128, 512, 2048, 8192, 65536 }, 7,
	  { .target_samples = 10000, .cap_ns = 1500 * KC_MS, .warmup_ops = 200, .warmup_ns = 50 * KC_MS },
	  { .blocks = 20, .block_samples = 50, .block_cap_ns = 150 * KC_MS } },
};

const struct kc_profile *kc_profile_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (strcmp(profiles[i].name, name) == 0)
			return &profiles[i];
	return NULL;
}

/* `kcomm-harness profiles`: the table above, one JSON line per profile. */
int kc_cmd_profiles(void)
{
	size_t i, k;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
		const struct kc_profile *p = &profiles[i];
		struct kc_json j;

		kc_json_init(&j);
		kc_json_obj_begin(&j, NULL);
		kc_json_str(&j, "name", p->name);
		kc_json_bool(&j, "modules", p->modules);
		kc_json_bool(&j, "stock", p->stock);
		kc_json_arr_begin(&j, "sizes");
		for (k = 0; k < p->nsizes; k++)
			kc_json_u64(&j, NULL, p->sizes[k]);
		kc_json_arr_end(&j);
		kc_json_u64(&j, "blocks", p->paired.blocks);
		kc_json_u64(&j, "blockSamples", p->paired.block_samples);
		kc_json_u64(&j, "blockCapMs", p->paired.block_cap_ns / KC_MS);
		kc_json_obj_end(&j);
		if (!j.oom)
			printf("%s\n", j.buf);
		kc_json_free(&j);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
