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

/* --- robustness --------------------------------------------------------- */

static int all_zero(const char *p, size_t len)
{
	while (len--)
		if (*p++)
			return 0;
	return 1;
}

static void robust_msg(struct kc_robust *r, char *big)
{
	char buf[256], back[256];
	int fd = open(KCOMM_DEBUGFS_MSG_PATH, O_RDWR | O_CLOEXEC);
	size_t i;

	kc_ok(r, "open msg", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	kc_bad(r, "write of MSG_MAX + 1 bytes", pwrite(fd, big, KCOMM_DEBUGFS_MSG_MAX + 1, 0), EFBIG);
	kc_ok(r, "write of exactly MSG_MAX bytes", pwrite(fd, big, KCOMM_DEBUGFS_MSG_MAX, 0));
	kc_bad(r, "write at offset MSG_MAX", pwrite(fd, "x", 1, KCOMM_DEBUGFS_MSG_MAX), EFBIG);
	kc_bad(r, "write at offset 2^40", pwrite(fd, "x", 1, 1LL << 40), EFBIG);
	kc_ok(r, "zero-length write", pwrite(fd, buf, 0, 0));
	kc_bad(r, "write from an invalid pointer",
	       pwrite(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64, 0), EFAULT);
	kc_bad(r, "lseek to a negative offset", lseek(fd, -1, SEEK_SET), EINVAL);

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + 1);
	kc_ok(r, "write a 256-byte message", pwrite_full(fd, buf, sizeof(buf), 0));
	kc_ok(r, "read the message back intact",
	      pread_full(fd, back, sizeof(back)) == 0 && !memcmp(buf, back, sizeof(buf)) ? 0 : -EIO);
	kc_ok(r, "read at EOF returns 0", pread(fd, back, sizeof(back), sizeof(buf)) == 0 ? 0 : -EIO);
	kc_ok(r, "read far past EOF returns 0", pread(fd, back, 16, 1LL << 40) == 0 ? 0 : -EIO);
	kc_bad(r, "read into an invalid pointer",
	       pread(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64, 0), EFAULT);

	/* The hole between the two writes must read as zeros. */
	pwrite_full(fd, "A", 1, 0);
	pwrite_full(fd, "B", 1, 100);
	kc_ok(r, "message with a hole reads back as A, 99 zeros, B",
	      pread_full(fd, back, 101) == 0 && back[0] == 'A' && back[100] == 'B' &&
	      all_zero(back + 1, 99) ? 0 : -EIO);
	close(fd);
}

static void robust_stamp(struct kc_robust *r, char *big)
{
	struct kcomm_debugfs_stamp rec;
	uint64_t before;
	int fd = open(KCOMM_DEBUGFS_STAMP_PATH, O_RDONLY | O_CLOEXEC);

	kc_ok(r, "open stamp", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	/* debugfs_create_u32() does not validate: the module checks at use. */
	kc_ok(r, "record_size <- 0 (accepted by the helper)",
	      kc_text_write_path(KCOMM_DEBUGFS_RECORD_SIZE_PATH, "0\n"));
	kc_bad(r, "read stamp with record_size 0", pread(fd, big, 64, 0), EINVAL);
	kc_ok(r, "record_size <- 4294967295",
	      kc_text_write_path(KCOMM_DEBUGFS_RECORD_SIZE_PATH, "4294967295\n"));
	kc_bad(r, "read stamp with record_size 4294967295", pread(fd, big, 64, 0), EINVAL);
	kc_bad(r, "record_size <- \"abc\"", kc_text_write_path(KCOMM_DEBUGFS_RECORD_SIZE_PATH, "abc\n"), 0);

	kc_ok(r, "record_size <- 1048576", kc_text_write_path(KCOMM_DEBUGFS_RECORD_SIZE_PATH, "1048576\n"));
	before = kc_now_ns();
	kc_ok(r, "read a 1 MiB record", pread_full(fd, big, KCOMM_DEBUGFS_RECORD_MAX));
	memcpy(&rec, big, sizeof(rec));
	kc_ok(r, "stamp is between before and now", rec.ns >= before && rec.ns <= kc_now_ns() ? 0 : -EIO);
	kc_ok(r, "the rest of the record is zeros", all_zero(big + 8, KCOMM_DEBUGFS_RECORD_MAX - 8) ? 0 : -EIO);
	kc_ok(r, "read at the record's end returns 0", pread(fd, big, 64, KCOMM_DEBUGFS_RECORD_MAX) == 0 ? 0 : -EIO);
	kc_bad(r, "read a record into an invalid pointer",
	       pread(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64, 0), EFAULT);
	kc_bad(r, "read a record's tail into an invalid pointer",
	       pread(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64, 8), EFAULT);
	kc_text_write_path(KCOMM_DEBUGFS_RECORD_SIZE_PATH, "8\n");
	close(fd);
}

static int debugfs_robust(struct kc_robust *r)
{
	char *big = malloc(KCOMM_DEBUGFS_MSG_MAX + 1);

	if (!big)
		return -ENOMEM;
	memset(big, 'k', KCOMM_DEBUGFS_MSG_MAX + 1);
	robust_msg(r, big);
	/* robust_msg() wrote a megabyte of 'k' at offset 0: no intact message. */
	kc_drill_rx_stats_corrupt(r, KCOMM_DEBUGFS_RX_STATS_PATH);
	robust_stamp(r, big);
	free(big);
	kc_drill_open_close_storm(r, KCOMM_DEBUGFS_MSG_PATH, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_DEBUGFS_STAMP_PATH, 4, 200);
	/* The debugfs proxy pins the module while msg is open: EBUSY expected. */
	kc_drill_rmmod_while_open(r, KCOMM_DEBUGFS_MSG_PATH);
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
	.robust = debugfs_robust,
};
KC_REGISTER(debugfs_backend);
