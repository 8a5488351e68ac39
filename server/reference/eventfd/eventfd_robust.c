// SPDX-License-Identifier: GPL-2.0
/*
 * eventfd_robust.c - robustness drills for kcomm_eventfd: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods eventfd` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is eventfd_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "eventfd_user.c"

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

KC_DRILLS("eventfd", "", efd_robust);
