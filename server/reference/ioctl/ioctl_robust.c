// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_robust.c - robustness drills for kcomm_ioctl: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods ioctl` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is ioctl_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "ioctl_user.c"

static void robust_echo(struct kc_robust *r, int fd)
{
	char msg[KCOMM_IOCTL_INLINE_MAX + 8] = { 0 };

	kc_ok(r, "ECHO 8 bytes", ioctl(fd, KCOMM_IOCTL_ECHO(8), msg));
	kc_ok(r, "ECHO 1 byte", ioctl(fd, KCOMM_IOCTL_ECHO(1), msg));
	kc_ok(r, "ECHO 61 bytes", ioctl(fd, KCOMM_IOCTL_ECHO(61), msg));
	kc_ok(r, "ECHO inline max", ioctl(fd, KCOMM_IOCTL_ECHO(KCOMM_IOCTL_INLINE_MAX), msg));
	kc_bad(r, "ECHO 0 bytes", ioctl(fd, KCOMM_IOCTL_ECHO(0), msg), ENOTTY);
	kc_bad(r, "ECHO inline max + 1",
	       ioctl(fd, KCOMM_IOCTL_ECHO(KCOMM_IOCTL_INLINE_MAX + 1), msg), ENOTTY);
	kc_bad(r, "ECHO largest encodable size", ioctl(fd, KCOMM_IOCTL_ECHO(_IOC_SIZEMASK), msg), ENOTTY);
	kc_bad(r, "ECHO NULL argument", ioctl(fd, KCOMM_IOCTL_ECHO(8), kc_bad_pointer()), EFAULT);
	kc_bad(r, "ECHO kernel address",
	       ioctl(fd, KCOMM_IOCTL_ECHO(8), kc_bad_address(KC_ADDR_KERNEL_TEXT)), EFAULT);
}

static void robust_buf(struct kc_robust *r, int fd)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	struct kcomm_ioctl_buf b;
	char small[64] = { 0 };
	char *big, *two;

	b = buf_arg(small, 0);
	kc_bad(r, "SINK len 0", ioctl(fd, KCOMM_IOCTL_SINK, &b), EINVAL);
	b = buf_arg(small, KCOMM_IOCTL_BUF_MAX + 1);
	kc_bad(r, "SINK len > 1 MiB", ioctl(fd, KCOMM_IOCTL_SINK, &b), EINVAL);
	b = buf_arg(kc_bad_pointer(), 8);
	kc_bad(r, "SINK NULL addr", ioctl(fd, KCOMM_IOCTL_SINK, &b), EFAULT);
	b = buf_arg(kc_bad_address(KC_ADDR_DIRECT_MAP), 8);
	kc_bad(r, "ECHO_BUF kernel addr", ioctl(fd, KCOMM_IOCTL_ECHO_BUF, &b), EFAULT);
	b = buf_arg(small, sizeof(small));
	b.reserved = 7;
	kc_bad(r, "SINK reserved != 0", ioctl(fd, KCOMM_IOCTL_SINK, &b), EINVAL);
	b = buf_arg(small, sizeof(small));
	b.flags = 0x80000000u;
	kc_bad(r, "SOURCE unknown flag", ioctl(fd, KCOMM_IOCTL_SOURCE, &b), EINVAL);
	b = buf_arg(small, 4);
	kc_bad(r, "SOURCE len < stamp", ioctl(fd, KCOMM_IOCTL_SOURCE, &b), EINVAL);
	kc_bad(r, "SINK NULL argument", ioctl(fd, KCOMM_IOCTL_SINK, kc_bad_pointer()), EFAULT);

	/* A buffer whose second page is gone: the copy faults half-way. */
	two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (two != MAP_FAILED) {
		munmap(two + page, page);
		b = buf_arg(two, 2 * page);
		kc_bad(r, "ECHO_BUF half unmapped", ioctl(fd, KCOMM_IOCTL_ECHO_BUF, &b), EFAULT);
		b = buf_arg(two, 2 * page);
		kc_bad(r, "SOURCE half unmapped", ioctl(fd, KCOMM_IOCTL_SOURCE, &b), EFAULT);
		kc_bad(r, "ECHO across the unmapped page",
		       ioctl(fd, KCOMM_IOCTL_ECHO(KCOMM_IOCTL_INLINE_MAX), two + page - 8), EFAULT);
		/* Read-only memory: the kernel may read it but must not write it. */
		mprotect(two, page, PROT_READ);
		b = buf_arg(two, page);
		kc_ok(r, "SINK from read-only page", ioctl(fd, KCOMM_IOCTL_SINK, &b));
		kc_bad(r, "SOURCE into read-only page", ioctl(fd, KCOMM_IOCTL_SOURCE, &b), EFAULT);
		kc_bad(r, "ECHO into read-only page", ioctl(fd, KCOMM_IOCTL_ECHO(8), two), EFAULT);
		munmap(two, page);
	}

	big = calloc(1, KCOMM_IOCTL_BUF_MAX);
	if (big) {
		b = buf_arg(big, KCOMM_IOCTL_BUF_MAX);
		kc_ok(r, "ECHO_BUF 1 MiB", ioctl(fd, KCOMM_IOCTL_ECHO_BUF, &b));
		kc_ok(r, "SOURCE 1 MiB", ioctl(fd, KCOMM_IOCTL_SOURCE, &b));
		free(big);
	}
}

static void robust_cmds(struct kc_robust *r, int fd)
{
	struct kcomm_ioctl_stats st;
	char junk[256] = { 0 };

	kc_bad(r, "unknown command number", ioctl(fd, _IO(KCOMM_IOCTL_MAGIC, 0x7f)), ENOTTY);
	kc_bad(r, "foreign magic", ioctl(fd, _IOC(_IOC_READ | _IOC_WRITE, 'x', 0x01, 8), junk), ENOTTY);
	/* Same number, but the size encoded in the command differs from the struct. */
	kc_bad(r, "SINK with wrong encoded size",
	       ioctl(fd, _IOC(_IOC_WRITE, KCOMM_IOCTL_MAGIC, 0x03, 16), junk), ENOTTY);
	kc_bad(r, "ECHO with wrong direction", ioctl(fd, _IOC(_IOC_READ, KCOMM_IOCTL_MAGIC, 0x01, 8), junk),
	       ENOTTY);
	kc_bad(r, "TCGETS on a non-tty", ioctl(fd, 0x5401, junk), ENOTTY);

	memset(&st, 0, sizeof(st));
	st.size = sizeof(st);
	kc_ok(r, "GET_STATS", ioctl(fd, KCOMM_IOCTL_GET_STATS, &st));
	if (st.calls == 0)
		kc_bad(r, "GET_STATS counted nothing", 0, 0);
	st.reserved = 1;
	kc_bad(r, "GET_STATS reserved != 0", ioctl(fd, KCOMM_IOCTL_GET_STATS, &st), EINVAL);
	kc_bad(r, "GET_RX_STATS NULL argument",
	       ioctl(fd, KCOMM_IOCTL_GET_RX_STATS, kc_bad_pointer()), EFAULT);

	/* The device has no read/write/seek: each must fail, not crash. */
	kc_bad(r, "read() on ioctl-only device", read(fd, junk, sizeof(junk)), 0);
	kc_bad(r, "write() on ioctl-only device", write(fd, junk, sizeof(junk)), 0);
	kc_bad(r, "lseek() on a stream", lseek(fd, 10, SEEK_SET), ESPIPE);
}

static int ioctl_robust(struct kc_robust *r)
{
	int fd = open(KCOMM_IOCTL_DEVICE, O_RDWR | O_CLOEXEC);

	kc_ok(r, "open " KCOMM_IOCTL_DEVICE, fd);
	if (fd < 0)
		return -errno;
	robust_echo(r, fd);
	robust_buf(r, fd);
	robust_cmds(r, fd);
	close(fd);

	kc_drill_open_close_storm(r, KCOMM_IOCTL_DEVICE, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_IOCTL_DEVICE);
	return 0;
}

KC_DRILLS("ioctl", "", ioctl_robust);
