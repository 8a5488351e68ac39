// SPDX-License-Identifier: GPL-2.0
/*
 * eventfd_user.c - the user side of kcomm_eventfd, as a kcomm harness backend (notify pattern).
 *
 * The steps a program takes:
 *   efd = eventfd(0, EFD_CLOEXEC);                         a counter file the kernel can add to
 *   ioctl(dev, KCOMM_EVENTFD_REGISTER, {.fd = efd});        the module takes a reference to it
 *   stamp = mmap(dev, 4096, PROT_READ, MAP_SHARED);         where the kernel leaves its timestamp
 *   read(efd, &count, 8);                                   sleeps until the kernel signals
 * The eventfd is an ordinary file descriptor: instead of read() it can sit in poll(), epoll or an
 * io_uring with every other event source of the program.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_eventfd.h"
#include "kcomm_notify.h"

struct efd_priv {
	int dev;				/* /dev/kcomm_eventfd */
	int efd;				/* our eventfd, registered with the module */
	const struct kcomm_eventfd_stamp *stamp;	/* the kernel's stamp page, read-only */
};

static void efd_close(struct kc_ctx *c)
{
	struct efd_priv *p = c->priv;

	if (p->stamp)
		munmap((void *)p->stamp, KCOMM_EVENTFD_MAP_SIZE);
	if (p->dev >= 0)
		close(p->dev);	/* the module drops its eventfd reference here */
	if (p->efd >= 0)
		close(p->efd);
	free(p);
	c->priv = NULL;
}

static int efd_open(struct kc_ctx *c)
{
	struct efd_priv *p = calloc(1, sizeof(*p));
	struct kcomm_eventfd_reg reg = { 0 };
	void *m;
	int err;

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->efd = -1;
	p->dev = open(KCOMM_EVENTFD_DEV, O_RDWR | O_CLOEXEC);
	if (p->dev < 0)
		goto fail;
	p->efd = eventfd(0, EFD_CLOEXEC);
	if (p->efd < 0)
		goto fail;
	reg.fd = p->efd;
	if (ioctl(p->dev, KCOMM_EVENTFD_REGISTER, &reg) < 0)
		goto fail;
	m = mmap(NULL, KCOMM_EVENTFD_MAP_SIZE, PROT_READ, MAP_SHARED, p->dev, 0);
	if (m == MAP_FAILED)
		goto fail;
	p->stamp = m;
	return 0;
fail:
	err = -errno;
	efd_close(c);
	return err;
}

/*
 * One notification: ask for a signal from an hrtimer (interrupt context, like a device interrupt)
 * KCOMM_NOTIFY_DELAY_NS from now, then sleep in read() until it comes. The stamp was stored before eventfd_signal(), and read() returning
 * means it saw that signal, so the stamp in the page is the one of this event.
 */
static int efd_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct efd_priv *p = c->priv;
	struct kcomm_eventfd_trigger tr = { .from = KCOMM_EVENTFD_FROM_HRTIMER,
					    .delay_ns = KCOMM_NOTIFY_DELAY_NS };
	uint64_t count;
	ssize_t n;

	if (ioctl(p->dev, KCOMM_EVENTFD_TRIGGER, &tr) < 0)
		return -errno;
	c->wait_ns = kc_now_ns();
	n = read(p->efd, &count, sizeof(count));	/* returns and resets the counter */
	if (n < 0)
		return -errno;			/* EINTR: the harness watchdog gave up on this sample */
	c->woke_ns = kc_now_ns();
	if (n != sizeof(count))
		return -EIO;
	*kstamp = __atomic_load_n(&p->stamp->stamp_ns, __ATOMIC_ACQUIRE);
	return 0;
}

static const struct kc_backend eventfd_backend = {
	.method = "eventfd",
	.variant = "",
	.module = "kcomm_eventfd",
	.patterns = KC_NOTIFY,
	.open = efd_open,
	.close = efd_close,
	.notify = efd_notify,
};
KC_REGISTER(eventfd_backend);
