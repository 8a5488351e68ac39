// SPDX-License-Identifier: GPL-2.0
/*
 * The records a run writes (plan, phase, result, done), its progress lines and the notes on a point: how
 * a measured point is reported, kept apart from how it is measured. protocol.ts reads the records.
 */
#include <string.h>

#include "core.h"

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

void kc_report_plan(const struct kc_profile *prof, const struct kc_paired *paired, uint64_t points)
{
	struct kc_json j;

	kc_record_begin(&j, "plan");
	kc_json_u64(&j, "points", points);
	kc_json_str(&j, "profile", prof->name);
	kc_json_u64(&j, "samplesPerPoint", paired->blocks * paired->block_samples);
	kc_json_u64(&j, "blocks", paired->blocks);
	kc_json_u64(&j, "blockSamples", paired->block_samples);
	kc_record_emit(&j);
	kc_note("Profile %s: each point is %u blocks of %llu samples of the method interleaved A-B-B-A with as "
		"many of its reference (at most %llu ms a block); latencies are nearest-rank percentiles of every "
		"sample of the method, the ratio is the median of the per-block ratios of medians with a 95%% "
		"interval.",
		prof->name, paired->blocks, (unsigned long long)paired->block_samples,
		(unsigned long long)(paired->block_cap_ns / KC_MS));
}

void kc_report_phase(const struct kc_backend *be)
{
	struct kc_json j;

	kc_record_begin(&j, "phase");
	kc_json_str(&j, "method", be->method);
	kc_json_str(&j, "variant", be->variant ? be->variant : "");
	kc_record_emit(&j);
}

void kc_report_result(const struct kc_backend *be, enum kc_pattern pat, size_t size, const struct kc_result *o)
{
	const struct kc_point *p = &o->p;
	double mps = p->dur_p50 ? 1e9 / (double)p->dur_p50 : 0;
	double per_msg = p->samples ? (double)o->bytes / (double)(p->samples + p->errors) : 0;
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
	kc_json_u64(&j, "lost", o->lost);
	kc_json_u64(&j, "corrupt", o->corrupt);
	kc_json_u64(&j, "reordered", o->reordered);
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

void kc_report_progress(uint64_t done, uint64_t points, uint64_t started_ns, const char *id, enum kc_pattern pat,
			size_t size, const struct kc_result *o)
{
	const struct kc_point *p = &o->p;
	uint64_t el = kc_now_ns() - started_ns;
	double eta = done ? (double)el / (double)done * (double)(points - done) / 1e9 : 0;

	kc_progress("[%llu/%llu] %s %s %zu B: p50 %llu ns p99 %llu ns, x%.3f [%.3f, %.3f] of %s%s, %llu samples, "
		    "%llu errors (ETA %.0f s)",
		    (unsigned long long)done, (unsigned long long)points, id, kc_pattern_name(pat), size,
		    (unsigned long long)p->lat.p50, (unsigned long long)p->lat.p99, o->ratio.median, o->ratio.lo,
		    o->ratio.hi, reference_name(pat), o->ratio.unstable ? " UNSTABLE" : "",
		    (unsigned long long)p->samples, (unsigned long long)p->errors, eta);
}

void kc_report_point_notes(const char *id, enum kc_pattern pat, size_t size, const struct kc_result *o,
			   const struct kc_paired *paired)
{
	const struct kc_point *p = &o->p;

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
			kc_pattern_name(pat), size, (unsigned long long)(paired->block_cap_ns / KC_MS),
			(unsigned long long)p->samples);
}

void kc_report_done(bool ok, uint64_t elapsed_ns)
{
	struct kc_json j;

	kc_record_begin(&j, "done");
	kc_json_bool(&j, "ok", ok);
	kc_json_u64(&j, "elapsedMs", elapsed_ns / KC_MS);
	kc_record_emit(&j);
}
