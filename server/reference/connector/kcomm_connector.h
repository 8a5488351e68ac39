/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_connector.ko, shared by the module and user space.
 *
 * A NETLINK_CONNECTOR socket (socket(AF_NETLINK, SOCK_DGRAM, NETLINK_CONNECTOR)) sends one
 * nlmsghdr + struct cn_msg (include/uapi/linux/connector.h) per request to the kernel (nl_pid 0),
 * with cn_msg.id = { KCOMM_CN_IDX, KCOMM_CN_VAL }, cn_msg.len = the bytes after the cn_msg, and
 * those bytes a struct kcomm_cn_hdr followed by hdr.size bytes of payload.
 *
 * Replies and events come back the same way (nlmsg_type NLMSG_DONE), with the same id, the
 * request's seq, ack = seq + 1, and a struct kcomm_cn_hdr whose op says what it is.
 *
 * The id: connector ids are a hand-allocated table (include/uapi/linux/connector.h); the kernel's
 * own run from 1 to CN_NETLINK_USERS - 1 and its sample (samples/connector/cn_test.c) uses
 * CN_NETLINK_USERS + 3. We take CN_NETLINK_USERS + 13 with a val spelling "kc", still within the
 * CN_NETLINK_USERS + 0xf multicast groups the connector creates, since the group of an id is its
 * idx. cn_add_callback() refuses an {idx, val} already registered (the module then fails to load
 * with EINVAL, nothing is shared silently), and a listener of the group checks the id of every
 * message, because another val under the same idx would share the group.
 *
 * The idx is even on purpose: since 6.6 the connector's bind check (drivers/connector/connector.c:
 * cn_bind) tests bit CN_IDX_PROC - 1 of the group *number*, so an unprivileged socket may join any
 * odd-numbered group, not only CN_IDX_PROC. An even group still needs CAP_NET_ADMIN to join.
 */
#ifndef _KCOMM_CONNECTOR_H
#define _KCOMM_CONNECTOR_H

#include <linux/connector.h>
#include <linux/types.h>

#define KCOMM_CN_IDX		(CN_NETLINK_USERS + 13)
#define KCOMM_CN_VAL		0x6b63		/* "kc" */
#define KCOMM_CN_GROUP		KCOMM_CN_IDX	/* cn_add_callback() sets group = idx */

enum kcomm_cn_op {
	KCOMM_CN_OP_ECHO = 1,		/* reply with the same payload (unicast to the sender) */
	KCOMM_CN_OP_SINK = 2,		/* consume the payload, no reply */
	KCOMM_CN_OP_TRIGGER = 3,	/* an EVENT of hdr.size bytes, to the sender or the group */
	KCOMM_CN_OP_STATS = 4,		/* reply with struct kcomm_cn_stats */
	KCOMM_CN_OP_EVENT = 5,		/* kernel to user only: starts with ktime_get_ns() */
	KCOMM_CN_OP_DENIED = 6,		/* kernel to user only: the request needs CAP_NET_ADMIN */
};

/* TRIGGER: multicast the event to KCOMM_CN_GROUP (needs CAP_NET_ADMIN) instead of to the sender. */
#define KCOMM_CN_F_MULTICAST	0x1

struct kcomm_cn_hdr {
	__u16 op;	/* enum kcomm_cn_op */
	__u16 flags;	/* KCOMM_CN_F_*; 0 for anything but TRIGGER */
	__u32 size;	/* ECHO, SINK: payload bytes after the header; TRIGGER: event size */
	__u32 reserved;	/* 0 */
};

/*
 * The connector core drops a message whose cn_msg and data exceed CONNECTOR_MAX_MSG_SIZE; the
 * payload is what is left after the two headers. An event is as large at most.
 */
#define KCOMM_CN_PAYLOAD_MAX	(CONNECTOR_MAX_MSG_SIZE - sizeof(struct cn_msg) - \
				 sizeof(struct kcomm_cn_hdr))
#define KCOMM_CN_EVENT_MIN	8	/* the stamp */

/* STATS reply payload: counters since the module was loaded. */
struct kcomm_cn_stats {
	__u64 received;	/* messages that reached the callback */
	__u64 dropped;	/* malformed: short, sizes that disagree, unknown op/flag, reserved set */
	__u64 denied;	/* well-formed but not allowed to this sender */
	__u64 sent;	/* replies and events handed to the connector */
	__u64 unsent;	/* replies and events not delivered (no listener, full buffer) */
};

#endif /* _KCOMM_CONNECTOR_H */
