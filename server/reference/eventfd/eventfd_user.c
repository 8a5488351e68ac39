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

/* ---- robustness ---- */

/* 1 if the eventfd has a pending count (reads it), 0 if not, within wait_ms. */
static int efd_fired(int efd, int wait_ms)
{
	struct pollfd pfd = { .fd = efd, .events = POLLIN };
	uint64_t v;

	if (poll(&pfd, 1, wait_ms) != 1)
		return 0;
	return read(efd, &v, sizeof(v)) == sizeof(v);
}

static long trigger(int dev, __u32 from, __u64 delay_ns)
{
	struct kcomm_eventfd_trigger tr = { .from = from, .delay_ns = delay_ns };

	return ioctl(dev, KCOMM_EVENTFD_TRIGGER, &tr);
}

static long reg_fd(int dev, int fd)
{
	struct kcomm_eventfd_reg reg = { .fd = fd };

	return ioctl(dev, KCOMM_EVENTFD_REGISTER, &reg);
}

static int efd_robust(struct kc_robust *r)
{
	struct kcomm_eventfd_reg reg;
	struct kcomm_eventfd_trigger tr;
	int dev, e1, e2, pipefd[2] = { -1, -1 };
	void *m;

	dev = open(KCOMM_EVENTFD_DEV, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open eventfd device", dev);
	if (dev < 0)
		return -errno;

	/* Bad descriptors: not open, negative, not an eventfd. */
	kc_bad(r, "REGISTER fd -1", reg_fd(dev, -1), EBADF);
	kc_bad(r, "REGISTER a closed fd number", reg_fd(dev, 1000000), EBADF);
	kc_bad(r, "REGISTER the device fd itself (not an eventfd)", reg_fd(dev, dev), EINVAL);
	if (pipe(pipefd) == 0) {
		kc_bad(r, "REGISTER a pipe", reg_fd(dev, pipefd[0]), EINVAL);
		close(pipefd[0]);
		close(pipefd[1]);
	}
	reg = (struct kcomm_eventfd_reg){ .fd = 0, .pad = 1 };
	kc_bad(r, "REGISTER with pad set", ioctl(dev, KCOMM_EVENTFD_REGISTER, &reg), EINVAL);
	kc_bad(r, "REGISTER bad pointer", ioctl(dev, KCOMM_EVENTFD_REGISTER, (void *)16), EFAULT);

	/* Triggers before registering, and malformed triggers. */
	kc_bad(r, "TRIGGER with nothing registered", trigger(dev, KCOMM_EVENTFD_FROM_IOCTL, 0), ENOTCONN);
	kc_bad(r, "TRIGGER timer with nothing registered", trigger(dev, KCOMM_EVENTFD_FROM_HRTIMER, 0), ENOTCONN);
	e1 = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	e2 = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	kc_ok(r, "REGISTER an eventfd", reg_fd(dev, e1));
	kc_bad(r, "TRIGGER from 7", trigger(dev, 7, 0), EINVAL);
	kc_bad(r, "TRIGGER delay > 1 s", trigger(dev, KCOMM_EVENTFD_FROM_HRTIMER, 2000000000ull), EINVAL);
	tr = (struct kcomm_eventfd_trigger){ .from = 0, .pad = 1 };
	kc_bad(r, "TRIGGER with pad set", ioctl(dev, KCOMM_EVENTFD_TRIGGER, &tr), EINVAL);
	kc_bad(r, "TRIGGER bad pointer", ioctl(dev, KCOMM_EVENTFD_TRIGGER, (void *)16), EFAULT);
	kc_bad(r, "GET_STAMP bad pointer", ioctl(dev, KCOMM_EVENTFD_GET_STAMP, (void *)16), EFAULT);
	kc_bad(r, "unknown ioctl", ioctl(dev, _IO(KCOMM_EVENTFD_IOC_MAGIC, 99)), ENOTTY);

	/* Each context signals. */
	kc_ok(r, "TRIGGER from ioctl", trigger(dev, KCOMM_EVENTFD_FROM_IOCTL, 0));
	kc_ok(r, "eventfd fired from ioctl", efd_fired(e1, 1000) ? 0 : -1);
	kc_ok(r, "TRIGGER from hrtimer", trigger(dev, KCOMM_EVENTFD_FROM_HRTIMER, 1000));
	kc_ok(r, "eventfd fired from hrtimer", efd_fired(e1, 1000) ? 0 : -1);
	kc_ok(r, "TRIGGER from work", trigger(dev, KCOMM_EVENTFD_FROM_WORK, 0));
	kc_ok(r, "eventfd fired from work", efd_fired(e1, 1000) ? 0 : -1);

	/* Double registration replaces: only the new eventfd hears about it. */
	kc_ok(r, "REGISTER a second eventfd (replaces)", reg_fd(dev, e2));
	kc_ok(r, "TRIGGER after replacing", trigger(dev, KCOMM_EVENTFD_FROM_IOCTL, 0));
	kc_ok(r, "the new eventfd fired", efd_fired(e2, 1000) ? 0 : -1);
	kc_bad(r, "the replaced eventfd stays quiet", efd_fired(e1, 50) ? 0 : -1, 0);

	/* Closing the eventfd while registered: the module's reference keeps the context valid. */
	close(e2);
	kc_ok(r, "TRIGGER after user closed the eventfd", trigger(dev, KCOMM_EVENTFD_FROM_IOCTL, 0));
	kc_ok(r, "TRIGGER timer after user closed the eventfd", trigger(dev, KCOMM_EVENTFD_FROM_HRTIMER, 0));
	kc_ok(r, "TRIGGER work after user closed the eventfd", trigger(dev, KCOMM_EVENTFD_FROM_WORK, 0));
	usleep(20000);
	kc_ok(r, "UNREGISTER", ioctl(dev, KCOMM_EVENTFD_UNREGISTER));
	kc_ok(r, "UNREGISTER twice", ioctl(dev, KCOMM_EVENTFD_UNREGISTER));
	kc_bad(r, "TRIGGER after UNREGISTER", trigger(dev, KCOMM_EVENTFD_FROM_IOCTL, 0), ENOTCONN);

	/* The stamp page is read-only, one page, offset 0. */
	m = mmap(NULL, KCOMM_EVENTFD_MAP_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, dev, 0);
	kc_bad(r, "mmap stamp page writable", m == MAP_FAILED ? -1 : 0, EPERM);
	if (m != MAP_FAILED)
		munmap(m, KCOMM_EVENTFD_MAP_SIZE);
	m = mmap(NULL, 2 * KCOMM_EVENTFD_MAP_SIZE, PROT_READ, MAP_SHARED, dev, 0);
	kc_bad(r, "mmap stamp page too long", m == MAP_FAILED ? -1 : 0, EINVAL);
	if (m != MAP_FAILED)
		munmap(m, 2 * KCOMM_EVENTFD_MAP_SIZE);

	/* Close the device with a timer pending: release() cancels it before dropping the reference. */
	kc_ok(r, "REGISTER before closing with a timer pending", reg_fd(dev, e1));
	kc_ok(r, "TRIGGER timer in 200 ms", trigger(dev, KCOMM_EVENTFD_FROM_HRTIMER, 200000000ull));
	kc_ok(r, "TRIGGER work", trigger(dev, KCOMM_EVENTFD_FROM_WORK, 0));
	close(dev);
	usleep(300000);
	close(e1);

	kc_drill_open_close_storm(r, KCOMM_EVENTFD_DEV, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_EVENTFD_DEV);
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
	.robust = efd_robust,
};
KC_REGISTER(eventfd_backend);
