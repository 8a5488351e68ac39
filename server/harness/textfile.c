// SPDX-License-Identifier: GPL-2.0
/*
 * Files that hold one number as text (sysfs attributes, module parameters, /proc/sys entries): a read or
 * a write is one system call at offset 0, because such a file regenerates its text on a read from 0 and
 * takes a whole value per write.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_msg.h"

int kc_text_read_u64(int fd, uint64_t *v)
{
	char text[32];
	ssize_t n = pread(fd, text, sizeof(text) - 1, 0);
	char *end;

	if (n < 0)
		return -errno;
	text[n] = '\0';
	errno = 0;
	*v = strtoull(text, &end, 10);
	return errno || end == text || *end != '\n' ? -EPROTO : 0;
}

int kc_text_read_rx_stats(const char *path, struct kcomm_msg_stats *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	unsigned long long v[5];
	char text[128], tail;
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = pread(fd, text, sizeof(text) - 1, 0);
	if (n < 0)
		n = -errno;
	close(fd);
	if (n < 0)
		return (int)n;
	text[n] = '\0';
	/* The module's own format (kcomm_msg.h); a sixth item, or fewer than five numbers, is a bad file. */
	if (sscanf(text, "%llu %llu %llu %llu %llu%c", &v[0], &v[1], &v[2], &v[3], &v[4], &tail) != 6 ||
	    tail != '\n')
		return -EPROTO;
	*out = (struct kcomm_msg_stats){
		.received = v[0], .lost = v[1], .corrupt = v[2], .reordered = v[3], .last_seq = v[4],
	};
	return 0;
}

void kc_drill_rx_stats_corrupt(struct kc_robust *r, const char *path)
{
	struct kcomm_msg_stats rx;
	int rc = kc_text_read_rx_stats(path, &rx);

	kc_ok(r, "read rx_stats", rc);
	if (rc == 0 && rx.corrupt == 0)
		kc_bad(r, "rx_stats counted no corrupt message", 0, 0);
}

int kc_text_write(int fd, const char *text)
{
	size_t len = strlen(text);
	ssize_t n = pwrite(fd, text, len, 0);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

int kc_text_write_path(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	size_t len = strlen(text);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, text, len);
	if (n < 0)
		n = -errno;
	close(fd);
	if (n < 0)
		return (int)n;
	return (size_t)n == len ? 0 : -EIO;
}

/*
 * A method whose message is one number in a text file (a sysctl, a module parameter): roundtrip writes
 * the next number to the value file and reads it back, k2u reads a stamp file the kernel fills at the
 * read. 8 bytes: the number, as the harness's message.
 */
struct numfiles {
	int value_fd;
	int stamp_fd;
	uint64_t next;	/* the number the next roundtrip writes, in 0..max */
	uint64_t max;
};

void kc_numfiles_close(struct kc_ctx *c)
{
	struct numfiles *s = c->priv;

	if (s->value_fd >= 0)
		close(s->value_fd);
	if (s->stamp_fd >= 0)
		close(s->stamp_fd);
	free(s);
	c->priv = NULL;
}

int kc_numfiles_open(struct kc_ctx *c, const char *value_path, const char *stamp_path, uint64_t max)
{
	struct numfiles *s = calloc(1, sizeof(*s));
	int rc;

	if (!s)
		return -ENOMEM;
	c->priv = s;
	s->max = max;
	s->value_fd = open(value_path, O_RDWR | O_CLOEXEC);
	s->stamp_fd = open(stamp_path, O_RDONLY | O_CLOEXEC);
	if (s->value_fd < 0 || s->stamp_fd < 0) {
		rc = -errno;
		kc_numfiles_close(c);
		return rc;
	}
	return 0;
}

int kc_numfiles_roundtrip(struct kc_ctx *c, void *buf)
{
	struct numfiles *s = c->priv;
	char text[32];
	uint64_t back;
	int rc;

	s->next = s->next >= s->max ? 0 : s->next + 1;
	snprintf(text, sizeof(text), "%" PRIu64 "\n", s->next);
	rc = kc_text_write(s->value_fd, text);
	if (!rc)
		rc = kc_text_read_u64(s->value_fd, &back);
	if (rc)
		return rc;
	if (back != s->next)
		return -EPROTO;
	memcpy(buf, &back, sizeof(back));
	return 0;
}

int kc_numfiles_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct numfiles *s = c->priv;
	int rc = kc_text_read_u64(s->stamp_fd, kstamp);

	if (!rc)
		memcpy(buf, kstamp, sizeof(*kstamp));
	return rc;
}
