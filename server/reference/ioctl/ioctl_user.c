// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_user.c - the user side of kcomm_ioctl, as a kcomm harness backend.
 *
 * How user space drives an ioctl interface:
 *   fd = open("/dev/kcomm_ioctl", O_RDWR | O_CLOEXEC);
 *   if (ioctl(fd, KCOMM_IOCTL_ECHO(n), msg) < 0) ... errno says why ...
 * For the struct-based commands, always zero the whole struct first
 * (reserved fields must be 0) and set .size: the kernel refuses anything it
 * does not fully understand.
 *
 * Patterns: roundtrip uses ECHO(len) up to 64 bytes (the message itself is
 * the argument) and ECHO_BUF (a pointer to the caller's buffer) above; u2k is SINK; k2u is SOURCE, whose
 * first 8 bytes are the kernel's CLOCK_MONOTONIC stamp. ioctl has no
 * notification of its own: a call returns when its work is done.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_ioctl.h"

struct ioctl_priv {
	int fd;
};

/* -errno from a libc-style result, the convention of the harness. */
static int neg_errno(long ret)
{
	return ret < 0 ? -errno : 0;
}

static int ioctl_open(struct kc_ctx *c)
{
	struct ioctl_priv *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	p->fd = open(KCOMM_IOCTL_DEVICE, O_RDWR | O_CLOEXEC);
	if (p->fd < 0) {
		int err = -errno;

		free(p);
		return err;
	}
	c->priv = p;
	return 0;
}

static void ioctl_close(struct kc_ctx *c)
{
	struct ioctl_priv *p = c->priv;

	close(p->fd);
	free(p);
}

/* Describe buf[0..len) for the pointer-based commands. */
static struct kcomm_ioctl_buf buf_arg(const void *buf, size_t len)
{
	struct kcomm_ioctl_buf b;

	memset(&b, 0, sizeof(b));	/* flags and reserved must be 0 */
	b.size = sizeof(b);
	b.addr = (__u64)(uintptr_t)buf;	/* a pointer always travels as __u64 */
	b.len = (__u32)len;
	return b;
}

static int ioctl_roundtrip(struct kc_ctx *c, void *buf)
{
	struct ioctl_priv *p = c->priv;
	struct kcomm_ioctl_buf b;

	/* Small: the message is the argument, its length in the command; one copy each way. */
	if (c->size <= KCOMM_IOCTL_INLINE_MAX)
		return neg_errno(ioctl(p->fd, KCOMM_IOCTL_ECHO(c->size), buf));
	/* Large: the kernel copies from and back into our own buffer. */
	b = buf_arg(buf, c->size);
	return neg_errno(ioctl(p->fd, KCOMM_IOCTL_ECHO_BUF, &b));
}

static int ioctl_send(struct kc_ctx *c, const void *buf)
{
	struct ioctl_priv *p = c->priv;
	struct kcomm_ioctl_buf b = buf_arg(buf, c->size);

	return neg_errno(ioctl(p->fd, KCOMM_IOCTL_SINK, &b));
}

/* What the kernel counted of ECHO_BUF and SINK messages; the inline ECHO keeps no count. */
static int ioctl_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	struct ioctl_priv *p = c->priv;

	if (c->pattern == KC_ROUNDTRIP && c->size <= KCOMM_IOCTL_INLINE_MAX)
		return -EOPNOTSUPP;
	return neg_errno(ioctl(p->fd, KCOMM_IOCTL_GET_RX_STATS, out));
}

static int ioctl_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct ioctl_priv *p = c->priv;
	struct kcomm_ioctl_buf b = buf_arg(buf, c->size);

	if (ioctl(p->fd, KCOMM_IOCTL_SOURCE, &b) < 0)
		return -errno;
	memcpy(kstamp, buf, sizeof(*kstamp));
	return 0;
}

static const struct kc_backend ioctl_backend = {
	.method = "ioctl",
	.variant = "",
	.module = "kcomm_ioctl",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U,
	.min_size = 8,	/* k2u: the 8-byte stamp; the core uses the same floor for all */
	.max_size = KCOMM_IOCTL_BUF_MAX,
	.open = ioctl_open,
	.close = ioctl_close,
	.roundtrip = ioctl_roundtrip,
	.send = ioctl_send,
	.recv = ioctl_recv,
	.rx_stats = ioctl_rx_stats,
};
KC_REGISTER(ioctl_backend);
