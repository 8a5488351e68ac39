/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_netlink.h - the classic netlink protocol of kcomm_netlink, shared by
 * the module and its users.
 *
 * socket(AF_NETLINK, SOCK_RAW, KCOMM_NETLINK_PROTO); messages are a struct
 * nlmsghdr followed by raw bytes (no attributes: the type says it all).
 */
#ifndef _UAPI_KCOMM_NETLINK_H
#define _UAPI_KCOMM_NETLINK_H

#include <linux/types.h>

#include "kcomm_msg.h"

/*
 * The protocol number. There are only MAX_LINKS = 32 of them for the whole
 * kernel, <linux/netlink.h> assigns 0..22, and nothing coordinates the rest:
 * another out-of-tree module (or a future kernel) may take the same number,
 * in which case netlink_kernel_create() fails and our module does not load.
 * That is the main reason new interfaces use generic netlink instead.
 */
#define KCOMM_NETLINK_PROTO		25

/* Multicast group for events: groups are numbered from 1 (bit 0 of nl_groups). */
#define KCOMM_NETLINK_GROUP_EVENTS	1

/* Largest payload after the nlmsghdr, in either direction: 128 KiB. */
#define KCOMM_NETLINK_PAYLOAD_MAX	(128u * 1024)

/* Message types; 0..15 (below NLMSG_MIN_TYPE) are netlink's own control messages. */
enum kcomm_netlink_type {
	KCOMM_NL_MSG_ECHO = 0x10,	/* payload: any bytes; the reply has the same */
	KCOMM_NL_MSG_SINK = 0x11,	/* payload: any bytes; counted, no reply */
	KCOMM_NL_MSG_TRIGGER = 0x12,	/* payload: struct kcomm_netlink_trigger */
	KCOMM_NL_MSG_EVENT = 0x13,	/* kernel to user: __u64 stamp, then filler */
	/* no payload; the reply: struct kcomm_msg_stats of what ECHO and SINK received */
	KCOMM_NL_MSG_RX_STATS = 0x14,
};

/* Ask for an EVENT of .size bytes (>= 8: it starts with the kernel's ktime_get_ns()). */
struct kcomm_netlink_trigger {
	__u32 size;
	__u32 flags;			/* KCOMM_NL_TRIGGER_*, others must be 0 */
};

/* Send the event to the "events" group instead of back to the requester. */
#define KCOMM_NL_TRIGGER_MULTICAST	0x1u
/*
 * Fire the event KCOMM_NOTIFY_DELAY_NS (kcomm_notify.h) after the request,
 * from a work item, instead of inside it: the notify protocol, where the
 * requester is asleep in recv() when the event comes. One delayed event at a
 * time: another DELAYED trigger before it fired gets EBUSY.
 */
#define KCOMM_NL_TRIGGER_DELAYED	0x2u

#endif /* _UAPI_KCOMM_NETLINK_H */
