// SPDX-License-Identifier: GPL-2.0
/*
 * min_user.c - the user side of kcomm_min.ko: two measuring baselines
 *
 * chardev/minimal u2k: write() the message to /dev/kcomm_min, exactly as the
 *	chardev backend writes it to /dev/kcomm_chardev; the module copies it in
 *	and checks it (kcomm_msg.h), and its counts are read back the same way.
 * relay/minimal k2u: ioctl(KCOMM_RELAY_IOC_PRODUCE, {1, size}) on the module's
 *	debugfs "produce" file, the request the relay backend makes of
 *	kcomm_relay's, makes it write one stamped record into the relay buffer of
 *	CPU 0 (we pin ourselves there, as the relay backend does), then read() it
 *	from that CPU's relay file, as the relay backend reads kcomm_relay's.
 * The core fills and checks every message the same way for these as for the
 * reference backends, so a difference in cost is the modules' own work.
 * These are baselines, not methods (.baseline = 1): the dataset keeps their
 * points, the advice and the charts leave them out (src/core/dataset-schema.ts).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cpu_pin.h"
#include "harness.h"
#include "kcomm_min.h"

struct min_state {
	int dev_fd;		/* chardev: /dev/kcomm_min */
	int produce_fd;		/* relay: produce of kcomm_min */
	int cpu_fd;		/* relay: cpu0 of kcomm_min */
	cpu_set_t saved_cpus;	/* relay: our affinity before open() */
	struct kcomm_relay_produce req;	/* relay: the point's request */
};

static int min_dev_open(struct kc_ctx *c)
{
	struct min_state *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	s->cpu_fd = -1;
	s->dev_fd = open(KCOMM_MIN_DEVICE, O_RDWR | O_CLOEXEC);
	if (s->dev_fd < 0) {
		int err = -errno;

		free(s);
		return err;
	}
	c->priv = s;
	return 0;
}

static void min_dev_close(struct kc_ctx *c)
{
	struct min_state *s = c->priv;

	close(s->dev_fd);
	free(s);
}

static int min_send(struct kc_ctx *c, const void *buf)
{
	struct min_state *s = c->priv;
	ssize_t n = write(s->dev_fd, buf, c->size);

	if (n < 0)
		return -errno;
	return (size_t)n == c->size ? 0 : -EIO;
}

static int min_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	struct min_state *s = c->priv;

	return ioctl(s->dev_fd, KCOMM_MIN_GET_RX_STATS, out) < 0 ? -errno : 0;
}

static int min_relay_open(struct kc_ctx *c)
{
	struct min_state *s = calloc(1, sizeof(*s));
	char path[128];
	int rc;

	if (!s)
		return -ENOMEM;
	rc = kc_pin_cpu(0, &s->saved_cpus);
	if (rc)
		goto out_free;
	s->produce_fd = open(KCOMM_MIN_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	if (s->produce_fd < 0) {
		rc = -errno;
		goto out_restore_cpus;
	}
	snprintf(path, sizeof(path), KCOMM_MIN_CPU_FMT, 0u);
	s->cpu_fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->cpu_fd < 0) {
		rc = -errno;
		goto out_close_produce;
	}
	kc_drain(s->cpu_fd);
	s->dev_fd = -1;
	s->req.count = 1;
	c->priv = s;
	return 0;

out_close_produce:
	close(s->produce_fd);
out_restore_cpus:
	kc_unpin_cpu(&s->saved_cpus);
out_free:
	free(s);
	return rc;
}

static void min_relay_close(struct kc_ctx *c)
{
	struct min_state *s = c->priv;

	close(s->cpu_fd);
	close(s->produce_fd);
	kc_unpin_cpu(&s->saved_cpus);
	free(s);
}

static int min_relay_prepare(struct kc_ctx *c)
{
	struct min_state *s = c->priv;

	s->req.size = (uint32_t)c->size;
	return 0;
}

static void min_relay_finish(struct kc_ctx *c)
{
	struct min_state *s = c->priv;

	kc_drain(s->cpu_fd);
}

/* One record: ask for it, read it whole, check its header, as relay_user.c's relay_recv() does. */
static int min_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct min_state *s = c->priv;
	struct kcomm_relay_record hdr;
	int rc = ioctl(s->produce_fd, KCOMM_RELAY_IOC_PRODUCE, &s->req) < 0 ? -errno : 0;

	if (!rc)
		rc = kc_read_record(s->cpu_fd, buf, c->size);
	if (rc)
		return rc;
	memcpy(&hdr, buf, sizeof(hdr));
	if (hdr.size != c->size)
		return -EPROTO;
	*kstamp = hdr.stamp_ns;
	return 0;
}

/* --- robustness --------------------------------------------------------- */

static int min_chardev_robust(struct kc_robust *r)
{
	char *big = calloc(1, KCOMM_MIN_MSG_MAX + 1);
	int fd = open(KCOMM_MIN_DEVICE, O_RDWR | O_CLOEXEC);

	kc_ok(r, "open " KCOMM_MIN_DEVICE, fd < 0 ? -errno : 0);
	if (fd < 0 || !big) {
		if (fd >= 0)
			close(fd);
		free(big);
		return fd < 0 ? 0 : -ENOMEM;
	}
	kc_bad(r, "write 0 bytes", write(fd, big, 0), EINVAL);
	kc_bad(r, "write > 1 MiB", write(fd, big, KCOMM_MIN_MSG_MAX + 1), EINVAL);
	kc_ok(r, "write 1 MiB", write(fd, big, KCOMM_MIN_MSG_MAX));
	kc_bad(r, "write from an invalid pointer", write(fd, kc_bad_pointer(), 64), EFAULT);
	kc_bad(r, "write from a kernel address", write(fd, (void *)0xffff888000000000ul, 64), EFAULT);
	kc_bad(r, "read: the device has no read()", read(fd, big, 64), EINVAL);
	kc_bad(r, "lseek on a stream", lseek(fd, 0, SEEK_SET), ESPIPE);
	kc_bad(r, "unknown ioctl", ioctl(fd, _IO(KCOMM_MIN_MAGIC, 0x7f)), ENOTTY);
	kc_bad(r, "GET_RX_STATS into an invalid pointer", ioctl(fd, KCOMM_MIN_GET_RX_STATS, kc_bad_pointer()),
	       EFAULT);
	close(fd);
	free(big);
	kc_drill_concurrent_writes(r, KCOMM_MIN_DEVICE, "concurrent writes of a short message", 4, 200);
	kc_drill_open_close_storm(r, KCOMM_MIN_DEVICE, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_MIN_DEVICE);
	return 0;
}

static int min_relay_robust(struct kc_robust *r)
{
	static const struct kcomm_relay_produce bad[] = {
		{ 1, 0 }, { 1, 15 }, { 1, KCOMM_RELAY_SUBBUF_SIZE + 1 }, { 1, ~0u }, { 0, 64 }, { 2, 64 }, { ~0u, 64 },
	};
	const struct kcomm_relay_produce big = { 1, KCOMM_RELAY_SUBBUF_SIZE }, small = { 1, 64 };
	struct kc_ctx c = { .be = r->be, .size = 64 };
	struct min_state *s;
	char what[64], buf[64];
	unsigned int i;
	uint64_t stamp;

	kc_ok(r, "open " KCOMM_MIN_PRODUCE_PATH " and cpu0", min_relay_open(&c));
	if (!c.priv)
		return 0;
	s = c.priv;
	min_relay_prepare(&c);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "PRODUCE {%u, %u}", bad[i].count, bad[i].size);
		kc_bad(r, what, ioctl(s->produce_fd, KCOMM_RELAY_IOC_PRODUCE, &bad[i]), EINVAL);
	}
	kc_bad(r, "PRODUCE from an invalid pointer", ioctl(s->produce_fd, KCOMM_RELAY_IOC_PRODUCE, kc_bad_pointer()),
	       EFAULT);
	kc_bad(r, "PRODUCE from a kernel address",
	       ioctl(s->produce_fd, KCOMM_RELAY_IOC_PRODUCE, kc_bad_address(KC_ADDR_DIRECT_MAP)), EFAULT);
	kc_bad(r, "unknown ioctl on produce", ioctl(s->produce_fd, _IO(KCOMM_RELAY_MAGIC, 0x7f)), ENOTTY);
	kc_bad(r, "write to produce: it takes no text", write(s->produce_fd, "1 64", 4), 0);
	/* 8 x 1 MiB into a 4 x 1 MiB buffer: relay drops what does not fit, nothing breaks. */
	for (i = 0; i < 8; i++)
		kc_ok(r, "PRODUCE {1, 1 MiB}", ioctl(s->produce_fd, KCOMM_RELAY_IOC_PRODUCE, &big));
	kc_drain(s->cpu_fd);
	kc_ok(r, "a record after the overflow reads back", min_recv(&c, buf, &stamp));
	kc_ok(r, "PRODUCE {1, 64}", ioctl(s->produce_fd, KCOMM_RELAY_IOC_PRODUCE, &small));
	kc_ok(r, "read into an invalid pointer: 0 or EFAULT",
	      read(s->cpu_fd, kc_bad_pointer(), 64) <= 0 ? 0 : -EIO);
	kc_drain(s->cpu_fd);
	min_relay_close(&c);
	kc_drill_open_close_storm(r, KCOMM_MIN_PRODUCE_PATH, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_MIN_PRODUCE_PATH);
	snprintf(what, sizeof(what), KCOMM_MIN_CPU_FMT, 0u);
	kc_drill_open_close_storm(r, what, 4, 200);
	kc_drill_rmmod_while_open(r, what);
	return 0;
}

static const struct kc_backend min_chardev_backend = {
	.method = "chardev",
	.variant = "minimal",
	.module = "kcomm_min",
	.baseline = 1,
	.patterns = KC_U2K,
	.min_size = 8,
	.max_size = KCOMM_MIN_MSG_MAX,
	.limit_note = "a measuring baseline: a write() that only copies the message in and checks it",
	.open = min_dev_open,
	.close = min_dev_close,
	.send = min_send,
	.rx_stats = min_rx_stats,
	.robust = min_chardev_robust,
};
KC_REGISTER(min_chardev_backend);

static const struct kc_backend min_relay_backend = {
	.method = "relay",
	.variant = "minimal",
	.module = "kcomm_min",
	.baseline = 1,
	.patterns = KC_K2U,
	.min_size = KCOMM_RELAY_RECORD_MIN,
	.max_size = KCOMM_RELAY_SUBBUF_SIZE,
	.limit_note = "a measuring baseline: one bare __relay_write() of a stamped record per ioctl() on a debugfs file",
	.open = min_relay_open,
	.close = min_relay_close,
	.prepare = min_relay_prepare,
	.finish = min_relay_finish,
	.recv = min_recv,
	.robust = min_relay_robust,
};
KC_REGISTER(min_relay_backend);
