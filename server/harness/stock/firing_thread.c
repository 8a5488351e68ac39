// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "firing_thread.h"
#include "harness.h"
#include "kcomm_notify.h"

static void *firing_loop(void *arg)
{
	struct kc_firing_thread *f = arg;
	uint64_t v;

	/* The modules' notify protocol: fire the shared delay after the kick, when the waiter sleeps. */
	const struct timespec delay = { 0, (long)KCOMM_NOTIFY_DELAY_NS };

	while (read(f->go_fd, &v, sizeof(v)) == sizeof(v) && !f->stop) {
		clock_nanosleep(CLOCK_MONOTONIC, 0, &delay, NULL);
		f->fire(f->arg, kc_now_ns());
	}
	return NULL;
}

int kc_firing_start(struct kc_firing_thread *f, int (*fire)(void *arg, uint64_t stamp), void *arg)
{
	int rc;

	f->fire = fire;
	f->arg = arg;
	f->stop = 0;
	f->go_fd = eventfd(0, EFD_CLOEXEC);
	if (f->go_fd < 0)
		return -errno;
	rc = pthread_create(&f->thread, NULL, firing_loop, f);
	if (rc) {
		close(f->go_fd);
		return -rc;
	}
	return 0;
}

int kc_firing_kick(struct kc_firing_thread *f)
{
	uint64_t one = 1;

	return write(f->go_fd, &one, sizeof(one)) == sizeof(one) ? 0 : -errno;
}

void kc_firing_stop(struct kc_firing_thread *f)
{
	f->stop = 1;
	kc_firing_kick(f);
	pthread_join(f->thread, NULL);
	close(f->go_fd);
}
