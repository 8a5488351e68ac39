// SPDX-License-Identifier: GPL-2.0
/*
 * connector_user.c - the user side of kcomm_connector, as a kcomm harness backend
 *
 *   fd = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_CONNECTOR); bind() for a port id;
 *   send nlmsghdr + cn_msg{id, seq, len} + kcomm_cn_hdr + payload to nl_pid 0 (the kernel);
 *   recv nlmsghdr + cn_msg + kcomm_cn_hdr + payload: the reply with our id and seq.
 *
 *   roundtrip  ECHO of N bytes, the reply carries them back
 *   u2k        SINK of N bytes
 *   k2u        TRIGGER: an EVENT of N bytes comes back to the sender, stamped
 *   notify     TRIGGER with MULTICAST: the smallest EVENT reaches a second socket that joined the
 *              group (NETLINK_ADD_MEMBERSHIP KCOMM_CN_GROUP; needs CAP_NET_ADMIN)
 *
 * Compare with netlink_user.c: the protocol number is the connector's, the routing is by the
 * {idx, val} in every message, and a listener checks that id, since other users may share a group.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/netlink.h>

#include "harness.h"
#include "kcomm_connector.h"

#define CN_RX_SIZE	(NLMSG_HDRLEN + CONNECTOR_MAX_MSG_SIZE + 256)
#define CN_HDRS		(sizeof(struct cn_msg) + sizeof(struct kcomm_cn_hdr))

struct cn_priv {
	int fd;		/* requests, replies, unicast events */
	int ev_fd;	/* member of the group */
	__u32 seq;
	unsigned char rx[CN_RX_SIZE];
};

/* A connector socket with a port id; rcv_ms bounds every wait for a reply. */
static int cn_socket(int rcv_ms)
{
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_CONNECTOR);
	struct timeval tv = { .tv_sec = rcv_ms / 1000, .tv_usec = (rcv_ms % 1000) * 1000 };
	struct sockaddr_nl self = { .nl_family = AF_NETLINK };	/* nl_pid 0: the kernel picks */
	int sz = 1 << 20;

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&self, sizeof(self)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return fd;
}

/* Send one request: the three headers and the payload gathered from four pieces. */
static int cn_send(int fd, __u32 seq, __u16 op, __u16 flags, __u32 size, const void *data,
		   size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct kcomm_cn_hdr hdr = { .op = op, .flags = flags, .size = size };
	struct cn_msg cn = {
		.id = { .idx = KCOMM_CN_IDX, .val = KCOMM_CN_VAL },
		.seq = seq,
		.len = (__u16)(sizeof(hdr) + len),
	};
	struct nlmsghdr nlh = {
		.nlmsg_len = (__u32)NLMSG_LENGTH(CN_HDRS + len),
		.nlmsg_type = NLMSG_DONE,
		.nlmsg_seq = seq,
	};
	struct iovec iov[4] = {
		{ .iov_base = &nlh, .iov_len = sizeof(nlh) },
		{ .iov_base = &cn, .iov_len = sizeof(cn) },
		{ .iov_base = &hdr, .iov_len = sizeof(hdr) },
		{ .iov_base = (void *)data, .iov_len = len },
	};
	struct msghdr mh = {
		.msg_name = &kernel, .msg_namelen = sizeof(kernel),
		.msg_iov = iov, .msg_iovlen = len ? 4 : 3,
	};

	return sendmsg(fd, &mh, 0) < 0 ? -errno : 0;
}

/*
 * Receive the message answering seq with op want; messages of other ids or seqs (another user of
 * the group) are skipped. *payload points into rx; returns the payload length or -errno
 * (EAGAIN: nothing came within the socket's timeout; EPERM: a DENIED answer).
 */
static long cn_recv(int fd, unsigned char *rx, __u32 seq, __u16 want, const void **payload)
{
	for (;;) {
		struct nlmsghdr *nlh = (struct nlmsghdr *)rx;
		struct cn_msg *cn = NLMSG_DATA(nlh);
		struct kcomm_cn_hdr hdr;
		ssize_t n = recv(fd, rx, CN_RX_SIZE, 0);

		if (n < 0)
			return -errno;
		if (n < (ssize_t)NLMSG_LENGTH(CN_HDRS) || nlh->nlmsg_len > (size_t)n ||
		    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*cn) + cn->len) || cn->len < sizeof(hdr))
			return -EPROTO;
		if (cn->id.idx != KCOMM_CN_IDX || cn->id.val != KCOMM_CN_VAL || cn->seq != seq)
			continue;
		memcpy(&hdr, cn->data, sizeof(hdr));
		if (hdr.op == KCOMM_CN_OP_DENIED)
			return -EPERM;
		if (hdr.op != want || cn->ack != seq + 1 || hdr.size != cn->len - sizeof(hdr))
			return -EPROTO;
		*payload = cn->data + sizeof(hdr);
		return hdr.size;
	}
}

static void cn_close(struct kc_ctx *c)
{
	struct cn_priv *p = c->priv;

	if (p->fd >= 0)
		close(p->fd);
	if (p->ev_fd >= 0)
		close(p->ev_fd);
	free(p);
	c->priv = NULL;
}

static int cn_open(struct kc_ctx *c)
{
	struct cn_priv *p = calloc(1, sizeof(*p));
	int grp = KCOMM_CN_GROUP;
	int ret;

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->fd = cn_socket(2000);
	p->ev_fd = cn_socket(2000);
	ret = p->fd < 0 ? p->fd : p->ev_fd < 0 ? p->ev_fd : 0;
	if (!ret && setsockopt(p->ev_fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp, sizeof(grp)))
		ret = -errno;
	if (ret)
		cn_close(c);
	return ret;
}

static int cn_roundtrip(struct kc_ctx *c, void *buf)
{
	struct cn_priv *p = c->priv;
	const void *back;
	long n;
	int ret;

	ret = cn_send(p->fd, ++p->seq, KCOMM_CN_OP_ECHO, 0, (__u32)c->size, buf, c->size);
	if (ret)
		return ret;
	n = cn_recv(p->fd, p->rx, p->seq, KCOMM_CN_OP_ECHO, &back);
	if (n < 0)
		return (int)n;
	if ((size_t)n != c->size)
		return -EPROTO;
	memcpy(buf, back, c->size);
	return 0;
}

static int cn_sink(struct kc_ctx *c, const void *buf)
{
	struct cn_priv *p = c->priv;

	return cn_send(p->fd, ++p->seq, KCOMM_CN_OP_SINK, 0, (__u32)c->size, buf, c->size);
}

/* TRIGGER an event of size bytes and receive it on rx_fd. */
static int cn_event(struct cn_priv *p, int rx_fd, size_t size, __u16 flags, void *buf,
		    uint64_t *kstamp)
{
	const void *ev;
	long n;
	int ret;

	ret = cn_send(p->fd, ++p->seq, KCOMM_CN_OP_TRIGGER, flags, (__u32)size, NULL, 0);
	if (ret)
		return ret;
	n = cn_recv(rx_fd, p->rx, p->seq, KCOMM_CN_OP_EVENT, &ev);
	if (n < 0)
		return (int)n;
	if ((size_t)n != size)
		return -EPROTO;
	memcpy(kstamp, ev, sizeof(*kstamp));
	if (buf)
		memcpy(buf, ev, size);
	return 0;
}

static int cn_recv_k2u(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct cn_priv *p = c->priv;

	return cn_event(p, p->fd, c->size, 0, buf, kstamp);
}

static int cn_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct cn_priv *p = c->priv;

	return cn_event(p, p->ev_fd, KCOMM_CN_EVENT_MIN, KCOMM_CN_F_MULTICAST, NULL, kstamp);
}

/* --- robustness --------------------------------------------------------- */

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

static const struct kc_backend connector_backend = {
	.method = "connector",
	.variant = "",
	.module = "kcomm_connector",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U | KC_NOTIFY,
	.min_size = KCOMM_CN_EVENT_MIN,
	.max_size = KCOMM_CN_PAYLOAD_MAX,
	.limit_note = "connector: the connector core drops a message whose cn_msg and data exceed "
		      "CONNECTOR_MAX_MSG_SIZE (16 KiB): 20 bytes of cn_msg and 12 of this module's own header",
	.open = cn_open,
	.close = cn_close,
	.roundtrip = cn_roundtrip,
	.send = cn_sink,
	.recv = cn_recv_k2u,
	.notify = cn_notify,
	.robust = cn_robust,
};
KC_REGISTER(connector_backend);
