// SPDX-License-Identifier: GPL-2.0
/*
 * signal_user.c - the user side of kcomm_signal, as a kcomm harness backend (notify pattern).
 *
 * The safe way to receive a signal is not a handler but a synchronous wait:
 *   sigprocmask/pthread_sigmask(SIG_BLOCK, {sig})       the signal stays pending instead of interrupting
 *   ioctl(dev, KCOMM_SIGNAL_REGISTER, {.signo = sig});
 *   sigtimedwait({sig}, &info, &timeout);                takes it, with info.si_value
 * (or a signalfd, which turns the same thing into a file descriptor). The module queues the signal on
 * the thread-group leader, so block and wait in the main thread - which is where this backend runs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_signal.h"
#include "kcomm_notify.h"

struct sig_priv {
	int dev;
	int signo;
	sigset_t set;		/* just signo */
	sigset_t saved;		/* the mask before open(), restored by close() */
};

/* A real-time signal the C library leaves to applications. */
static int kc_signo(void)
{
	return SIGRTMIN + 2;
}

/* Collect any stray queued instance, so one left over cannot answer the next wait. */
static void sig_drain(const sigset_t *set)
{
	struct timespec zero = { 0, 0 };

	while (sigtimedwait(set, NULL, &zero) > 0)
		;
}

static void sig_close(struct kc_ctx *c)
{
	struct sig_priv *p = c->priv;

	if (p->dev >= 0)
		close(p->dev);	/* cancels a pending timer, drops the struct pid reference */
	sig_drain(&p->set);
	pthread_sigmask(SIG_SETMASK, &p->saved, NULL);
	free(p);
	c->priv = NULL;
}

static int sig_open(struct kc_ctx *c)
{
	struct sig_priv *p = calloc(1, sizeof(*p));
	struct kcomm_signal_reg reg = { 0 };
	int err;

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->signo = kc_signo();
	sigemptyset(&p->set);
	sigaddset(&p->set, p->signo);
	/* Block before registering: an unblocked real-time signal with no handler kills the process. */
	pthread_sigmask(SIG_BLOCK, &p->set, &p->saved);
	p->dev = open(KCOMM_SIGNAL_DEV, O_RDWR | O_CLOEXEC);
	if (p->dev < 0)
		goto fail;
	reg.signo = p->signo;
	if (ioctl(p->dev, KCOMM_SIGNAL_REGISTER, &reg) < 0)
		goto fail;
	return 0;
fail:
	err = -errno;
	sig_close(c);
	return err;
}

/* Wait up to ms for signo; returns the signal or -errno (EAGAIN = timed out). */
static int sig_wait(const sigset_t *set, siginfo_t *info, int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	int s = sigtimedwait(set, info, &ts);

	return s < 0 ? -errno : s;
}

/*
 * Ask for the signal from an hrtimer (interrupt context) KCOMM_NOTIFY_DELAY_NS from now, then sleep
 * until it comes and collect it with its payload.
 */
static int sig_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct sig_priv *p = c->priv;
	struct kcomm_signal_trigger tr = { .from = KCOMM_SIGNAL_FROM_HRTIMER,
					   .delay_ns = KCOMM_NOTIFY_DELAY_NS };
	siginfo_t info;
	int s;

	if (ioctl(p->dev, KCOMM_SIGNAL_TRIGGER, &tr) < 0)
		return -errno;
	c->wait_ns = kc_now_ns();
	s = sig_wait(&p->set, &info, 5000);
	if (s < 0)
		return s == -EAGAIN ? -ETIMEDOUT : s;	/* EINTR: the harness watchdog gave up */
	c->woke_ns = kc_now_ns();
	if (info.si_code != SI_QUEUE)
		return -EPROTO;
	/* The whole payload: one pointer-sized value. */
	*kstamp = (uint64_t)(uintptr_t)info.si_value.sival_ptr;
	return 0;
}

static const struct kc_backend signal_backend = {
	.method = "signal",
	.variant = "",
	.module = "kcomm_signal",
	.patterns = KC_NOTIFY,
	.open = sig_open,
	.close = sig_close,
	.notify = sig_notify,
};
KC_REGISTER(signal_backend);
