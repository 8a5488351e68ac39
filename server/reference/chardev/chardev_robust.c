// SPDX-License-Identifier: GPL-2.0
/*
 * chardev_robust.c - robustness drills for kcomm_chardev: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods chardev` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is chardev_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "chardev_user.c"

static void robust_stream(struct kc_robust *r, int fd, char *big)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char small[64] = { 0 };
	ssize_t n;
	char *two;

	kc_ok(r, "write 0 bytes", write(fd, small, 0));
	kc_ok(r, "read 0 bytes", read(fd, small, 0));
	kc_bad(r, "write > 1 MiB", write(fd, big, KCOMM_CHARDEV_MSG_MAX + 1), EMSGSIZE);
	kc_ok(r, "write 1 MiB", write(fd, big, KCOMM_CHARDEV_MSG_MAX));
	kc_ok(r, "read 1 MiB + 1 (short read)", read(fd, big, KCOMM_CHARDEV_MSG_MAX + 1));
	kc_bad(r, "read < stamp size", read(fd, small, 4), EINVAL);
	kc_bad(r, "write from NULL", write(fd, kc_bad_pointer(), 8), EFAULT);
	kc_bad(r, "read into NULL", read(fd, kc_bad_pointer(), 8), EFAULT);
	kc_bad(r, "read into kernel address", read(fd, kc_bad_address(KC_ADDR_KERNEL_TEXT), 64), EFAULT);
	kc_bad(r, "write from kernel address", write(fd, kc_bad_address(KC_ADDR_DIRECT_MAP), 64), EFAULT);
	kc_bad(r, "lseek on a stream", lseek(fd, 0, SEEK_SET), ESPIPE);
	kc_bad(r, "pread on a stream", pread(fd, small, 8, 0), ESPIPE);

	two = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (two != MAP_FAILED) {
		munmap(two + page, page);
		kc_bad(r, "write from half-unmapped buffer", write(fd, two, 2 * page), EFAULT);
		/* read(2): a fault after some bytes is a short read of those bytes, not EFAULT. */
		n = read(fd, two, 2 * page);
		kc_ok(r, "read into half-unmapped buffer: short read of the mapped half",
		      n < 0 ? n : n >= 8 && (size_t)n <= page ? 0 : -ERANGE);
		munmap(two, page);
	}
}

static void robust_ioctl(struct kc_robust *r, int fd)
{
	__u32 mode = 99;
	char junk[64] = { 0 };

	kc_bad(r, "SET_MODE unknown mode", ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode), EINVAL);
	kc_bad(r, "SET_MODE NULL argument", ioctl(fd, KCOMM_CHARDEV_SET_MODE, kc_bad_pointer()), EFAULT);
	kc_bad(r, "unknown ioctl", ioctl(fd, _IO(KCOMM_CHARDEV_MAGIC, 0x7f)), ENOTTY);
	kc_bad(r, "GET_RX_STATS into NULL", ioctl(fd, KCOMM_CHARDEV_GET_RX_STATS, kc_bad_pointer()), EFAULT);
	kc_bad(r, "SET_MODE with wrong size",
	       ioctl(fd, _IOW(KCOMM_CHARDEV_MAGIC, 0x01, __u64), junk), ENOTTY);
}

static void robust_echo(struct kc_robust *r, int fd, char *big)
{
	__u32 mode = KCOMM_CHARDEV_MODE_ECHO;
	char small[16];

	kc_ok(r, "SET_MODE echo", ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode));
	kc_ok(r, "O_NONBLOCK", fcntl(fd, F_SETFL, O_NONBLOCK));
	kc_bad(r, "echo read with nothing queued", read(fd, small, sizeof(small)), EAGAIN);
	kc_ok(r, "echo write 1 MiB", write(fd, big, KCOMM_CHARDEV_MSG_MAX));
	kc_bad(r, "echo read into too small buffer", read(fd, small, sizeof(small)), EMSGSIZE);
	kc_bad(r, "echo read into NULL", read(fd, kc_bad_pointer(), KCOMM_CHARDEV_MSG_MAX), EFAULT);
	kc_ok(r, "echo read the whole message", read(fd, big, KCOMM_CHARDEV_MSG_MAX));
	kc_bad(r, "echo read after the message was taken", read(fd, small, sizeof(small)), EAGAIN);
	kc_bad(r, "echo write from NULL", write(fd, kc_bad_pointer(), 100), EFAULT);
	kc_bad(r, "echo failed write queues nothing", read(fd, small, sizeof(small)), EAGAIN);
}

static void robust_notify(struct kc_robust *r, int fd)
{
	__u32 mode = KCOMM_CHARDEV_MODE_NOTIFY;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char small[4];
	uint64_t stamp;
	long ret = 0;
	int i;

	kc_ok(r, "SET_MODE notify", ioctl(fd, KCOMM_CHARDEV_SET_MODE, &mode));
	/* A burst of doorbells, then switch modes and close with work possibly queued. */
	for (i = 0; i < 100 && ret >= 0; i++)
		ret = write(fd, "x", 1);
	kc_ok(r, "notify doorbell burst", ret);
	kc_ok(r, "notify poll", poll(&pfd, 1, 2000));
	kc_bad(r, "notify read into 4 bytes", read(fd, small, sizeof(small)), EMSGSIZE);
	kc_ok(r, "notify read stamp", read(fd, &stamp, sizeof(stamp)));
	kc_ok(r, "notify doorbell before close", write(fd, "x", 1));
}

static int chardev_robust(struct kc_robust *r)
{
	char *big = calloc(1, KCOMM_CHARDEV_MSG_MAX + 1);
	int fd;

	if (!big)
		return -ENOMEM;
	fd = open(KCOMM_CHARDEV_DEVICE, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open " KCOMM_CHARDEV_DEVICE, fd);
	if (fd < 0) {
		free(big);
		return -errno;
	}
	robust_stream(r, fd, big);
	robust_ioctl(r, fd);
	robust_echo(r, fd, big);
	robust_notify(r, fd);
	close(fd);	/* with a doorbell possibly pending: release must cancel it */
	free(big);

	kc_drill_open_close_storm(r, KCOMM_CHARDEV_DEVICE, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_CHARDEV_DEVICE);
	return 0;
}

KC_DRILLS("chardev", "", chardev_robust);
