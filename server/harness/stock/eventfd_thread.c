// SPDX-License-Identifier: GPL-2.0
/*
 * Stock eventfd: one thread write()s an eventfd, the measuring thread is blocked in read() on it. No
 * module involved; this is the wake-up path a module's eventfd_signal() ends in, from user space.
 * The stamp is taken by the firing thread just before its write(), so the latency is write() plus the
 * wake-up plus read() returning.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "firing_thread.h"
#include "harness.h"

struct eventfd_priv {
	int efd;
	uint64_t stamp;
	struct kc_firing_thread fire;
};

static int eventfd_fire(void *arg, uint64_t stamp)
{
	struct eventfd_priv *p = arg;
	uint64_t one = 1;

	__atomic_store_n(&p->stamp, stamp, __ATOMIC_RELEASE);
	return write(p->efd, &one, sizeof(one)) == sizeof(one) ? 0 : -errno;
}

static int eventfd_open(struct kc_ctx *c)
{
	struct eventfd_priv *p = calloc(1, sizeof(*p));
	int rc;

	if (!p)
		return -ENOMEM;
	p->efd = eventfd(0, EFD_CLOEXEC);
	if (p->efd < 0) {
		rc = -errno;
		free(p);
		return rc;
	}
	rc = kc_firing_start(&p->fire, eventfd_fire, p);
	if (rc < 0) {
		close(p->efd);
		free(p);
		return rc;
	}
	c->priv = p;
	kc_note("eventfd/eventfd-thread: user-space writer thread to a blocked reader; the stamp is taken "
		"in user space just before write(), no kernel module involved");
	return 0;
}

static void eventfd_close(struct kc_ctx *c)
{
	struct eventfd_priv *p = c->priv;

	kc_firing_stop(&p->fire);
	close(p->efd);
	free(p);
}

static int eventfd_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct eventfd_priv *p = c->priv;
	uint64_t v;
	int rc = kc_firing_kick(&p->fire);

	if (rc < 0)
		return rc;
	c->wait_ns = kc_now_ns();
	if (read(p->efd, &v, sizeof(v)) != sizeof(v))
		return -errno;
	c->woke_ns = kc_now_ns();
	*kstamp = __atomic_load_n(&p->stamp, __ATOMIC_ACQUIRE);
	return 0;
}

static const struct kc_backend eventfd_thread = {
	.method = "eventfd",
	.variant = "eventfd-thread",
	.stock = 1,
	.patterns = KC_NOTIFY,
	.open = eventfd_open,
	.close = eventfd_close,
	.notify = eventfd_notify,
};
KC_REGISTER(eventfd_thread);
