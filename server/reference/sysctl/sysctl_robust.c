// SPDX-License-Identifier: GPL-2.0
/*
 * sysctl_robust.c - robustness drills for kcomm_sysctl: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods sysctl` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is sysctl_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "sysctl_user.c"

static long write_as_nobody(void *path)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

static int sysctl_robust(struct kc_robust *r)
{
	static const char *const bad[] = {
		"-1\n", "1000001\n", "99999999999\n", "abc\n", "12abc\n", "0x1000000\n",
	};
	char what[96], text[32];
	uint64_t v = 0;
	size_t i;
	int fd;

	fd = open(KCOMM_SYSCTL_VALUE_PATH, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open value", fd);
	if (fd < 0)
		return 0;
	kc_ok(r, "value <- the minimum", kc_text_write(fd, "0\n") ? -1 : 0);
	snprintf(text, sizeof(text), "%d\n", KCOMM_SYSCTL_VALUE_MAX);
	kc_ok(r, "value <- the maximum", kc_text_write(fd, text) ? -1 : 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "value <- \"%.*s\"", (int)strcspn(bad[i], "\n"), bad[i]);
		kc_bad(r, what, pwrite(fd, bad[i], strlen(bad[i]), 0), EINVAL);
	}
	kc_ok(r, "a refused write leaves the maximum in place",
	      kc_text_read_u64(fd, &v) == 0 && v == KCOMM_SYSCTL_VALUE_MAX ? 0 : -1);
	kc_bad(r, "value from an invalid pointer", pwrite(fd, kc_bad_pointer(), 4, 0), EFAULT);
	/* Numbers are parsed with base 0, as in C: 0x10 is 16, and the bounds apply to that. */
	kc_ok(r, "value <- 0x10", kc_text_write(fd, "0x10\n") ? -1 : 0);
	kc_ok(r, "value reads back 16", kc_text_read_u64(fd, &v) == 0 && v == 16 ? 0 : -1);
	kc_ok(r, "value <- 42", kc_text_write(fd, "42\n") ? -1 : 0);
	kc_ok(r, "value reads back 42", kc_text_read_u64(fd, &v) == 0 && v == 42 ? 0 : -1);
	close(fd);

	fd = open(KCOMM_SYSCTL_STAMP_PATH, O_RDWR | O_CLOEXEC);
	kc_bad(r, "open stamp for writing (0444)", fd, 0);
	if (fd >= 0)
		close(fd);
	kc_bad(r, "an unprivileged user opens value for writing",
	       kc_as_nobody(write_as_nobody, KCOMM_SYSCTL_VALUE_PATH), EACCES);

	kc_drill_open_close_storm(r, KCOMM_SYSCTL_VALUE_PATH, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_SYSCTL_STAMP_PATH, 4, 200);
	/* An open /proc/sys file does not pin the module: the unload succeeds, the file gets EIO. */
	kc_drill_rmmod_while_open(r, KCOMM_SYSCTL_STAMP_PATH);
	return 0;
}

KC_DRILLS("sysctl", "", sysctl_robust);
