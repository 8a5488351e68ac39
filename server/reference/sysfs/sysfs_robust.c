// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs_robust.c - robustness drills for kcomm_sysfs: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods sysfs` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is sysfs_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "sysfs_user.c"

static void robust_msg(struct kc_robust *r, char *page)
{
	char back[64];
	int fd = open(KCOMM_SYSFS_MSG_PATH, O_RDWR | O_CLOEXEC);
	ssize_t n;

	kc_ok(r, "open msg", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	memset(page, 'x', 8192);
	kc_bad(r, "write of 8192 bytes (more than a page)", pwrite(fd, page, 8192, 0), E2BIG);
	kc_bad(r, "write of 4096 bytes without a newline", pwrite(fd, page, 4096, 0), E2BIG);
	page[KCOMM_SYSFS_MSG_MAX - 1] = '\n';
	kc_ok(r, "write of 4095 bytes ending in a newline", pwrite(fd, page, KCOMM_SYSFS_MSG_MAX, 0));
	n = pread(fd, page + 4096, 4096, 0);
	kc_ok(r, "it reads back as 4095 bytes", n == KCOMM_SYSFS_MSG_MAX ? 0 : -EIO);
	kc_ok(r, "zero-length write", pwrite(fd, page, 0, 0));
	kc_bad(r, "write with an embedded NUL", pwrite(fd, "ab\0cd\n", 6, 0), EINVAL);
	kc_bad(r, "write from an invalid pointer",
	       pwrite(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 16, 0), EFAULT);
	kc_bad(r, "read into an invalid pointer",
	       pread(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 16, 0), EFAULT);
	kc_ok(r, "write \"hello\\n\"", pwrite(fd, "hello\n", 6, 0));
	n = pread(fd, back, sizeof(back), 0);
	kc_ok(r, "reads back \"hello\\n\"", n == 6 && !memcmp(back, "hello\n", 6) ? 0 : -EIO);
	kc_ok(r, "read at EOF returns 0", pread(fd, back, sizeof(back), 6) == 0 ? 0 : -EIO);
	kc_ok(r, "read far past EOF returns 0", pread(fd, back, sizeof(back), 1LL << 40) == 0 ? 0 : -EIO);
	kc_bad(r, "lseek to a negative offset", lseek(fd, -1, SEEK_SET), EINVAL);
	close(fd);
}

static void robust_trigger(struct kc_robust *r)
{
	static const char *const bad[] = { "abc", "-1", "1000001", "99999999999999999999", "1 2", "\n" };
	struct pollfd pfd = { .events = POLLPRI };
	char what[96], text[32];
	uint64_t before, ns = 0;
	int fd, sfd;
	size_t i;

	fd = open(KCOMM_SYSFS_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(r, "open trigger", fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "trigger <- \"%s\"", bad[i]);
		kc_bad(r, what, pwrite(fd, bad[i], strlen(bad[i]), 0), 0);
	}
	kc_bad(r, "trigger from an invalid pointer",
	       pwrite(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 4, 0), EFAULT);

	/* The real thing, checked: the wake-up comes and carries a fresh stamp. */
	sfd = open(KCOMM_SYSFS_STAMP_PATH, O_RDONLY | O_CLOEXEC);
	kc_ok(r, "open stamp", sfd < 0 ? -errno : 0);
	if (sfd >= 0) {
		pfd.fd = sfd;
		kc_ok(r, "first read arms poll", pread(sfd, text, sizeof(text), 0));
		before = kc_now_ns();
		kc_ok(r, "trigger <- \"0\"", pwrite(fd, "0", 1, 0));
		kc_ok(r, "poll wakes with POLLPRI",
		      poll(&pfd, 1, NOTIFY_TIMEOUT_MS) == 1 && (pfd.revents & POLLPRI) ? 0 : -ETIMEDOUT);
		kc_ok(r, "stamp is fresh", read_stamp(sfd, &ns) == 0 && ns >= before ? 0 : -EIO);
		kc_bad(r, "write to the read-only stamp (open for writing)",
		       open(KCOMM_SYSFS_STAMP_PATH, O_WRONLY | O_CLOEXEC), EACCES);
		close(sfd);
	}
	close(fd);
}

static int sysfs_robust(struct kc_robust *r)
{
	char *page = malloc(8192);

	if (!page)
		return -ENOMEM;
	robust_msg(r, page);
	robust_trigger(r);
	free(page);
	kc_drill_open_close_storm(r, KCOMM_SYSFS_MSG_PATH, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_SYSFS_STAMP_PATH, 4, 200);
	/* Open sysfs files do not pin the module; later calls get ENODEV. */
	kc_drill_rmmod_while_open(r, KCOMM_SYSFS_MSG_PATH);
	return 0;
}

KC_DRILLS("sysfs", "", sysfs_robust);
