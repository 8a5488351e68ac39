/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A thread that fires a notification when asked: the stock notify backends (eventfd, signal) measure
 * how long a wake-up takes from the moment another thread fires it, so they need that other thread.
 */
#ifndef KCOMM_FIRING_THREAD_H
#define KCOMM_FIRING_THREAD_H

#include <pthread.h>
#include <stdint.h>

struct kc_firing_thread {
	pthread_t thread;
	int go_fd;				/* eventfd the main thread kicks */
	int (*fire)(void *arg, uint64_t stamp);	/* sends the notification carrying stamp */
	void *arg;
	volatile int stop;
};

/* Starts the thread; 0 or -errno. */
int kc_firing_start(struct kc_firing_thread *f, int (*fire)(void *arg, uint64_t stamp), void *arg);
/*
 * Asks for one notification; KCOMM_NOTIFY_DELAY_NS later (kcomm_notify.h: the modules' protocol) the
 * thread stamps kc_now_ns() and calls fire(). 0 or -errno.
 */
int kc_firing_kick(struct kc_firing_thread *f);
void kc_firing_stop(struct kc_firing_thread *f);

#endif /* KCOMM_FIRING_THREAD_H */
