// SPDX-License-Identifier: GPL-2.0
/*
 * One point: the adapters between the timing loop (measure.c) and a backend's per-message functions, and
 * the reference each point is divided by. Every op does the same user-side work per byte: fill every
 * byte before sending, read every byte received (kc_verify or kc_checksum), and count what was lost,
 * damaged or reordered.
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core.h"
#include "kcomm_msg.h"

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

int kc_measure_point(const struct kc_point_env *env, struct kc_ctx *c, const char *id, enum kc_pattern pat,
		     size_t size, struct kc_result *out)
{
	const struct kc_backend *be = c->be;
	struct op_arg a = { .c = c, .buf = env->buf, .check_echo = !be->answer_differs };
	struct ref_arg ref = { .a = &a, .src = env->ref_src, .dst = env->ref_dst, .pattern = pat };
	enum kc_stamp_mode mode;
	kc_op_fn op = pattern_op(be, pat, &mode);
	struct kcomm_msg_stats rx0;
	bool rx_checked;
	int rc;

	c->size = size;
	c->pattern = pat;
	if (!op) {
		kc_note("%s: declares %s but has no function for it", id, kc_pattern_name(pat));
		return -ENOSYS;
	}
	if (be->prepare) {
		rc = be->prepare(c);
		if (rc < 0) {
			kc_note("%s %s %zu B: prepare failed: %s", id, kc_pattern_name(pat), size, strerror(-rc));
			return rc;
		}
	}
	kc_fill(env->ref_src, size, 0);
	kc_warm_up(op, &a, env->budget);
	kc_warm_up(op_reference, &ref, env->budget);
	/* Count what the measured messages did, not the warm-up's. */
	a.lost = a.corrupt = a.reordered = a.sent = 0;
	rx_checked = be->rx_stats && (pat == KC_ROUNDTRIP || pat == KC_U2K) && be->rx_stats(c, &rx0) == 0;
	kc_measure_paired(op, &a, mode, op_reference, &ref, env->paired, &out->p, &out->ref, &out->ratio);
	if (rx_checked)
		add_rx_counts(&a, c, id, pat, size, &rx0);
	if (be->finish)
		be->finish(c);
	(void)a.sink;
	out->bytes = a.bytes;
	out->lost = a.lost;
	out->corrupt = a.corrupt;
	out->reordered = a.reordered;
	return 0;
}
