// SPDX-License-Identifier: GPL-2.0
/*
 * usermodehelper_user.c - both user sides of kcomm_usermodehelper:
 * the program the kernel starts, and the harness backend that measures it
 *
 * The helper is this harness binary itself. The kernel runs
 *     <harness> umh-helper <kernel stamp>
 * (the core dispatches argv[1] to umh_helper_main() via KC_SUBCOMMAND).
 * It starts with no stdin/stdout/stderr, as root, in the init namespaces,
 * so it reports back through a FIFO the backend created:
 *     "<kernel stamp> <helper's CLOCK_MONOTONIC at main()>\n"
 * The FIFO sits in a private directory (UMH_DIR, 0700, owned by us) and
 * both sides open it with O_NOFOLLOW and check that it is a FIFO we own:
 * the helper runs as root, so a FIFO path that another user could plant
 * (a symlink to /etc/shadow, a regular file) must never be followed.
 * Lines shorter than PIPE_BUF are written atomically: several helpers at
 * once cannot interleave their lines.
 *
 * notify, one call: write "exec" to trigger (returns once the helper has
 * been exec'ed: UMH_WAIT_EXEC), then wait on the FIFO for the helper's
 * line. The latency the core records is kernel stamp -> we read the line;
 * the helper's own view (kernel stamp -> its main() runs) is reported as a
 * dataset note at the end of the point.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_usermodehelper.h"

#define UMH_DIR			"/tmp/kcomm-umh"
#define UMH_FIFO		UMH_DIR "/fifo"
#define UMH_TIMEOUT_MS		10000
#define UMH_MAX_SAMPLES		65536

/* --- the private FIFO --------------------------------------------------- */

/* UMH_DIR is a real directory (not a symlink), ours, and closed to others: 0 or -errno. */
static int umh_dir_check(void)
{
	struct stat st;

	if (lstat(UMH_DIR, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077))
		return -EPERM;
	return 0;
}

/* Open the FIFO without following a symlink, and only if it is a FIFO we own: fd or -errno. */
static int umh_fifo_open(int flags)
{
	struct stat st;
	int fd, rc;

	rc = umh_dir_check();
	if (rc)
		return rc;
	fd = open(UMH_FIFO, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0 || !S_ISFIFO(st.st_mode) || st.st_uid != geteuid()) {
		close(fd);
		return -EPERM;
	}
	return fd;
}

/* Make the private directory (or accept ours) and a fresh FIFO in it: 0 or -errno. */
static int umh_fifo_create(void)
{
	int rc;

	if (mkdir(UMH_DIR, 0700) < 0 && errno != EEXIST)
		return -errno;
	rc = umh_dir_check();
	if (rc)
		return rc;
	if (unlink(UMH_FIFO) < 0 && errno != ENOENT)
		return -errno;
	if (mkfifo(UMH_FIFO, 0600) < 0)
		return -errno;
	return 0;
}

static void umh_fifo_remove(void)
{
	unlink(UMH_FIFO);
	rmdir(UMH_DIR);
}

/* --- the helper: what the kernel runs ----------------------------------- */

static int umh_helper_main(int argc, char **argv)
{
	uint64_t now = kc_now_ns();	/* first thing: this is the receipt time */
	char line[64];
	char *end;
	int fd, len;

	if (argc != 2)
		return 2;
	errno = 0;
	(void)strtoull(argv[1], &end, 10);
	if (errno || end == argv[1] || *end)
		return 2;
	/* O_NONBLOCK: if nobody is reading, fail (ENXIO) instead of hanging. */
	fd = umh_fifo_open(O_WRONLY);
	if (fd < 0)
		return 1;
	len = snprintf(line, sizeof(line), "%s %" PRIu64 "\n", argv[1], now);
	if (len <= 0 || (size_t)len >= sizeof(line) || write(fd, line, (size_t)len) != len) {
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}
KC_SUBCOMMAND(KCOMM_UMH_HELPER_ARG, umh_helper_main);

/* --- the backend -------------------------------------------------------- */

struct umh_state {
	int trigger_fd;
	int fifo_fd;
	char pending[256];	/* bytes read from the FIFO, not yet a full line */
	size_t pending_len;
	uint64_t *helper_ns;	/* kernel stamp -> helper main(), per sample */
	size_t nsamples;
};

static int umh_open(struct kc_ctx *c)
{
	struct umh_state *s = calloc(1, sizeof(*s));
	const char *self = kc_self_path();
	int rc;

	if (!s)
		return -ENOMEM;
	s->helper_ns = calloc(UMH_MAX_SAMPLES, sizeof(*s->helper_ns));
	if (!s->helper_ns) {
		rc = -ENOMEM;
		goto out_free;
	}
	if (!self[0]) {
		rc = -ENOENT;
		goto out_free;
	}
	rc = kc_text_write_path(KCOMM_UMH_HELPER_PATH, self);
	if (rc)
		goto out_free;
	rc = umh_fifo_create();
	if (rc)
		goto out_free;
	/* O_RDWR keeps a writer on the FIFO: no EOF between two helpers. */
	s->fifo_fd = umh_fifo_open(O_RDWR);
	if (s->fifo_fd < 0) {
		rc = s->fifo_fd;
		goto out_unlink;
	}
	s->trigger_fd = open(KCOMM_UMH_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	if (s->trigger_fd < 0) {
		rc = -errno;
		goto out_close_fifo;
	}
	c->priv = s;
	return 0;

out_close_fifo:
	close(s->fifo_fd);
out_unlink:
	umh_fifo_remove();
out_free:
	free(s->helper_ns);
	free(s);
	return rc;
}

static void umh_close(struct kc_ctx *c)
{
	struct umh_state *s = c->priv;

	close(s->trigger_fd);
	close(s->fifo_fd);
	umh_fifo_remove();
	kc_text_write_path(KCOMM_UMH_HELPER_PATH, "\n");
	free(s->helper_ns);
	free(s);
}

static int umh_prepare(struct kc_ctx *c)
{
	struct umh_state *s = c->priv;

	s->nsamples = 0;
	return 0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void umh_finish(struct kc_ctx *c)
{
	struct umh_state *s = c->priv;

	if (!s->nsamples)
		return;
	qsort(s->helper_ns, s->nsamples, sizeof(*s->helper_ns), cmp_u64);
	kc_note("usermodehelper: kernel stamp -> helper main() running (the helper's own clock): "
		"p50 %" PRIu64 " us, p99 %" PRIu64 " us over %zu upcalls; the measured latency adds one "
		"FIFO wake-up of the backend",
		s->helper_ns[s->nsamples / 2] / 1000, s->helper_ns[s->nsamples * 99 / 100] / 1000, s->nsamples);
}

/* Take one complete line out of s->pending; 1 if there was one. */
static int take_line(struct umh_state *s, uint64_t *kstamp, uint64_t *helper)
{
	char *nl = memchr(s->pending, '\n', s->pending_len);
	size_t used;
	int ok;

	if (!nl)
		return 0;
	*nl = '\0';
	ok = sscanf(s->pending, "%" SCNu64 " %" SCNu64, kstamp, helper) == 2;
	used = (size_t)(nl - s->pending) + 1;
	memmove(s->pending, nl + 1, s->pending_len - used);
	s->pending_len -= used;
	return ok ? 1 : -1;
}

static int umh_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct umh_state *s = c->priv;
	uint64_t start = kc_now_ns(), helper = 0;
	struct pollfd pfd = { .fd = s->fifo_fd, .events = POLLIN };
	ssize_t n;
	int rc;

	n = pwrite(s->trigger_fd, KCOMM_UMH_WAIT_EXEC, strlen(KCOMM_UMH_WAIT_EXEC), 0);
	if (n < 0)
		return -errno;
	for (;;) {
		rc = take_line(s, kstamp, &helper);
		/* Skip garbage and lines left by an earlier, timed-out upcall. */
		if (rc == 1 && *kstamp >= start)
			break;
		if (rc != 0)
			continue;
		rc = poll(&pfd, 1, UMH_TIMEOUT_MS);
		if (rc < 0)
			return -errno;
		if (rc == 0)
			return -ETIMEDOUT;
		if (s->pending_len >= sizeof(s->pending) - 1)
			s->pending_len = 0;	/* no newline in a full buffer: junk */
		n = read(s->fifo_fd, s->pending + s->pending_len, sizeof(s->pending) - 1 - s->pending_len);
		if (n < 0 && errno != EAGAIN)
			return -errno;
		if (n > 0)
			s->pending_len += (size_t)n;
	}
	if (s->nsamples < UMH_MAX_SAMPLES && helper >= *kstamp)
		s->helper_ns[s->nsamples++] = helper - *kstamp;
	return 0;
}

static const struct kc_backend umh_backend = {
	.method = "usermodehelper",
	.variant = "",
	.module = "kcomm_usermodehelper",
	.patterns = KC_NOTIFY,
	.open = umh_open,
	.close = umh_close,
	.prepare = umh_prepare,
	.finish = umh_finish,
	.notify = umh_notify,
};
KC_REGISTER(umh_backend);
