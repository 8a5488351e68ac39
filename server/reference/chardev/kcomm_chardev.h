/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_chardev.h - the ABI of /dev/kcomm_chardev, shared by the module and its users.
 *
 * The data path is plain read()/write()/poll(). One small ioctl selects what
 * read() and write() mean for this open file (the mode is per open file, so two
 * users of the device never disturb each other):
 *
 *  KCOMM_CHARDEV_MODE_STREAM (default)
 *	write(): the kernel consumes the bytes (user to kernel sink).
 *	read(n): the kernel produces an n-byte message on demand; its first 8
 *		 bytes are ktime_get_ns() (CLOCK_MONOTONIC) at production, so n >= 8.
 *  KCOMM_CHARDEV_MODE_ECHO
 *	write(): store one message (replacing an unread one).
 *	read():  return the stored message, then forget it. No message: block,
 *		 or EAGAIN with O_NONBLOCK. A read buffer smaller than the message
 *		 gets EMSGSIZE and the message stays queued (message semantics).
 *  KCOMM_CHARDEV_MODE_NOTIFY
 *	write(): any bytes arm a trigger; the kernel fires it
 *		 KCOMM_NOTIFY_DELAY_NS later (kcomm_notify.h), from a worker.
 *	poll():  EPOLLIN once the event has fired.
 *	read():  the 8-byte __u64 kernel stamp of the event (same blocking rules).
 */
#ifndef _UAPI_KCOMM_CHARDEV_H
#define _UAPI_KCOMM_CHARDEV_H

#include <linux/types.h>

#include "kcomm_msg.h"
#include <linux/ioctl.h>

#define KCOMM_CHARDEV_DEVICE	"/dev/kcomm_chardev"

/* Largest single write() or read() the device accepts: 1 MiB. */
#define KCOMM_CHARDEV_MSG_MAX	(1024u * 1024)

enum kcomm_chardev_mode {
	KCOMM_CHARDEV_MODE_STREAM = 0,
	KCOMM_CHARDEV_MODE_ECHO = 1,
	KCOMM_CHARDEV_MODE_NOTIFY = 2,
};

/* Argument: a __u32 holding an enum kcomm_chardev_mode. Drops any queued message. */
#define KCOMM_CHARDEV_MAGIC	0xE5
#define KCOMM_CHARDEV_SET_MODE	_IOW(KCOMM_CHARDEV_MAGIC, 0x01, __u32)
/*
 * What this open file's write()s received, checked as kcomm benchmark messages
 * (kcomm_msg.h): counts, lost, corrupt and reordered ones. Any mode.
 */
#define KCOMM_CHARDEV_GET_RX_STATS _IOR(KCOMM_CHARDEV_MAGIC, 0x02, \
					struct kcomm_msg_stats)

#endif /* _UAPI_KCOMM_CHARDEV_H */
