// SPDX-License-Identifier: GPL-2.0
/*
 * `run`: the benchmark. Host, plan, baselines and clock first, then every selected backend: load its
 * module, open, and for each pattern it supports and each profile size it carries, measure one point
 * (point.c) and report it (report.c). Nothing a backend or module does wrong stops the run: it becomes a
 * note and error-marked results.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core.h"

static const enum kc_pattern pattern_order[] = { KC_ROUNDTRIP, KC_U2K, KC_K2U, KC_NOTIFY };

struct run {
	const struct kc_profile *prof;
	struct kc_budget budget;
	const size_t *sizes;
	size_t nsizes;
	const char *methods;
	uint64_t points;
	uint64_t *done;		/* points finished, in shared memory: backends run in child processes */
	uint64_t started_ns;
	struct kc_point_env env;
	struct kc_paired paired;
};

static bool backend_in_profile(const struct kc_backend *be, const struct kc_profile *prof)
{
	return be->stock ? prof->stock : prof->modules;
}

static bool size_fits(const struct kc_backend *be, size_t size)
{
	return size >= be->min_size && size <= kc_backend_max_size(be);
}

uint64_t kc_for_each_point(const struct kc_backend *be, const size_t *sizes, size_t nsizes, kc_point_fn fn,
			   void *arg)
{
	uint64_t n = 0;
	size_t i, k;

	for (i = 0; i < sizeof(pattern_order) / sizeof(pattern_order[0]); i++) {
		enum kc_pattern pat = pattern_order[i];

		if (!(be->patterns & pat))
			continue;
		if (pat == KC_NOTIFY) {
			if (fn)
				fn(arg, n, pat, 0);
			n++;
			continue;
		}
		for (k = 0; k < nsizes; k++) {
			if (!size_fits(be, sizes[k]))
				continue;
			if (fn)
				fn(arg, n, pat, sizes[k]);
			n++;
		}
	}
	return n;
}

/* A point that could not be measured still appears, with no samples and the failure counted. */
static void error_point(struct run *r, const struct kc_backend *be, enum kc_pattern pat, size_t size)
{
	struct kc_result o = { .p = { .errors = 1 }, .ratio = { .unstable = true } };

	kc_report_result(be, pat, size, &o);
	(*r->done)++;
}

struct error_points {
	struct run *r;
	const struct kc_backend *be;
	uint64_t skip;
};

static void error_points_fn(void *arg, uint64_t n, enum kc_pattern pat, size_t size)
{
	struct error_points *e = arg;

	if (n >= e->skip)
		error_point(e->r, e->be, pat, size);
}

/* Error-marks the backend's points after the first skip ones (those were measured). */
static void error_points(struct run *r, const struct kc_backend *be, uint64_t skip)
{
	struct error_points e = { r, be, skip };

	kc_for_each_point(be, r->sizes, r->nsizes, error_points_fn, &e);
}

static void note_skipped_sizes(const struct run *r, const struct kc_backend *be, const char *id)
{
	char list[256] = "";
	size_t k, used = 0;

	if (!(be->patterns & ~KC_NOTIFY))
		return;
	for (k = 0; k < r->nsizes; k++) {
		if (size_fits(be, r->sizes[k]) || used >= sizeof(list) - 24)
			continue;
		used += (size_t)snprintf(list + used, sizeof(list) - used, "%s%zu", used ? ", " : "", r->sizes[k]);
	}
	if (used)
		kc_note("%s: sizes %s B not measured: carries %zu to %zu B%s%s", id, list, be->min_size,
			kc_backend_max_size(be), be->limit_note ? ": " : "", be->limit_note ? be->limit_note : "");
}

struct backend_job {
	struct run *r;
	const struct kc_backend *be;
	const char *id;
	struct kc_ctx *c;
};

static void measure_point(void *arg, uint64_t n, enum kc_pattern pat, size_t size)
{
	struct backend_job *job = arg;
	struct run *r = job->r;
	struct kc_result o = { 0 };

	(void)n;
	if (kc_measure_point(&r->env, job->c, job->id, pat, size, &o) < 0) {
		error_point(r, job->be, pat, size);
		return;
	}
	kc_report_result(job->be, pat, size, &o);
	(*r->done)++;
	kc_report_progress(*r->done, r->points, r->started_ns, job->id, pat, size, &o);
	kc_report_point_notes(job->id, pat, size, &o, &r->paired);
}

/* Runs in the backend's own process: open, every point, close. */
static void backend_job(void *arg)
{
	struct backend_job *job = arg;
	const struct kc_backend *be = job->be;
	struct kc_ctx c = { .be = be };
	int rc;

	rc = be->open ? be->open(&c) : 0;
	if (rc < 0) {
		kc_note("%s: open failed: %s", job->id, strerror(-rc));
		error_points(job->r, be, 0);
		return;
	}
	job->c = &c;
	kc_for_each_point(be, job->r->sizes, job->r->nsizes, measure_point, job);
	if (be->close)
		be->close(&c);
}

static void run_backend(struct run *r, const struct kc_backend *be)
{
	char id[128];
	struct backend_job job = { r, be, id, NULL };
	bool loaded = false;
	uint64_t before = *r->done;
	int rc;

	kc_backend_id(be, id, sizeof(id));
	kc_report_phase(be);
	kc_progress("== %s", id);
	note_skipped_sizes(r, be, id);

	if (be->module) {
		rc = kc_module_load(be->module);
		if (rc == -EEXIST) {
			kc_note("%s: module %s was already loaded (left over?); measuring it as it is", id, be->module);
			rc = 0;
		}
		if (rc < 0) {
			kc_note("%s: loading %s/%s.ko failed: %s", id, kc_module_dir(), be->module, strerror(-rc));
			error_points(r, be, 0);
			return;
		}
		loaded = true;
	}
	rc = kc_isolated(backend_job, &job);
	if (rc != 0) {
		uint64_t measured = *r->done - before;

		if (rc > 0)
			kc_note("%s: the backend process died of %s after %llu points; the rest are error-marked", id,
				strsignal(rc), (unsigned long long)measured);
		else
			kc_note("%s: the backend process failed (%s) after %llu points", id, strerror(-rc),
				(unsigned long long)measured);
		error_points(r, be, measured);
	}
	if (loaded) {
		rc = kc_module_unload(be->module);
		if (rc < 0)
			kc_note("%s: unloading %s failed: %s", id, be->module, strerror(-rc));
	}
}

int kc_cmd_run(const struct kc_opts *o)
{
	struct run r = { 0 };
	uint64_t start = kc_now_ns();
	size_t i, selected = 0;
	int rc;

	r.prof = kc_profile_find(o->profile ? o->profile : "quick");
	if (!r.prof) {
		fprintf(stderr, "kcomm-harness: unknown profile '%s' (quick, full, stock)\n", o->profile);
		return 2;
	}
	r.budget = r.prof->budget;
	r.paired = r.prof->paired;
	if (o->samples) {
		/* An explicit count: that many samples per side, in the profile's number of blocks. */
		r.paired.block_samples = (o->samples + r.paired.blocks - 1) / r.paired.blocks;
		r.paired.block_cap_ns *= r.paired.block_samples / r.prof->paired.block_samples + 1;
	}
	r.env.budget = &r.budget;
	r.env.paired = &r.paired;
	r.sizes = o->nsizes ? o->sizes : r.prof->sizes;
	r.nsizes = o->nsizes ? o->nsizes : r.prof->nsizes;
	r.methods = o->methods;
	r.done = kc_shared_alloc(sizeof(*r.done));
	if (!r.done) {
		perror("kcomm-harness: shared memory");
		return 1;
	}
	kc_module_set_dir(o->module_dir);
	r.env.buf = mmap(NULL, KC_MAX_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r.env.buf == MAP_FAILED) {
		perror("kcomm-harness: mmap");
		return 1;
	}
	memset(r.env.buf, 0x6b, KC_MAX_SIZE);
	r.env.ref_src = malloc(KC_MAX_SIZE);
	r.env.ref_dst = malloc(KC_MAX_SIZE);
	if (!r.env.ref_src || !r.env.ref_dst) {
		perror("kcomm-harness: reference buffers");
		return 1;
	}
	memset(r.env.ref_dst, 0xa5, KC_MAX_SIZE);
	rc = kc_out_open(o->out);
	if (rc < 0) {
		fprintf(stderr, "kcomm-harness: cannot open %s: %s\n", o->out, strerror(-rc));
		return 1;
	}
	kc_watchdog_start();
	if (r.prof->modules)
		kc_kmsg_mark();

	for (i = 0; i < kc_backend_count(); i++) {
		const struct kc_backend *be = kc_backend_at(i);

		if (backend_in_profile(be, r.prof) && kc_backend_selected(be, r.methods)) {
			r.points += kc_for_each_point(be, r.sizes, r.nsizes, NULL, NULL);
			selected++;
		}
	}
	kc_emit_host();
	kc_report_plan(r.prof, &r.paired, r.points);
	kc_emit_baselines(r.sizes, r.nsizes, &r.budget);
	kc_emit_clock(&r.budget);
	if (selected == 0)
		kc_note("no backend matches profile %s%s%s", r.prof->name, r.methods ? " and --methods " : "",
			r.methods ? r.methods : "");

	r.started_ns = kc_now_ns();
	for (i = 0; i < kc_backend_count(); i++) {
		const struct kc_backend *be = kc_backend_at(i);

		if (backend_in_profile(be, r.prof) && kc_backend_selected(be, r.methods))
			run_backend(&r, be);
	}
	if (r.prof->modules)
		kc_kmsg_check(false);

	kc_report_done(kc_out_failures == 0, kc_now_ns() - start);
	kc_out_close();
	munmap(r.env.buf, KC_MAX_SIZE);
	free(r.env.ref_src);
	free(r.env.ref_dst);
	kc_shared_free(r.done, sizeof(*r.done));
	return kc_out_failures == 0 ? 0 : 1;
}
