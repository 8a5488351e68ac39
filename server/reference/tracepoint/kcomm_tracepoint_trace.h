/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The trace event of kcomm_tracepoint.ko. This header is read several times: once as a normal
 * header (declaring trace_kcomm_msg()), and again by <trace/define_trace.h>, in the one file that
 * defines CREATE_TRACE_POINTS, to generate the event's code, its format file and its print
 * function. Hence TRACE_HEADER_MULTI_READ in the guard, and TRACE_INCLUDE_PATH/FILE at the end:
 * define_trace.h includes this file again by that name, which is why the Kbuild adds the folder
 * to the include path.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kcomm

#if !defined(_KCOMM_TRACEPOINT_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _KCOMM_TRACEPOINT_TRACE_H

#include <linux/string.h>
#include <linux/tracepoint.h>

/*
 * TP_STRUCT__entry is the record in the ring buffer: fixed fields, then a dynamic array sized per
 * event (__dynamic_array stores its offset and length in the record; __get_dynamic_array() finds
 * it). TP_fast_assign fills the record; it runs only when the event is enabled somewhere. TP_printk
 * is used only when the text is read (trace, trace_pipe), not when the event is recorded.
 */
TRACE_EVENT(kcomm_msg,
	    TP_PROTO(u64 seq, u64 stamp, const char *data, unsigned int len),
	    TP_ARGS(seq, stamp, data, len),
	    TP_STRUCT__entry(__field(u64, seq)
			     __field(u64, stamp)
			     __field(unsigned int, len)
			     __dynamic_array(char, data, len + 1)),
	    TP_fast_assign(__entry->seq = seq;
			   __entry->stamp = stamp;
			   __entry->len = len;
			   memcpy(__get_dynamic_array(data), data, len);
			   ((char *)__get_dynamic_array(data))[len] = '\0';),
	    TP_printk("seq=%llu stamp=%llu len=%u data=%s",
		      __entry->seq, __entry->stamp, __entry->len, __get_str(data))
);

#endif /* _KCOMM_TRACEPOINT_TRACE_H */

#undef TRACE_INCLUDE_PATH
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_PATH .
#define TRACE_INCLUDE_FILE kcomm_tracepoint_trace
#include <trace/define_trace.h>
