// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_genetlink - a generic netlink family with typed, validated attributes.
 *
 * What this sample shows
 *   A family "kcomm" (version 1) registered with the generic netlink core, a
 *   family-wide attribute policy that the core enforces before our handlers
 *   run, three commands and one multicast group (see kcomm_genetlink.h):
 *     ECHO     request/response: the reply carries the same payload;
 *     SINK     user to kernel: payload accepted and counted, no reply;
 *     TRIGGER  makes the kernel multicast a stamped EVENT, with an optional
 *              payload of the requested size, to the "events" group: a
 *              kernel-to-user stream, and with DELAYED, fired later from a
 *              work item, the notification path (kcomm_notify.h).
 *   User space resolves the family and group ids by name through the "nlctrl"
 *   family (CTRL_CMD_GETFAMILY); no number has to be reserved anywhere.
 *
 * When to choose generic netlink
 *   For a structured, extensible control API of a subsystem: messages are
 *   TLV attributes, so new attributes and commands can be added without
 *   breaking old binaries; the core validates types and lengths from a
 *   declarative policy (and can dump it: `genl-ctrl-list -d`, `ynl`); it has
 *   multicast to any number of listeners, network-namespace awareness,
 *   per-command capability checks, extended ACK error messages and dumps of
 *   large tables. This is what the networking stack, nl80211, devlink,
 *   ethtool, thermal, etc. use, and what reviewers expect for new interfaces
 *   of that kind.
 * When not to
 *   Not for bulk data: each message is an skb allocated and copied per
 *   delivery, and an attribute is limited to 64 KiB. Not for the lowest
 *   latency (a socket round trip costs several times an ioctl). Overkill for
 *   one knob (sysfs) or one device's data stream (chardev).
 *
 * Data path
 *   sendmsg() copies the request into an skb; the core parses it, validates
 *   the attributes against kcomm_genl_policy and calls our doit in the
 *   sender's own context, synchronously. Replies and events are new skbs
 *   (genlmsg_new), queued on the receiving sockets, copied out by recvmsg().
 *
 * Size limits (why the benchmark stops at KCOMM_GENL_PAYLOAD_MAX)
 *   nla_len is a __u16 that includes the 4-byte attribute header, so one
 *   attribute holds at most 65531 bytes. Larger data would have to be split
 *   over several attributes or messages. The whole message must also fit the
 *   sender's socket send buffer (net.core.wmem_default, ~208 KiB) and the
 *   kernel's skb is one kmalloc (an order-5 allocation for 64 KiB).
 *
 * Execution context and locking
 *   Every doit runs in process context (the sending task) and may sleep, so
 *   GFP_KERNEL is fine. Without .parallel_ops the core would serialise all
 *   such families' handlers under one global genl_mutex; our handlers share
 *   only atomic counters, so we set parallel_ops and take no lock at all.
 *   An event source in atomic context (IRQ, timer, under a spinlock) would
 *   build and multicast the same message with GFP_ATOMIC. A DELAYED event
 *   waits on an hrtimer (the shared notify delay; a delayed_work counts in
 *   jiffies) whose callback only queues a work item, so the event, up to
 *   64 KiB, is still built with GFP_KERNEL in process context. Its one
 *   pending slot is guarded by a mutex and holds a reference on the
 *   trigger's netns until the event went out.
 *
 * Permissions
 *   ECHO and SINK only touch the caller's own data: open to any user.
 *   TRIGGER makes the kernel allocate up to 64 KiB per listener and wake
 *   every listener, so it requires GENL_UNS_ADMIN_PERM: CAP_NET_ADMIN in the
 *   user namespace that owns the caller's network namespace (a container's
 *   root may trigger events seen only in its own netns). GENL_ADMIN_PERM
 *   would demand CAP_NET_ADMIN in the initial user namespace, right for
 *   commands that affect the whole machine. Listening to "events" is open to
 *   every user: the group sets no .flags. A group whose events reveal
 *   something sensitive restricts joining with .flags = GENL_UNS_ADMIN_PERM
 *   on 6.1, renamed GENL_MCAST_CAP_NET_ADMIN (a different value) in 6.7, so
 *   such a module needs a LINUX_VERSION_CODE guard there.
 *
 * Multicast and ENOBUFS
 *   A multicast is never blocked by a slow listener: when a listener's
 *   receive buffer is full the message is dropped for that listener only and
 *   its next recvmsg() fails with ENOBUFS, "you lost events". The listener
 *   must then resynchronise; it can raise SO_RCVBUF or set
 *   NETLINK_NO_ENOBUFS. The sender is not told, which is why TRIGGER ignores
 *   the multicast result.
 *
 * Network namespaces
 *   .netnsok = true makes the family visible in every netns. That is correct
 *   only because each handler stays in the caller's netns: genlmsg_reply()
 *   answers the calling socket and events go to genl_info_net(info).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/version.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/netlink.h>

#include "kcomm_genetlink.h"
#include "kcomm_notify.h"

/* Index of "events" in kcomm_genl_mcgrps[], the "group" genlmsg_multicast wants. */
enum kcomm_genl_groups {
	KCOMM_GENL_GRP_EVENTS,
};

static atomic64_t kcomm_sink_msgs = ATOMIC64_INIT(0);
static atomic64_t kcomm_sink_bytes = ATOMIC64_INIT(0);

/* The policy range for KCOMM_A_SIZE; NLA_POLICY_MAX() only holds an s16 on 6.1. */
static struct netlink_range_validation kcomm_size_range = {
	.max = KCOMM_GENL_PAYLOAD_MAX,
};

/*
 * The policy: the core checks every request against it before calling us
 * (type, length, range), and with strict validation also rejects unknown
 * attribute types, trailing bytes and a non-zero genlmsghdr.reserved. STAMP
 * and PAD only ever travel from the kernel, so requests carrying them are
 * rejected rather than silently ignored.
 */
static const struct nla_policy kcomm_genl_policy[KCOMM_A_MAX + 1] = {
	[KCOMM_A_SEQ] = { .type = NLA_U32 },
	[KCOMM_A_STAMP] = { .type = NLA_REJECT },
	[KCOMM_A_PAYLOAD] = { .type = NLA_BINARY, .len = KCOMM_GENL_PAYLOAD_MAX },
	[KCOMM_A_SIZE] = NLA_POLICY_FULL_RANGE(NLA_U32, &kcomm_size_range),
	[KCOMM_A_PAD] = { .type = NLA_REJECT },
	[KCOMM_A_DELAYED] = { .type = NLA_FLAG },
	[KCOMM_A_RX_STATS] = { .type = NLA_REJECT },
};

static struct genl_family kcomm_genl_family;

/* The one DELAYED event in flight, if armed; stopping: the module is going. */
static DEFINE_MUTEX(kcomm_delayed_lock);
static struct {
	bool armed, stopping, has_seq;
	struct net *net;	/* a reference, while armed */
	u32 size, seq;
} kcomm_delayed;
static struct hrtimer kcomm_delayed_timer;
static struct work_struct kcomm_delayed_work;

/*
 * ECHO and SINK payloads, checked as kcomm benchmark messages (kcomm_msg.h).
 * One receiver for the family: concurrent senders' numbers interleave and
 * show as reordered, which is what they are from the kernel's side.
 */
static DEFINE_MUTEX(kcomm_rx_lock);
static struct kcomm_msg_stats kcomm_rx;

/* A real driver would act on the payload here; this one checks it. */
static void kcomm_genl_account(const struct nlattr *payload)
{
	mutex_lock(&kcomm_rx_lock);
	kcomm_msg_account(&kcomm_rx, nla_data(payload), nla_len(payload));
	mutex_unlock(&kcomm_rx_lock);
}

/* Room for the attributes every kernel-built message carries besides PAYLOAD. */
static size_t kcomm_genl_msg_size(size_t payload)
{
	return nla_total_size(payload) +		/* KCOMM_A_PAYLOAD */
	       nla_total_size(sizeof(u32)) +		/* KCOMM_A_SEQ */
	       nla_total_size_64bit(sizeof(u64));	/* KCOMM_A_STAMP (+ PAD) */
}

static int kcomm_genl_put_seq(struct sk_buff *msg, struct genl_info *info)
{
	struct nlattr *seq = info->attrs[KCOMM_A_SEQ];

	return seq ? nla_put_u32(msg, KCOMM_A_SEQ, nla_get_u32(seq)) : 0;
}

static int kcomm_genl_echo(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *payload;
	struct sk_buff *reply;
	void *hdr;

	/* Required attribute: a missing one is reported precisely in the ext ACK. */
	if (GENL_REQ_ATTR_CHECK(info, KCOMM_A_PAYLOAD))
		return -EINVAL;
	payload = info->attrs[KCOMM_A_PAYLOAD];
	kcomm_genl_account(payload);

	reply = genlmsg_new(kcomm_genl_msg_size(nla_len(payload)), GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &kcomm_genl_family, 0,
				KCOMM_CMD_ECHO);
	if (!hdr)
		goto out_free_reply;
	if (nla_put(reply, KCOMM_A_PAYLOAD, nla_len(payload), nla_data(payload)) ||
	    kcomm_genl_put_seq(reply, info) ||
	    nla_put_u64_64bit(reply, KCOMM_A_STAMP, ktime_get_ns(), KCOMM_A_PAD))
		goto out_cancel_msg;
	genlmsg_end(reply, hdr);
	/* Consumes reply whatever happens; fails if the caller's queue is full. */
	return genlmsg_reply(reply, info);

out_cancel_msg:
	genlmsg_cancel(reply, hdr);
out_free_reply:
	nlmsg_free(reply);
	return -EMSGSIZE;
}

static int kcomm_genl_sink(struct sk_buff *skb, struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, KCOMM_A_PAYLOAD))
		return -EINVAL;
	kcomm_genl_account(info->attrs[KCOMM_A_PAYLOAD]);
	atomic64_inc(&kcomm_sink_msgs);
	atomic64_add(nla_len(info->attrs[KCOMM_A_PAYLOAD]), &kcomm_sink_bytes);
	return 0;
}

/* Build and multicast one EVENT into net; process context. */
static int kcomm_genl_event(struct net *net, u32 size, const u32 *seq)
{
	struct nlattr *payload;
	struct sk_buff *msg;
	void *hdr;
	u64 stamp;

	/* Nobody listening in this netns: building the event would be wasted. */
	if (!genl_has_listeners(&kcomm_genl_family, net, KCOMM_GENL_GRP_EVENTS))
		return 0;

	stamp = ktime_get_ns();	/* before the event is produced, as every module stamps */
	msg = genlmsg_new(kcomm_genl_msg_size(size), GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	/* portid 0, seq 0: an event is not an answer to anyone's request. */
	hdr = genlmsg_put(msg, 0, 0, &kcomm_genl_family, 0, KCOMM_CMD_EVENT);
	if (!hdr)
		goto out_free_msg;
	if (seq && nla_put_u32(msg, KCOMM_A_SEQ, *seq))
		goto out_cancel_msg;
	if (size) {
		/*
		 * nla_reserve() leaves the payload uninitialised (only the
		 * alignment padding is zeroed): fill every byte, or the event
		 * would leak old kernel memory to every listener.
		 */
		payload = nla_reserve(msg, KCOMM_A_PAYLOAD, size);
		if (!payload)
			goto out_cancel_msg;
		memset(nla_data(payload), 0xa5, size);
	}
	if (nla_put_u64_64bit(msg, KCOMM_A_STAMP, stamp, KCOMM_A_PAD))
		goto out_cancel_msg;
	genlmsg_end(msg, hdr);

	/*
	 * Consumes msg. -ESRCH (the listeners left meanwhile) and -ENOBUFS (a
	 * listener's queue overflowed; it will see ENOBUFS itself) are not the
	 * trigger's fault, so they are not reported back to it.
	 */
	genlmsg_multicast_netns(&kcomm_genl_family, net, msg, 0,
				KCOMM_GENL_GRP_EVENTS, GFP_KERNEL);
	return 0;

out_cancel_msg:
	genlmsg_cancel(msg, hdr);
out_free_msg:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static int kcomm_genl_rx_stats(struct sk_buff *skb, struct genl_info *info)
{
	struct kcomm_msg_stats rx;
	struct sk_buff *reply;
	void *hdr;

	mutex_lock(&kcomm_rx_lock);
	rx = kcomm_rx;
	mutex_unlock(&kcomm_rx_lock);
	reply = genlmsg_new(nla_total_size(sizeof(rx)), GFP_KERNEL);
	if (!reply)
		return -ENOMEM;
	hdr = genlmsg_put_reply(reply, info, &kcomm_genl_family, 0,
				KCOMM_CMD_RX_STATS);
	if (!hdr || nla_put(reply, KCOMM_A_RX_STATS, sizeof(rx), &rx)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

/* Interrupt context: the delay is over; the event is built where it may sleep. */
static enum hrtimer_restart kcomm_delayed_timer_fn(struct hrtimer *timer)
{
	queue_work(system_wq, &kcomm_delayed_work);
	return HRTIMER_NORESTART;
}

static void kcomm_delayed_work_fn(struct work_struct *work)
{
	struct net *net;
	u32 size, seq;
	bool has_seq;

	mutex_lock(&kcomm_delayed_lock);
	net = kcomm_delayed.armed ? kcomm_delayed.net : NULL;
	size = kcomm_delayed.size;
	seq = kcomm_delayed.seq;
	has_seq = kcomm_delayed.has_seq;
	kcomm_delayed.armed = false;
	kcomm_delayed.net = NULL;
	mutex_unlock(&kcomm_delayed_lock);
	if (!net)
		return;
	/* Nobody to report a failure to: the listeners see no event. */
	kcomm_genl_event(net, size, has_seq ? &seq : NULL);
	put_net(net);
}

static int kcomm_genl_arm(struct net *net, u32 size, const u32 *seq)
{
	int ret = 0;

	mutex_lock(&kcomm_delayed_lock);
	if (kcomm_delayed.stopping) {
		ret = -ESHUTDOWN;
	} else if (kcomm_delayed.armed) {
		ret = -EBUSY;
	} else {
		kcomm_delayed.armed = true;
		kcomm_delayed.net = get_net(net);
		kcomm_delayed.size = size;
		kcomm_delayed.has_seq = seq;
		kcomm_delayed.seq = seq ? *seq : 0;
		hrtimer_start(&kcomm_delayed_timer,
			      ns_to_ktime(KCOMM_NOTIFY_DELAY_NS),
			      HRTIMER_MODE_REL);
	}
	mutex_unlock(&kcomm_delayed_lock);
	return ret;
}

static int kcomm_genl_trigger(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *size_attr = info->attrs[KCOMM_A_SIZE];
	u32 size = size_attr ? nla_get_u32(size_attr) : 0; /* range checked */
	struct nlattr *seq_attr = info->attrs[KCOMM_A_SEQ];
	u32 seq = seq_attr ? nla_get_u32(seq_attr) : 0;
	struct net *net = genl_info_net(info);
	int ret;

	if (nla_get_flag(info->attrs[KCOMM_A_DELAYED])) {
		ret = kcomm_genl_arm(net, size, seq_attr ? &seq : NULL);
		if (ret == -EBUSY)
			GENL_SET_ERR_MSG(info, "a delayed event is already pending");
		return ret;
	}
	return kcomm_genl_event(net, size, seq_attr ? &seq : NULL);
}

/*
 * genl_small_ops: the compact form when per-command policies are not needed
 * (the family-wide policy applies). .validate = 0 means full strict
 * validation, which a family created on 6.1 or later gets for every command
 * because resv_start_op is left at 0 (see struct genl_family).
 */
static const struct genl_small_ops kcomm_genl_ops[] = {
	{
		.cmd = KCOMM_CMD_ECHO,
		.doit = kcomm_genl_echo,
	},
	{
		.cmd = KCOMM_CMD_SINK,
		.doit = kcomm_genl_sink,
	},
	{
		.cmd = KCOMM_CMD_TRIGGER,
		.doit = kcomm_genl_trigger,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	{
		.cmd = KCOMM_CMD_RX_STATS,
		.doit = kcomm_genl_rx_stats,
	},
};

static const struct genl_multicast_group kcomm_genl_mcgrps[] = {
	[KCOMM_GENL_GRP_EVENTS] = { .name = KCOMM_GENL_MCGRP_EVENTS },
};

static struct genl_family kcomm_genl_family __ro_after_init = {
	.name = KCOMM_GENL_NAME,
	.version = KCOMM_GENL_VERSION,
	.maxattr = KCOMM_A_MAX,
	.policy = kcomm_genl_policy,
	.netnsok = true,
	.parallel_ops = true,
	/* resv_start_op stays 0: strict checks for every command, as new families should. */
	.module = THIS_MODULE,
	.small_ops = kcomm_genl_ops,
	.n_small_ops = ARRAY_SIZE(kcomm_genl_ops),
	.mcgrps = kcomm_genl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(kcomm_genl_mcgrps),
};

static int __init kcomm_genl_init(void)
{
	int ret;

	INIT_WORK(&kcomm_delayed_work, kcomm_delayed_work_fn);
	/* hrtimer_setup() replaced hrtimer_init() + assigning .function in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&kcomm_delayed_timer, kcomm_delayed_timer_fn,
		      CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&kcomm_delayed_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	kcomm_delayed_timer.function = kcomm_delayed_timer_fn;
#endif

	/*
	 * One call registers the family, its commands and its groups; from here
	 * on requests may arrive, so everything they use must already be set up.
	 */
	ret = genl_register_family(&kcomm_genl_family);
	if (ret) {
		pr_err("cannot register family \"%s\": %d\n", KCOMM_GENL_NAME, ret);
		return ret;
	}
	pr_info("family \"%s\" registered, id %d\n", KCOMM_GENL_NAME,
		kcomm_genl_family.id);
	return 0;
}

static void __exit kcomm_genl_exit(void)
{
	/*
	 * Generic netlink sockets do not pin the module: refuse new delayed
	 * events, then stop the timer (it queues the work) and the work (it
	 * uses the family) before the family goes away.
	 */
	mutex_lock(&kcomm_delayed_lock);
	kcomm_delayed.stopping = true;
	mutex_unlock(&kcomm_delayed_lock);
	hrtimer_cancel(&kcomm_delayed_timer);
	cancel_work_sync(&kcomm_delayed_work);
	/* A timer cancelled before it fired leaves the slot armed. */
	if (kcomm_delayed.armed)
		put_net(kcomm_delayed.net);

	/*
	 * Waits for running handlers (the core holds a module reference while a
	 * doit runs) and removes the family; sockets stay open but requests to
	 * the old id now fail with ENOENT.
	 */
	genl_unregister_family(&kcomm_genl_family);
	pr_info("sink received %lld messages, %lld bytes\n",
		(long long)atomic64_read(&kcomm_sink_msgs),
		(long long)atomic64_read(&kcomm_sink_bytes));
}

module_init(kcomm_genl_init);
module_exit(kcomm_genl_exit);

MODULE_DESCRIPTION("kcomm reference: generic netlink family with multicast events");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
