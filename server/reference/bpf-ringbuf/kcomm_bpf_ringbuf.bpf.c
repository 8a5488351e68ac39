// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_bpf_ringbuf BPF program - the link between kcomm_bpf_ringbuf.ko and user space
 *
 * Attached to the module's tracepoint as a raw tracepoint program (SEC("raw_tp/kcomm_bpf_msg"): it
 * gets the tracepoint's arguments, TP_PROTO in kcomm_bpf_ringbuf_trace.h, in ctx->args[]), it
 * copies each message into a BPF_MAP_TYPE_RINGBUF map that user space reads with libbpf's
 * ring_buffer__poll() (Documentation/bpf/ringbuf.rst; kernel/bpf/ringbuf.c). No CO-RE and no
 * vmlinux.h: the program reads only the tracepoint's own arguments.
 *
 * Build: clang -O2 -g -target bpf (clang 14, libbpf 1.1 on Debian 12): see the Makefile.
 *
 * Why raw_tp rather than SEC("tracepoint/kcomm_bpf/kcomm_bpf_msg")
 *   A "tracepoint" program reads the ftrace/perf record of the event, which must fit
 *   PERF_MAX_TRACE_SIZE (8 KiB) and one ring-buffer page: no room for a 64 KiB message. A raw
 *   tracepoint program gets the arguments themselves, here a pointer to the whole message, and no
 *   record is formatted at all. The price: it depends on the argument order of TP_PROTO (not a
 *   stable ABI, like every tracepoint), and it must read through bpf_probe_read_kernel().
 *
 * The verifier and the record size
 *   bpf_ringbuf_reserve() takes a size the verifier knows as a constant: it proves every access to
 *   the record lies inside it. A message of run-time length therefore goes into a record of a
 *   fixed size class, the smallest power of two from 64 B to 1 MiB that holds it (each class is
 *   its own reserve call with its own constant, unrolled below); the record says how many of its
 *   bytes are the message. The alternative, bpf_ringbuf_output(), takes a run-time size but
 *   copies from memory the verifier can bound (the 512-byte stack, or a map value: a per-CPU
 *   array value is at most 32 KiB), one more copy per message and a lower limit. Reserve and
 *   submit copy once, straight into the ring. The ring itself must be a power of two of pages,
 *   larger than the biggest record with its 8-byte header; user space may size it before loading
 *   (KCOMM_BPF_RING_DEFAULT below is the default).
 *
 * When the ring is full
 *   bpf_ringbuf_reserve() returns NULL when the record does not fit in what the consumer has not
 *   read yet: the program drops the message and counts it (stats.dropped). Nothing waits: a BPF
 *   program must not sleep, and the producer is a tracepoint that may fire in any context. The
 *   consumer sees the gap in the messages' numbers, and the counter says how many.
 *
 * Waking the consumer
 *   bpf_ringbuf_submit(rec, 0) wakes a consumer sleeping in epoll on the map's fd (through
 *   irq_work, so it is safe from any context); BPF_RB_NO_WAKEUP and BPF_RB_FORCE_WAKEUP let a
 *   program batch wake-ups.
 */
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "kcomm_bpf_ringbuf.h"

/* 4 MiB: four of the largest records. A power of two of pages, as the map requires. */
#define KCOMM_BPF_RING_DEFAULT	(4U << 20)

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, KCOMM_BPF_RING_DEFAULT);
} ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct kcomm_bpf_stats);
} stats SEC(".maps");

static __always_inline void count(__u64 *counter)
{
	__sync_fetch_and_add(counter, 1);
}

/* One size class: a record of sizeof(header) + class bytes, class a constant at each call site. */
static __always_inline int emit(struct kcomm_bpf_stats *st, __u64 stamp, const void *msg,
				__u64 len, const __u32 class)
{
	struct kcomm_bpf_rec *rec;

	if (len > class)	/* tells the verifier the copy below stays inside the record */
		return 0;
	rec = bpf_ringbuf_reserve(&ring, sizeof(*rec) + class, 0);
	if (!rec) {
		count(&st->dropped);	/* the ring is full: drop, count, never wait */
		return 0;
	}
	rec->stamp = stamp;
	rec->len = len;
	rec->reserved = 0;
	if (bpf_probe_read_kernel(rec + 1, len, msg)) {
		bpf_ringbuf_discard(rec, 0);
		count(&st->copy_failed);
		return 0;
	}
	bpf_ringbuf_submit(rec, 0);
	count(&st->submitted);
	return 0;
}

SEC("raw_tp/kcomm_bpf_msg")
int kcomm_bpf_msg(struct bpf_raw_tracepoint_args *ctx)
{
	/* TP_PROTO(u64 seq, u64 stamp, const void *msg, unsigned int len) */
	__u64 stamp = ctx->args[1];
	const void *msg = (const void *)ctx->args[2];
	/* unsigned int: a 64-bit value whose upper half is 0, so one register holds it bounded */
	__u64 len = ctx->args[3] & 0xffffffff;
	struct kcomm_bpf_stats *st;
	__u32 key = 0;

	st = bpf_map_lookup_elem(&stats, &key);
	if (!st)
		return 0;
	if (len > KCOMM_BPF_DATA_MAX) {
		count(&st->too_big);
		return 0;
	}
	if (len <= 64)
		return emit(st, stamp, msg, len, 64);
	if (len <= 128)
		return emit(st, stamp, msg, len, 128);
	if (len <= 256)
		return emit(st, stamp, msg, len, 256);
	if (len <= 512)
		return emit(st, stamp, msg, len, 512);
	if (len <= 1024)
		return emit(st, stamp, msg, len, 1024);
	if (len <= 2048)
		return emit(st, stamp, msg, len, 2048);
	if (len <= 4096)
		return emit(st, stamp, msg, len, 4096);
	if (len <= 8192)
		return emit(st, stamp, msg, len, 8192);
	if (len <= 16384)
		return emit(st, stamp, msg, len, 16384);
	if (len <= 32768)
		return emit(st, stamp, msg, len, 32768);
	if (len <= 65536)
		return emit(st, stamp, msg, len, 65536);
	if (len <= 131072)
		return emit(st, stamp, msg, len, 131072);
	if (len <= 262144)
		return emit(st, stamp, msg, len, 262144);
	if (len <= 524288)
		return emit(st, stamp, msg, len, 524288);
	return emit(st, stamp, msg, len, KCOMM_BPF_DATA_MAX);
}

/* bpf_probe_read_kernel() is a GPL-only helper: the program must say GPL to be loaded with it. */
char LICENSE[] SEC("license") = "GPL";
