// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs_robust.c - robustness drills for kcomm_debugfs: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods debugfs` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is debugfs_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "debugfs_user.c"

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

KC_DRILLS("debugfs", "", debugfs_robust);
