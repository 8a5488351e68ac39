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
	int fd = open(KCOMM_PROCFS_MSG_PATH, O_RDWR | O_CLOEXEC);
	size_t i;

	kc_ok(r, "open msg", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;

	kc_bad(r, "write of MSG_MAX + 1 bytes", write(fd, big, KCOMM_PROCFS_MSG_MAX + 1), EFBIG);
	kc_ok(r, "write of exactly MSG_MAX bytes", write(fd, big, KCOMM_PROCFS_MSG_MAX));
	kc_bad(r, "write past MSG_MAX (at the end)", write(fd, "x", 1), EFBIG);
	lseek(fd, 0, SEEK_SET);
	kc_ok(r, "zero-length write", write(fd, buf, 0));
	kc_bad(r, "write from an invalid pointer", write(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64), EFAULT);
	kc_bad(r, "write from NULL", write(fd, kc_bad_pointer(), 64), EFAULT);
	kc_bad(r, "pwrite on a seq_file", pwrite(fd, "x", 1, 0), ESPIPE);
	kc_bad(r, "lseek to a negative offset", lseek(fd, -1, SEEK_SET), EINVAL);
	kc_bad(r, "lseek SEEK_END (seq_file has no size)", lseek(fd, 0, SEEK_END), EINVAL);

	/* Write a pattern, read it back byte for byte. */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i * 7 + 1);
	lseek(fd, 0, SEEK_SET);
	kc_ok(r, "write a 256-byte message", write_full(fd, buf, sizeof(buf)));
	kc_ok(r, "read the message back intact",
	      pread_full(fd, back, sizeof(back)) == 0 && !memcmp(buf, back, sizeof(buf)) ? 0 : -EIO);
	kc_ok(r, "read at EOF returns 0", pread(fd, back, sizeof(back), sizeof(buf)) == 0 ? 0 : -EIO);
	kc_ok(r, "read far past EOF returns 0", pread(fd, back, 16, 1LL << 40) == 0 ? 0 : -EIO);
	kc_bad(r, "read into an invalid pointer",
	       pread(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64, 0), EFAULT);

	/* A hole must read as zeros, not as the older 1 MiB message. */
	lseek(fd, 0, SEEK_SET);
	write_full(fd, "A", 1);
	lseek(fd, 100, SEEK_SET);
	write_full(fd, "B", 1);
	memset(back, 0x55, sizeof(back));
	kc_ok(r, "message with a hole reads back as A, 99 zeros, B",
	      pread_full(fd, back, 101) == 0 && back[0] == 'A' && back[100] == 'B' &&
	      all_zero(back + 1, 99) ? 0 : -EIO);
	close(fd);
}

static void robust_record_size(struct kc_robust *r)
{
	static const char *const bad[] = { "abc", "0", "7", "-5", "1048577", "99999999999999999999", "\n", "" };
	int fd = open(KCOMM_PROCFS_RECORD_SIZE_PATH, O_WRONLY | O_CLOEXEC);
	char what[96];
	size_t i;

	kc_ok(r, "open record_size", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "record_size <- \"%s\"", bad[i]);
		kc_bad(r, what, write(fd, bad[i], strlen(bad[i])), 0);
	}
	kc_bad(r, "record_size from an invalid pointer",
	       write(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 4), EFAULT);
	kc_ok(r, "record_size <- \"1048576\"", write(fd, "1048576\n", 8));
	close(fd);
}

static void robust_stamp(struct kc_robust *r, char *big)
{
	struct kcomm_procfs_stamp rec;
	uint64_t before = kc_now_ns();
	int fd = open(KCOMM_PROCFS_STAMP_PATH, O_RDONLY | O_CLOEXEC);
	int wfd;

	kc_ok(r, "open stamp", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	/* record_size is 1 MiB now (robust_record_size): the seq buffer must grow. */
	kc_ok(r, "read a 1 MiB record", pread_full(fd, big, KCOMM_PROCFS_RECORD_MAX));
	memcpy(&rec, big, sizeof(rec));
	kc_ok(r, "the record's stamp is between before and now",
	      rec.ns >= before && rec.ns <= kc_now_ns() ? 0 : -EIO);
	kc_ok(r, "read at the record's end returns 0",
	      pread(fd, big, 64, KCOMM_PROCFS_RECORD_MAX) == 0 ? 0 : -EIO);
	kc_bad(r, "read a record into an invalid pointer",
	       pread(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 64, 0), EFAULT);
	close(fd);

	/* root may open a 0444 file for writing; the write itself must fail. */
	wfd = open(KCOMM_PROCFS_STAMP_PATH, O_WRONLY | O_CLOEXEC);
	if (wfd >= 0) {
		kc_bad(r, "write to the read-only stamp", write(wfd, "1", 1), 0);
		close(wfd);
	}
	kc_text_write_path(KCOMM_PROCFS_RECORD_SIZE_PATH, "8\n");
}

static long open_as_nobody(void *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

/* msg carries what root wrote: no other user may read it (the file is 0600). */
static void robust_msg_private(struct kc_robust *r)
{
	kc_bad(r, "an unprivileged user opens msg", kc_as_nobody(open_as_nobody, KCOMM_PROCFS_MSG_PATH), EACCES);
	kc_ok(r, "an unprivileged user reads stamp", kc_as_nobody(open_as_nobody, KCOMM_PROCFS_STAMP_PATH));
}

static int procfs_robust(struct kc_robust *r)
{
	char *big = malloc(KCOMM_PROCFS_MSG_MAX + 1);

	if (!big)
		return -ENOMEM;
	memset(big, 'k', KCOMM_PROCFS_MSG_MAX + 1);
	robust_msg(r, big);
	/* robust_msg() wrote a megabyte of 'k' at offset 0: no intact message. */
	kc_drill_rx_stats_corrupt(r, KCOMM_PROCFS_RX_STATS_PATH);
	robust_record_size(r);
	robust_stamp(r, big);
	robust_msg_private(r);
	free(big);

	kc_drill_open_close_storm(r, KCOMM_PROCFS_MSG_PATH, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_PROCFS_STAMP_PATH, 4, 200);
	/* proc_ops have no owner: the unload succeeds, the open file gets EIO. */
	kc_drill_rmmod_while_open(r, KCOMM_PROCFS_MSG_PATH);
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
	.robust = procfs_robust,
};
KC_REGISTER(procfs_backend);
