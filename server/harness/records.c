// SPDX-License-Identifier: GPL-2.0
/*
 * records.c - reading a file that hands out whole records and then 0 (a relay buffer file): one
 * helper for every backend that reads one, so that their user sides do the same work.
 */
#include <errno.h>
#include <unistd.h>

#include "harness.h"

int kc_read_record(int fd, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = read(fd, (char *)buf + done, len - done);

		if (n < 0)
			return -errno;
		if (n == 0)
			return done ? -EPROTO : -ENODATA;	/* lost, or never produced */
		done += (size_t)n;
	}
	return 0;
}

void kc_drain(int fd)
{
	static char sink[65536];

	while (read(fd, sink, sizeof(sink)) > 0)
		;
}
