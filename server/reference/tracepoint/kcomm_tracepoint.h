/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_tracepoint.ko, shared by the module and user space.
 *
 * Writing a decimal N to /sys/kernel/kcomm_tracepoint/trigger fires the trace event kcomm:kcomm_msg
 * once, with N bytes of data. The event's fields (its tracefs format file has the layout):
 *
 *   u64 seq             1, 2, 3 ... per event since the module was loaded
 *   u64 stamp           the kernel's ktime_get_ns() just before the event was fired
 *   unsigned int len    N
 *   char data[]         N printable characters, 'a' + (seq + i) % 26 for i = 0 .. N-1, and a NUL
 *
 * and its text in trace and trace_pipe: "kcomm_msg: seq=%llu stamp=%llu len=%u data=%s".
 */
#ifndef _KCOMM_TRACEPOINT_H
#define _KCOMM_TRACEPOINT_H

#define KCOMM_TP_SYSTEM			"kcomm"
#define KCOMM_TP_EVENT			"kcomm_msg"
#define KCOMM_TP_SYSFS			"/sys/kernel/kcomm_tracepoint"
#define KCOMM_TP_TRIGGER_PATH		KCOMM_TP_SYSFS "/trigger"

/*
 * The most data one event carries. An ftrace event must fit one ring-buffer page with its headers
 * (BUF_MAX_DATA_SIZE, about 4 KiB with 4 KiB pages), and its text line one trace_seq page: half a
 * page leaves both room to spare. A larger N is refused with EMSGSIZE.
 */
#define KCOMM_TP_DATA_MAX		2048

#endif /* _KCOMM_TRACEPOINT_H */
