/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_genetlink.h - the generic netlink family "kcomm": names, commands,
 * attributes and the multicast group, shared by the module and its users.
 *
 * User space finds the family's numeric id (and the group's id) at run time
 * with CTRL_CMD_GETFAMILY on the "nlctrl" family: nothing numeric here is
 * global except the command and attribute numbers, which are ABI and may only
 * be appended to.
 *
 * Message: struct nlmsghdr, struct genlmsghdr { cmd, version, reserved = 0 },
 * then attributes (struct nlattr + payload, each padded to 4 bytes).
 */
#ifndef _UAPI_KCOMM_GENETLINK_H
#define _UAPI_KCOMM_GENETLINK_H

#include <linux/types.h>

#include "kcomm_msg.h"

#define KCOMM_GENL_NAME		"kcomm"
#define KCOMM_GENL_VERSION	1
#define KCOMM_GENL_MCGRP_EVENTS	"events"

/*
 * Largest KCOMM_A_PAYLOAD: an attribute's nla_len is a __u16 that counts its
 * own 4-byte header, so one attribute carries at most 65535 - 4 bytes. We
 * round down to a multiple of 4 so the padded attribute still fits 64 KiB.
 */
#define KCOMM_GENL_PAYLOAD_MAX	65528

enum kcomm_genl_attr {
	KCOMM_A_UNSPEC,		/* 0 is never a valid attribute type */
	KCOMM_A_SEQ,		/* __u32: caller's sequence number, echoed back */
	KCOMM_A_STAMP,		/* __u64: ktime_get_ns() (CLOCK_MONOTONIC) in the kernel */
	KCOMM_A_PAYLOAD,	/* binary, 0..KCOMM_GENL_PAYLOAD_MAX bytes */
	KCOMM_A_SIZE,		/* __u32: TRIGGER: payload bytes the event should carry */
	KCOMM_A_PAD,		/* alignment padding for 64-bit attributes */
	/*
	 * flag: TRIGGER: fire the event KCOMM_NOTIFY_DELAY_NS (kcomm_notify.h)
	 * after the request, from a work item, not inside it: the notify
	 * protocol. One delayed event at a time (EBUSY until it fired).
	 */
	KCOMM_A_DELAYED,
	/* binary: struct kcomm_msg_stats (kcomm_msg.h), kernel to user only */
	KCOMM_A_RX_STATS,
	__KCOMM_A_MAX,
};

#define KCOMM_A_MAX (__KCOMM_A_MAX - 1)

enum kcomm_genl_cmd {
	KCOMM_CMD_UNSPEC,
	KCOMM_CMD_ECHO,		/* req: PAYLOAD [SEQ]; reply: PAYLOAD [SEQ] STAMP */
	KCOMM_CMD_SINK,		/* req: PAYLOAD; no reply unless NLM_F_ACK */
	KCOMM_CMD_TRIGGER,	/* req: [SIZE] [SEQ] [DELAYED]; multicasts an EVENT to "events" */
	KCOMM_CMD_EVENT,	/* kernel -> "events" group: STAMP [SEQ] [PAYLOAD] */
	/* req: nothing; reply: RX_STATS, what ECHO and SINK payloads were */
	KCOMM_CMD_RX_STATS,
	__KCOMM_CMD_MAX,
};

#define KCOMM_CMD_MAX (__KCOMM_CMD_MAX - 1)

#endif /* _UAPI_KCOMM_GENETLINK_H */
