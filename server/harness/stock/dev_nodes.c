// SPDX-License-Identifier: GPL-2.0
/*
 * Stock character devices: /dev/zero (read fills the buffer with zeros, a clear_user() of N bytes:
 * k2u) and /dev/null (write accepts N bytes without touching them: u2k through the syscall and VFS
 * path only). /dev/zero cannot stamp its data, so the k2u latency is the read() call's duration.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"

static int dev_open(struct kc_ctx *c, const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	c->priv = (void *)(intptr_t)fd;
	return 0;
}

static void dev_close(struct kc_ctx *c)
{
	close((int)(intptr_t)c->priv);
}

static int zero_open(struct kc_ctx *c)
{
	kc_note("chardev/dev-zero: /dev/zero cannot stamp its data: this k2u latency is the read() duration");
	return dev_open(c, "/dev/zero", O_RDONLY);
}

static int null_open(struct kc_ctx *c)
{
	kc_note("chardev/dev-null: /dev/null discards without copying, so u2k here is the write() path "
		"without copy_from_user()");
	return dev_open(c, "/dev/null", O_WRONLY);
}

static int zero_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	ssize_t n;

	*kstamp = kc_now_ns();
	n = read((int)(intptr_t)c->priv, buf, c->size);
	if (n < 0)
		return -errno;
	return (size_t)n == c->size ? 0 : -EIO;
}

static int null_send(struct kc_ctx *c, const void *buf)
{
	ssize_t n = write((int)(intptr_t)c->priv, buf, c->size);

	if (n < 0)
		return -errno;
	return (size_t)n == c->size ? 0 : -EIO;
}

static const struct kc_backend dev_zero = {
	.method = "chardev",
	.variant = "dev-zero",
	.stock = 1,
	.patterns = KC_K2U,
	.min_size = 1,
	.open = zero_open,
	.close = dev_close,
	.recv = zero_recv,
};
KC_REGISTER(dev_zero);

static const struct kc_backend dev_null = {
	.method = "chardev",
	.variant = "dev-null",
	.stock = 1,
	.patterns = KC_U2K,
	.no_copy = KC_U2K,
	.min_size = 1,
	.open = null_open,
	.close = dev_close,
	.send = null_send,
};
KC_REGISTER(dev_null);
