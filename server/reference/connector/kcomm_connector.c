// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_connector - a callback on a connector id of its own, with replies and broadcasts
 *
 * What this sample shows
 *   cn_add_callback() on {KCOMM_CN_IDX, KCOMM_CN_VAL} (kcomm_connector.h says why this id),
 *   a callback that checks every message before it trusts it, and the two ways back with
 *   cn_netlink_send(): unicast to the sending socket (ECHO, STATS, a TRIGGER's event) and
 *   multicast to the id's group (a TRIGGER with KCOMM_CN_F_MULTICAST).
 *
 * When to choose the connector - practically never for new code
 *   It is a thin layer over one netlink protocol: ids are a fixed, hand-allocated table that a
 *   private module can collide with, there is no attribute policy, no discovery, no per-command
 *   permission. Generic netlink has all of that. The connector stays for what already speaks it
 *   (the process events connector cn_proc, w1, Hyper-V's KVP/VSS, dm-log-userspace), and this
 *   sample is for someone who maintains or reads such code.
 *
 * What the callback can trust
 *   The connector core checks that cn_msg.len fits the netlink message and that the whole is at
 *   most CONNECTOR_MAX_MSG_SIZE, and calls us only for our exact id. Everything inside cn_msg.data
 *   is the sender's: we check the header's length, op, flags, reserved field and size against
 *   cn_msg.len, and drop (count, never log: any user can send) whatever does not add up.
 *
 * Permissions (the same on 6.1 and 6.12)
 *   Any local user may send to the callback: the connector checks no capability on the way in. So
 *   the callback checks the sender itself, with __netlink_ns_capable() on the netlink_skb_parms it
 *   is given (the capability of the socket's opener and of the sender): a TRIGGER multicast,
 *   which reaches every listener, needs CAP_NET_ADMIN; answers to the sender itself do not.
 *   Listening to the group needs CAP_NET_ADMIN for the listener: on 6.1 for every connector group,
 *   since 6.6 for every group but CN_IDX_PROC (drivers/connector/connector.c: cn_bind).
 *
 * Execution context
 *   The callback runs in the sender's process context, inside its sendmsg(), possibly on several
 *   CPUs at once; the state here is atomic counters. The reply is allocated without sleeping
 *   (GFP_NOWAIT) because cn_netlink_send() blocks on a full receive buffer when the allocation may
 *   sleep, and the receiver here is the very task that is sending: a sender that never reads
 *   would wait forever. A full buffer drops the reply instead and the socket reports ENOBUFS.
 *
 * Lifetime
 *   User sockets belong to the connector, not to us: they do not pin this module. cn_del_callback()
 *   waits for callbacks in flight, and after it messages for our id are dropped by the connector.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/connector.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/netlink.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/user_namespace.h>

#include "kcomm_connector.h"

static const struct cb_id kcomm_cn_id = { .idx = KCOMM_CN_IDX, .val = KCOMM_CN_VAL };

static atomic64_t stat_received, stat_dropped, stat_denied, stat_sent, stat_unsent;

/* A message of ours, ready for cn_netlink_send(); payload bytes follow the kcomm header. */
static struct cn_msg *kcomm_cn_alloc(const struct cn_msg *req, u16 op, u32 size)
{
	struct cn_msg *msg = kzalloc(sizeof(*msg) + sizeof(struct kcomm_cn_hdr) + size, GFP_KERNEL);
	struct kcomm_cn_hdr *hdr;

	if (!msg)
		return NULL;
	msg->id = kcomm_cn_id;
	msg->seq = req->seq;
	msg->ack = req->seq + 1;
	msg->len = sizeof(*hdr) + size;
	hdr = (struct kcomm_cn_hdr *)msg->data;
	hdr->op = op;
	hdr->size = size;
	return msg;
}

/* Unicast to portid, or multicast to our group when portid is 0; frees msg. */
static void kcomm_cn_send(struct cn_msg *msg, u32 portid)
{
	int ret = cn_netlink_send(msg, portid, portid ? 0 : KCOMM_CN_GROUP,
				  GFP_NOWAIT | __GFP_NOWARN);

	/* -ESRCH: nobody in the group; -EAGAIN, -ENOBUFS: a full receive buffer. */
	atomic64_inc(ret < 0 ? &stat_unsent : &stat_sent);
	kfree(msg);
}

static void kcomm_cn_reply(const struct cn_msg *req, u32 portid, u16 op, const void *data,
			   u32 size)
{
	struct cn_msg *msg = kcomm_cn_alloc(req, op, size);

	if (!msg) {
		atomic64_inc(&stat_unsent);
		return;
	}
	if (size)
		memcpy(msg->data + sizeof(struct kcomm_cn_hdr), data, size);
	kcomm_cn_send(msg, portid);
}

static void kcomm_cn_trigger(const struct cn_msg *req, const struct kcomm_cn_hdr *hdr, u32 portid)
{
	struct cn_msg *msg = kcomm_cn_alloc(req, KCOMM_CN_OP_EVENT, hdr->size);
	u8 *data;
	u64 stamp;

	if (!msg) {
		atomic64_inc(&stat_unsent);
		return;
	}
	data = msg->data + sizeof(struct kcomm_cn_hdr);
	stamp = ktime_get_ns();
	memcpy(data, &stamp, sizeof(stamp));
	memset(data + sizeof(stamp), 0xa5, hdr->size - sizeof(stamp));
	kcomm_cn_send(msg, hdr->flags & KCOMM_CN_F_MULTICAST ? 0 : portid);
}

static void kcomm_cn_stats(const struct cn_msg *req, u32 portid)
{
	struct kcomm_cn_stats s = {
		.received = atomic64_read(&stat_received),
		.dropped = atomic64_read(&stat_dropped),
		.denied = atomic64_read(&stat_denied),
		.sent = atomic64_read(&stat_sent),
		.unsent = atomic64_read(&stat_unsent),
	};

	kcomm_cn_reply(req, portid, KCOMM_CN_OP_STATS, &s, sizeof(s));
}

/* Is the request well-formed? Sizes are checked against what arrived, never trusted. */
static bool kcomm_cn_valid(const struct cn_msg *msg, const struct kcomm_cn_hdr *hdr)
{
	u32 data = msg->len - sizeof(*hdr);

	if (hdr->reserved)
		return false;
	if (hdr->flags & ~(hdr->op == KCOMM_CN_OP_TRIGGER ? KCOMM_CN_F_MULTICAST : 0))
		return false;
	switch (hdr->op) {
	case KCOMM_CN_OP_ECHO:
	case KCOMM_CN_OP_SINK:
		return hdr->size == data && data <= KCOMM_CN_PAYLOAD_MAX;
	case KCOMM_CN_OP_TRIGGER:
		return data == 0 && hdr->size >= KCOMM_CN_EVENT_MIN &&
		       hdr->size <= KCOMM_CN_PAYLOAD_MAX;
	case KCOMM_CN_OP_STATS:
		return data == 0 && hdr->size == 0;
	default:
		return false;	/* EVENT and DENIED go the other way */
	}
}

static void kcomm_cn_callback(struct cn_msg *msg, struct netlink_skb_parms *nsp)
{
	const struct kcomm_cn_hdr *hdr = (const struct kcomm_cn_hdr *)msg->data;

	atomic64_inc(&stat_received);
	/* The core checked that msg->len bytes are there; not that they hold our header. */
	if (msg->len < sizeof(*hdr) || !kcomm_cn_valid(msg, hdr)) {
		atomic64_inc(&stat_dropped);
		return;
	}
	/* Reaching every listener is a privilege; checked on the sender, not the socket alone. */
	if (hdr->op == KCOMM_CN_OP_TRIGGER && (hdr->flags & KCOMM_CN_F_MULTICAST) &&
	    !__netlink_ns_capable(nsp, &init_user_ns, CAP_NET_ADMIN)) {
		atomic64_inc(&stat_denied);
		kcomm_cn_reply(msg, nsp->portid, KCOMM_CN_OP_DENIED, NULL, 0);
		return;
	}
	switch (hdr->op) {
	case KCOMM_CN_OP_ECHO:
		kcomm_cn_reply(msg, nsp->portid, KCOMM_CN_OP_ECHO, hdr + 1, hdr->size);
		break;
	case KCOMM_CN_OP_SINK:
		break;
	case KCOMM_CN_OP_TRIGGER:
		kcomm_cn_trigger(msg, hdr, nsp->portid);
		break;
	case KCOMM_CN_OP_STATS:
		kcomm_cn_stats(msg, nsp->portid);
		break;
	}
}

static int __init kcomm_connector_init(void)
{
	int ret = cn_add_callback(&kcomm_cn_id, KBUILD_MODNAME, kcomm_cn_callback);

	if (ret) {
		/* -EINVAL: someone else registered this {idx, val} first. */
		pr_err("cn_add_callback(%u:%u): %d\n", kcomm_cn_id.idx, kcomm_cn_id.val, ret);
		return ret;
	}
	pr_info("ready: connector id %u:%u, group %u\n", kcomm_cn_id.idx, kcomm_cn_id.val,
		KCOMM_CN_GROUP);
	return 0;
}

static void __exit kcomm_connector_exit(void)
{
	cn_del_callback(&kcomm_cn_id);
	pr_info("%lld messages, %lld dropped, %lld denied\n", atomic64_read(&stat_received),
		atomic64_read(&stat_dropped), atomic64_read(&stat_denied));
}

module_init(kcomm_connector_init);
module_exit(kcomm_connector_exit);

MODULE_DESCRIPTION("kcomm reference: a connector callback with replies and group broadcasts");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
