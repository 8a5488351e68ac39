// SPDX-License-Identifier: GPL-2.0
/*
 * modparam_robust.c - robustness drills for kcomm_modparam: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods modparam` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is modparam_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "modparam_user.c"

/* Each writer stores its own values; whatever wins, the file must hold one that some writer wrote. */
static void *writer(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg, i;
	long bad = 0;
	char text[16];
	int fd = open(KCOMM_MODPARAM_VALUE_PATH, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return (void *)(long)-errno;
	for (i = 0; i < WRITER_ROUNDS && !bad; i++) {
		snprintf(text, sizeof(text), "%u\n", id * 1000 + i);
		bad = kc_text_write(fd, text);
		if (!bad)	/* and a refused one in between, which must change nothing */
			bad = pwrite(fd, "-5\n", 3, 0) < 0 && errno == EINVAL ? 0 : -EPROTO;
	}
	close(fd);
	return (void *)bad;
}

static void robust_concurrent_writers(struct kc_robust *r, int fd)
{
	pthread_t t[WRITERS];
	int i, started = 0;
	long ret = 0;
	void *res;
	uint64_t v;

	for (i = 0; i < WRITERS; i++) {
		if (pthread_create(&t[i], NULL, writer, (void *)(uintptr_t)(i + 1)) != 0)
			break;
		started++;
	}
	for (i = 0; i < started; i++) {
		pthread_join(t[i], &res);
		if ((long)res)
			ret = (long)res;
	}
	kc_ok(r, "4 concurrent writers, each with good and refused values", started == WRITERS ? ret : -EAGAIN);
	kc_ok(r, "value holds one that a writer wrote",
	      kc_text_read_u64(fd, &v) == 0 && v >= 1000 && v <= WRITERS * 1000 + WRITER_ROUNDS - 1 &&
	      v % 1000 < WRITER_ROUNDS ? 0 : -EPROTO);
}

/* Load-time values go through the same set callback: a bad one fails the load, nothing half-loaded. */
static void robust_load_time(struct kc_robust *r, const char *module)
{
	static const char *const bad[] = {
		"value=-1", "value=abc", "max=500 value=900", "value=900 max=500", "max=-1", "stamp=1",
		"max=2000000000",
	};
	char what[96];
	size_t i;
	uint64_t v;
	int fd, rc;

	rc = kc_module_unload(module);
	kc_ok(r, "unload before the load-time drills", rc);
	if (rc)
		return;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "insmod with %s", bad[i]);
		rc = kc_module_load_args(module, bad[i]);
		kc_bad(r, what, rc ? (errno = -rc, -1) : 0, 0);
		if (!rc)
			kc_module_unload(module);
	}
	rc = kc_module_load_args(module, "max=500 value=321");
	kc_ok(r, "insmod with max=500 value=321", rc);
	if (!rc) {
		fd = open(KCOMM_MODPARAM_MAX_PATH, O_RDONLY | O_CLOEXEC);
		kc_ok(r, "max reads 500", fd >= 0 && kc_text_read_u64(fd, &v) == 0 && v == 500 ? 0 : -EPROTO);
		if (fd >= 0)
			close(fd);
		fd = open(KCOMM_MODPARAM_VALUE_PATH, O_RDWR | O_CLOEXEC);
		kc_ok(r, "value reads 321", fd >= 0 && kc_text_read_u64(fd, &v) == 0 && v == 321 ? 0 : -EPROTO);
		if (fd >= 0) {
			kc_bad(r, "value <- 501 (above the loaded max)", pwrite(fd, "501\n", 4, 0), EINVAL);
			close(fd);
		}
		kc_ok(r, "unload after the load-time drills", kc_module_unload(module));
	}
	kc_ok(r, "reload with the defaults", kc_module_load(module));
}

static int modparam_robust(struct kc_robust *r)
{
	static const struct kc_bad_write bad[] = {
		{ "-1\n", EINVAL }, { "1000001\n", EINVAL }, { "abc\n", EINVAL }, { "12abc\n", EINVAL },
		{ "1 2\n", EINVAL }, { "\n", EINVAL }, { "99999999999\n", ERANGE },
	};
	char text[32], page[8192];
	uint64_t v = 0;
	int fd;

	fd = open(KCOMM_MODPARAM_VALUE_PATH, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open value", fd);
	if (fd < 0)
		return 0;
	kc_ok(r, "value <- the minimum", kc_text_write(fd, "0\n") ? -1 : 0);
	snprintf(text, sizeof(text), "%d\n", KCOMM_MODPARAM_MAX_DEFAULT);
	kc_ok(r, "value <- the maximum", kc_text_write(fd, text) ? -1 : 0);
	kc_drill_bad_writes(r, "value", fd, bad, sizeof(bad) / sizeof(bad[0]));
	memset(page, '7', sizeof(page));
	/* sysfs hands a store at most a page: the number in it does not fit an int either way. */
	kc_bad(r, "value <- 8192 digits (more than a page)", pwrite(fd, page, sizeof(page), 0), ERANGE);
	kc_bad(r, "value <- 4096 digits", pwrite(fd, page, 4096, 0), 0);
	kc_ok(r, "a refused write leaves the maximum in place",
	      kc_text_read_u64(fd, &v) == 0 && v == KCOMM_MODPARAM_MAX_DEFAULT ? 0 : -1);
	kc_bad(r, "value from an invalid pointer", pwrite(fd, kc_bad_pointer(), 4, 0), EFAULT);
	kc_bad(r, "value read into an invalid pointer", pread(fd, kc_bad_pointer(), 16, 0), EFAULT);
	/* kstrtoint() with base 0, as in C: 0x10 is 16, and the bounds apply to that. */
	kc_ok(r, "value <- 0x10", kc_text_write(fd, "0x10\n") ? -1 : 0);
	kc_ok(r, "value reads back 16", kc_text_read_u64(fd, &v) == 0 && v == 16 ? 0 : -1);
	robust_concurrent_writers(r, fd);
	close(fd);

	fd = open(KCOMM_MODPARAM_STAMP_PATH, O_RDWR | O_CLOEXEC);
	kc_bad(r, "open stamp for writing (0444)", fd, 0);
	if (fd >= 0)
		close(fd);
	fd = open(KCOMM_MODPARAM_MAX_PATH, O_RDWR | O_CLOEXEC);
	kc_bad(r, "open max for writing (0444)", fd, 0);
	if (fd >= 0)
		close(fd);
	kc_bad(r, "an unprivileged user opens value for writing",
	       kc_open_as_nobody(KCOMM_MODPARAM_VALUE_PATH, O_WRONLY), EACCES);

	kc_drill_open_close_storm(r, KCOMM_MODPARAM_VALUE_PATH, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_MODPARAM_STAMP_PATH, 4, 200);
	robust_load_time(r, r->be->module);
	/* An open parameter file does not pin the module: the unload succeeds, the file gets ENODEV. */
	kc_drill_rmmod_while_open(r, KCOMM_MODPARAM_VALUE_PATH);
	return 0;
}

KC_DRILLS("modparam", "", modparam_robust);
