// SPDX-License-Identifier: GPL-2.0
/*
 * connector_robust.c - robustness drills for kcomm_connector: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods connector` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is connector_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "connector_user.c"

static int stats(int fd, unsigned char *rx, __u32 seq, struct kcomm_cn_stats *s)
{
	const void *payload;
	long n;
	int ret = cn_send(fd, seq, KCOMM_CN_OP_STATS, 0, 0, NULL, 0);

	if (ret)
		return ret;
	n = cn_recv(fd, rx, seq, KCOMM_CN_OP_STATS, &payload);
	if (n < 0)
		return (int)n;
	if ((size_t)n != sizeof(*s))
		return -EPROTO;
	memcpy(s, payload, sizeof(*s));
	return 0;
}

/* Raw bytes, as a sender that does not follow the rules would send them: 0 or -errno. */
static int send_raw(int fd, const void *msg, size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };

	return sendto(fd, msg, len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0 ? -errno : 0;
}

/* A whole request in one buffer, with every field the caller's to get wrong. */
struct raw_req {
	struct nlmsghdr nlh;
	struct cn_msg cn;
	struct kcomm_cn_hdr hdr;
	unsigned char data[64];
} __attribute__((packed));

static void raw_init(struct raw_req *m, __u32 seq, __u16 op, __u32 size, __u16 data_len)
{
	memset(m, 0, sizeof(*m));
	m->nlh.nlmsg_len = (__u32)NLMSG_LENGTH(CN_HDRS + data_len);
	m->nlh.nlmsg_type = NLMSG_DONE;
	m->cn.id.idx = KCOMM_CN_IDX;
	m->cn.id.val = KCOMM_CN_VAL;
	m->cn.seq = seq;
	m->cn.len = (__u16)(sizeof(m->hdr) + data_len);
	m->hdr.op = op;
	m->hdr.size = size;
}

struct robust_env {
	struct kc_robust *r;
	int fd;
	unsigned char *rx;
	__u32 seq;
};

/* The message must be dropped: nothing comes back, and the module counts it as `counter`. */
static void expect_dropped(struct robust_env *e, const char *what, struct raw_req *m, size_t len,
			   size_t counter)
{
	struct kcomm_cn_stats before, after;
	const void *payload;
	int ok = stats(e->fd, e->rx, ++e->seq, &before) == 0;
	long n;

	m->cn.seq = ++e->seq;
	ok = ok && send_raw(e->fd, m, len) == 0;
	n = cn_recv(e->fd, e->rx, m->cn.seq, m->hdr.op, &payload);
	ok = ok && n == -EAGAIN;
	ok = ok && stats(e->fd, e->rx, ++e->seq, &after) == 0;
	if (counter != (size_t)-1)
		ok = ok && ((__u64 *)&after)[counter] == ((__u64 *)&before)[counter] + 1;
	else
		ok = ok && after.received == before.received + 1;	/* only the STATS itself */
	kc_ok(e->r, what, ok ? 0 : -EPROTO);
}

#define STAT_DROPPED	(offsetof(struct kcomm_cn_stats, dropped) / sizeof(__u64))

static void robust_malformed(struct robust_env *e)
{
	struct raw_req m;

	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 4, 4);
	kc_ok(e->r, "a well-formed ECHO of 4 bytes is answered",
	      send_raw(e->fd, &m, m.nlh.nlmsg_len) == 0 &&
	      cn_recv(e->fd, e->rx, 0, KCOMM_CN_OP_ECHO, &(const void *){ NULL }) == 4 ? 0 : -EPROTO);

	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 8, 4);
	expect_dropped(e, "ECHO whose size says more than it carries", &m, m.nlh.nlmsg_len,
		       STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 0, 4);
	expect_dropped(e, "ECHO whose size says less than it carries", &m, m.nlh.nlmsg_len,
		       STAT_DROPPED);
	raw_init(&m, 0, 0x7f, 0, 0);
	expect_dropped(e, "unknown op", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_EVENT, 0, 0);
	expect_dropped(e, "EVENT sent to the kernel (kernel to user only)", &m, m.nlh.nlmsg_len,
		       STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_TRIGGER, 4, 0);
	expect_dropped(e, "TRIGGER smaller than the stamp", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_TRIGGER, KCOMM_CN_PAYLOAD_MAX + 1, 0);
	expect_dropped(e, "TRIGGER larger than the maximum", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_TRIGGER, 0xffffffffu, 0);
	expect_dropped(e, "TRIGGER of 4 GiB", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_TRIGGER, 64, 0);
	m.hdr.flags = 0x80;
	expect_dropped(e, "TRIGGER with an unknown flag", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 0, 0);
	m.hdr.flags = KCOMM_CN_F_MULTICAST;
	expect_dropped(e, "ECHO with a TRIGGER flag", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_STATS, 0, 0);
	m.hdr.reserved = 1;
	expect_dropped(e, "reserved field set", &m, m.nlh.nlmsg_len, STAT_DROPPED);
	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 0, 0);
	m.cn.len = 3;
	m.nlh.nlmsg_len = (__u32)NLMSG_LENGTH(sizeof(m.cn) + 3);
	expect_dropped(e, "cn_msg shorter than our header", &m, m.nlh.nlmsg_len, STAT_DROPPED);

	/* Framing the connector core itself drops: the callback never sees these. */
	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 0, 0);
	m.cn.len = 200;
	expect_dropped(e, "cn_msg.len beyond the message (the connector drops it)", &m,
		       m.nlh.nlmsg_len, (size_t)-1);
	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 0, 0);
	m.cn.id.val = KCOMM_CN_VAL + 1;
	expect_dropped(e, "another val of our idx (no callback)", &m, m.nlh.nlmsg_len, (size_t)-1);
	raw_init(&m, 0, KCOMM_CN_OP_ECHO, 0, 0);
	expect_dropped(e, "a datagram shorter than a cn_msg", &m, NLMSG_LENGTH(8), (size_t)-1);
	m.nlh.nlmsg_len = 4096;
	expect_dropped(e, "nlmsg_len beyond the datagram", &m, NLMSG_LENGTH(CN_HDRS), (size_t)-1);
}

static void robust_sizes(struct robust_env *e, unsigned char *big)
{
	const void *back;
	int ok;

	memset(big, 0x5a, 1 << 17);
	ok = cn_send(e->fd, ++e->seq, KCOMM_CN_OP_ECHO, 0, KCOMM_CN_PAYLOAD_MAX, big,
		     KCOMM_CN_PAYLOAD_MAX) == 0 &&
	     cn_recv(e->fd, e->rx, e->seq, KCOMM_CN_OP_ECHO, &back) == (long)KCOMM_CN_PAYLOAD_MAX &&
	     memcmp(back, big, KCOMM_CN_PAYLOAD_MAX) == 0;
	kc_ok(e->r, "ECHO of the largest payload comes back whole", ok ? 0 : -EPROTO);
	/* One byte more and the connector core drops it (CONNECTOR_MAX_MSG_SIZE): no answer. */
	ok = cn_send(e->fd, ++e->seq, KCOMM_CN_OP_ECHO, 0, KCOMM_CN_PAYLOAD_MAX + 1, big,
		     KCOMM_CN_PAYLOAD_MAX + 1) == 0 &&
	     cn_recv(e->fd, e->rx, e->seq, KCOMM_CN_OP_ECHO, &back) == -EAGAIN;
	kc_ok(e->r, "ECHO over CONNECTOR_MAX_MSG_SIZE is dropped", ok ? 0 : -EPROTO);
	ok = cn_send(e->fd, ++e->seq, KCOMM_CN_OP_ECHO, 0, 0, NULL, 0) == 0 &&
	     cn_recv(e->fd, e->rx, e->seq, KCOMM_CN_OP_ECHO, &back) == 0;
	kc_ok(e->r, "ECHO of 0 bytes", ok ? 0 : -EPROTO);
	kc_bad(e->r, "send from an invalid pointer", send_raw(e->fd, kc_bad_pointer(), 64), EFAULT);
	kc_bad(e->r, "a message larger than the send buffer", send_raw(e->fd, big, 1 << 22), EMSGSIZE);
}

/* As nobody: an unprivileged sender is answered for itself, refused for the group. */
static long nobody_trigger(void *arg)
{
	unsigned char *rx = malloc(CN_RX_SIZE);
	__u16 flags = *(__u16 *)arg;
	int fd = cn_socket(300);
	const void *ev;
	long n;

	if (!rx || fd < 0) {
		free(rx);
		return fd < 0 ? fd : -ENOMEM;
	}
	n = cn_send(fd, 1, KCOMM_CN_OP_TRIGGER, flags, 64, NULL, 0);
	if (!n)
		n = cn_recv(fd, rx, 1, KCOMM_CN_OP_EVENT, &ev);
	close(fd);
	free(rx);
	return n < 0 ? n : 0;
}

static long nobody_join(void *arg)
{
	int fd = cn_socket(300), grp = KCOMM_CN_GROUP, ret = 0;

	(void)arg;
	if (fd < 0)
		return fd;
	if (setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp, sizeof(grp)))
		ret = -errno;
	close(fd);
	return ret;
}

static void robust_unprivileged(struct robust_env *e)
{
	__u16 unicast = 0, multicast = KCOMM_CN_F_MULTICAST;

	kc_ok(e->r, "unprivileged TRIGGER to itself", kc_as_nobody(nobody_trigger, &unicast));
	kc_bad(e->r, "unprivileged TRIGGER to the group is DENIED", kc_as_nobody(nobody_trigger, &multicast),
	       EPERM);
	kc_bad(e->r, "unprivileged join of the group", kc_as_nobody(nobody_join, NULL), EPERM);
}

struct hammer {
	int rounds;
	int stop_on_silence;	/* during unloads: a missing answer is expected */
	int bad;
	int answered;
};

/* Its own socket, its own bytes: every answer must be its own. */
static void *hammer_thread(void *arg)
{
	struct hammer *h = arg;
	unsigned char *rx = malloc(CN_RX_SIZE), data[256];
	int fd = cn_socket(h->stop_on_silence ? 100 : 2000), i;
	const void *back;

	if (!rx || fd < 0) {
		h->bad = fd < 0 ? -fd : ENOMEM;
		free(rx);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	for (i = 0; i < h->rounds && !h->bad; i++) {
		long n;

		memset(data, (int)(uintptr_t)h + i, sizeof(data));
		if (cn_send(fd, (__u32)i, KCOMM_CN_OP_ECHO, 0, sizeof(data), data, sizeof(data))) {
			h->bad = errno;
			break;
		}
		n = cn_recv(fd, rx, (__u32)i, KCOMM_CN_OP_ECHO, &back);
		if (n == -EAGAIN && h->stop_on_silence)
			continue;
		if (n != sizeof(data) || memcmp(back, data, sizeof(data)))
			h->bad = n < 0 ? (int)-n : EPROTO;
		else
			h->answered++;
	}
	close(fd);
	free(rx);
	return NULL;
}

static int run_hammers(struct hammer *h, pthread_t *t, int n)
{
	int i, started = 0;

	for (i = 0; i < n; i++) {
		if (pthread_create(&t[i], NULL, hammer_thread, &h[i]))
			break;
		started++;
	}
	return started;
}

static void robust_concurrent(struct robust_env *e)
{
	struct hammer h[4];
	pthread_t t[4];
	int i, started, bad = 0;

	for (i = 0; i < 4; i++)
		h[i] = (struct hammer){ .rounds = 500 };
	started = run_hammers(h, t, 4);
	for (i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		bad = bad ? bad : h[i].bad;
	}
	kc_ok(e->r, "4 senders at once each get their own answers", started == 4 && !bad ? 0 : -EPROTO);
}

/* Senders keep sending while the module goes away and comes back: no answer is fine, a crash not. */
static void robust_unload_in_use(struct robust_env *e)
{
	struct hammer h[2];
	pthread_t t[2];
	const void *back;
	int i, started, bad = 0, ok;

	for (i = 0; i < 2; i++)
		h[i] = (struct hammer){ .rounds = 400, .stop_on_silence = 1 };
	started = run_hammers(h, t, 2);
	for (i = 0; i < 3; i++) {
		kc_ok(e->r, "unload while senders are busy (sockets do not pin the module)",
		      kc_module_unload("kcomm_connector"));
		kc_ok(e->r, "load it again", kc_module_load("kcomm_connector"));
	}
	for (i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		bad = bad ? bad : h[i].bad;
	}
	kc_ok(e->r, "the busy senders saw only their own answers or none", started == 2 && !bad ? 0 : -EPROTO);

	kc_ok(e->r, "unload with a socket open", kc_module_unload("kcomm_connector"));
	ok = cn_send(e->fd, ++e->seq, KCOMM_CN_OP_ECHO, 0, 0, NULL, 0) == 0 &&
	     cn_recv(e->fd, e->rx, e->seq, KCOMM_CN_OP_ECHO, &back) == -EAGAIN;
	kc_ok(e->r, "with the module gone nothing answers", ok ? 0 : -EPROTO);
	kc_ok(e->r, "load it again", kc_module_load("kcomm_connector"));
	ok = cn_send(e->fd, ++e->seq, KCOMM_CN_OP_ECHO, 0, 0, NULL, 0) == 0 &&
	     cn_recv(e->fd, e->rx, e->seq, KCOMM_CN_OP_ECHO, &back) == 0;
	kc_ok(e->r, "the same socket is answered again", ok ? 0 : -EPROTO);
}

static int cn_robust(struct kc_robust *r)
{
	struct robust_env e = { .r = r };
	unsigned char *big = malloc(1 << 22);

	e.rx = malloc(CN_RX_SIZE);
	e.fd = cn_socket(300);
	kc_ok(r, "connector socket", e.fd);
	if (!big || !e.rx || e.fd < 0) {
		free(big);
		free(e.rx);
		if (e.fd >= 0)
			close(e.fd);
		return e.fd < 0 ? e.fd : -ENOMEM;
	}
	memset(big, 0, 1 << 22);
	robust_malformed(&e);
	robust_sizes(&e, big);
	robust_unprivileged(&e);
	robust_concurrent(&e);
	robust_unload_in_use(&e);
	close(e.fd);
	free(e.rx);
	free(big);
	return 0;
}

KC_DRILLS("connector", "", cn_robust);
