/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tracepoint of kcomm_bpf_ringbuf.ko: read once as a normal header (declaring
 * trace_kcomm_bpf_msg()) and again by <trace/define_trace.h> in the one file that defines
 * CREATE_TRACE_POINTS (see the tracepoint reference, kcomm_tracepoint_trace.h, for the mechanics).
 *
 * TP_PROTO is what a raw tracepoint BPF program receives, argument by argument, in ctx->args[]:
 * here the message itself (a kernel pointer and its length). TP_STRUCT__entry is the record that
 * ftrace and perf consumers (and SEC("tracepoint/...") BPF programs) get: it deliberately holds no
 * payload. A trace record must fit one ring-buffer page for ftrace and PERF_MAX_TRACE_SIZE for perf
 * (a larger one is dropped, and perf warns once in the kernel log), so a 1 MiB message cannot
 * travel in the record; it travels by reference to the BPF program, which copies what it needs.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kcomm_bpf

#if !defined(_KCOMM_BPF_RINGBUF_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _KCOMM_BPF_RINGBUF_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(kcomm_bpf_msg,
	    TP_PROTO(u64 seq, u64 stamp, const void *msg, unsigned int len),
	    TP_ARGS(seq, stamp, msg, len),
	    TP_STRUCT__entry(__field(u64, seq)
			     __field(u64, stamp)
			     __field(unsigned int, len)),
	    TP_fast_assign(__entry->seq = seq;
			   __entry->stamp = stamp;
			   __entry->len = len;),
	    TP_printk("seq=%llu stamp=%llu len=%u", __entry->seq, __entry->stamp, __entry->len)
);

#endif /* _KCOMM_BPF_RINGBUF_TRACE_H */

#undef TRACE_INCLUDE_PATH
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_PATH .
#define TRACE_INCLUDE_FILE kcomm_bpf_ringbuf_trace
#include <trace/define_trace.h>
