/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_bpf_ringbuf.ko and of its BPF program, shared by the module,
 * the BPF program (kcomm_bpf_ringbuf.bpf.c) and user space.
 *
 * The chain: writing a decimal N to /sys/kernel/kcomm_bpf_ringbuf/trigger makes the module build
 * one N-byte kcomm message (kcomm_msg.h: every byte written, numbered), stamp it and fire the
 * tracepoint kcomm_bpf:kcomm_bpf_msg with it. A module cannot write into a BPF ring buffer itself:
 * a BPF program attached to that tracepoint (raw_tp/kcomm_bpf_msg) copies the message into a
 * BPF_MAP_TYPE_RINGBUF map, and user space reads the map (libbpf's ring_buffer__poll()).
 *
 * The tracepoint's arguments (what a raw tracepoint program gets in ctx->args[]):
 *
 *   args[0]  u64 seq            1, 2, 3 ... per message since the module was loaded
 *   args[1]  u64 stamp          ktime_get_ns() just before the tracepoint fired
 *   args[2]  const void *msg    the message, len bytes of kernel memory (valid during the call)
 *   args[3]  unsigned int len   N
 *
 * Its ftrace/perf record (the tracefs format file) carries only seq, stamp and len: the payload
 * reaches BPF through the pointer, so the record fits any trace buffer whatever N is.
 */
#ifndef _KCOMM_BPF_RINGBUF_H
#define _KCOMM_BPF_RINGBUF_H

#include <linux/types.h>

#define KCOMM_BPF_TP_SYSTEM		"kcomm_bpf"
#define KCOMM_BPF_TP_EVENT		"kcomm_bpf_msg"
#define KCOMM_BPF_SYSFS			"/sys/kernel/kcomm_bpf_ringbuf"
#define KCOMM_BPF_TRIGGER_PATH		KCOMM_BPF_SYSFS "/trigger"

/* The largest message: 1 MiB, the largest size kcomm measures. A larger N is refused (EMSGSIZE). */
#define KCOMM_BPF_DATA_MAX		1048576

/*
 * One record in the ring buffer: this header, then len bytes of the message. The BPF program
 * reserves a record of a fixed size class (see kcomm_bpf_ringbuf.bpf.c), so a record may be longer
 * than sizeof(header) + len; the bytes past len are not part of the message.
 */
struct kcomm_bpf_rec {
	__u64 stamp;	/* the module's ktime_get_ns() before it fired the tracepoint */
	__u32 len;	/* message bytes that follow */
	__u32 reserved;	/* 0 */
};

/*
 * The BPF program's counters, in the one-element array map "stats" (index 0), each counted once
 * per tracepoint call: records submitted, records dropped because the ring was full (reserve
 * failed), messages refused for being larger than KCOMM_BPF_DATA_MAX, and copies that faulted.
 */
struct kcomm_bpf_stats {
	__u64 submitted;
	__u64 dropped;
	__u64 too_big;
	__u64 copy_failed;
};

#endif /* _KCOMM_BPF_RINGBUF_H */
