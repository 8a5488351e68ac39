// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_user.c - the user side of kcomm_ioctl, as a kcomm harness backend.
 *
 * How user space drives an ioctl interface:
 *   fd = open("/dev/kcomm_ioctl", O_RDWR | O_CLOEXEC);
 *   if (ioctl(fd, KCOMM_IOCTL_ECHO(n), msg) < 0) ... errno says why ...
 * For the struct-based commands, always zero the whole struct first
 * (reserved fields must be 0) and set .size: the kernel refuses anything it
 * does not fully understand.
 *
 * Patterns: roundtrip uses ECHO(len) up to 64 bytes (the message itself is
 * the argument) and ECHO_BUF (a pointer to the caller's buffer) above; u2k is SINK; k2u is SOURCE, whose
 * first 8 bytes are the kernel's CLOCK_MONOTONIC stamp. ioctl has no
 * notification of its own: a call returns when its work is done.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_ioctl.h"

struct ioctl_priv {
	int fd;
};

/* -errno from a libc-style result, the convention of the harness. */
static int neg_errno(long ret)
{
	return ret < 0 ? -errno : 0;
}

static int ioctl_open(struct kc_ctx *c)
{
	struct ioctl_priv *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	p->fd = open(KCOMM_IOCTL_DEVICE, O_RDWR | O_CLOEXEC);
	if (p->fd < 0) {
		int err = -errno;

		free(p);
		return err;
	}
	c->priv = p;
	return 0;
}

static void ioctl_close(struct kc_ctx *c)
{
	struct ioctl_priv *p = c->priv;

	close(p->fd);
	free(p);
}

/* Describe buf[0..len) for the pointer-based commands. */
static struct kcomm_ioctl_buf buf_arg(const void *buf, size_t len)
{
	struct kcomm_ioctl_buf b;

	memset(&b, 0, sizeof(b));	/* flags and reserved must be 0 */
	b.size = sizeof(b);
	b.addr = (__u64)(uintptr_t)buf;	/* a pointer always travels as __u64 */
	b.len = (__u32)len;
	return b;
}

static int ioctl_roundtrip(struct kc_ctx *c, void *buf)
{
	struct ioctl_priv *p = c->priv;
	struct kcomm_ioctl_buf b;

	/* Small: the message is the argument, its length in the command; one copy each way. */
	if (c->size <= KCOMM_IOCTL_INLINE_MAX)
		return neg_errno(ioctl(p->fd, KCOMM_IOCTL_ECHO(c->size), buf));
	/* Large: the kernel copies from and back into our own buffer. */
	b = buf_arg(buf, c->size);
	return neg_errno(ioctl(p->fd, KCOMM_IOCTL_ECHO_BUF, &b));
}

static int ioctl_send(struct kc_ctx *c, const void *buf)
{
	struct ioctl_priv *p = c->priv;
	struct kcomm_ioctl_buf b = buf_arg(buf, c->size);

	return neg_errno(ioctl(p->fd, KCOMM_IOCTL_SINK, &b));
}

/* What the kernel counted of ECHO_BUF and SINK messages; the inline ECHO keeps no count. */
static int ioctl_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	struct ioctl_priv *p = c->priv;

	if (c->pattern == KC_ROUNDTRIP && c->size <= KCOMM_IOCTL_INLINE_MAX)
		return -EOPNOTSUPP;
	return neg_errno(ioctl(p->fd, KCOMM_IOCTL_GET_RX_STATS, out));
}

static int ioctl_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct ioctl_priv *p = c->priv;
	struct kcomm_ioctl_buf b = buf_arg(buf, c->size);

	if (ioctl(p->fd, KCOMM_IOCTL_SOURCE, &b) < 0)
		return -errno;
	memcpy(kstamp, buf, sizeof(*kstamp));
	return 0;
}

/* ---- robustness: every case must fail cleanly or succeed, never harm the kernel ---- */

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

static const struct kc_backend ioctl_backend = {
	.method = "ioctl",
	.variant = "",
	.module = "kcomm_ioctl",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U,
	.min_size = 8,	/* k2u: the 8-byte stamp; the core uses the same floor for all */
	.max_size = KCOMM_IOCTL_BUF_MAX,
	.open = ioctl_open,
	.close = ioctl_close,
	.roundtrip = ioctl_roundtrip,
	.send = ioctl_send,
	.recv = ioctl_recv,
	.rx_stats = ioctl_rx_stats,
	.robust = ioctl_robust,
};
KC_REGISTER(ioctl_backend);
