// SPDX-License-Identifier: GPL-2.0
/*
 * Shared drills for files a module takes writes on (sysfs triggers, parameters): refused writes, many
 * writers at once, and what an unprivileged user may open.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

#define KC_WRITERS_MAX 16

void kc_drill_bad_writes(struct kc_robust *r, const char *name, int fd, const struct kc_bad_write *w, size_t n)
{
	char what[160];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(what, sizeof(what), "%s <- \"%.*s\"", name, (int)strcspn(w[i].text, "\n"), w[i].text);
		kc_bad(r, what, pwrite(fd, w[i].text, strlen(w[i].text), 0), w[i].err);
	}
}

struct writer {
	const char *path;
	const char *text;
	int rounds;
	int err;
};

static void *writer_thread(void *arg)
{
	struct writer *w = arg;
	int i, fd = open(w->path, O_WRONLY | O_CLOEXEC);

	if (fd < 0) {
		w->err = errno;
		return NULL;
	}
	for (i = 0; i < w->rounds && !w->err; i++) {
		ssize_t n = pwrite(fd, w->text, strlen(w->text), 0);

		if (n < 0 && errno == ESPIPE)	/* a stream (stream_open()) has no offset */
			n = write(fd, w->text, strlen(w->text));
		if (n < 0)
			w->err = errno;
		else if ((size_t)n != strlen(w->text))
			w->err = EIO;
	}
	close(fd);
	return NULL;
}

void kc_drill_concurrent_writes(struct kc_robust *r, const char *path, const char *text, int threads, int rounds)
{
	struct writer w[KC_WRITERS_MAX];
	pthread_t t[KC_WRITERS_MAX];
	int i, started = 0, err = 0;
	char what[300];

	if (threads > KC_WRITERS_MAX)
		threads = KC_WRITERS_MAX;
	for (i = 0; i < threads; i++) {
		w[i] = (struct writer){ .path = path, .text = text, .rounds = rounds };
		if (pthread_create(&t[i], NULL, writer_thread, &w[i]) != 0)
			break;
		started++;
	}
	for (i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		if (w[i].err && !err)
			err = w[i].err;
	}
	snprintf(what, sizeof(what), "%d concurrent writers, %d writes each, to %s", threads, rounds, path);
	kc_ok(r, what, started < threads ? -EAGAIN : err ? -err : 0);
}

struct nobody_open {
	const char *path;
	int flags;
};

static long open_fn(void *arg)
{
	const struct nobody_open *o = arg;
	int fd = open(o->path, o->flags | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

long kc_open_as_nobody(const char *path, int flags)
{
	struct nobody_open o = { .path = path, .flags = flags };

	return kc_as_nobody(open_fn, &o);
}
