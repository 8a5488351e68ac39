// SPDX-License-Identifier: GPL-2.0
/*
 * `robust`: throw bad input at every reference module, then load and unload it many times, then read the
 * kernel log. A module passes when every bad call got the error it should, every unload worked and the
 * log holds no oops, warning or lockup. The bookkeeping (kc_bad, kc_ok) and the shared drills for
 * anything with a device node live here too.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core.h"

/* Per backend, misbehaviours beyond this many are counted but not each written out as a note. */
#define KC_ROBUST_NOTES_PER_BACKEND 10

static unsigned int failures_noted;

static void robust_fail(struct kc_robust *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void robust_fail(struct kc_robust *r, const char *fmt, ...)
{
	char what[512], id[128] = "?";
	va_list ap;

	r->failed++;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (r->be)
		kc_backend_id(r->be, id, sizeof(id));
	if (failures_noted++ < KC_ROBUST_NOTES_PER_BACKEND)
		kc_note("robust %s: %s", id, what);
	else
		fprintf(stderr, "robust %s: %s\n", id, what);
}

void *kc_bad_address(uintptr_t addr)
{
	void *p = (void *)addr;

	/* An empty asm the optimiser cannot see through: p is "unknown" afterwards. */
	__asm__ __volatile__("" : "+r"(p));
	return p;
}

void *kc_bad_pointer(void)
{
	return kc_bad_address(0);
}

/* ret is libc style (-1 and errno) or a negative errno. */
static int ret_errno(long ret, int saved_errno)
{
	if (ret == -1 && saved_errno)
		return saved_errno;
	return (int)-ret;
}

void kc_bad(struct kc_robust *r, const char *what, long ret, int expect_errno)
{
	int err = ret_errno(ret, errno);

	kc_watchdog_beat();
	r->tried++;
	if (ret >= 0)
		robust_fail(r, "%s: succeeded (returned %ld) but must fail%s%s", what, ret,
			    expect_errno ? " with " : "", expect_errno ? strerror(expect_errno) : "");
	else if (expect_errno && err != expect_errno)
		robust_fail(r, "%s: failed with %s, expected %s", what, strerror(err), strerror(expect_errno));
}

void kc_ok(struct kc_robust *r, const char *what, long ret)
{
	int err = ret_errno(ret, errno);

	kc_watchdog_beat();
	r->tried++;
	if (ret < 0)
		robust_fail(r, "%s: must succeed, failed with %s", what, strerror(err));
}

struct storm {
	const char *path;
	int rounds;
	int bad_errno;	/* first unexpected errno, 0 if none */
};

static void *storm_thread(void *arg)
{
	struct storm *s = arg;
	int i;

	for (i = 0; i < s->rounds; i++) {
		int fd = open(s->path, O_RDWR | O_CLOEXEC);

		if (fd < 0 && (errno == EACCES || errno == EPERM || errno == EISDIR))
			fd = open(s->path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			/* An exclusive device may refuse a second opener; anything else is a bug. */
			if (errno != EBUSY && errno != EAGAIN && !s->bad_errno)
				s->bad_errno = errno;
			continue;
		}
		if (close(fd) != 0 && !s->bad_errno)
			s->bad_errno = errno;
	}
	return NULL;
}

void kc_drill_open_close_storm(struct kc_robust *r, const char *path, int threads, int rounds)
{
	struct storm s[64];
	pthread_t t[64];
	char what[300];
	int i, started = 0, fd;

	if (threads > 64)
		threads = 64;
	for (i = 0; i < threads; i++) {
		s[i] = (struct storm){ .path = path, .rounds = rounds };
		if (pthread_create(&t[i], NULL, storm_thread, &s[i]) != 0)
			break;
		started++;
	}
	for (i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		kc_watchdog_beat();
		snprintf(what, sizeof(what), "open/close storm on %s, thread %d", path, i);
		kc_ok(r, what, s[i].bad_errno ? -s[i].bad_errno : 0);
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	snprintf(what, sizeof(what), "open %s after the storm", path);
	kc_ok(r, what, fd < 0 ? -errno : 0);
	if (fd >= 0)
		close(fd);
}

void kc_drill_rmmod_while_open(struct kc_robust *r, const char *path)
{
	const char *module = r->be ? r->be->module : NULL;
	char kname[64], what[300], c;
	size_t i;
	int fd, rc, err;

	if (!module)
		return;
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)	/* a write-only trigger attribute */
		fd = open(path, O_WRONLY | O_CLOEXEC);
	snprintf(what, sizeof(what), "open %s to hold it during unload", path);
	kc_ok(r, what, fd < 0 ? -errno : 0);
	if (fd < 0)
		return;
	snprintf(kname, sizeof(kname), "%s", module);
	for (i = 0; kname[i]; i++)
		if (kname[i] == '-')
			kname[i] = '_';
	rc = (int)syscall(SYS_delete_module, kname, O_NONBLOCK);
	err = errno;
	r->tried++;
	if (rc < 0 && err != EBUSY && err != EAGAIN)
		robust_fail(r, "unload of %s while %s is open: failed with %s, expected EBUSY", module, path,
			    strerror(err));
	if (rc == 0) {
		/* It let go while in use: acceptable only if the open file is still safe to touch. */
		kc_note("robust: %s unloaded while %s was open; touching the stale file", module, path);
		if (read(fd, &c, 1) < 0 && errno == EBADF && write(fd, "\n", 1) < 0)
			(void)0;
	}
	close(fd);
	if (rc == 0) {
		rc = kc_module_load(module);
		kc_ok(r, "reload after an unload while open", rc);
	}
}

static long in_child(long (*fn)(void *arg), void *arg, bool as_nobody)
{
	const uid_t nobody = 65534;
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		long ret;

		if (as_nobody && (setgroups(0, NULL) < 0 || setresgid(nobody, nobody, nobody) < 0 ||
				  setresuid(nobody, nobody, nobody) < 0))
			_exit(255);
		ret = fn(arg);
		_exit(ret < 0 && ret > -255 ? (int)-ret : 0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) == 255)
		errno = ECHILD;
	else
		errno = WEXITSTATUS(status);
	return errno ? -1 : 0;
}

long kc_in_child(long (*fn)(void *arg), void *arg)
{
	return in_child(fn, arg, false);
}

long kc_as_nobody(long (*fn)(void *arg), void *arg)
{
	return in_child(fn, arg, true);
}

/* Runs in the backend's own process; the counts land in shared memory. */
static void robust_job(void *arg)
{
	struct kc_robust *r = arg;
	int rc = kc_backend_drills(r->be)(r);

	if (rc < 0) {
		char id[128];

		kc_note("robust %s: robust() returned %s", kc_backend_id(r->be, id, sizeof(id)), strerror(-rc));
		r->failed++;
	}
}

/*
 * Loads, drills and unloads one module; returns whether everything about it passed. r is shared memory
 * that each variant's robust() counts into from its own process.
 */
static bool robust_module(const char *module, const char *methods, unsigned int cycles, struct kc_robust *r)
{
	unsigned int cycle_failed = 0, i;
	bool ok = true, loaded;
	struct kc_json j;
	size_t k;
	int rc;

	kc_progress("== robust: module %s", module);
	rc = kc_module_load(module);
	if (rc == -EEXIST) {
		kc_note("robust: %s was already loaded; reloading it", module);
		rc = kc_module_unload(module);
		if (rc == 0)
			rc = kc_module_load(module);
	}
	loaded = rc == 0;
	if (!loaded)
		kc_note("robust: loading %s/%s.ko failed: %s", kc_module_dir(), module, strerror(-rc));
	for (k = 0; k < kc_backend_count(); k++) {
		const struct kc_backend *be = kc_backend_at(k);
		char id[128];

		if (!be->module || strcmp(be->module, module) != 0 || !kc_backend_selected(be, methods))
			continue;
		failures_noted = 0;
		/* Every variant counts from zero: one without drills reports none, not its predecessor's. */
		*r = (struct kc_robust){ .be = be };
		if (!loaded) {
			r->tried = 1;
			r->failed = 1;
		} else if (kc_backend_drills(be)) {
			rc = kc_isolated(robust_job, r);
			if (rc != 0) {
				kc_note("robust %s: the backend process %s%s", kc_backend_id(be, id, sizeof(id)),
					rc > 0 ? "died of " : "failed: ", rc > 0 ? strsignal(rc) : strerror(-rc));
				r->failed++;
			}
		}
		kc_record_begin(&j, "robust");
		kc_json_str(&j, "module", module);
		kc_json_str(&j, "method", be->method);
		kc_json_str(&j, "variant", be->variant ? be->variant : "");
		kc_json_u64(&j, "tried", r->tried);
		kc_json_u64(&j, "failed", r->failed);
		kc_record_emit(&j);
		kc_progress("robust %s: %u tried, %u failed", kc_backend_id(be, id, sizeof(id)), r->tried,
			    r->failed);
		ok &= r->failed == 0;
	}
	if (loaded && (rc = kc_module_unload(module)) < 0) {
		kc_note("robust: unloading %s after the drills failed: %s", module, strerror(-rc));
		ok = false;
		loaded = false;
	}
	if (!loaded) {
		/* A module that would not load, or will not go, cannot cycle: every cycle counts as failed. */
		cycles = cycles ? cycles : 1;
		cycle_failed = cycles;
	}
	for (i = 0; i < cycles && cycle_failed == 0; i++) {
		rc = kc_module_load(module);
		if (rc == 0)
			rc = kc_module_unload(module);
		if (rc < 0) {
			if (cycle_failed == 0)
				kc_note("robust: %s load/unload cycle %u failed: %s", module, i + 1, strerror(-rc));
			cycle_failed++;
			if (rc != -EEXIST && kc_module_unload(module) < 0 && rc != -ENOENT)
				break;
		}
	}
	kc_record_begin(&j, "modcycle");
	kc_json_str(&j, "module", module);
	kc_json_u64(&j, "cycles", cycles);
	kc_json_u64(&j, "failed", cycle_failed);
	kc_record_emit(&j);
	return ok && cycle_failed == 0;
}

int kc_cmd_robust(const struct kc_opts *o)
{
	const struct kc_drills *unmatched = kc_drills_unmatched();
	struct kc_robust *r;
	uint64_t start = kc_now_ns();
	bool ok = true;
	size_t i, k, modules = 0;
	struct kc_json j;
	int rc;

	r = kc_shared_alloc(sizeof(*r));
	if (!r) {
		perror("kcomm-harness: shared memory");
		return 1;
	}
	kc_module_set_dir(o->module_dir);
	rc = kc_out_open(o->out);
	if (rc < 0) {
		fprintf(stderr, "kcomm-harness: cannot open %s: %s\n", o->out, strerror(-rc));
		return 1;
	}
	kc_watchdog_start();
	kc_kmsg_mark();
	kc_emit_host();
	if (unmatched) {
		kc_note("robust: the drills KC_DRILLS(\"%s\", \"%s\", ...) registers match no backend",
			unmatched->method, unmatched->variant);
		ok = false;
	}
	/* Once per module, in registration order, even when several variants share it. */
	for (i = 0; i < kc_backend_count(); i++) {
		const struct kc_backend *be = kc_backend_at(i);
		bool seen = false;

		if (!be->module || !kc_backend_selected(be, o->methods))
			continue;
		for (k = 0; k < i && !seen; k++) {
			const struct kc_backend *prev = kc_backend_at(k);

			seen = prev->module && strcmp(prev->module, be->module) == 0 &&
			       kc_backend_selected(prev, o->methods);
		}
		if (seen)
			continue;
		modules++;
		ok &= robust_module(be->module, o->methods, o->cycles, r);
	}
	if (modules == 0)
		kc_note("robust: no module backend selected");
	ok &= kc_kmsg_check(true);
	ok &= kc_out_failures == 0;
	kc_record_begin(&j, "done");
	kc_json_bool(&j, "ok", ok);
	kc_json_u64(&j, "elapsedMs", (kc_now_ns() - start) / 1000000);
	kc_record_emit(&j);
	kc_out_close();
	kc_progress("robust: %s", ok ? "passed" : "FAILED");
	kc_shared_free(r, sizeof(*r));
	return ok ? 0 : 1;
}
