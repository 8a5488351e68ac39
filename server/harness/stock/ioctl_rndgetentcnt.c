// SPDX-License-Identifier: GPL-2.0
/*
 * Stock ioctl: RNDGETENTCNT on /dev/urandom asks the random driver for its entropy count, an int copied
 * back with put_user(): the smallest ioctl round trip a stock kernel offers without privileges.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/random.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "harness.h"

static int rnd_open(struct kc_ctx *c)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	c->priv = (void *)(intptr_t)fd;
	return 0;
}

static void rnd_close(struct kc_ctx *c)
{
	close((int)(intptr_t)c->priv);
}

static int rnd_roundtrip(struct kc_ctx *c, void *buf)
{
	int *count = buf;

	return ioctl((int)(intptr_t)c->priv, RNDGETENTCNT, count) == 0 ? 0 : -errno;
}

static const struct kc_backend ioctl_rndgetentcnt = {
	.method = "ioctl",
	.variant = "rndgetentcnt",
	.stock = 1,
	.patterns = KC_ROUNDTRIP,
	.answer_differs = 1,	/* the kernel's own answer, not an echo */
	.max_size = 8,
	.limit_note = "RNDGETENTCNT answers one int (4 bytes); measured in the 8-byte class",
	.open = rnd_open,
	.close = rnd_close,
	.roundtrip = rnd_roundtrip,
};
KC_REGISTER(ioctl_rndgetentcnt);
