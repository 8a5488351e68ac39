// SPDX-License-Identifier: GPL-2.0
/*
 * Stock signal: a thread queues a real-time signal to the measuring thread, which waits for it in
 * sigtimedwait(); the sender's stamp travels in si_value, as a module's send_sig_info() payload would.
 * The signal stays blocked in every thread so it is only ever taken by sigtimedwait().
 */
#define _GNU_SOURCE /* pthread_sigqueue */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include "firing_thread.h"
#include "harness.h"

struct signal_priv {
	pthread_t waiter;
	sigset_t set, old_mask;
	struct kc_firing_thread fire;
};

static int signal_fire(void *arg, uint64_t stamp)
{
	struct signal_priv *p = arg;
	union sigval v = { .sival_ptr = (void *)(uintptr_t)stamp };

	return -pthread_sigqueue(p->waiter, SIGRTMIN, v);
}

static int signal_open(struct kc_ctx *c)
{
	struct signal_priv *p = calloc(1, sizeof(*p));
	int rc;

	if (!p)
		return -ENOMEM;
	p->waiter = pthread_self();
	sigemptyset(&p->set);
	sigaddset(&p->set, SIGRTMIN);
	/* Blocked before the firing thread exists, so it inherits the blocked mask too. */
	pthread_sigmask(SIG_BLOCK, &p->set, &p->old_mask);
	rc = kc_firing_start(&p->fire, signal_fire, p);
	if (rc < 0) {
		pthread_sigmask(SIG_SETMASK, &p->old_mask, NULL);
		free(p);
		return rc;
	}
	c->priv = p;
	return 0;
}

static void signal_close(struct kc_ctx *c)
{
	struct signal_priv *p = c->priv;
	struct timespec zero = { 0 };

	kc_firing_stop(&p->fire);
	while (sigtimedwait(&p->set, NULL, &zero) > 0)
		;	/* drain what a failed point left queued */
	pthread_sigmask(SIG_SETMASK, &p->old_mask, NULL);
	free(p);
}

static int signal_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct signal_priv *p = c->priv;
	struct timespec timeout = { .tv_sec = 2 };
	siginfo_t info;
	int rc = kc_firing_kick(&p->fire);

	if (rc < 0)
		return rc;
	c->wait_ns = kc_now_ns();
	if (sigtimedwait(&p->set, &info, &timeout) < 0)
		return -errno;
	c->woke_ns = kc_now_ns();
	*kstamp = (uint64_t)(uintptr_t)info.si_value.sival_ptr;
	return 0;
}

static const struct kc_backend signal_rtsigqueue = {
	.method = "signal",
	.variant = "rt-sigqueue",
	.stock = 1,
	.patterns = KC_NOTIFY,
	.open = signal_open,
	.close = signal_close,
	.notify = signal_notify,
};
KC_REGISTER(signal_rtsigqueue);
