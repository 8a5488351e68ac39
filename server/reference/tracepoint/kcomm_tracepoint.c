// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_tracepoint - a trace event of the module's own: TRACE_EVENT() and trace_<event>()
 *
 * What this sample shows
 *   kcomm_tracepoint_trace.h defines the event kcomm:kcomm_msg with TRACE_EVENT(): its arguments,
 *   its record in the ring buffer (two u64, a length, a dynamic array of data) and its text. This
 *   file defines CREATE_TRACE_POINTS before including it, once in the module, which generates the
 *   event. Writing a decimal N to /sys/kernel/kcomm_tracepoint/trigger calls trace_kcomm_msg()
 *   with N bytes.
 *
 *   Nothing is recorded until someone enables the event: in a tracefs instance
 *   (echo 1 > /sys/kernel/tracing/instances/<name>/events/kcomm/kcomm_msg/enable), with perf
 *   (perf record -e kcomm:kcomm_msg), or by attaching a BPF program (bpftrace's tracepoint:kcomm:
 *   kcomm_msg). Each consumer gets its own copy; see README.md.
 *
 * What a disabled event costs
 *   trace_kcomm_msg() is a static branch (a no-op until enabled): the arguments are not even
 *   evaluated into a record. Work done only to feed the event belongs behind
 *   trace_kcomm_msg_enabled(), as the data pointer below could be (it is cheap here).
 *
 * When to choose a tracepoint, and when not
 *   For observing what a module does, in production, at high rates and with the kernel's tools
 *   (ftrace, perf, BPF), at no cost while nobody looks. Not as an interface an application depends
 *   on: events are not a stable ABI (tools read the format file and adapt), reading them needs root
 *   (or CAP_PERFMON/CAP_BPF), and an overloaded buffer drops events, counting them.
 *
 * The size limit
 *   A record must fit one ring-buffer page with its headers (BUF_MAX_DATA_SIZE; a larger event is
 *   dropped); the data is bounded by KCOMM_TP_DATA_MAX (half a page) and a larger N is refused with
 *   EMSGSIZE.
 *
 * Context and concurrency
 *   A tracepoint may be called from any context, interrupts and NMIs included: recording is
 *   lockless into per-CPU buffers, with preemption disabled for the copy (TP_fast_assign must not
 *   sleep). Writers of the trigger may run at once; the counter is an atomic64_t.
 *
 * Unloading
 *   The module's events leave every instance with it (the ring buffers that held them are reset);
 *   an enabled event does not pin the module, and an open trigger file answers ENODEV afterwards.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/sysfs.h>

#include "kcomm_tracepoint.h"

#define CREATE_TRACE_POINTS
#include "kcomm_tracepoint_trace.h"

static atomic64_t kcomm_tp_seq = ATOMIC64_INIT(0);
static struct kobject *kcomm_tp_kobj;
/* 'a'..'z' repeated: event seq's data starts at offset seq % 26, so nothing is built per event. */
static char kcomm_tp_pattern[KCOMM_TP_DATA_MAX + 26];

/* trigger (0200): a decimal N, 0..KCOMM_TP_DATA_MAX; fires kcomm_msg once with N bytes. */
static ssize_t trigger_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	unsigned int len;
	u64 stamp, seq;
	int ret;

	ret = kstrtouint(buf, 10, &len);
	if (ret)
		return ret;
	if (len > KCOMM_TP_DATA_MAX)
		return -EMSGSIZE;
	stamp = ktime_get_ns();
	seq = atomic64_inc_return(&kcomm_tp_seq);
	trace_kcomm_msg(seq, stamp, kcomm_tp_pattern + seq % 26, len);
	return count;
}

static struct kobj_attribute trigger_attr = __ATTR_WO(trigger);

static struct attribute *kcomm_tp_attrs[] = {
	&trigger_attr.attr,
	NULL,
};

static const struct attribute_group kcomm_tp_group = {
	.attrs = kcomm_tp_attrs,
};

static int __init kcomm_tp_init(void)
{
	size_t i;
	int ret;

	for (i = 0; i < sizeof(kcomm_tp_pattern); i++)
		kcomm_tp_pattern[i] = 'a' + i % 26;
	kcomm_tp_kobj = kobject_create_and_add("kcomm_tracepoint", kernel_kobj);
	if (!kcomm_tp_kobj)
		return -ENOMEM;
	ret = sysfs_create_group(kcomm_tp_kobj, &kcomm_tp_group);
	if (ret)
		goto out_put_kobj;
	pr_info("ready: %s, event %s:%s\n", KCOMM_TP_TRIGGER_PATH, KCOMM_TP_SYSTEM, KCOMM_TP_EVENT);
	return 0;

out_put_kobj:
	kobject_put(kcomm_tp_kobj);
	return ret;
}

static void __exit kcomm_tp_exit(void)
{
	kobject_put(kcomm_tp_kobj);	/* removes the attribute group with the directory */
	pr_info("%lld events fired\n", (long long)atomic64_read(&kcomm_tp_seq));
}

module_init(kcomm_tp_init);
module_exit(kcomm_tp_exit);

MODULE_DESCRIPTION("kcomm reference: a trace event of its own (TRACE_EVENT), fired on a trigger");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
