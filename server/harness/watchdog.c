// SPDX-License-Identifier: GPL-2.0
/*
 * A backend call that never returns must not hang a benchmark run in a VM nobody watches. A thread
 * watches a progress counter that the timing loop, module loading and the robustness code bump. The
 * counter lives in shared memory, so progress made in an isolated child process (isolate.c) counts.
 * After KC_STALL_S seconds without progress it sends SIGALRM to the thread doing the work (installed
 * without SA_RESTART, so the blocked call fails with EINTR and the point records an error). After
 * KC_HANG_S seconds it kills the isolated child, which then becomes a note; with no child to kill, or
 * a child that will not die (stuck in the kernel), it says so in the output and ends the harness.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core.h"

#define KC_STALL_S 10
#define KC_HANG_S 120
#define KC_KILL_GRACE_S 30

static uint64_t beats_fallback;
static volatile uint64_t *beats = &beats_fallback;
static volatile pid_t child;	/* the isolated child doing the work, 0 = this process */
static pthread_t main_thread;

void kc_watchdog_beat(void)
{
	/* A plain store: one writer at a time (the process doing the work), read by the watcher. */
	__atomic_store_n(beats, *beats + 1, __ATOMIC_RELAXED);
}

void kc_watchdog_set_child(pid_t pid)
{
	child = pid;
	kc_watchdog_beat();
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void give_up(void)
{
	struct kc_json j;

	kc_note("harness hung: no progress for %d s; giving up", KC_HANG_S);
	kc_record_begin(&j, "done");
	kc_json_bool(&j, "ok", false);
	kc_json_u64(&j, "elapsedMs", 0);
	kc_record_emit(&j);
	kc_out_close();
	_exit(3);
}

static void *watch(void *arg)
{
	uint64_t last = (uint64_t)-1;
	unsigned int still = 0;

	(void)arg;
	for (;;) {
		uint64_t now;
		pid_t c;

		sleep(1);
		now = __atomic_load_n(beats, __ATOMIC_RELAXED);
		if (now != last) {
			last = now;
			still = 0;
			continue;
		}
		still++;
		c = child;
		if (still % KC_STALL_S == 0 && still < KC_HANG_S) {
			fprintf(stderr, "kcomm-harness: no progress for %u s, interrupting the current call\n", still);
			if (c > 0)
				syscall(SYS_tgkill, c, c, SIGALRM);	/* the child's main thread */
			else
				pthread_kill(main_thread, SIGALRM);
		}
		if (still == KC_HANG_S && c > 0) {
			fprintf(stderr, "kcomm-harness: no progress for %u s, killing the backend process\n", still);
			kill(c, SIGKILL);
		} else if (still >= KC_HANG_S + (c > 0 ? KC_KILL_GRACE_S : 0)) {
			give_up();
		}
	}
	return NULL;
}

void kc_watchdog_start(void)
{
	struct sigaction sa;
	sigset_t all, old;
	pthread_t t;
	void *shared;

	shared = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared != MAP_FAILED)
		beats = shared;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	main_thread = pthread_self();
	/* The watcher must never be the thread a process-directed signal (a backend's) lands on. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	if (pthread_create(&t, NULL, watch, NULL) == 0)
		pthread_detach(t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}
