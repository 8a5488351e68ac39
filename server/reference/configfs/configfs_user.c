// SPDX-License-Identifier: GPL-2.0
/*
 * configfs_user.c - the user side of kcomm_configfs, as a kcomm harness backend
 *
 *   open()     mount configfs at /sys/kernel/config if it is not, mkdir kcomm/<item>
 *   roundtrip  pwrite(<item>/msg, "text...\n", N, 0) + pread(<item>/msg, N, 0)
 *   u2k        pwrite(<item>/msg, "text...\n", N, 0)
 *   close()    rmdir kcomm/<item> (an item pins the module: rmmod waits for the rmdir)
 *
 * configfs rules the user side must follow:
 *   - values are text: we send printable characters ending in a newline, exactly what `echo`
 *     writes, and get the same bytes back;
 *   - one write is one store() of at most 4095 bytes, and a longer write is cut, not refused;
 *   - a read sees the value as of the first read after open() or after the last write() on the
 *     same open file: re-open to see someone else's change.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_configfs.h"

#define CONFIGFS_MAGIC	0x62656570	/* include/uapi/linux/magic.h */

struct configfs_state {
	char item[128];		/* the item's directory */
	int msg_fd;
	char text[KCOMM_CONFIGFS_MSG_MAX];	/* the message we send, c->size bytes */
};

/* configfs at /sys/kernel/config, mounted here if it is not (the directory exists once configfs is
 * registered, built in or as configfs.ko). 0 or -errno. */
static int ensure_mounted(void)
{
	struct statfs sf;

	if (statfs(KCOMM_CONFIGFS_MOUNT, &sf) < 0)
		return -errno;	/* ENOENT: configfs is not in this kernel, or configfs.ko not loaded */
	if (sf.f_type == CONFIGFS_MAGIC)
		return 0;
	if (mount("none", KCOMM_CONFIGFS_MOUNT, "configfs", 0, NULL) < 0)
		return -errno;
	kc_note("configfs: mounted configfs at %s", KCOMM_CONFIGFS_MOUNT);
	return 0;
}

/* Path of an item's attribute. */
static void attr_path(char *buf, size_t len, const char *item, const char *attr)
{
	snprintf(buf, len, "%s/%s", item, attr);
}

static int store(int fd, const void *buf, size_t len)
{
	ssize_t n = pwrite(fd, buf, len, 0);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

static void configfs_close(struct kc_ctx *c)
{
	struct configfs_state *s = c->priv;

	if (s->msg_fd >= 0)
		close(s->msg_fd);
	if (rmdir(s->item) < 0)
		kc_note("configfs: rmdir %s: %s", s->item, strerror(errno));
	free(s);
	c->priv = NULL;
}

static int configfs_open(struct kc_ctx *c)
{
	struct configfs_state *s = calloc(1, sizeof(*s));
	char path[160];
	int rc;

	if (!s)
		return -ENOMEM;
	rc = ensure_mounted();
	if (rc) {
		free(s);
		return rc;
	}
	snprintf(s->item, sizeof(s->item), "%s/bench-%d", KCOMM_CONFIGFS_PATH, (int)getpid());
	if (mkdir(s->item, 0755) < 0) {
		rc = -errno;
		free(s);
		return rc;
	}
	attr_path(path, sizeof(path), s->item, KCOMM_CONFIGFS_MSG);
	s->msg_fd = open(path, O_RDWR | O_CLOEXEC);
	if (s->msg_fd < 0) {
		rc = -errno;
		c->priv = s;
		configfs_close(c);
		return rc;
	}
	c->priv = s;
	return 0;
}

/* The message for this size: printable text ending in a newline, like echo. */
static int configfs_prepare(struct kc_ctx *c)
{
	struct configfs_state *s = c->priv;
	size_t i;

	if (c->size > sizeof(s->text))
		return -EMSGSIZE;
	for (i = 0; i + 1 < c->size; i++)
		s->text[i] = (char)('a' + i % 26);
	if (c->size)
		s->text[c->size - 1] = '\n';
	return 0;
}

static int configfs_send(struct kc_ctx *c, const void *buf)
{
	struct configfs_state *s = c->priv;

	(void)buf;	/* configfs carries text: we send our own line of c->size bytes */
	return store(s->msg_fd, s->text, c->size);
}

/* The write makes configfs refill the read buffer: the read on the same file is the fresh value. */
static int configfs_roundtrip(struct kc_ctx *c, void *buf)
{
	struct configfs_state *s = c->priv;
	ssize_t n;
	int rc;

	rc = store(s->msg_fd, s->text, c->size);
	if (rc)
		return rc;
	n = pread(s->msg_fd, buf, c->size, 0);
	if (n < 0)
		return -errno;
	if ((size_t)n != c->size || memcmp(buf, s->text, c->size))
		return -EPROTO;
	return 0;
}

static const struct kc_backend configfs_backend = {
	.method = "configfs",
	.variant = "",
	.module = "kcomm_configfs",
	.patterns = KC_ROUNDTRIP | KC_U2K,
	.min_size = 1,
	.max_size = KCOMM_CONFIGFS_MSG_MAX,
	.limit_note = "a configfs attribute is written through one 4096-byte buffer (SIMPLE_ATTR_SIZE) that "
		      "keeps at most 4095 bytes and cuts longer writes; bigger data needs a binary attribute",
	.open = configfs_open,
	.close = configfs_close,
	.prepare = configfs_prepare,
	.roundtrip = configfs_roundtrip,
	.answer_differs = 1,	/* it sends its own line of text, not the harness's message */
	.send = configfs_send,
};
KC_REGISTER(configfs_backend);
