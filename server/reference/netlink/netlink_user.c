// SPDX-License-Identifier: GPL-2.0
/*
 * netlink_user.c - the user side of kcomm_netlink's private protocol, as a
 * kcomm harness backend.
 *
 *   fd = socket(AF_NETLINK, SOCK_RAW, KCOMM_NETLINK_PROTO);
 *   send nlmsghdr{type, NLM_F_REQUEST} + raw payload to nl_pid 0 (the kernel);
 *   recv the reply (same seq) or an NLMSG_ERROR.
 * Compare with genetlink_user.c: no family lookup (the protocol number is
 * compiled in), no attributes (the payload layout is implied by the type).
 * Events: join group KCOMM_NETLINK_GROUP_EVENTS on a second socket
 * (needs CAP_NET_ADMIN for this protocol).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/netlink.h>

#include "harness.h"
#include "kcomm_netlink.h"

#define NL_RX_SIZE	(KCOMM_NETLINK_PAYLOAD_MAX + 4096)

struct nl_priv {
	int fd;		/* requests, replies, unicast events */
	int ev_fd;	/* member of the events group */
	__u32 seq;
	unsigned char rx[NL_RX_SIZE];
};

static int nl_socket(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, KCOMM_NETLINK_PROTO);
	struct timeval tv = { .tv_sec = 2 };
	int sz = 1 << 20;

	struct sockaddr_nl self = { .nl_family = AF_NETLINK };	/* nl_pid 0: kernel picks */

	if (fd < 0)
		return -errno;	/* EPROTONOSUPPORT: the module is not loaded */
	/* Bind for a port id: an unbound socket (port 0) misses multicasts sent with portid 0. */
	if (bind(fd, (struct sockaddr *)&self, sizeof(self)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	/* Best effort; the default ~208 KiB send buffer already holds 128 KiB. */
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return fd;
}

/* Send one message: header and payload gathered from two buffers. */
static int nl_send(int fd, __u16 type, __u32 seq, const void *data, size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct nlmsghdr nlh = {
		.nlmsg_len = (__u32)NLMSG_LENGTH(len),
		.nlmsg_type = type,
		.nlmsg_flags = NLM_F_REQUEST,
		.nlmsg_seq = seq,
	};
	struct iovec iov[2] = {
		{ .iov_base = &nlh, .iov_len = sizeof(nlh) },
		{ .iov_base = (void *)data, .iov_len = len },
	};
	struct msghdr mh = {
		.msg_name = &kernel, .msg_namelen = sizeof(kernel),
		.msg_iov = iov, .msg_iovlen = 2,
	};

	return sendmsg(fd, &mh, 0) < 0 ? -errno : 0;
}

/* Receive one message of type want; an NLMSG_ERROR becomes its -errno. */
static int nl_recv(int fd, unsigned char *rx, __u16 want, struct nlmsghdr **out)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)rx;
	ssize_t n = recv(fd, rx, NL_RX_SIZE, MSG_TRUNC);

	if (n < 0)
		return -errno;
	if (n > NL_RX_SIZE)
		return -EMSGSIZE;
	if (n < (ssize_t)NLMSG_HDRLEN || nlh->nlmsg_len > (size_t)n)
		return -EPROTO;
	if (nlh->nlmsg_type == NLMSG_ERROR) {
		struct nlmsgerr *e = NLMSG_DATA(nlh);

		return e->error ? e->error : -EPROTO;
	}
	if (nlh->nlmsg_type != want)
		return -EPROTO;
	*out = nlh;
	return 0;
}

static void nl_close(struct kc_ctx *c)
{
	struct nl_priv *p = c->priv;

	if (p->fd >= 0)
		close(p->fd);
	if (p->ev_fd >= 0)
		close(p->ev_fd);
	free(p);
}

static int nl_open(struct kc_ctx *c)
{
	struct nl_priv *p = calloc(1, sizeof(*p));
	int grp = KCOMM_NETLINK_GROUP_EVENTS;
	int ret;

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->fd = nl_socket();
	p->ev_fd = nl_socket();
	ret = p->fd < 0 ? p->fd : p->ev_fd < 0 ? p->ev_fd : 0;
	if (!ret && setsockopt(p->ev_fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp, sizeof(grp)))
		ret = -errno;
	if (ret) {
		nl_close(c);
		c->priv = NULL;
	}
	return ret;
}

static int nl_roundtrip(struct kc_ctx *c, void *buf)
{
	struct nl_priv *p = c->priv;
	struct nlmsghdr *nlh;
	int ret;

	ret = nl_send(p->fd, KCOMM_NL_MSG_ECHO, ++p->seq, buf, c->size);
	if (ret)
		return ret;
	ret = nl_recv(p->fd, p->rx, KCOMM_NL_MSG_ECHO, &nlh);
	if (ret)
		return ret;
	if (NLMSG_PAYLOAD(nlh, 0) != c->size || nlh->nlmsg_seq != p->seq)
		return -EPROTO;
	memcpy(buf, NLMSG_DATA(nlh), c->size);
	return 0;
}

static int nl_send_sink(struct kc_ctx *c, const void *buf)
{
	struct nl_priv *p = c->priv;

	return nl_send(p->fd, KCOMM_NL_MSG_SINK, ++p->seq, buf, c->size);
}

/* What the kernel counted of ECHO and SINK messages (kcomm_msg.h). */
static int nl_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	struct nl_priv *p = c->priv;
	struct nlmsghdr *nlh;
	int ret;

	ret = nl_send(p->fd, KCOMM_NL_MSG_RX_STATS, ++p->seq, NULL, 0);
	if (ret)
		return ret;
	ret = nl_recv(p->fd, p->rx, KCOMM_NL_MSG_RX_STATS, &nlh);
	if (ret)
		return ret;
	if (NLMSG_PAYLOAD(nlh, 0) != sizeof(*out) || nlh->nlmsg_seq != p->seq)
		return -EPROTO;
	memcpy(out, NLMSG_DATA(nlh), sizeof(*out));
	return 0;
}

/*
 * TRIGGER an event of size bytes, unicast to fd or multicast to the group; c->wait_ns and c->woke_ns
 * bracket the recv() that waits for it.
 */
static int nl_event(struct kc_ctx *c, int rx_fd, __u32 size, __u32 flags, void *buf, uint64_t *kstamp)
{
	struct kcomm_netlink_trigger t = { .size = size, .flags = flags };
	struct nl_priv *p = c->priv;
	struct nlmsghdr *nlh;
	int ret;

	ret = nl_send(p->fd, KCOMM_NL_MSG_TRIGGER, ++p->seq, &t, sizeof(t));
	if (ret)
		return ret;
	c->wait_ns = kc_now_ns();
	ret = nl_recv(rx_fd, p->rx, KCOMM_NL_MSG_EVENT, &nlh);
	if (ret)
		return ret;
	c->woke_ns = kc_now_ns();
	if (NLMSG_PAYLOAD(nlh, 0) != size)
		return -EPROTO;
	memcpy(kstamp, NLMSG_DATA(nlh), sizeof(*kstamp));
	if (buf)
		memcpy(buf, NLMSG_DATA(nlh), size);
	return 0;
}

/* k2u: the event comes back by unicast on the requesting socket. */
static int nl_recv_k2u(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct nl_priv *p = c->priv;

	return nl_event(c, p->fd, (__u32)c->size, 0, buf, kstamp);
}

/*
 * notify: the smallest event (just the stamp), multicast to the group socket KCOMM_NOTIFY_DELAY_NS
 * after the trigger (DELAYED), while we sleep in recv().
 */
static int nl_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct nl_priv *p = c->priv;

	return nl_event(c, p->ev_fd, sizeof(*kstamp), KCOMM_NL_TRIGGER_MULTICAST | KCOMM_NL_TRIGGER_DELAYED,
			NULL, kstamp);
}

static const struct kc_backend netlink_backend = {
	.method = "netlink",
	.variant = "",
	.module = "kcomm_netlink",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U | KC_NOTIFY,
	.min_size = 8,
	.max_size = KCOMM_NETLINK_PAYLOAD_MAX,
	.limit_note = "netlink: a message must fit the sender's socket buffer (net.core.wmem_default, "
		      "~208 KiB) and the kernel builds each reply as one kmalloc'd skb, so the sample "
		      "caps payloads at 128 KiB",
	.open = nl_open,
	.close = nl_close,
	.roundtrip = nl_roundtrip,
	.send = nl_send_sink,
	.recv = nl_recv_k2u,
	.notify = nl_notify,
	.rx_stats = nl_rx_stats,
};
KC_REGISTER(netlink_backend);
