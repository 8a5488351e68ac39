// SPDX-License-Identifier: GPL-2.0
/*
 * chardev_user.c - the user side of kcomm_chardev, as a kcomm harness backend.
 *
 * How user space drives a character device: open() it, pick the mode with
 * ioctl(KCOMM_CHARDEV_SET_MODE), then plain write()/read()/poll(). Each open
 * file has its own mode and queue, so the backend opens one descriptor per
 * role:
 *   stream: write() = u2k sink, read(n) = k2u message stamped by the kernel;
 *   echo:   write() then read() returns the same bytes (roundtrip);
 *   notify: write() a doorbell byte, poll() until the kernel's work item
 *           fires, read() the 8-byte kernel stamp of the event.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_chardev.h"

struct chardev_priv {
	int stream_fd;
	int echo_fd;
	int notify_fd;
};

static int chardev_open_mode(__u32 mode)
{
	int fd = open(KCOMM_CHARDEV_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static void chardev_close(struct kc_ctx *c)
{
	struct chardev_priv *p = c->priv;

	if (p->stream_fd >= 0)
		close(p->stream_fd);
	if (p->echo_fd >= 0)
		close(p->echo_fd);
	if (p->notify_fd >= 0)
		close(p->notify_fd);
	free(p);
}

static int chardev_open(struct kc_ctx *c)
{
	struct chardev_priv *p = malloc(sizeof(*p));

	if (!p)
		return -ENOMEM;
	p->stream_fd = chardev_open_mode(KCOMM_CHARDEV_MODE_STREAM);
	p->echo_fd = chardev_open_mode(KCOMM_CHARDEV_MODE_ECHO);
	p->notify_fd = chardev_open_mode(KCOMM_CHARDEV_MODE_NOTIFY);
	c->priv = p;
	if (p->stream_fd < 0 || p->echo_fd < 0 || p->notify_fd < 0) {
		int err = p->stream_fd < 0 ? p->stream_fd :
			  p->echo_fd < 0 ? p->echo_fd : p->notify_fd;

		chardev_close(c);
		c->priv = NULL;
		return err;
	}
	return 0;
}

/* read()/write() may transfer less than asked; for this device that is an error. */
static int expect_len(ssize_t n, size_t want)
{
	if (n < 0)
		return -errno;
	return (size_t)n == want ? 0 : -EIO;
}

static int chardev_roundtrip(struct kc_ctx *c, void *buf)
{
	struct chardev_priv *p = c->priv;
	int ret;

	ret = expect_len(write(p->echo_fd, buf, c->size), c->size);
	if (ret)
		return ret;
	return expect_len(read(p->echo_fd, buf, c->size), c->size);
}

static int chardev_send(struct kc_ctx *c, const void *buf)
{
	struct chardev_priv *p = c->priv;

	return expect_len(write(p->stream_fd, buf, c->size), c->size);
}

static int chardev_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct chardev_priv *p = c->priv;
	int ret;

	ret = expect_len(read(p->stream_fd, buf, c->size), c->size);
	if (ret)
		return ret;
	memcpy(kstamp, buf, sizeof(*kstamp));	/* the first 8 bytes */
	return 0;
}

/* What the kernel counted of this point's messages: echo for round trips, the stream for u2k. */
static int chardev_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	struct chardev_priv *p = c->priv;
	int fd = c->pattern == KC_ROUNDTRIP ? p->echo_fd : p->stream_fd;

	return ioctl(fd, KCOMM_CHARDEV_GET_RX_STATS, out) < 0 ? -errno : 0;
}

static int chardev_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct chardev_priv *p = c->priv;
	struct pollfd pfd = { .fd = p->notify_fd, .events = POLLIN };
	char doorbell = 1;
	int ret;

	ret = expect_len(write(p->notify_fd, &doorbell, 1), 1);
	if (ret)
		return ret;
	/*
	 * The kernel fires KCOMM_NOTIFY_DELAY_NS after the doorbell. Sleep until it says "readable";
	 * EINTR just means try again.
	 */
	c->wait_ns = kc_now_ns();
	do {
		ret = poll(&pfd, 1, 5000);
	} while (ret < 0 && errno == EINTR);
	if (ret < 0)
		return -errno;
	if (ret == 0)
		return -ETIMEDOUT;
	c->woke_ns = kc_now_ns();
	return expect_len(read(p->notify_fd, kstamp, sizeof(*kstamp)), sizeof(*kstamp));
}

static const struct kc_backend chardev_backend = {
	.method = "chardev",
	.variant = "",
	.module = "kcomm_chardev",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U | KC_NOTIFY,
	.min_size = 8,	/* a k2u message starts with the 8-byte kernel stamp */
	.max_size = KCOMM_CHARDEV_MSG_MAX,
	.open = chardev_open,
	.close = chardev_close,
	.roundtrip = chardev_roundtrip,
	.send = chardev_send,
	.recv = chardev_recv,
	.notify = chardev_notify,
	.rx_stats = chardev_rx_stats,
};
KC_REGISTER(chardev_backend);
