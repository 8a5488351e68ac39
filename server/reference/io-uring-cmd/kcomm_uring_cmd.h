/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_uring_cmd.ko, shared by the module and user space.
 *
 * Open KCOMM_URING_DEVICE, set up an io_uring with IORING_SETUP_SQE128 (the command below does not
 * fit the 16 bytes of a 64-byte SQE) and, for WAIT, IORING_SETUP_CQE32, and submit
 * IORING_OP_URING_CMD entries on the device's fd with sqe->cmd_op one of KCOMM_URING_CMD_* and
 * sqe->cmd holding a struct kcomm_uring_cmd. The CQE's res is the byte count or -errno.
 */
#ifndef _UAPI_KCOMM_URING_CMD_H
#define _UAPI_KCOMM_URING_CMD_H

#include <linux/types.h>

#define KCOMM_URING_DEVICE	"/dev/kcomm_uring_cmd"

/* The largest len of one command: the size of the per-open kernel buffer. */
#define KCOMM_URING_MSG_MAX	(64u * 1024)
/* WAIT: the longest delay; a parked command always completes within it. */
#define KCOMM_URING_DELAY_MAX_US	1000000u

enum kcomm_uring_cmd_op {
	KCOMM_URING_CMD_ECHO = 1,	/* copy len bytes from in into the kernel, then to out */
	KCOMM_URING_CMD_SINK = 2,	/* copy len bytes from in into the kernel */
	KCOMM_URING_CMD_READ = 3,	/* write len bytes to out: ktime_get_ns(), then a pattern */
	KCOMM_URING_CMD_WAIT = 4,	/* complete after delay_us; CQE32 big_cqe[0] = stamp */
};

/* In sqe->cmd (80 bytes with IORING_SETUP_SQE128); every field not used by the op must be 0. */
struct kcomm_uring_cmd {
	__u64 in;	/* ECHO, SINK: user address of len bytes */
	__u64 out;	/* ECHO, READ: user address with room for len bytes */
	__u32 len;	/* ECHO, SINK: 0..KCOMM_URING_MSG_MAX; READ: 8..KCOMM_URING_MSG_MAX */
	__u32 delay_us;	/* WAIT: 0..KCOMM_URING_DELAY_MAX_US */
	__u64 reserved;	/* 0 */
};

#endif /* _UAPI_KCOMM_URING_CMD_H */
