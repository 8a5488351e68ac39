// SPDX-License-Identifier: GPL-2.0
/*
 * `run`: the benchmark. Host, plan, baselines and clock first, then every selected backend: load its
 * module, open, and for each pattern it supports and each profile size it carries, measure one point.
 * Nothing a backend or module does wrong stops the run: it becomes a note and error-marked results.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core.h"

struct profile {
	const char *name;
	bool modules;		/* runs the module backends */
	bool stock;		/* runs the stock backends (no module needed) */
	size_t sizes[KC_MAX_SIZES];
	size_t nsizes;
	struct kc_budget budget;
	uint64_t samples_per_point;	/* what the plan record says */
};

#define MS 1000000ull

/*
 * quick and full also run the stock backends: a VM dataset and a native stock dataset then share points
 * the app can set side by side (same method, variant, pattern and size), and a module's cost can be read
 * against the kernel's own path for the same method in the same run (e.g. an ioctl on /dev/urandom).
 *
 * quick: a time budget per point (150 ms, at least 200 samples) so ~15 backends stay under two minutes
 * in a TCG VM. full: 10 000 samples per point, but at most 1.5 s each so the whole run stays under
 * 20 minutes in the VM; a point that hit the cap says so in a note and carries its real sample count.
 */
static const struct profile profiles[] = {
	{ "quick", true, true, { 8, 512, 4096, 65536 }, 4,
	  { .target_samples = 100000, .min_samples = 200, .budget_ns = 150 * MS, .cap_ns = 1500 * MS,
	    .warmup_ops = 50, .warmup_ns = 20 * MS },
	  200 },
	{ "full", true, true,
	  { 8, 32, 128, 512, 2048, 8192, 32768, 65536, 131072, 524288, 1048576 }, 11,
	  { .target_samples = 10000, .cap_ns = 1500 * MS, .warmup_ops = 200, .warmup_ns = 100 * MS },
	  10000 },
	{ "stock", false, true, { 8, 32, 128, 512, 2048, 8192, 65536 }, 7,
	  { .target_samples = 10000, .cap_ns = 1500 * MS, .warmup_ops = 200, .warmup_ns = 50 * MS },
	  10000 },
};

static const enum kc_pattern pattern_order[] = { KC_ROUNDTRIP, KC_U2K, KC_K2U, KC_NOTIFY };

struct run {
	const struct profile *prof;
	struct kc_budget budget;
	const size_t *sizes;
	size_t nsizes;
	const char *methods;
	uint64_t points;
	uint64_t *done;		/* points finished, in shared memory: backends run in child processes */
	uint64_t started_ns;
	void *buf;
};

static bool backend_in_profile(const struct kc_backend *be, const struct profile *prof)
{
	return be->stock ? prof->stock : prof->modules;
}

static bool size_fits(const struct kc_backend *be, size_t size)
{
	return size >= be->min_size && size <= kc_backend_max_size(be);
}

/* Number of points one backend contributes: notify once, other patterns once per size that fits. */
static uint64_t backend_points(const struct run *r, const struct kc_backend *be)
{
	uint64_t n = 0;
	size_t i, k;

	for (i = 0; i < sizeof(pattern_order) / sizeof(pattern_order[0]); i++) {
		if (!(be->patterns & pattern_order[i]))
			continue;
		if (pattern_order[i] == KC_NOTIFY) {
			n++;
			continue;
		}
		for (k = 0; k < r->nsizes; k++)
			n += size_fits(be, r->sizes[k]);
	}
	return n;
}

struct op_arg {
	struct kc_ctx *c;
	void *buf;
};

static int op_roundtrip(void *arg, uint64_t *stamp)
{
	struct op_arg *a = arg;

	(void)stamp;
	return a->c->be->roundtrip(a->c, a->buf);
}

static int op_send(void *arg, uint64_t *stamp)
{
	struct op_arg *a = arg;

	(void)stamp;
	return a->c->be->send(a->c, a->buf);
}

static int op_recv(void *arg, uint64_t *stamp)
{
	struct op_arg *a = arg;

	return a->c->be->recv(a->c, a->buf, stamp);
}

static int op_notify(void *arg, uint64_t *stamp)
{
	struct op_arg *a = arg;

	return a->c->be->notify(a->c, stamp);
}

static void emit_result(const struct kc_backend *be, enum kc_pattern pat, size_t size, const struct kc_point *p)
{
	double mps = kc_point_msgs_per_sec(p);
	struct kc_json j;

	kc_record_begin(&j, "result");
	kc_json_str(&j, "method", be->method);
	kc_json_str(&j, "variant", be->variant ? be->variant : "");
	kc_json_str(&j, "pattern", kc_pattern_name(pat));
	kc_json_u64(&j, "sizeBytes", size);
	kc_json_obj_begin(&j, "latencyNs");
	kc_json_u64(&j, "p50", p->lat.p50);
	kc_json_u64(&j, "p90", p->lat.p90);
	kc_json_u64(&j, "p99", p->lat.p99);
	kc_json_u64(&j, "max", p->lat.max);
	kc_json_num(&j, "mean", p->lat.mean);
	kc_json_obj_end(&j);
	kc_json_num(&j, "msgsPerSec", mps);
	/* Payload bytes per message, counted once (a round trip's answer is not counted again). */
	kc_json_num(&j, "MBps", mps * (double)size / 1e6);
	kc_json_u64(&j, "samples", p->samples);
	kc_json_u64(&j, "errors", p->errors);
	kc_record_emit(&j);
}

static void progress(struct run *r, const char *id, enum kc_pattern pat, size_t size, const struct kc_point *p)
{
	uint64_t el = kc_now_ns() - r->started_ns;
	uint64_t done = *r->done;
	double eta = done ? (double)el / (double)done * (double)(r->points - done) / 1e9 : 0;

	kc_progress("[%llu/%llu] %s %s %zu B: p50 %llu ns p99 %llu ns, %llu samples, %llu errors (ETA %.0f s)",
		    (unsigned long long)done, (unsigned long long)r->points, id, kc_pattern_name(pat), size,
		    (unsigned long long)p->lat.p50, (unsigned long long)p->lat.p99,
		    (unsigned long long)p->samples, (unsigned long long)p->errors, eta);
}

/* A point that could not be measured still appears, with no samples and the failure counted. */
static void error_point(struct run *r, const struct kc_backend *be, enum kc_pattern pat, size_t size)
{
	struct kc_point p = { .errors = 1 };

	emit_result(be, pat, size, &p);
	(*r->done)++;
}

/* Error-marks the backend's points after the first skip ones (those were measured). */
static void error_points(struct run *r, const struct kc_backend *be, uint64_t skip)
{
	uint64_t n = 0;
	size_t i, k;

	for (i = 0; i < sizeof(pattern_order) / sizeof(pattern_order[0]); i++) {
		enum kc_pattern pat = pattern_order[i];

		if (!(be->patterns & pat))
			continue;
		if (pat == KC_NOTIFY) {
			if (n++ >= skip)
				error_point(r, be, pat, 0);
			continue;
		}
		for (k = 0; k < r->nsizes; k++)
			if (size_fits(be, r->sizes[k]) && n++ >= skip)
				error_point(r, be, pat, r->sizes[k]);
	}
}

static kc_op_fn pattern_op(const struct kc_backend *be, enum kc_pattern pat, enum kc_stamp_mode *mode)
{
	*mode = KC_STAMP_DURATION;
	switch (pat) {
	case KC_ROUNDTRIP:
		return be->roundtrip ? op_roundtrip : NULL;
	case KC_U2K:
		return be->send ? op_send : NULL;
	case KC_K2U:
		*mode = KC_STAMP_KERNEL;
		return be->recv ? op_recv : NULL;
	case KC_NOTIFY:
		*mode = KC_STAMP_KERNEL;
		return be->notify ? op_notify : NULL;
	}
	return NULL;
}

static void measure_point(struct run *r, struct kc_ctx *c, const char *id, enum kc_pattern pat, size_t size)
{
	const struct kc_backend *be = c->be;
	struct op_arg a = { c, r->buf };
	enum kc_stamp_mode mode;
	kc_op_fn op = pattern_op(be, pat, &mode);
	struct kc_point p;
	int rc;

	c->size = size;
	c->pattern = pat;
	if (!op) {
		kc_note("%s: declares %s but has no function for it", id, kc_pattern_name(pat));
		error_point(r, be, pat, size);
		return;
	}
	if (be->prepare) {
		rc = be->prepare(c);
		if (rc < 0) {
			kc_note("%s %s %zu B: prepare failed: %s", id, kc_pattern_name(pat), size, strerror(-rc));
			error_point(r, be, pat, size);
			return;
		}
	}
	kc_measure(op, &a, mode, &r->budget, &p);
	if (be->finish)
		be->finish(c);
	emit_result(be, pat, size, &p);
	(*r->done)++;
	progress(r, id, pat, size, &p);
	if (p.first_error)
		kc_note("%s %s %zu B: %llu of %llu operations failed, first with %s%s", id, kc_pattern_name(pat), size,
			(unsigned long long)p.errors, (unsigned long long)(p.errors + p.samples),
			strerror(-p.first_error), p.aborted ? "; the point was stopped early" : "");
	if (p.bad_stamps)
		kc_note("%s %s %zu B: the backend returned kernel stamps that were 0 or later than the receive time",
			id, kc_pattern_name(pat), size);
	if (p.capped && p.samples > 0)
		kc_note("%s %s %zu B: time cap of %llu ms reached after %llu samples", id, kc_pattern_name(pat), size,
			(unsigned long long)(r->budget.cap_ns / MS), (unsigned long long)p.samples);
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
};

/* Runs in the backend's own process: open, every point, close. */
static void backend_job(void *arg)
{
	struct backend_job *job = arg;
	const struct kc_backend *be = job->be;
	struct kc_ctx c = { .be = be };
	size_t i, k;
	int rc;

	rc = be->open ? be->open(&c) : 0;
	if (rc < 0) {
		kc_note("%s: open failed: %s", job->id, strerror(-rc));
		error_points(job->r, be, 0);
		return;
	}
	for (i = 0; i < sizeof(pattern_order) / sizeof(pattern_order[0]); i++) {
		enum kc_pattern pat = pattern_order[i];

		if (!(be->patterns & pat))
			continue;
		if (pat == KC_NOTIFY) {
			measure_point(job->r, &c, job->id, pat, 0);
			continue;
		}
		for (k = 0; k < job->r->nsizes; k++)
			if (size_fits(be, job->r->sizes[k]))
				measure_point(job->r, &c, job->id, pat, job->r->sizes[k]);
	}
	if (be->close)
		be->close(&c);
}

static void run_backend(struct run *r, const struct kc_backend *be)
{
	char id[128];
	struct backend_job job = { r, be, id };
	bool loaded = false;
	uint64_t before = *r->done;
	struct kc_json j;
	int rc;

	kc_backend_id(be, id, sizeof(id));
	kc_record_begin(&j, "phase");
	kc_json_str(&j, "method", be->method);
	kc_json_str(&j, "variant", be->variant ? be->variant : "");
	kc_record_emit(&j);
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

static const struct profile *find_profile(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
		if (strcmp(profiles[i].name, name) == 0)
			return &profiles[i];
	return NULL;
}

int kc_cmd_run(const struct kc_opts *o)
{
	struct run r = { 0 };
	uint64_t start = kc_now_ns();
	size_t i, selected = 0;
	struct kc_json j;
	int rc;

	r.prof = find_profile(o->profile ? o->profile : "quick");
	if (!r.prof) {
		fprintf(stderr, "kcomm-harness: unknown profile '%s' (quick, full, stock)\n", o->profile);
		return 2;
	}
	r.budget = r.prof->budget;
	if (o->samples) {
		/* An explicit count: measure exactly that many, within a cap that grows with it. */
		r.budget.target_samples = o->samples;
		r.budget.budget_ns = 0;
		r.budget.min_samples = 0;
		if (o->samples > 10000)
			r.budget.cap_ns = r.budget.cap_ns / 10000 * o->samples;
	}
	r.sizes = o->nsizes ? o->sizes : r.prof->sizes;
	r.nsizes = o->nsizes ? o->nsizes : r.prof->nsizes;
	r.methods = o->methods;
	r.done = kc_shared_alloc(sizeof(*r.done));
	if (!r.done) {
		perror("kcomm-harness: shared memory");
		return 1;
	}
	kc_module_set_dir(o->module_dir);
	r.buf = mmap(NULL, KC_MAX_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r.buf == MAP_FAILED) {
		perror("kcomm-harness: mmap");
		return 1;
	}
	memset(r.buf, 0x6b, KC_MAX_SIZE);
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
			r.points += backend_points(&r, be);
			selected++;
		}
	}
	kc_emit_host();
	kc_record_begin(&j, "plan");
	kc_json_u64(&j, "points", r.points);
	kc_json_str(&j, "profile", r.prof->name);
	kc_json_u64(&j, "samplesPerPoint", o->samples ? o->samples : r.prof->samples_per_point);
	kc_record_emit(&j);
	if (r.budget.budget_ns)
		kc_note("Profile %s: each point runs for %llu ms after warm-up and takes at least %llu samples "
			"(at most %llu ms); latencies are nearest-rank percentiles of every sample.",
			r.prof->name, (unsigned long long)(r.budget.budget_ns / MS),
			(unsigned long long)r.budget.min_samples, (unsigned long long)(r.budget.cap_ns / MS));
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

	kc_record_begin(&j, "done");
	kc_json_bool(&j, "ok", kc_out_failures == 0);
	kc_json_u64(&j, "elapsedMs", (kc_now_ns() - start) / MS);
	kc_record_emit(&j);
	kc_out_close();
	munmap(r.buf, KC_MAX_SIZE);
	kc_shared_free(r.done, sizeof(*r.done));
	return kc_out_failures == 0 ? 0 : 1;
}
