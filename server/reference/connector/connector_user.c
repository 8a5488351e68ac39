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
};
KC_REGISTER(connector_backend);
