// SPDX-License-Identifier: GPL-2.0
/*
 * Files that hold one number as text (sysfs attributes, module parameters, /proc/sys entries): a read or
 * a write is one system call at offset 0, because such a file regenerates its text on a read from 0 and
 * takes a whole value per write.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

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

int kc_text_write(int fd, const char *text)
{
	size_t len = strlen(text);
	ssize_t n = pwrite(fd, text, len, 0);

	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}
