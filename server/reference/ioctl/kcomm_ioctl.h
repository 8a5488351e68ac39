/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_ioctl.h - the ABI of /dev/kcomm_ioctl, shared by the module and its users.
 *
 * Rules followed (Documentation/process/botching-up-ioctls.rst):
 *  - only fixed-size types (__u32, __u64): the struct has the same layout for 32-bit
 *    and 64-bit user space, so .compat_ioctl = compat_ptr_ioctl is all compat needs;
 *  - user pointers travel as __u64 (never as "void *", whose size differs);
 *  - every struct is padded explicitly to a multiple of 8 bytes, no hidden holes;
 *  - reserved fields and unknown flags must be zero, so they can be given a meaning
 *    later without an old kernel silently ignoring them;
 *  - each struct starts with its own size: a later version appends fields, and the
 *    kernel tells the versions apart from .size (the ioctl number also encodes it).
 */
#ifndef _UAPI_KCOMM_IOCTL_H
#define _UAPI_KCOMM_IOCTL_H

#include <linux/types.h>
#include <linux/ioctl.h>

#include "kcomm_msg.h"

#define KCOMM_IOCTL_DEVICE	"/dev/kcomm_ioctl"

/* Largest payload KCOMM_IOCTL_ECHO(len) carries: enough for small commands. */
#define KCOMM_IOCTL_INLINE_MAX	64
/* Largest buffer the pointer-based commands accept (1 MiB). */
#define KCOMM_IOCTL_BUF_MAX	(1024u * 1024)

/*
 * KCOMM_IOCTL_ECHO_BUF, _SINK and _SOURCE: the data lives in a user buffer
 * addr[0..len), passed by address as a __u64 (cast with (__u64)(uintptr_t)p).
 *  ECHO_BUF: the kernel copies the buffer in and writes it back (roundtrip);
 *  SINK:     the kernel copies the buffer in and counts it (user to kernel);
 *  SOURCE:   the kernel fills the buffer; its first 8 bytes are the kernel's
 *            ktime_get_ns() (CLOCK_MONOTONIC) when the data was produced, so
 *            len must be at least 8 (kernel to user).
 */
struct kcomm_ioctl_buf {
	__u32 size;		/* in: sizeof(struct kcomm_ioctl_buf) */
	__u32 flags;		/* in: must be 0 */
	__u64 addr;		/* in: user address of the buffer */
	__u32 len;		/* in: bytes at addr, 1..KCOMM_IOCTL_BUF_MAX */
	__u32 reserved;		/* must be 0 */
};

/*
 * KCOMM_IOCTL_GET_STATS: what this open file has done so far. ECHO, the fast
 * path, is not counted: it touches no shared state.
 */
struct kcomm_ioctl_stats {
	__u32 size;		/* in: sizeof(struct kcomm_ioctl_stats) */
	__u32 reserved;		/* must be 0 */
	__u64 calls;		/* out: successful commands on this file */
	__u64 bytes_in;		/* out: bytes copied from user space */
	__u64 bytes_out;	/* out: bytes copied to user space */
};

/*
 * 0xE4 is the "type" (magic) byte for this sample; an upstream driver reserves its
 * range in Documentation/userspace-api/ioctl/ioctl-number.rst. The direction is from
 * the user's point of view and describes only the struct itself, not the buffer its
 * addr points to.
 */
#define KCOMM_IOCTL_MAGIC	0xE4
/*
 * KCOMM_IOCTL_ECHO(len): the argument is the payload itself, len bytes (1 to
 * KCOMM_IOCTL_INLINE_MAX), read and written back unchanged. The length travels
 * in the command's size field, as in HIDIOCSFEATURE(len) or EVIOCGNAME(len):
 * the command number still says everything about the argument (direction and
 * size), there is no header to fill in or to validate, and user space passes
 * its own buffer, so the payload is copied once each way and not into a
 * struct first. Any other size is an unknown command (-ENOTTY).
 */
#define KCOMM_IOCTL_ECHO(len)	_IOC(_IOC_READ | _IOC_WRITE, KCOMM_IOCTL_MAGIC, 0x01, (len))
#define KCOMM_IOCTL_ECHO_BUF	_IOW(KCOMM_IOCTL_MAGIC, 0x02, struct kcomm_ioctl_buf)
#define KCOMM_IOCTL_SINK	_IOW(KCOMM_IOCTL_MAGIC, 0x03, struct kcomm_ioctl_buf)
#define KCOMM_IOCTL_SOURCE	_IOW(KCOMM_IOCTL_MAGIC, 0x04, struct kcomm_ioctl_buf)
#define KCOMM_IOCTL_GET_STATS	_IOWR(KCOMM_IOCTL_MAGIC, 0x05, struct kcomm_ioctl_stats)
/*
 * What ECHO_BUF and SINK received on this file, checked as kcomm benchmark
 * messages (kcomm_msg.h). The inline ECHO is not checked: it touches no state.
 */
#define KCOMM_IOCTL_GET_RX_STATS _IOR(KCOMM_IOCTL_MAGIC, 0x06, struct kcomm_msg_stats)

#endif /* _UAPI_KCOMM_IOCTL_H */
