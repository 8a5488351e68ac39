// SPDX-License-Identifier: GPL-2.0
/*
 * Stock procfs and sysfs: read a small attribute file that the kernel formats on every read (pread at
 * offset 0 makes seq_file/kernfs run the show function each time). Data flows kernel to user, so the
 * pattern is k2u; a file cannot carry a stamp, so the stamp is taken just before pread() and the
 * latency is the call's duration. These files hold a few dozen bytes: larger sizes need the modules.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

struct file_priv {
	int fd;
	const char *path;
};

static int file_open_first(struct kc_ctx *c, const char *const *paths)
{
	struct file_priv *p = calloc(1, sizeof(*p));
	char buf[256];
	ssize_t n;
	size_t i;

	if (!p)
		return -ENOMEM;
	p->fd = -1;
	for (i = 0; paths[i] && p->fd < 0; i++) {
		p->fd = open(paths[i], O_RDONLY | O_CLOEXEC);
		p->path = paths[i];
	}
	if (p->fd < 0) {
		int err = errno;

		free(p);
		return -err;
	}
	n = pread(p->fd, buf, sizeof(buf), 0);
	kc_note("%s/%s: reads %s, which holds %zd bytes: a read of a larger size returns only those; "
		"the k2u latency is the duration of pread() at offset 0",
		c->be->method, c->be->variant, p->path, n);
	c->priv = p;
	return 0;
}

static void file_close(struct kc_ctx *c)
{
	struct file_priv *p = c->priv;

	close(p->fd);
	free(p);
}

static int file_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct file_priv *p = c->priv;

	ssize_t n;

	*kstamp = kc_now_ns();
	n = pread(p->fd, buf, c->size, 0);
	if (n <= 0)
		return n < 0 ? -errno : -ENODATA;
	c->rx_len = (size_t)n;	/* the file holds fewer bytes than asked: count only those */
	return 0;
}

static int procfs_open(struct kc_ctx *c)
{
	static const char *const paths[] = { "/proc/loadavg", "/proc/self/stat", NULL };

	return file_open_first(c, paths);
}

static int sysfs_open(struct kc_ctx *c)
{
	static const char *const paths[] = { "/sys/kernel/mm/transparent_hugepage/enabled",
					     "/sys/devices/system/cpu/online", NULL };

	return file_open_first(c, paths);
}

static const struct kc_backend procfs_read = {
	.method = "procfs",
	.variant = "proc-read",
	.stock = 1,
	.patterns = KC_K2U,
	.min_size = 8,
	.max_size = 64,
	.limit_note = "/proc/loadavg holds about 30 bytes; bigger reads need a module's own proc file",
	.open = procfs_open,
	.close = file_close,
	.recv = file_recv,
};
KC_REGISTER(procfs_read);

static const struct kc_backend sysfs_read = {
	.method = "sysfs",
	.variant = "sysfs-read",
	.stock = 1,
	.patterns = KC_K2U,
	.min_size = 8,
	.max_size = 64,
	.limit_note = "a stock sysfs attribute holds a few dozen bytes (one value per file, at most a page)",
	.open = sysfs_open,
	.close = file_close,
	.recv = file_recv,
};
KC_REGISTER(sysfs_read);
