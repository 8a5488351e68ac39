// SPDX-License-Identifier: GPL-2.0
/*
 * uring_cmd_robust.c - robustness drills for kcomm_uring_cmd: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods io-uring-cmd` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is uring_cmd_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "uring_cmd_user.c"

struct robust_env {
	struct kc_robust *r;
	struct ring ring;
	int dev;
	__u64 seq;
	unsigned char *in, *out;
};

static int cmd_res(struct robust_env *e, __u32 op, const struct kcomm_uring_cmd *cmd, __u64 *res2)
{
	return ring_cmd(&e->ring, e->dev, op, cmd, ++e->seq, res2);
}

static void robust_bad_commands(struct robust_env *e)
{
	struct kcomm_uring_cmd c;
	struct kc_robust *r = e->r;
	__u64 stamp = 0, before;
	int res;

	memset(e->in, 0x3c, KCOMM_URING_MSG_MAX);
	c = (struct kcomm_uring_cmd){ .in = (uintptr_t)e->in, .out = (uintptr_t)e->out, .len = 64 };
	res = cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL);
	kc_ok(r, "ECHO 64 bytes comes back", res == 64 && !memcmp(e->in, e->out, 64) ? 0 : -EPROTO);
	c.len = KCOMM_URING_MSG_MAX;
	kc_ok(r, "ECHO of the largest length", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL) ==
	      (int)KCOMM_URING_MSG_MAX ? 0 : -EPROTO);
	c.len = KCOMM_URING_MSG_MAX + 1;
	kc_bad(r, "ECHO over the maximum length", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL), EINVAL);
	c.len = 0xffffffffu;
	kc_bad(r, "ECHO of 4 GiB", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL), EINVAL);
	c.len = 0;
	kc_ok(r, "ECHO of 0 bytes", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL) == 0 ? 0 : -EPROTO);
	c = (struct kcomm_uring_cmd){ .in = 0, .out = (uintptr_t)e->out, .len = 64 };
	kc_bad(r, "ECHO from a NULL address", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL), EFAULT);
	c = (struct kcomm_uring_cmd){ .in = 0xffffffff81000000ull, .out = (uintptr_t)e->out, .len = 64 };
	kc_bad(r, "ECHO from a kernel address", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL), EFAULT);
	c = (struct kcomm_uring_cmd){ .in = (uintptr_t)e->in, .out = 16, .len = 64 };
	kc_bad(r, "ECHO to an unmapped address", cmd_res(e, KCOMM_URING_CMD_ECHO, &c, NULL), EFAULT);
	c = (struct kcomm_uring_cmd){ .in = (uintptr_t)e->in, .len = 64, .reserved = 1 };
	kc_bad(r, "reserved field set", cmd_res(e, KCOMM_URING_CMD_SINK, &c, NULL), EINVAL);
	c = (struct kcomm_uring_cmd){ .in = (uintptr_t)e->in, .out = (uintptr_t)e->out, .len = 64 };
	kc_bad(r, "SINK with an out address", cmd_res(e, KCOMM_URING_CMD_SINK, &c, NULL), EINVAL);
	c = (struct kcomm_uring_cmd){ .out = (uintptr_t)e->out, .len = 4 };
	kc_bad(r, "READ shorter than the stamp", cmd_res(e, KCOMM_URING_CMD_READ, &c, NULL), EINVAL);
	c = (struct kcomm_uring_cmd){ .out = (uintptr_t)e->out, .len = 64 };
	before = kc_now_ns();
	res = cmd_res(e, KCOMM_URING_CMD_READ, &c, NULL);
	memcpy(&stamp, e->out, sizeof(stamp));
	kc_ok(r, "READ 64 bytes with a fresh stamp", res == 64 && stamp >= before ? 0 : -EPROTO);
	c = (struct kcomm_uring_cmd){ .delay_us = KCOMM_URING_DELAY_MAX_US + 1 };
	kc_bad(r, "WAIT longer than the maximum", cmd_res(e, KCOMM_URING_CMD_WAIT, &c, NULL), EINVAL);
	c = (struct kcomm_uring_cmd){ .delay_us = 0 };
	before = kc_now_ns();
	kc_ok(r, "WAIT 0 µs completes with a stamp",
	      cmd_res(e, KCOMM_URING_CMD_WAIT, &c, &stamp) == 0 && stamp >= before ? 0 : -EPROTO);
	c = (struct kcomm_uring_cmd){ .len = 64 };
	kc_bad(r, "unknown op 0", cmd_res(e, 0, &c, NULL), EOPNOTSUPP);
	kc_bad(r, "unknown op 0x7fffffff", cmd_res(e, 0x7fffffff, &c, NULL), EOPNOTSUPP);
}

/* IOSQE_ASYNC: the command runs in an io-wq worker, not inline; it must complete all the same. */
static void robust_async(struct robust_env *e)
{
	struct kcomm_uring_cmd c = { .in = (uintptr_t)e->in, .out = (uintptr_t)e->out, .len = 128 };
	static const __u32 ops[] = { KCOMM_URING_CMD_ECHO, KCOMM_URING_CMD_SINK, KCOMM_URING_CMD_READ };
	struct cqe32 cqe;
	size_t i;
	int ret;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		c.in = ops[i] == KCOMM_URING_CMD_READ ? 0 : (uintptr_t)e->in;
		c.out = ops[i] == KCOMM_URING_CMD_SINK ? 0 : (uintptr_t)e->out;
		ring_queue_flags(&e->ring, SQE_SIZE, e->dev, ops[i], &c, sizeof(c), ++e->seq, IOSQE_ASYNC);
		ret = ring_enter(&e->ring, 1, 1);
		if (!ret)
			ret = ring_reap(&e->ring, CQE_SIZE, &cqe) ? -EIO : cqe.res;
		kc_ok(e->r, "a command forced to an io-wq worker (IOSQE_ASYNC) completes",
		      ret == 128 ? 0 : ret < 0 ? ret : -EPROTO);
	}
	c = (struct kcomm_uring_cmd){ .len = 64, .reserved = 1 };
	ring_queue_flags(&e->ring, SQE_SIZE, e->dev, KCOMM_URING_CMD_SINK, &c, sizeof(c), ++e->seq,
			 IOSQE_ASYNC);
	ret = ring_enter(&e->ring, 1, 1);
	if (!ret)
		ret = ring_reap(&e->ring, CQE_SIZE, &cqe) ? -EIO : cqe.res;
	kc_bad(e->r, "a bad command in an io-wq worker fails", ret, EINVAL);
}

/* Rings the command does not fit, or WAIT would lose its stamp on. */
static void robust_ring_shapes(struct robust_env *e)
{
	struct kcomm_uring_cmd c = { .delay_us = 0 };
	struct ring small;
	struct cqe32 cqe;
	int ret = ring_init(&small, 0);

	kc_ok(e->r, "a ring with 64-byte SQEs", ret);
	if (!ret) {
		ring_queue(&small, 64, e->dev, KCOMM_URING_CMD_WAIT, &c, 16, 1);
		ret = ring_enter(&small, 1, 1);
		if (!ret)
			ret = ring_reap(&small, 16, &cqe) ? -EIO : cqe.res;
		kc_bad(e->r, "a command on a 64-byte SQE (no room for it)", ret, EINVAL);
		ring_exit(&small);
	}
	ret = ring_init(&small, IORING_SETUP_SQE128);
	kc_ok(e->r, "a ring with 128-byte SQEs and 16-byte CQEs", ret);
	if (!ret) {
		ring_queue(&small, SQE_SIZE, e->dev, KCOMM_URING_CMD_WAIT, &c, sizeof(c), 1);
		ret = ring_enter(&small, 1, 1);
		if (!ret)
			ret = ring_reap(&small, 16, &cqe) ? -EIO : cqe.res;
		kc_bad(e->r, "WAIT on 16-byte CQEs (the stamp has no room)", ret, EINVAL);
		ring_exit(&small);
	}
}

/* A batch: many parked WAITs and inline commands in flight at once, all completed once. */
static void robust_batch(struct robust_env *e)
{
	struct kcomm_uring_cmd wait = { .delay_us = 2000 };
	struct kcomm_uring_cmd echo = { .in = (uintptr_t)e->in, .out = (uintptr_t)e->out, .len = 512 };
	unsigned int seen = 0, i, got = 0;
	struct cqe32 cqe;
	int bad = 0;

	for (i = 0; i < RING_ENTRIES; i++)
		ring_queue(&e->ring, SQE_SIZE, e->dev, i % 2 ? KCOMM_URING_CMD_ECHO : KCOMM_URING_CMD_WAIT,
			   i % 2 ? &echo : &wait, sizeof(wait), 1000 + i);
	bad = ring_enter(&e->ring, RING_ENTRIES, RING_ENTRIES);
	while (!bad && got < RING_ENTRIES) {
		if (ring_reap(&e->ring, CQE_SIZE, &cqe)) {
			bad = ring_enter(&e->ring, 0, 1) ? -EIO : 0;
			continue;
		}
		got++;
		if (cqe.user_data < 1000 || cqe.user_data >= 1000 + RING_ENTRIES ||
		    seen & (1u << (cqe.user_data - 1000)) ||
		    cqe.res != ((cqe.user_data - 1000) % 2 ? 512 : 0))
			bad = -EPROTO;
		seen |= 1u << (cqe.user_data - 1000 < 32 ? cqe.user_data - 1000 : 0);
	}
	kc_ok(e->r, "8 commands in one io_uring_enter, 4 parked, each completed once", bad);
}

struct hammer {
	int dev;
	int rounds;
	int bad;
};

/* Its own ring on the shared fd: every ECHO must bring back its own bytes. */
static void *hammer_thread(void *arg)
{
	struct hammer *h = arg;
	unsigned char in[256], out[256];
	struct ring r;
	int i;

	if (ring_init(&r, IORING_SETUP_SQE128 | IORING_SETUP_CQE32)) {
		h->bad = EIO;
		return NULL;
	}
	for (i = 0; i < h->rounds && !h->bad; i++) {
		struct kcomm_uring_cmd c = { .in = (uintptr_t)in, .out = (uintptr_t)out, .len = sizeof(in) };

		memset(in, (int)(((uintptr_t)h >> 4) + (unsigned int)i), sizeof(in));
		if (ring_cmd(&r, h->dev, KCOMM_URING_CMD_ECHO, &c, (__u64)i, NULL) != sizeof(in) ||
		    memcmp(in, out, sizeof(in)))
			h->bad = EPROTO;
	}
	ring_exit(&r);
	return NULL;
}

static void robust_concurrent(struct robust_env *e)
{
	struct hammer h[4];
	pthread_t t[4];
	int i, started = 0, bad = 0;

	for (i = 0; i < 4; i++) {
		h[i] = (struct hammer){ .dev = e->dev, .rounds = 300 };
		if (pthread_create(&t[i], NULL, hammer_thread, &h[i]))
			break;
		started++;
	}
	for (i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		bad = bad ? bad : h[i].bad;
	}
	kc_ok(e->r, "4 rings on one fd at once, each gets its own bytes back", started == 4 && !bad ?
	      0 : -EPROTO);
}

/* A parked command pins the module; closing everything while it is parked is safe. */
static void robust_lifetime(struct robust_env *e)
{
	struct kcomm_uring_cmd c = { .delay_us = KCOMM_URING_DELAY_MAX_US };
	struct ring r;
	int dev = open(KCOMM_URING_DEVICE, O_RDWR | O_CLOEXEC);

	kc_ok(e->r, "open the device", dev < 0 ? -errno : 0);
	if (dev < 0)
		return;
	if (ring_init(&r, IORING_SETUP_SQE128 | IORING_SETUP_CQE32) == 0) {
		ring_queue(&r, SQE_SIZE, dev, KCOMM_URING_CMD_WAIT, &c, sizeof(c), 7);
		kc_ok(e->r, "park a WAIT of 1 s", ring_enter(&r, 1, 0));
		close(dev);
		/* One try, no waiting: the command completes within a second. */
		kc_bad(e->r, "rmmod while a command is parked (the file is still held)",
		       syscall(SYS_delete_module, "kcomm_uring_cmd", O_NONBLOCK), 0);
		ring_exit(&r);	/* the ring goes away with the command still parked */
	} else {
		close(dev);
	}
	/* The fd and the ring are closed; the module can go once the parked command completed. */
	kc_ok(e->r, "unload once the parked command is done", kc_module_unload("kcomm_uring_cmd"));
	kc_ok(e->r, "load it again", kc_module_load("kcomm_uring_cmd"));
}

static long ring_as_nobody(void *arg)
{
	(void)arg;
	return open(KCOMM_URING_DEVICE, O_RDWR | O_CLOEXEC) < 0 ? -errno : 0;
}

static int uring_robust(struct kc_robust *r)
{
	struct robust_env e = { .r = r, .dev = -1 };
	int ret;

	e.in = malloc(KCOMM_URING_MSG_MAX + 1);
	e.out = malloc(KCOMM_URING_MSG_MAX + 1);
	e.dev = open(KCOMM_URING_DEVICE, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open " KCOMM_URING_DEVICE, e.dev < 0 ? -errno : 0);
	ret = ring_init(&e.ring, IORING_SETUP_SQE128 | IORING_SETUP_CQE32);
	kc_ok(r, "io_uring_setup with SQE128 and CQE32", ret);
	if (e.dev >= 0 && !ret && e.in && e.out) {
		robust_bad_commands(&e);
		robust_ring_shapes(&e);
		robust_async(&e);
		robust_batch(&e);
		robust_concurrent(&e);
		kc_bad(r, "read() on the device (commands only)", read(e.dev, e.out, 8), EINVAL);
		kc_bad(r, "an unprivileged user opens the device (0600)", kc_as_nobody(ring_as_nobody, NULL),
		       EACCES);
	}
	if (!ret)
		ring_exit(&e.ring);
	if (e.dev >= 0)
		close(e.dev);
	free(e.in);
	free(e.out);
	kc_drill_open_close_storm(r, KCOMM_URING_DEVICE, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_URING_DEVICE);
	robust_lifetime(&e);
	return 0;
}

KC_DRILLS("io-uring-cmd", "", uring_robust);
