/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal interfaces between the files of the harness core. Backends include harness.h only.
 */
#ifndef KCOMM_CORE_H
#define KCOMM_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "harness.h"

/* registry.c: what KC_REGISTER and KC_SUBCOMMAND put into the linker sections. */
size_t kc_backend_count(void);
const struct kc_backend *kc_backend_at(size_t i);
const struct kc_subcommand *kc_subcommand_find(const char *name);
/* The backend's robust(), or the drills KC_DRILLS registered for it; NULL when it has none. */
int (*kc_backend_drills(const struct kc_backend *be))(struct kc_robust *r);
/* A KC_DRILLS entry whose method and variant name no backend (a typo would never run), or NULL. */
const struct kc_drills *kc_drills_unmatched(void);
/* "method" or "method/variant": the id --methods matches and progress lines print. */
const char *kc_backend_id(const struct kc_backend *be, char *buf, size_t len);
/* --methods filter: a comma list of method ids or method/variant ids; NULL selects everything. */
bool kc_backend_selected(const struct kc_backend *be, const char *filter);
size_t kc_backend_max_size(const struct kc_backend *be);
const char *kc_pattern_name(enum kc_pattern p);

/* stats.c */
struct kc_latency {
	uint64_t p50, p90, p99, max;
	double mean;
};
/* Nearest-rank percentile of ascending samples: the value at rank ceil(p/100 * n). 0 when n == 0. */
uint64_t kc_percentile(const uint64_t *sorted, size_t n, double p);
/* Sorts v in place and fills out; all zero when n == 0. */
void kc_latency_summary(uint64_t *v, size_t n, struct kc_latency *out);
/* Median of n values (sorts v in place); 0 when n == 0. */
double kc_median(double *v, size_t n);
/*
 * The median of per-block ratios with a distribution-free 95% confidence interval: the order statistics
 * of ranks k and n+1-k, k the largest rank with P(Binomial(n, 1/2) < k) <= 2.5%. instability is the
 * interval's half width relative to the median; unstable when it exceeds KC_UNSTABLE (the interval is
 * wider than +-10%), or when too few blocks give an interval at all.
 */
#define KC_UNSTABLE 0.10
struct kc_ratio {
	double median, lo, hi, instability;
	unsigned int blocks;
	bool unstable;
};
void kc_ratio_summary(double *ratios, size_t n, struct kc_ratio *out);

/* json.c: one record under construction. key NULL = an array element. */
struct kc_json {
	char *buf;
	size_t len, cap;
	unsigned int depth;
	bool need_comma[16];
	bool oom;
};
void kc_json_init(struct kc_json *j);
void kc_json_free(struct kc_json *j);
void kc_json_obj_begin(struct kc_json *j, const char *key);
void kc_json_obj_end(struct kc_json *j);
void kc_json_arr_begin(struct kc_json *j, const char *key);
void kc_json_arr_end(struct kc_json *j);
void kc_json_str(struct kc_json *j, const char *key, const char *val);
void kc_json_u64(struct kc_json *j, const char *key, uint64_t val);
/* Non-finite and negative-zero values become 0: the dataset has no NaN or Infinity. */
void kc_json_num(struct kc_json *j, const char *key, double val);
void kc_json_bool(struct kc_json *j, const char *key, bool val);
void kc_json_null(struct kc_json *j, const char *key);
/* Appends s as a JSON string literal: quotes, escapes, invalid UTF-8 replaced by U+FFFD. */
void kc_json_escape(struct kc_json *j, const char *s);

/* output.c: framed records (`KCOMM1 <json>\n`, one write() each) and stderr progress. */
int kc_out_open(const char *path);	/* NULL or "-" = stdout */
void kc_out_close(void);
/* Starts a record {"type":type,...}; kc_record_emit closes, writes and frees it. */
void kc_record_begin(struct kc_json *j, const char *type);
void kc_record_emit(struct kc_json *j);
void kc_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Records written so far that say something went wrong (for done.ok). */
extern unsigned int kc_out_failures;

/* measure.c: the one timing loop. */
enum kc_stamp_mode {
	KC_STAMP_DURATION,	/* latency = clock after the op - clock before */
	KC_STAMP_KERNEL,	/* latency = clock after the op - the kernel's stamp */
	/*
	 * latency = when the wait call returned - the kernel's stamp; an event stamped before the wait
	 * call began is stale (an error): the waiter was not asleep when it fired (kcomm_notify.h).
	 */
	KC_STAMP_WAKE,
};
/* What one operation reports besides its result. */
struct kc_stamps {
	uint64_t kernel;	/* KERNEL, WAKE: the kernel's stamp */
	uint64_t wait;		/* WAKE: kc_now_ns() as the wait call began; 0 = as the op began */
	uint64_t woke;		/* WAKE: kc_now_ns() as the wait call returned; 0 = as the op ended */
};
/* One operation; returns 0 or -errno; in KC_STAMP_KERNEL and KC_STAMP_WAKE mode fills *st. */
typedef int (*kc_op_fn)(void *arg, struct kc_stamps *st);
struct kc_budget {
	uint64_t target_samples;	/* stop after this many samples ... */
	uint64_t min_samples;		/* ... or, with budget_ns, once this many and budget_ns spent */
	uint64_t budget_ns;		/* 0: count mode (target_samples) */
	uint64_t cap_ns;		/* hard stop per point, whatever the counts */
	uint64_t warmup_ops;
	uint64_t warmup_ns;		/* warm-up ends after warmup_ops or warmup_ns, whichever first */
};
struct kc_point {
	struct kc_latency lat;
	uint64_t samples;
	uint64_t errors;
	uint64_t loop_ns;		/* wall time of the measured loop */
	int first_error;		/* -errno of the first failure, 0 if none */
	bool capped;			/* stopped by cap_ns before the count was reached */
	bool aborted;			/* stopped by too many errors */
	bool bad_stamps;		/* a kernel stamp was 0 or in the future */
	uint64_t stale;			/* KC_STAMP_WAKE: events stamped before the wait call began (errors) */
	bool unmarked_wait;		/* KC_STAMP_WAKE: the op did not say when its wait call began */
	uint64_t dur_p50;		/* median duration of one op (clock after - clock before) */
};
/*
 * Paired, interleaved measurement of a point: blocks of the method (A) and its reference (B) in the
 * order A B B A, repeated; each A block is paired with the adjacent B block, and the point's ratio is
 * the median of the per-block ratios of block medians (kc_ratio_summary): of the duration of one op
 * (what a message costs the caller), or for KC_STAMP_WAKE of the latency from the kernel's stamp. out and ref hold the absolute
 * figures of every sample of each side.
 */
struct kc_paired {
	unsigned int blocks;		/* A blocks (= B blocks); a multiple of 2 */
	uint64_t block_samples;		/* samples per block */
	uint64_t block_cap_ns;		/* a block stops after this long whatever its count (0: none) */
};
void kc_measure_paired(kc_op_fn op, void *arg, enum kc_stamp_mode mode, kc_op_fn ref, void *ref_arg,
		       const struct kc_paired *pp, struct kc_point *out, struct kc_point *ref_out,
		       struct kc_ratio *ratio);
/* Runs op until b's warm-up count or time is spent (the caller warms both sides before pairing). */
void kc_warm_up(kc_op_fn op, void *arg, const struct kc_budget *b);

/* integrity.c: what producers write and consumers verify, so every method does the same work per byte. */
/* Writes every byte of a size-byte message numbered seq: the first 8 bytes are seq, the rest derive from it. */
void kc_fill(void *buf, size_t size, uint64_t seq);
/*
 * Reads every byte. 0: buf is message seq as kc_fill wrote it. -ESTALE: an intact message, but number
 * *got (a lost or reordered one). -EBADMSG: not an intact message (corrupt or torn).
 */
int kc_verify(const void *buf, size_t size, uint64_t seq, uint64_t *got);
/* Reads every byte and folds them into a checksum (the consumer's pass over bytes it cannot predict). */
uint64_t kc_checksum(const void *buf, size_t size);

/* op NULL measures two back-to-back clock reads (the clock overhead). */
void kc_measure(kc_op_fn op, void *arg, enum kc_stamp_mode mode, const struct kc_budget *b,
		struct kc_point *out);
double kc_point_msgs_per_sec(const struct kc_point *p);

/* watchdog.c: interrupts an operation that stalls, kills a backend process that hangs. */
void kc_watchdog_start(void);
void kc_watchdog_beat(void);	/* progress was made */
void kc_watchdog_set_child(pid_t pid);	/* the process to interrupt instead of this one; 0 = none */

/* isolate.c: run a backend in a child process. */
void *kc_shared_alloc(size_t size);	/* zeroed memory the child's writes are visible in; NULL on failure */
void kc_shared_free(void *p, size_t size);
/* 0 when fn returned, the signal number that ended the child, or -errno. */
int kc_isolated(void (*fn)(void *arg), void *arg);

/* module.c */
void kc_module_set_dir(const char *dir);
const char *kc_module_dir(void);
bool kc_module_file_exists(const char *name);

/* host.c */
void kc_emit_host(void);

/* baselines.c */
void kc_emit_baselines(const size_t *sizes, size_t nsizes, const struct kc_budget *b);
void kc_emit_clock(const struct kc_budget *b);

/* kmsg.c: lines of the kernel log that mean trouble. */
/* Writes a marker into the log (if /dev/kmsg is writable) so kc_kmsg_check only sees later lines. */
void kc_kmsg_mark(void);
/*
 * Scans the log since the mark; true when nothing bad was found. as_record: emit a kmsg record (robust);
 * otherwise each bad line becomes a note (run).
 */
bool kc_kmsg_check(bool as_record);
/* Exposed for the unit test: does a log line name a kernel bug? */
bool kc_kmsg_line_is_bad(const char *line);

#define KC_MAX_SIZES 32

#define KC_MS 1000000ull	/* ns in a millisecond */

/* profiles.c: what a run measures (server/src/bench/profiles.ts holds the same table). */
struct kc_profile {
	const char *name;
	bool modules;		/* runs the module backends */
	bool stock;		/* runs the stock backends (no module needed) */
	size_t sizes[KC_MAX_SIZES];
	size_t nsizes;
	struct kc_budget budget;	/* baselines, and the warm-up of every point */
	struct kc_paired paired;	/* every method point: blocks of method and reference, interleaved */
};
/* NULL for an unknown name. */
const struct kc_profile *kc_profile_find(const char *name);

/*
 * run.c: the points one backend contributes, in run order: per pattern it supports (roundtrip, u2k, k2u,
 * notify), once per size of sizes that it carries, or once with size 0 for notify. fn (may be NULL) gets
 * each point's number from 0; returns the number of points.
 */
typedef void (*kc_point_fn)(void *arg, uint64_t n, enum kc_pattern pat, size_t size);
uint64_t kc_for_each_point(const struct kc_backend *be, const size_t *sizes, size_t nsizes, kc_point_fn fn,
			   void *arg);

/* point.c: one point of a backend, measured against its reference. */
struct kc_result {
	struct kc_point p, ref;
	struct kc_ratio ratio;
	uint64_t bytes;		/* payload bytes moved by successful ops */
	uint64_t lost, corrupt, reordered;
};
/* What every point of a run shares: the message buffer, the reference's hot buffers and the counts. */
struct kc_point_env {
	void *buf;
	void *ref_src, *ref_dst;
	const struct kc_budget *budget;		/* the warm-up of both sides */
	const struct kc_paired *paired;
};
/*
 * Measures the point (pattern pat, size bytes) of the opened backend c->be into out; id names it in
 * notes. 0, or -errno when it could not be measured (a note says why; out is untouched).
 */
int kc_measure_point(const struct kc_point_env *env, struct kc_ctx *c, const char *id, enum kc_pattern pat,
		     size_t size, struct kc_result *out);

/* report.c: the run's records (and its progress lines), in the order kc_cmd_run emits them. */
void kc_report_plan(const struct kc_profile *prof, const struct kc_paired *paired, uint64_t points);
void kc_report_phase(const struct kc_backend *be);
/* A point; one that could not be measured is all zero but for p.errors = 1 and ratio.unstable. */
void kc_report_result(const struct kc_backend *be, enum kc_pattern pat, size_t size, const struct kc_result *o);
/* The progress line of point done of points, the run's points started at started_ns. */
void kc_report_progress(uint64_t done, uint64_t points, uint64_t started_ns, const char *id, enum kc_pattern pat,
			size_t size, const struct kc_result *o);
/* Notes on what went wrong in a measured point (failures, bad stamps, stale events, a capped block). */
void kc_report_point_notes(const char *id, enum kc_pattern pat, size_t size, const struct kc_result *o,
			   const struct kc_paired *paired);
void kc_report_done(bool ok, uint64_t elapsed_ns);

/* main.c parses the command line into kc_opts; run.c and robust.c carry the commands out. */
struct kc_opts {
	const char *profile;		/* run: quick | full | stock */
	const char *methods;		/* NULL = all */
	size_t sizes[KC_MAX_SIZES];
	size_t nsizes;			/* 0 = the profile's sizes */
	uint64_t samples;		/* 0 = the profile's */
	const char *module_dir;
	const char *out;
	unsigned int cycles;		/* robust: load/unload cycles per module */
};
int kc_cmd_run(const struct kc_opts *o);
int kc_cmd_robust(const struct kc_opts *o);
int kc_cmd_list(void);
int kc_cmd_profiles(void);

#endif /* KCOMM_CORE_H */
