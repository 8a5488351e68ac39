// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs_user.c - the user side of kcomm_debugfs, as a kcomm harness backend
 *
 *   roundtrip  pwrite(msg, N, 0) + pread(msg, N, 0)
 *   u2k        pwrite(msg, N, 0)
 *   k2u        pread(stamp, N, 0): a record whose first 8 bytes are the
 *              kernel's ktime_get_ns() at the read; record_size is set once
 *              per measured point through the debugfs_create_u32() file.
 *
 * The files are plain file_operations (no seq_file), so pread()/pwrite()
 * work and each call is exactly one copy. debugfs must be mounted
 * (/sys/kernel/debug) and the caller must be root.
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
#include "kcomm_debugfs.h"
#include "kcomm_msg.h"

struct debugfs_state {
	int msg_fd;
	int stamp_fd;
};

static int pwrite_full(int fd, const void *buf, size_t len, off_t off)
{
	ssize_t n = pwrite(fd, buf, len, off);

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
			return -errno;
		if (n == 0)
			return -EIO;
		done += (size_t)n;
	}
	return 0;
}

static int debugfs_open(struct kc_ctx *c)
{
	struct debugfs_state *s = malloc(sizeof(*s));
	int rc;

	if (!s)
		return -ENOMEM;
	s->msg_fd = open(KCOMM_DEBUGFS_MSG_PATH, O_RDWR | O_CLOEXEC);
	if (s->msg_fd < 0) {
		rc = -errno;
		goto out_free;
	}
	s->stamp_fd = open(KCOMM_DEBUGFS_STAMP_PATH, O_RDONLY | O_CLOEXEC);
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

static void debugfs_close(struct kc_ctx *c)
{
	struct debugfs_state *s = c->priv;

	close(s->stamp_fd);
	close(s->msg_fd);
	free(s);
}

static int debugfs_prepare(struct kc_ctx *c)
{
	char text[32];

	if (c->pattern != KC_K2U)
		return 0;
	snprintf(text, sizeof(text), "%zu\n", c->size);
	return kc_text_write_path(KCOMM_DEBUGFS_RECORD_SIZE_PATH, text);
}

static int debugfs_send(struct kc_ctx *c, const void *buf)
{
	struct debugfs_state *s = c->priv;

	/* Offset 0: the kernel replaces the message with these bytes. */
	return pwrite_full(s->msg_fd, buf, c->size, 0);
}

static int debugfs_roundtrip(struct kc_ctx *c, void *buf)
{
	struct debugfs_state *s = c->priv;
	int rc = pwrite_full(s->msg_fd, buf, c->size, 0);

	return rc ? rc : pread_full(s->msg_fd, buf, c->size);
}

/* What the module counted and checked of the messages written at offset 0 (roundtrip and u2k). */
static int debugfs_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	(void)c;
	return kc_text_read_rx_stats(KCOMM_DEBUGFS_RX_STATS_PATH, out);
}

static int debugfs_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct debugfs_state *s = c->priv;
	struct kcomm_debugfs_stamp rec;
	int rc = pread_full(s->stamp_fd, buf, c->size);

	if (rc)
		return rc;
	memcpy(&rec, buf, sizeof(rec));
	*kstamp = rec.ns;
	return 0;
}

static const struct kc_backend debugfs_backend = {
	.method = "debugfs",
	.variant = "",
	.module = "kcomm_debugfs",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U,
	.min_size = 8,
	.max_size = KCOMM_DEBUGFS_MSG_MAX,
	.open = debugfs_open,
	.close = debugfs_close,
	.prepare = debugfs_prepare,
	.roundtrip = debugfs_roundtrip,
	.send = debugfs_send,
	.rx_stats = debugfs_rx_stats,
	.recv = debugfs_recv,
};
KC_REGISTER(debugfs_backend);
