// SPDX-License-Identifier: GPL-2.0
/*
 * procfs_user.c - the user side of kcomm_procfs, as a kcomm harness backend
 *
 * How user space talks to /proc files, and what the measurements do:
 *   roundtrip  lseek(msg, 0) + write(msg, N) + pread(msg, N, 0)
 *   u2k        lseek(msg, 0) + write(msg, N)
 *   k2u        pread(stamp, N, 0): every read from offset 0 makes the
 *              kernel produce a fresh record whose first 8 bytes are its
 *              ktime_get_ns(). record_size is set once per measured point.
 *
 * Why lseek() + write() and not pwrite(): procfs files built on seq_file
 * refuse pwrite() (ESPIPE), because seq_open() clears FMODE_PWRITE. pread()
 * works, and a read from offset 0 makes seq_file regenerate the content.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_msg.h"
#include "kcomm_procfs.h"

struct procfs_state {
	int msg_fd;	/* O_RDWR: written, then read back */
	int stamp_fd;	/* O_RDONLY: one record per pread(.., 0) */
};

/* write() all of buf; 0 or -errno (a short write is reported as -EIO). */
static int write_full(int fd, const void *buf, size_t len)
{
	ssize_t n = write(fd, buf, len);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

/* pread() exactly len bytes from offset 0, looping over short reads. */
static int pread_full(int fd, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = pread(fd, (char *)buf + done, len - done, (off_t)done);

		if (n < 0)
			return errno == EINTR ? -EINTR : -errno;
		if (n == 0)
			return -EIO;	/* EOF before len bytes */
		done += (size_t)n;
	}
	return 0;
}

static int procfs_open(struct kc_ctx *c)
{
	struct procfs_state *s = malloc(sizeof(*s));
	int rc;

	if (!s)
		return -ENOMEM;
	s->msg_fd = open(KCOMM_PROCFS_MSG_PATH, O_RDWR | O_CLOEXEC);
	if (s->msg_fd < 0) {
		rc = -errno;
		goto out_free;
	}
	s->stamp_fd = open(KCOMM_PROCFS_STAMP_PATH, O_RDONLY | O_CLOEXEC);
	if (s->stamp_fd < 0) {
		rc = -errno;
		goto out_close_msg;
	}
	c->priv = s;
	return 0;

out_close_msg:
	close(s->msg_fd);
out_free:
	free(s);
	return rc;
}

static void procfs_close(struct kc_ctx *c)
{
	struct procfs_state *s = c->priv;

	close(s->stamp_fd);
	close(s->msg_fd);
	free(s);
}

static int procfs_prepare(struct kc_ctx *c)
{
	char text[32];

	if (c->pattern != KC_K2U)
		return 0;
	snprintf(text, sizeof(text), "%zu\n", c->size);
	return kc_text_write_path(KCOMM_PROCFS_RECORD_SIZE_PATH, text);
}

static int procfs_send(struct kc_ctx *c, const void *buf)
{
	struct procfs_state *s = c->priv;

	/* Offset 0 starts a new message (the kernel truncates to this write). */
	if (lseek(s->msg_fd, 0, SEEK_SET) < 0)
		return -errno;
	return write_full(s->msg_fd, buf, c->size);
}

static int procfs_roundtrip(struct kc_ctx *c, void *buf)
{
	struct procfs_state *s = c->priv;
	int rc = procfs_send(c, buf);

	return rc ? rc : pread_full(s->msg_fd, buf, c->size);
}

/* What the module counted and checked of the messages written at offset 0 (roundtrip and u2k). */
static int procfs_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	(void)c;
	return kc_text_read_rx_stats(KCOMM_PROCFS_RX_STATS_PATH, out);
}

static int procfs_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct procfs_state *s = c->priv;
	struct kcomm_procfs_stamp rec;
	int rc = pread_full(s->stamp_fd, buf, c->size);

	if (rc)
		return rc;
	memcpy(&rec, buf, sizeof(rec));	/* buf has no alignment promise */
	*kstamp = rec.ns;
	return 0;
}

static const struct kc_backend procfs_backend = {
	.method = "procfs",
	.variant = "",
	.module = "kcomm_procfs",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U,
	.min_size = 8,
	.max_size = KCOMM_PROCFS_MSG_MAX,
	.open = procfs_open,
	.close = procfs_close,
	.prepare = procfs_prepare,
	.roundtrip = procfs_roundtrip,
	.send = procfs_send,
	.rx_stats = procfs_rx_stats,
	.recv = procfs_recv,
};
KC_REGISTER(procfs_backend);
