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

/* ---- robustness ---- */

static void robust_stream(struct kc_robust *r, int fd, char *big)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char small[64] = { 0 };
	ssize_t n;
	char *two;

	kc_ok(r, "write 0 bytes", write(fd, small, 0));
	kc_ok(r, "read 0 bytes", read(fd, small, 0));
	kc_bad(r, "write > 1 MiB", write(fd, big, KCOMM_CHARDEV_MSG_MAX + 1), EMSGSIZE);
	kc_ok(r, "write 1 MiB", write(fd, big, KCOMM_CHARDEV_MSG_MAX));
	kc_ok(r, "read 1 MiB + 1 (short read)", read(fd, big, KCOMM_CHARDEV_MSG_MAX + 1));
	kc_bad(r, "read < stamp size", read(fd, small, 4), EINVAL);
	kc_bad(r, "write from NULL", write(fd, kc_bad_pointer(), 8), EFAULT);
	kc_bad(r, "read into NULL", read(fd, kc_bad_pointer(), 8), EFAULT);
	kc_bad(r, "read into kernel address", read(fd, kc_bad_address(KC_ADDR_KERNEL_TEXT), 64), EFAULT);
	kc_bad(r, "write from kernel address", write(fd, kc_bad_address(KC_ADDR_DIRECT_MAP), 64), EFAULT);
	kc_bad(r, "lseek on a stream", lseek(fd, 0, SEEK_SET), ESPIPE);
	kc_bad(r, "pread on a stream", pread(fd, small, 8, 0), ESPIPE);

	two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (two != MAP_FAILED) {
		munmap(two + page, page);
		kc_bad(r, "write from half-unmapped buffer", write(fd, two, 2 * page), EFAULT);
		/* read(2): a fault after some bytes is a short read of those bytes, not EFAULT. */
		n = read(fd, two, 2 * page);
		kc_ok(r, "read into half-unmapped buffer: short read of the mapped half",
		      n < 0 ? n : n >= 8 && (size_t)n <= page ? 0 : -ERANGE);
		munmap(two, page);
	}
}

static void robust_ioctl(struct kc_robust *r, int fd)
{
	__u32 mode = 99;
	char junk[64] = { 0 };

	kc_bad(r, "SET_MODE unknown mode", ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode), EINVAL);
	kc_bad(r, "SET_MODE NULL argument", ioctl(fd, KCOMM_CHARDEV_SET_MODE, kc_bad_pointer()), EFAULT);
	kc_bad(r, "unknown ioctl", ioctl(fd, _IO(KCOMM_CHARDEV_MAGIC, 0x7f)), ENOTTY);
	kc_bad(r, "GET_RX_STATS into NULL", ioctl(fd, KCOMM_CHARDEV_GET_RX_STATS, kc_bad_pointer()), EFAULT);
	kc_bad(r, "SET_MODE with wrong size",
	       ioctl(fd, _IOW(KCOMM_CHARDEV_MAGIC, 0x01, __u64), junk), ENOTTY);
}

static void robust_echo(struct kc_robust *r, int fd, char *big)
{
	__u32 mode = KCOMM_CHARDEV_MODE_ECHO;
	char small[16];

	kc_ok(r, "SET_MODE echo", ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode));
	kc_ok(r, "O_NONBLOCK", fcntl(fd, F_SETFL, O_NONBLOCK));
	kc_bad(r, "echo read with nothing queued", read(fd, small, sizeof(small)), EAGAIN);
	kc_ok(r, "echo write 1 MiB", write(fd, big, KCOMM_CHARDEV_MSG_MAX));
	kc_bad(r, "echo read into too small buffer", read(fd, small, sizeof(small)), EMSGSIZE);
	kc_bad(r, "echo read into NULL", read(fd, kc_bad_pointer(), KCOMM_CHARDEV_MSG_MAX), EFAULT);
	kc_ok(r, "echo read the whole message", read(fd, big, KCOMM_CHARDEV_MSG_MAX));
	kc_bad(r, "echo read after the message was taken", read(fd, small, sizeof(small)), EAGAIN);
	kc_bad(r, "echo write from NULL", write(fd, kc_bad_pointer(), 100), EFAULT);
	kc_bad(r, "echo failed write queues nothing", read(fd, small, sizeof(small)), EAGAIN);
}

static void robust_notify(struct kc_robust *r, int fd)
{
	__u32 mode = KCOMM_CHARDEV_MODE_NOTIFY;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char small[4];
	uint64_t stamp;
	long ret = 0;
	int i;

	kc_ok(r, "SET_MODE notify", ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode));
	/* A burst of doorbells, then switch modes and close with work possibly queued. */
	for (i = 0; i < 100 && ret >= 0; i++)
		ret = write(fd, "x", 1);
	kc_ok(r, "notify doorbell burst", ret);
	kc_ok(r, "notify poll", poll(&pfd, 1, 2000));
	kc_bad(r, "notify read into 4 bytes", read(fd, small, sizeof(small)), EMSGSIZE);
	kc_ok(r, "notify read stamp", read(fd, &stamp, sizeof(stamp)));
	kc_ok(r, "notify doorbell before close", write(fd, "x", 1));
}

static int chardev_robust(struct kc_robust *r)
{
	char *big = calloc(1, KCOMM_CHARDEV_MSG_MAX + 1);
	int fd;

	if (!big)
		return -ENOMEM;
	fd = open(KCOMM_CHARDEV_DEVICE, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open " KCOMM_CHARDEV_DEVICE, fd);
	if (fd < 0) {
		free(big);
		return -errno;
	}
	robust_stream(r, fd, big);
	robust_ioctl(r, fd);
	robust_echo(r, fd, big);
	robust_notify(r, fd);
	close(fd);	/* with a doorbell possibly pending: release must cancel it */
	free(big);

	kc_drill_open_close_storm(r, KCOMM_CHARDEV_DEVICE, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_CHARDEV_DEVICE);
	return 0;
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
	.robust = chardev_robust,
};
KC_REGISTER(chardev_backend);
