// SPDX-License-Identifier: GPL-2.0
/*
 * tracepoint_user.c - the user side of kcomm_tracepoint, as a kcomm harness backend
 *
 *   k2u  pwrite(trigger, "N\n") fires kcomm:kcomm_msg with N bytes of data; we read its line from
 *        trace_pipe in a tracefs instance of our own and copy the data out.
 *
 * Why an instance: /sys/kernel/tracing/instances/<name>/ is a ring buffer with its own event switches,
 * so enabling kcomm_msg there records only that event, and leaves the top-level buffer (and anyone
 * else's instance) as it was. We create it, enable the one event, and remove it when done.
 *
 * Why trace_pipe and not trace_pipe_raw: trace_pipe is a consuming read that sleeps until an event
 * is recorded and returns whole lines in the event's own TP_printk format, so the reader needs no
 * knowledge of the ring buffer's layout. trace_pipe_raw (per CPU, binary pages, splice-able) is what
 * high-rate consumers use (trace-cmd, libtracefs), but reading it means decoding the page and event
 * headers described by events/header_page and header_event and each event's format file: a library's
 * job, not a reference's. The price: the kernel formats each event as text when it is read, which
 * these figures include; perf and BPF consumers read binary records instead.
 *
 * Rules a reader follows: tracefs needs root; mount it if /sys/kernel/tracing is empty
 * (mount -t tracefs nodev /sys/kernel/tracing); events are enabled per instance; a trace_pipe read
 * consumes what it returns (one reader per instance); lines the reader does not know ("CPU:n [LOST
 * m EVENTS]" after an overrun) are skipped, and KCOMM's seq shows what was lost.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_tracepoint.h"

#define TRACEFS			"/sys/kernel/tracing"
#define INSTANCE		TRACEFS "/instances/kcomm_harness"
#define EVENT_DIR		"/events/" KCOMM_TP_SYSTEM "/" KCOMM_TP_EVENT
#define INSTANCE_ENABLE		INSTANCE EVENT_DIR "/enable"
#define INSTANCE_PIPE		INSTANCE "/trace_pipe"
#define TOP_ENABLE		TRACEFS EVENT_DIR "/enable"
#define LINE_PREFIX		KCOMM_TP_EVENT ": seq="
#define WRITERS			4
#define WRITER_ROUNDS		50

struct tp_event {
	uint64_t seq;
	uint64_t stamp;
	unsigned int len;
	const char *data;	/* in the reader's buffer, len bytes */
};

struct tp_reader {
	int pipe_fd;
	int trigger_fd;
	uint64_t last_seq;
	size_t fill;		/* bytes in line[] not yet parsed */
	size_t used;		/* bytes of the last returned line, dropped at the next call */
	char line[8192];
};

/* tracefs at /sys/kernel/tracing, mounting it if nobody has. */
static int tracefs_ready(void)
{
	if (access(TRACEFS "/instances", F_OK) == 0)
		return 0;
	if (mount("nodev", TRACEFS, "tracefs", 0, NULL) < 0 && errno != EBUSY)
		return -errno;
	return access(TRACEFS "/instances", F_OK) == 0 ? 0 : -ENOENT;
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -errno;
	rc = kc_text_write(fd, text);
	close(fd);
	return rc;
}

/* A fresh instance with kcomm_msg enabled in it: 0 or -errno. */
static int instance_create(void)
{
	int rc = tracefs_ready();

	if (rc)
		return rc;
	if (mkdir(INSTANCE, 0700) < 0) {
		if (errno != EEXIST)
			return -errno;
		/* left behind by a run that died: start from an empty buffer */
		if (rmdir(INSTANCE) < 0 || mkdir(INSTANCE, 0700) < 0)
			return -errno;
	}
	return write_file(INSTANCE_ENABLE, "1\n");
}

static void instance_remove(void)
{
	(void)write_file(INSTANCE_ENABLE, "0\n");
	(void)rmdir(INSTANCE);
}

/*
 * The next kcomm_msg line from trace_pipe: 0 (ev points into r->line), -EAGAIN for a non-blocking
 * pipe with nothing in it, -EPROTO for a line of ours that does not parse, or -errno.
 */
static int next_event(struct tp_reader *r, struct tp_event *ev)
{
	for (;;) {
		char *nl, *p;
		ssize_t n;
		int end = 0;

		if (r->used) {
			memmove(r->line, r->line + r->used, r->fill - r->used);
			r->fill -= r->used;
			r->used = 0;
		}
		nl = memchr(r->line, '\n', r->fill);
		if (!nl) {
			if (r->fill == sizeof(r->line))
				return -EMSGSIZE;
			n = read(r->pipe_fd, r->line + r->fill, sizeof(r->line) - r->fill);
			if (n < 0)
				return -errno;
			if (n == 0)
				return -EIO;
			r->fill += n;
			continue;
		}
		*nl = '\0';
		r->used = nl + 1 - r->line;
		p = strstr(r->line, LINE_PREFIX);
		if (!p)
			continue;	/* not ours: a lost-events line, another event */
		p += strlen(KCOMM_TP_EVENT ": ");
		if (sscanf(p, "seq=%" SCNu64 " stamp=%" SCNu64 " len=%u data=%n", &ev->seq, &ev->stamp, &ev->len,
			   &end) != 3 || !end || strlen(p + end) != ev->len)
			return -EPROTO;
		ev->data = p + end;
		return 0;
	}
}

static int reader_open(struct tp_reader *r, int pipe_flags)
{
	int rc;

	r->pipe_fd = r->trigger_fd = -1;
	rc = instance_create();
	if (rc)
		return rc;
	r->pipe_fd = open(INSTANCE_PIPE, O_RDONLY | O_CLOEXEC | pipe_flags);
	r->trigger_fd = open(KCOMM_TP_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	if (r->pipe_fd < 0 || r->trigger_fd < 0)
		return -errno;
	return 0;
}

static void reader_close(struct tp_reader *r)
{
	if (r->trigger_fd >= 0)
		close(r->trigger_fd);
	if (r->pipe_fd >= 0)
		close(r->pipe_fd);
	instance_remove();
}

/* Fire one event with len bytes and read it back: 0 or -errno. */
static int fire_and_read(struct tp_reader *r, size_t len, struct tp_event *ev)
{
	char text[16];
	int rc;

	snprintf(text, sizeof(text), "%zu\n", len);
	rc = kc_text_write(r->trigger_fd, text);
	if (!rc)
		rc = next_event(r, ev);
	if (rc)
		return rc;
	if (ev->seq <= r->last_seq || ev->len != len)
		return -EPROTO;
	r->last_seq = ev->seq;
	return 0;
}

static int tp_open(struct kc_ctx *c)
{
	struct tp_reader *r = calloc(1, sizeof(*r));
	int rc;

	if (!r)
		return -ENOMEM;
	rc = reader_open(r, 0);
	if (rc) {
		reader_close(r);
		free(r);
		return rc;
	}
	c->priv = r;
	return 0;
}

static void tp_close(struct kc_ctx *c)
{
	reader_close(c->priv);
	free(c->priv);
	c->priv = NULL;
}

static int tp_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct tp_event ev;
	int rc = fire_and_read(c->priv, c->size, &ev);

	if (rc)
		return rc;
	memcpy(buf, ev.data, ev.len);
	*kstamp = ev.stamp;
	return 0;
}

static const struct kc_backend tracepoint_backend = {
	.method = "tracepoint",
	.variant = "",
	.module = "kcomm_tracepoint",
	.patterns = KC_K2U,
	.max_size = KCOMM_TP_DATA_MAX,
	.limit_note = "a trace event must fit one ring-buffer page; kcomm_tracepoint carries at most 2 KiB, "
		      "read as text from trace_pipe",
	.open = tp_open,
	.close = tp_close,
	.recv = tp_recv,
};
KC_REGISTER(tracepoint_backend);
