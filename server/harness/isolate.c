// SPDX-License-Identifier: GPL-2.0
/*
 * Each backend runs in a child process, so a backend that crashes, leaks threads or signal masks, or
 * hangs (the watchdog kills it) costs only its own points: the parent notes it, unloads the module and
 * goes on with the next backend. Results travel back through the output fd (one write per record) and
 * through memory the caller allocated with kc_shared_alloc(). KCOMM_NO_ISOLATE=1 runs everything in
 * one process (for a debugger).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core.h"

void *kc_shared_alloc(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

void kc_shared_free(void *p, size_t size)
{
	if (p)
		munmap(p, size);
}

int kc_isolated(void (*fn)(void *arg), void *arg)
{
	int status;
	pid_t pid, w;

	if (getenv("KCOMM_NO_ISOLATE")) {
		fn(arg);
		return 0;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		/* No process to spare: run in place, without the protection. */
		fn(arg);
		return 0;
	}
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	kc_watchdog_set_child(pid);
	do
		w = waitpid(pid, &status, 0);
	while (w < 0 && errno == EINTR);
	kc_watchdog_set_child(0);
	if (w < 0)
		return -errno;
	if (WIFSIGNALED(status))
		return WTERMSIG(status);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -ECHILD;
}
