// SPDX-License-Identifier: GPL-2.0
/*
 * usermodehelper_robust.c - robustness drills for kcomm_usermodehelper: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods usermodehelper` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is usermodehelper_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "usermodehelper_user.c"

/*
 * The helper runs as root: what another user plants where the FIFO belongs must not be written to.
 * A world-writable or symlinked directory is refused by the backend; a symlink or a regular file in
 * place of the FIFO is refused by the helper (it exits 1: EIO with "proc") and is left untouched.
 * Needs the helper set to the harness.
 */
/* A -errno as kc_bad() reads it unambiguously: -1 with errno set (-EPERM is -1 too). */
static long libc_ret(int rc)
{
	if (rc >= 0)
		return rc;
	errno = -rc;
	return -1;
}

static void umh_drill_planted_fifo(struct kc_robust *r)
{
	static const char target[] = "/tmp/kcomm-umh-target";
	struct kc_ctx c = { .be = r->be };
	struct stat st;
	int tfd;

	umh_fifo_remove();
	kc_ok(r, "make a world-writable " UMH_DIR, mkdir(UMH_DIR, 0700) < 0 ? -errno : chmod(UMH_DIR, 0777));
	kc_bad(r, "open the backend on a world-writable FIFO directory", libc_ret(umh_fifo_create()), EPERM);
	rmdir(UMH_DIR);
	kc_ok(r, "make " UMH_DIR " a symlink", symlink("/tmp", UMH_DIR));
	kc_bad(r, "open the backend on a symlinked FIFO directory", libc_ret(umh_fifo_create()), EPERM);
	unlink(UMH_DIR);

	tfd = open(target, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	kc_ok(r, "create a target file", tfd);
	if (tfd < 0)
		return;
	kc_ok(r, "private FIFO directory", mkdir(UMH_DIR, 0700));
	kc_ok(r, "plant a symlink where the FIFO belongs", symlink(target, UMH_FIFO));
	kc_bad(r, "trigger proc: the helper refuses the symlink",
	       kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "proc"), EIO);
	unlink(UMH_FIFO);
	kc_ok(r, "plant a regular file where the FIFO belongs", link(target, UMH_FIFO));
	kc_bad(r, "trigger proc: the helper refuses a regular file",
	       kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "proc"), EIO);
	kc_ok(r, "the planted target was not written", fstat(tfd, &st) < 0 ? -errno : st.st_size ? -EIO : 0);
	close(tfd);
	unlink(target);
	umh_fifo_remove();

	/* The backend makes its own FIFO again, and the helper reports through it. */
	kc_ok(r, "backend opens with a private FIFO", umh_open(&c));
	if (c.priv)
		umh_close(&c);
	kc_ok(r, "helper <- the harness again", kc_text_write_path(KCOMM_UMH_HELPER_PATH, kc_self_path()));
}

/*
 * Writers killed while their upcall is queued. With UMH_KILLABLE the kernel's wait returns early and
 * the worker goes on reading path and argv: they must be kmalloc'ed, not on the writer's stack (a
 * use-after-free that starts a root process with whatever the stack then holds). Without KASAN in the
 * VM the bad read itself is invisible; what this checks is that the killed writers leave the module
 * working, the kernel log clean, and the next upcall's argv intact (stamp and argument as sent).
 */
static void umh_drill_killed_writers(struct kc_robust *r)
{
	struct kc_ctx c = { .be = r->be };
	unsigned int i, reaped = 0;
	uint64_t kstamp = 0, before;
	int status;
	pid_t pid;

	for (i = 0; i < 32; i++) {
		pid = fork();
		if (pid == 0)
			_exit(kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, (i & 1) ? "proc" : "exec") ? 1 : 0);
		if (pid < 0)
			break;
		/* Half are killed at once, half after they had a moment to enter the wait. */
		if (i & 2)
			sched_yield();
		kill(pid, SIGKILL);
		if (waitpid(pid, &status, 0) == pid)
			reaped++;
	}
	kc_ok(r, "32 writers killed during their upcall, all reaped", reaped == 32 ? 0 : -ECHILD);
	kc_ok(r, "backend opens after the killed writers", umh_open(&c));
	if (!c.priv)
		return;
	before = kc_now_ns();
	kc_ok(r, "an upcall after the killed writers arrives", umh_notify(&c, &kstamp));
	kc_ok(r, "its argv carried this upcall's stamp", kstamp >= before && kstamp <= kc_now_ns() ? 0 : -EPROTO);
	umh_close(&c);
	kc_ok(r, "helper <- the harness again", kc_text_write_path(KCOMM_UMH_HELPER_PATH, kc_self_path()));
}

static int umh_robust(struct kc_robust *r)
{
	static const char *const bad_paths[] = {
		"relative/helper", "helper", "/with space", "/tab\there", "/ctl\x01char", "/del\x7f",
		"/n\nl", "\t/x",
	};
	static char long_path[KCOMM_UMH_PATH_MAX + 8];
	char what[128];
	size_t i;
	int fd;

	fd = open(KCOMM_UMH_HELPER_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(r, "open helper", fd < 0 ? -errno : 0);
	if (fd < 0)
		return 0;
	for (i = 0; i < sizeof(bad_paths) / sizeof(bad_paths[0]); i++) {
		snprintf(what, sizeof(what), "helper <- invalid path #%zu", i);
		kc_bad(r, what, pwrite(fd, bad_paths[i], strlen(bad_paths[i]), 0), EINVAL);
	}
	long_path[0] = '/';
	memset(long_path + 1, 'a', KCOMM_UMH_PATH_MAX - 1);
	kc_bad(r, "helper <- a path of PATH_MAX bytes", pwrite(fd, long_path, KCOMM_UMH_PATH_MAX, 0), EINVAL);
	kc_bad(r, "helper from an invalid pointer",
	       pwrite(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 8, 0), EFAULT);

	/* Clearing the helper makes a trigger fail cleanly. */
	kc_ok(r, "helper <- empty (none)", pwrite(fd, "\n", 1, 0));
	kc_bad(r, "trigger with no helper", kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "exec"), ENOENT);
	kc_ok(r, "helper <- /nonexistent", pwrite(fd, "/nonexistent", 12, 0));
	kc_bad(r, "trigger a helper that does not exist",
	       kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "exec"), ENOENT);
	kc_ok(r, "helper <- / (a directory)", pwrite(fd, "/", 1, 0));
	kc_bad(r, "trigger a directory", kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "exec"), EACCES);

	/* The real helper, with no FIFO to report to: it exits 1 -> EIO with "proc". */
	umh_fifo_remove();
	if (kc_self_path()[0]) {
		kc_ok(r, "helper <- the harness", pwrite(fd, kc_self_path(), strlen(kc_self_path()), 0));
		kc_ok(r, "trigger exec (the helper starts)",
		      kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "exec"));
		kc_bad(r, "trigger proc: helper exits 1 (no FIFO)",
		       kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "proc"), EIO);
		umh_drill_planted_fifo(r);
		umh_drill_killed_writers(r);
	}
	kc_bad(r, "trigger <- \"fork\"", kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "fork"), EINVAL);
	kc_bad(r, "trigger <- \"\"", kc_text_write_path(KCOMM_UMH_TRIGGER_PATH, "\n"), EINVAL);
	pwrite(fd, "\n", 1, 0);
	close(fd);

	kc_drill_open_close_storm(r, KCOMM_UMH_HELPER_PATH, 4, 200);
	/* trigger is write-only; the drill needs a readable file. */
	kc_drill_rmmod_while_open(r, KCOMM_UMH_HELPER_PATH);
	return 0;
}

KC_DRILLS("usermodehelper", "", umh_robust);
