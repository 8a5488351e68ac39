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
#include <sys/syscall.h>
#include <unistd.h>

#include "core.h"
#include "kcomm_msg.h"

struct profile {
	const char *name;
	bool modules;		/* runs the module backends */
	bool stock;		/* runs the stock backends (no module needed) */
	size_t sizes[KC_MAX_SIZES];
	size_t nsizes;
	struct kc_budget budget;	/* baselines, and the warm-up of every point */
	struct kc_paired paired;	/* every method point: blocks of method and reference, interleaved */
};

#define MS 1000000ull

/*
 * quick and full also run the stock backends: a VM dataset and a native stock dataset then share points
 * the app can set side by side (same method, variant, pattern and size), and a module's cost can be read
 * against the kernel's own path for the same method in the same run (e.g. an ioctl on /dev/urandom).
 *
 * Every point is 20 blocks of the method interleaved A-B-B-A with 20 of its reference (kc_measure_paired).
 * quick: 10 samples a block (200 a side). full and stock: 25 and 50 a block; a block stops at its time
 * cap (in icount mode, guest instructions), and a point that hit it says so in a note. budget: the
 * baselines, and the warm-up of each point. The same table is in server/src/bench/profiles.ts.
 */
static const struct profile profiles[] = {
	{ "quick", true, true, { 8, 512, 4096, 65536 }, 4,
	  { .target_samples = 100000, .min_samples = 200, .budget_ns = 150 * MS, .cap_ns = 1500 * MS,
	    .warmup_ops = 50, .warmup_ns = 20 * MS },
	  { .blocks = 20, .block_samples = 10, .block_cap_ns = 100 * MS } },
	{ "full", true, true,
	  { 8, 32, 128, 512, 2048, 8192, 32768, 65536, 131072, 524288, 1048576 }, 11,
	  { .target_samples = 2000, .cap_ns = 300 * MS, .warmup_ops = 200, .warmup_ns = 100 * MS },
	  { .blocks = 20, .block_samples = 25, .block_cap_ns = 20 * MS } },
	{ "stock", false, true, { 8, 32, 128, 512, 2048, 8192, 65536 }, 7,
	  { .target_samples = 10000, .cap_ns = 1500 * MS, .warmup_ops = 200, .warmup_ns = 50 * MS },
	  { .blocks = 20, .block_samples = 50, .block_cap_ns = 150 * MS } },
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
	void *ref_src, *ref_dst;	/* the reference's hot buffers */
	struct kc_paired paired;
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

/* What one point's ops share: the backend, the message buffer and the integrity counts. */
struct op_arg {
	struct kc_ctx *c;
	void *buf;
	uint64_t seq;		/* number of the message being sent */
	uint64_t last_stamp;	/* k2u: the previous message's kernel stamp */
	uint64_t lost, corrupt, reordered;
	uint64_t bytes;		/* payload bytes moved by successful ops (a k2u read may return fewer) */
	uint64_t sent;		/* roundtrip, u2k: messages the kernel accepted */
	uint64_t sink;		/* checksums land here, so the compiler cannot drop the reads */
	bool check_echo;	/* roundtrip: the answer must be the request */
};

/* A round trip's answer: the request itself, all of it, and the message just sent. */
static int check_answer(struct op_arg *a, const void *buf, size_t size)
{
	uint64_t got;
	int rc = kc_verify(buf, size, a->seq, &got);

	if (rc == -EBADMSG)
		a->corrupt++;
	else if (rc == -ESTALE && got < a->seq)
		a->reordered++;
	else if (rc == -ESTALE)
		a->lost += got - a->seq;
	return rc;
}

static int op_roundtrip(void *arg, struct kc_stamps *stamp)
{
	struct op_arg *a = arg;
	size_t size = a->c->size;
	int rc;

	(void)stamp;
	kc_fill(a->buf, size, ++a->seq);
	rc = a->c->be->roundtrip(a->c, a->buf);
	if (rc < 0)
		return rc;
	a->sent++;
	if (a->check_echo)
		rc = check_answer(a, a->buf, size);
	else
		a->sink ^= kc_checksum(a->buf, size);
	a->bytes += size;
	return rc;
}

static int op_send(void *arg, struct kc_stamps *stamp)
{
	struct op_arg *a = arg;
	int rc;

	(void)stamp;
	kc_fill(a->buf, a->c->size, ++a->seq);
	rc = a->c->be->send(a->c, a->buf);
	if (rc == 0) {
		a->bytes += a->c->size;
		a->sent++;
	}
	return rc;
}

static int op_recv(void *arg, struct kc_stamps *stamp)
{
	struct op_arg *a = arg;
	struct kc_ctx *c = a->c;
	size_t len;
	int rc;

	c->rx = NULL;
	c->rx_len = 0;
	rc = c->be->recv(c, a->buf, &stamp->kernel);
	if (rc < 0)
		return rc;
	len = c->rx_len ? c->rx_len : c->size;
	a->sink ^= kc_checksum(c->rx ? c->rx : a->buf, len);
	a->bytes += len;
	/* Messages are stamped when produced: one stamped before its predecessor came out of order. */
	if (stamp->kernel < a->last_stamp) {
		a->reordered++;
		return -EPROTO;
	}
	a->last_stamp = stamp->kernel;
	return 0;
}

static int op_notify(void *arg, struct kc_stamps *stamp)
{
	struct op_arg *a = arg;
	struct kc_ctx *c = a->c;
	int rc;

	c->wait_ns = 0;
	c->woke_ns = 0;
	rc = c->be->notify(c, &stamp->kernel);
	stamp->wait = c->wait_ns;
	stamp->woke = c->woke_ns;
	return rc;
}

/*
 * The reference a point is divided by: the least any kernel path can do for the same message, in the
 * same process on the same hot buffers: one null system call, one memcpy of the message's bytes, and
 * the same user-side pass the method's op makes (fill before sending, verify or checksum after
 * receiving). notify: the null system call alone.
 */
struct ref_arg {
	struct op_arg *a;	/* the method's: pattern, size, and a sink */
	void *src, *dst;
	enum kc_pattern pattern;
	uint64_t seq;
};

static int op_reference(void *arg, struct kc_stamps *stamp)
{
	struct ref_arg *r = arg;
	size_t size = r->a->c->size;
	uint64_t got;

	(void)stamp;
	if (r->pattern == KC_ROUNDTRIP || r->pattern == KC_U2K)
		kc_fill(r->src, size, ++r->seq);
	if (syscall(SYS_getppid) <= 0)
		return -errno;
	if (r->pattern == KC_NOTIFY)
		return 0;
	memcpy(r->dst, r->src, size);
	__asm__ __volatile__("" : : "r"(r->dst) : "memory");
	if (r->pattern == KC_ROUNDTRIP && r->a->check_echo)
		return kc_verify(r->dst, size, r->seq, &got) == -EBADMSG ? -EBADMSG : 0;
	if (r->pattern == KC_ROUNDTRIP || r->pattern == KC_K2U)
		r->a->sink ^= kc_checksum(r->dst, size);
	return 0;
}

static const char *reference_name(enum kc_pattern pat)
{
	switch (pat) {
	case KC_ROUNDTRIP:
		return "syscall+memcpy+verify";
	case KC_U2K:
		return "syscall+fill+memcpy";
	case KC_K2U:
		return "syscall+memcpy+checksum";
	case KC_NOTIFY:
		return "syscall";
	}
	return "";
}

/* What the consumer could check of each message. */
static const char *verified_name(const struct kc_backend *be, enum kc_pattern pat)
{
	switch (pat) {
	case KC_ROUNDTRIP:
		return be->answer_differs ? "read" : "content";
	case KC_U2K:
		return be->rx_stats ? "kernel" : "none";
	case KC_K2U:
		return "read+order";
	case KC_NOTIFY:
		return "stale";
	}
	return "";
}

struct point_out {
	struct kc_point p, ref;
	struct kc_ratio ratio;
	const struct op_arg *a;
};

static void emit_result(const struct kc_backend *be, enum kc_pattern pat, size_t size, const struct point_out *o)
{
	const struct kc_point *p = &o->p;
	double mps = p->dur_p50 ? 1e9 / (double)p->dur_p50 : 0;
	double per_msg = o->a && p->samples ? (double)o->a->bytes / (double)(p->samples + p->errors) : 0;
	bool moves = pat != KC_NOTIFY && !(be->no_copy & pat);
	char id[128];
	struct kc_json j;

	kc_record_begin(&j, "result");
	kc_json_str(&j, "method", be->method);
	kc_json_str(&j, "variant", be->variant ? be->variant : "");
	kc_json_str(&j, "backend", kc_backend_id(be, id, sizeof(id)));
	kc_json_str(&j, "pattern", kc_pattern_name(pat));
	kc_json_u64(&j, "sizeBytes", size);
	kc_json_obj_begin(&j, "latencyNs");
	kc_json_u64(&j, "p50", p->lat.p50);
	kc_json_u64(&j, "p90", p->lat.p90);
	kc_json_u64(&j, "p99", p->lat.p99);
	kc_json_u64(&j, "max", p->lat.max);
	kc_json_num(&j, "mean", p->lat.mean);
	kc_json_obj_end(&j);
	/* One over the median duration of one op: a stall moves it no more than any other sample. */
	kc_json_num(&j, "msgsPerSec", mps);
	/* Payload bytes that arrived per message, counted once; none for a path that moves no data. */
	kc_json_num(&j, "MBps", moves ? mps * per_msg / 1e6 : 0);
	kc_json_bool(&j, "movesData", moves);
	kc_json_u64(&j, "samples", p->samples);
	kc_json_u64(&j, "errors", p->errors);
	kc_json_u64(&j, "lost", o->a ? o->a->lost : 0);
	kc_json_u64(&j, "corrupt", o->a ? o->a->corrupt : 0);
	kc_json_u64(&j, "reordered", o->a ? o->a->reordered : 0);
	kc_json_u64(&j, "stale", p->stale);
	kc_json_str(&j, "verified", verified_name(be, pat));
	kc_json_obj_begin(&j, "ratio");
	kc_json_str(&j, "reference", reference_name(pat));
	kc_json_num(&j, "median", o->ratio.median);
	kc_json_arr_begin(&j, "ci95");
	kc_json_num(&j, NULL, o->ratio.lo);
	kc_json_num(&j, NULL, o->ratio.hi);
	kc_json_arr_end(&j);
	kc_json_u64(&j, "blocks", o->ratio.blocks);
	kc_json_num(&j, "instability", o->ratio.instability);
	kc_json_obj_begin(&j, "referenceNs");
	kc_json_u64(&j, "p50", o->ref.lat.p50);
	kc_json_u64(&j, "p99", o->ref.lat.p99);
	kc_json_obj_end(&j);
	kc_json_obj_end(&j);
	kc_json_bool(&j, "unstable", o->ratio.unstable);
	kc_record_emit(&j);
}

static void progress(struct run *r, const char *id, enum kc_pattern pat, size_t size, const struct point_out *o)
{
	const struct kc_point *p = &o->p;
	uint64_t el = kc_now_ns() - r->started_ns;
	uint64_t done = *r->done;
	double eta = done ? (double)el / (double)done * (double)(r->points - done) / 1e9 : 0;

	kc_progress("[%llu/%llu] %s %s %zu B: p50 %llu ns p99 %llu ns, x%.3f [%.3f, %.3f] of %s%s, %llu samples, "
		    "%llu errors (ETA %.0f s)",
		    (unsigned long long)done, (unsigned long long)r->points, id, kc_pattern_name(pat), size,
		    (unsigned long long)p->lat.p50, (unsigned long long)p->lat.p99, o->ratio.median, o->ratio.lo,
		    o->ratio.hi, reference_name(pat), o->ratio.unstable ? " UNSTABLE" : "",
		    (unsigned long long)p->samples, (unsigned long long)p->errors, eta);
}

/* A point that could not be measured still appears, with no samples and the failure counted. */
static void error_point(struct run *r, const struct kc_backend *be, enum kc_pattern pat, size_t size)
{
	struct point_out o = { .p = { .errors = 1 }, .ratio = { .unstable = true } };

	emit_result(be, pat, size, &o);
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
		*mode = KC_STAMP_WAKE;
		return be->notify ? op_notify : NULL;
	}
	return NULL;
}

/*
 * What the module counted of the measured messages (kcomm_msg.h): gaps, damaged and reordered ones, and
 * accepted messages it never saw (lost at the end, where no later number shows the gap).
 */
static void add_rx_counts(struct op_arg *a, struct kc_ctx *c, const char *id, enum kc_pattern pat, size_t size,
			  const struct kcomm_msg_stats *before)
{
	struct kcomm_msg_stats after;
	uint64_t received;
	int rc = c->be->rx_stats(c, &after);

	if (rc < 0) {
		kc_note("%s %s %zu B: reading the module's receive counts failed: %s", id, kc_pattern_name(pat), size,
			strerror(-rc));
		a->corrupt++;	/* unverified: the point must not look clean */
		return;
	}
	received = after.received - before->received;
	a->lost += after.lost - before->lost;
	a->corrupt += after.corrupt - before->corrupt;
	a->reordered += after.reordered - before->reordered;
	if (received < a->sent)
		a->lost += a->sent - received;
}

static void measure_point(struct run *r, struct kc_ctx *c, const char *id, enum kc_pattern pat, size_t size)
{
	const struct kc_backend *be = c->be;
	struct op_arg a = { .c = c, .buf = r->buf, .check_echo = !be->answer_differs };
	struct ref_arg ref = { .a = &a, .src = r->ref_src, .dst = r->ref_dst, .pattern = pat };
	enum kc_stamp_mode mode;
	kc_op_fn op = pattern_op(be, pat, &mode);
	struct point_out o = { .a = &a };
	struct kc_point *p = &o.p;
	struct kcomm_msg_stats rx0;
	bool rx_checked;
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
	kc_fill(r->ref_src, size, 0);
	kc_warm_up(op, &a, &r->budget);
	kc_warm_up(op_reference, &ref, &r->budget);
	/* Count what the measured messages did, not the warm-up's. */
	a.lost = a.corrupt = a.reordered = a.sent = 0;
	rx_checked = be->rx_stats && (pat == KC_ROUNDTRIP || pat == KC_U2K) && be->rx_stats(c, &rx0) == 0;
	kc_measure_paired(op, &a, mode, op_reference, &ref, &r->paired, p, &o.ref, &o.ratio);
	if (rx_checked)
		add_rx_counts(&a, c, id, pat, size, &rx0);
	if (be->finish)
		be->finish(c);
	(void)a.sink;
	emit_result(be, pat, size, &o);
	(*r->done)++;
	progress(r, id, pat, size, &o);
	if (p->first_error)
		kc_note("%s %s %zu B: %llu of %llu operations failed, first with %s%s", id, kc_pattern_name(pat), size,
			(unsigned long long)p->errors, (unsigned long long)(p->errors + p->samples),
			strerror(-p->first_error), p->aborted ? "; the point was stopped early" : "");
	if (p->bad_stamps)
		kc_note("%s %s %zu B: the backend returned kernel stamps that were 0 or later than the receive time",
			id, kc_pattern_name(pat), size);
	if (p->unmarked_wait)
		kc_note("%s %s: the backend does not mark when its wait call begins and returns, so a stale event is "
			"only one stamped before the trigger, and the latency includes what follows the wait",
			id, kc_pattern_name(pat));
	if (p->stale)
		kc_note("%s %s: %llu events fired before the wait call began (the waiter was not asleep)", id,
			kc_pattern_name(pat), (unsigned long long)p->stale);
	if (p->capped && p->samples > 0)
		kc_note("%s %s %zu B: a block reached its time cap of %llu ms; the point has %llu samples", id,
			kc_pattern_name(pat), size, (unsigned long long)(r->paired.block_cap_ns / MS),
			(unsigned long long)p->samples);
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

/* `kcomm-harness profiles`: the table above, one JSON line per profile (compared with profiles.ts). */
int kc_cmd_profiles(void)
{
	size_t i, k;

	for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
		const struct profile *p = &profiles[i];
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
		kc_json_u64(&j, "blockCapMs", p->paired.block_cap_ns / MS);
		kc_json_obj_end(&j);
		if (!j.oom)
			printf("%s\n", j.buf);
		kc_json_free(&j);
	}
	return fflush(stdout) == 0 ? 0 : 1;
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
	r.paired = r.prof->paired;
	if (o->samples) {
		/* An explicit count: that many samples per side, in the profile's number of blocks. */
		r.paired.block_samples = (o->samples + r.paired.blocks - 1) / r.paired.blocks;
		r.paired.block_cap_ns *= r.paired.block_samples / r.prof->paired.block_samples + 1;
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
	r.ref_src = malloc(KC_MAX_SIZE);
	r.ref_dst = malloc(KC_MAX_SIZE);
	if (!r.ref_src || !r.ref_dst) {
		perror("kcomm-harness: reference buffers");
		return 1;
	}
	memset(r.ref_dst, 0xa5, KC_MAX_SIZE);
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
	kc_json_u64(&j, "samplesPerPoint", r.paired.blocks * r.paired.block_samples);
	kc_json_u64(&j, "blocks", r.paired.blocks);
	kc_json_u64(&j, "blockSamples", r.paired.block_samples);
	kc_record_emit(&j);
	kc_note("Profile %s: each point is %u blocks of %llu samples of the method interleaved A-B-B-A with as "
		"many of its reference (at most %llu ms a block); latencies are nearest-rank percentiles of every "
		"sample of the method, the ratio is the median of the per-block ratios of medians with a 95%% "
		"interval.",
		r.prof->name, r.paired.blocks, (unsigned long long)r.paired.block_samples,
		(unsigned long long)(r.paired.block_cap_ns / MS));
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
	free(r.ref_src);
	free(r.ref_dst);
	kc_shared_free(r.done, sizeof(*r.done));
	return kc_out_failures == 0 ? 0 : 1;
}
