// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_bpf_ringbuf - feeding a BPF ring buffer from a module: a tracepoint and a BPF program
 *
 * What this sample shows
 *   A module cannot write into a BPF ring buffer (BPF_MAP_TYPE_RINGBUF): the map belongs to a BPF
 *   program and to the user space that loaded it, and the kernel exports no API to modules that
 *   produces into it. What a module can do is offer its data at a tracepoint. The chain is:
 *
 *     module          trace_kcomm_bpf_msg(seq, stamp, msg, len)        (this file)
 *     BPF program     raw_tp/kcomm_bpf_msg: copies msg into the ring   (kcomm_bpf_ringbuf.bpf.c)
 *     user space      ring_buffer__poll() on the map                   (bpf_ringbuf_user.c)
 *
 *   Writing a decimal N to /sys/kernel/kcomm_bpf_ringbuf/trigger builds one N-byte kcomm message
 *   (kcomm_msg.h: every byte written, numbered, its content its own checksum), stamps it with
 *   ktime_get_ns() and fires the tracepoint with a pointer to it. The tracepoint is defined with
 *   TRACE_EVENT() in kcomm_bpf_ringbuf_trace.h, so ftrace and perf see it too (seq, stamp and len;
 *   the payload reaches BPF by reference only, see that header).
 *
 * What a disabled tracepoint costs
 *   Nothing is built while nobody is attached: trace_kcomm_bpf_msg_enabled() is a static branch,
 *   and only when a probe (a BPF program, perf, ftrace) is attached does the module allocate and
 *   fill the message. The number is counted either way, so a consumer that attaches late sees
 *   where it started.
 *
 * Who may consume it
 *   Loading a BPF program and attaching it to a tracepoint needs CAP_BPF and CAP_PERFMON (or
 *   CAP_SYS_ADMIN); unprivileged BPF is off by default (kernel.unprivileged_bpf_disabled). Under
 *   lockdown=confidentiality the kernel refuses BPF reads of kernel memory (bpf_probe_read_kernel),
 *   which is what the program uses. The BPF ring buffer exists since Linux 5.8. See README.md.
 *
 * Context and lifetime
 *   The message lives only during the tracepoint call: the BPF program must copy it before it
 *   returns (it does). Tracepoint probes run with preemption disabled and must not sleep; the
 *   allocation happens before, in the sysfs store (process context, GFP_KERNEL). Writers may run
 *   at once: the counter is an atomic64_t and each writer has its own buffer.
 *
 * Unloading
 *   An attached raw tracepoint program holds a reference on the module that defines the
 *   tracepoint: rmmod fails with EBUSY until the program is detached (its link closed), so the
 *   tracepoint cannot disappear under a running BPF program. An open trigger file does not pin
 *   the module; it answers ENODEV after the unload.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "kcomm_bpf_ringbuf.h"
#include "kcomm_msg.h"

#define CREATE_TRACE_POINTS
#include "kcomm_bpf_ringbuf_trace.h"

static atomic64_t kcomm_bpf_seq = ATOMIC64_INIT(0);
static atomic64_t kcomm_bpf_fired = ATOMIC64_INIT(0);
static struct kobject *kcomm_bpf_kobj;

/* trigger (0200): a decimal N, 0..KCOMM_BPF_DATA_MAX; fires kcomm_bpf_msg once with N bytes. */
static ssize_t trigger_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	unsigned int len;
	u64 stamp, seq;
	void *msg;
	int ret;

	ret = kstrtouint(buf, 10, &len);
	if (ret)
		return ret;
	if (len > KCOMM_BPF_DATA_MAX)
		return -EMSGSIZE;
	seq = atomic64_inc_return(&kcomm_bpf_seq);
	if (!trace_kcomm_bpf_msg_enabled())
		return count;	/* nobody attached: the message would go nowhere */
	msg = kvmalloc(max_t(size_t, len, 1), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	kcomm_msg_fill(msg, len, seq);
	stamp = ktime_get_ns();
	trace_kcomm_bpf_msg(seq, stamp, msg, len);
	atomic64_inc(&kcomm_bpf_fired);
	kvfree(msg);
	return count;
}

static struct kobj_attribute trigger_attr = __ATTR_WO(trigger);

static struct attribute *kcomm_bpf_attrs[] = {
	&trigger_attr.attr,
	NULL,
};

static const struct attribute_group kcomm_bpf_group = {
	.attrs = kcomm_bpf_attrs,
};

static int __init kcomm_bpf_init(void)
{
	int ret;

	kcomm_bpf_kobj = kobject_create_and_add("kcomm_bpf_ringbuf", kernel_kobj);
	if (!kcomm_bpf_kobj)
		return -ENOMEM;
	ret = sysfs_create_group(kcomm_bpf_kobj, &kcomm_bpf_group);
	if (ret)
		goto out_put_kobj;
	pr_info("ready: %s, tracepoint %s:%s\n", KCOMM_BPF_TRIGGER_PATH, KCOMM_BPF_TP_SYSTEM,
		KCOMM_BPF_TP_EVENT);
	return 0;

out_put_kobj:
	kobject_put(kcomm_bpf_kobj);
	return ret;
}

static void __exit kcomm_bpf_exit(void)
{
	kobject_put(kcomm_bpf_kobj);	/* removes the attribute group with the directory */
	pr_info("%lld messages numbered, %lld fired to an attached probe\n",
		(long long)atomic64_read(&kcomm_bpf_seq),
		(long long)atomic64_read(&kcomm_bpf_fired));
}

module_init(kcomm_bpf_init);
module_exit(kcomm_bpf_exit);

MODULE_DESCRIPTION("kcomm reference: a tracepoint that feeds a BPF ring buffer via a BPF program");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
