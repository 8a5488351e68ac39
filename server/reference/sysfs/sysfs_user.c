// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs_user.c - the user side of kcomm_sysfs, as a kcomm harness backend
 *
 *   roundtrip  pwrite(msg, "text...\n", N, 0) + pread(msg, N, 0)
 *   u2k        pwrite(msg, "text...\n", N, 0)
 *   notify     pwrite(trigger, "2000\n") arms a kernel timer for the shared
 *              notify delay (kcomm_notify.h); we sleep in poll(stamp, POLLPRI)
 *              until the timer's sysfs_notify wakes us (the measured
 *              wake-up), then pread(stamp, 0) returns the kernel's stamp and
 *              re-arms the file for the next poll().
 *
 * sysfs rules the user side must follow:
 *   - values are text: we send printable characters ending in a newline,
 *     exactly what `echo` would write, and get the same bytes back;
 *   - one read or write is at most one page: 4095 bytes here;
 *   - every read of a value must start at offset 0 (pread(.., 0) or
 *     lseek() first): sysfs regenerates the text on a read from offset 0;
 *   - to wait for a change: read once after open(), then poll() for
 *     POLLPRI|POLLERR, then read from offset 0 again.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_notify.h"
#include "kcomm_sysfs.h"

#define NOTIFY_TIMEOUT_MS	5000

struct sysfs_state {
	int msg_fd;
	int stamp_fd;
	int trigger_fd;
	char text[KCOMM_SYSFS_MSG_MAX];	/* the message we send, c->size bytes */
};

/* pwrite() all of buf at offset 0: a sysfs store gets the whole write. */
static int store(int fd, const void *buf, size_t len)
{
	ssize_t n = pwrite(fd, buf, len, 0);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

/* pread() a value from offset 0; returns its length or -errno. */
static ssize_t show(int fd, void *buf, size_t len)
{
	ssize_t n = pread(fd, buf, len, 0);

	return n < 0 ? -errno : n;
}

static int read_stamp(int fd, uint64_t *ns)
{
	char text[32];
	ssize_t n = show(fd, text, sizeof(text) - 1);
	char *end;

	if (n < 0)
		return (int)n;
	text[n] = '\0';
	errno = 0;
	*ns = strtoull(text, &end, 10);
	return errno || end == text || *end != '\n' ? -EPROTO : 0;
}

static int sysfs_open(struct kc_ctx *c)
{
	struct sysfs_state *s = calloc(1, sizeof(*s));
	uint64_t ns;
	int rc;

	if (!s)
		return -ENOMEM;
	s->msg_fd = open(KCOMM_SYSFS_MSG_PATH, O_RDWR | O_CLOEXEC);
	if (s->msg_fd < 0) {
		rc = -errno;
		goto out_free;
	}
	s->stamp_fd = open(KCOMM_SYSFS_STAMP_PATH, O_RDONLY | O_CLOEXEC);
	if (s->stamp_fd < 0) {
		rc = -errno;
		goto out_close_msg;
	}
	s->trigger_fd = open(KCOMM_SYSFS_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	if (s->trigger_fd < 0) {
		rc = -errno;
		goto out_close_stamp;
	}
	/* The first read arms poll(): before it, poll() returns at once. */
	rc = read_stamp(s->stamp_fd, &ns);
	if (rc)
		goto out_close_trigger;
	c->priv = s;
	return 0;

out_close_trigger:
	close(s->trigger_fd);
out_close_stamp:
	close(s->stamp_fd);
out_close_msg:
	close(s->msg_fd);
out_free:
	free(s);
	return rc;
}

static void sysfs_close(struct kc_ctx *c)
{
	struct sysfs_state *s = c->priv;

	close(s->trigger_fd);
	close(s->stamp_fd);
	close(s->msg_fd);
	free(s);
}

/* The message for this size: printable text ending in a newline, like echo. */
static int sysfs_prepare(struct kc_ctx *c)
{
	struct sysfs_state *s = c->priv;
	size_t i;

	if (c->size > sizeof(s->text))
		return -EMSGSIZE;
	for (i = 0; i + 1 < c->size; i++)
		s->text[i] = (char)('a' + i % 26);
	if (c->size)
		s->text[c->size - 1] = '\n';
	return 0;
}

static int sysfs_send(struct kc_ctx *c, const void *buf)
{
	struct sysfs_state *s = c->priv;

	(void)buf;	/* sysfs carries text: we send our own line of c->size bytes */
	return store(s->msg_fd, s->text, c->size);
}

static int sysfs_roundtrip(struct kc_ctx *c, void *buf)
{
	struct sysfs_state *s = c->priv;
	ssize_t n;
	int rc;

	rc = store(s->msg_fd, s->text, c->size);
	if (rc)
		return rc;
	n = show(s->msg_fd, buf, c->size);
	if (n < 0)
		return (int)n;
	return (size_t)n == c->size ? 0 : -EIO;
}

static int sysfs_notify_wait(struct kc_ctx *c, uint64_t *kstamp)
{
	struct sysfs_state *s = c->priv;
	struct pollfd pfd = { .fd = s->stamp_fd, .events = POLLPRI };
	char delay[24];
	int rc, n;

	/* The trigger takes microseconds. */
	n = snprintf(delay, sizeof(delay), "%llu\n", KCOMM_NOTIFY_DELAY_NS / 1000);
	rc = store(s->trigger_fd, delay, (size_t)n);
	if (rc)
		return rc;
	c->wait_ns = kc_now_ns();
	rc = poll(&pfd, 1, NOTIFY_TIMEOUT_MS);
	if (rc < 0)
		return -errno;
	/* The wake-up ends here: reading the stamp back as text is sysfs's way to the value, not it. */
	c->woke_ns = kc_now_ns();
	if (rc == 0)
		return -ETIMEDOUT;
	/* sysfs signals a change as POLLPRI|POLLERR; the value comes from a read. */
	if (!(pfd.revents & (POLLPRI | POLLERR)))
		return -EPROTO;
	return read_stamp(s->stamp_fd, kstamp);
}

static const struct kc_backend sysfs_backend = {
	.method = "sysfs",
	.variant = "",
	.module = "kcomm_sysfs",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_NOTIFY,
	.min_size = 1,
	.max_size = KCOMM_SYSFS_MSG_MAX,
	.limit_note = "a sysfs attribute is read and written through one PAGE_SIZE buffer and a read returns "
		      "at most PAGE_SIZE - 1 bytes; bigger data needs a bin_attribute or another interface",
	.open = sysfs_open,
	.close = sysfs_close,
	.prepare = sysfs_prepare,
	.roundtrip = sysfs_roundtrip,
	.answer_differs = 1,	/* it sends its own line of text, not the harness's message */
	.send = sysfs_send,
	.notify = sysfs_notify_wait,
};
KC_REGISTER(sysfs_backend);
