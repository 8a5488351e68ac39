// SPDX-License-Identifier: GPL-2.0
/*
 * procfs_robust.c - robustness drills for kcomm_procfs: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods procfs` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is procfs_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "procfs_user.c"

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

KC_DRILLS("procfs", "", procfs_robust);
