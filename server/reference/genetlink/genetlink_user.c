// SPDX-License-Identifier: GPL-2.0
/*
 * genetlink_user.c - the user side of the "kcomm" generic netlink family, as a
 * kcomm harness backend, with raw sockets only (no libnl: the harness is one
 * static binary, and the raw form shows what libnl/libmnl do for you).
 *
 * Steps every generic netlink client goes through:
 *  1. socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC); the kernel gives the
 *     socket a port id on first send (or at bind with nl_pid = 0).
 *  2. Ask the "nlctrl" family (fixed id GENL_ID_CTRL) for CTRL_CMD_GETFAMILY
 *     with CTRL_ATTR_FAMILY_NAME "kcomm": the reply holds the family id and
 *     the ids of its multicast groups. Ids are dynamic: never hard-code them.
 *  3. Requests are nlmsghdr{type = family id, flags = NLM_F_REQUEST} +
 *     genlmsghdr{cmd, version} + attributes. Replies come back on the same
 *     socket; errors come as NLMSG_ERROR messages (and with NLM_F_ACK, a
 *     success "error 0" too).
 *  4. To hear events, join the group with NETLINK_ADD_MEMBERSHIP. Listen on a
 *     separate socket so events and replies do not interleave, and size its
 *     SO_RCVBUF for bursts: an overflow costs events and returns ENOBUFS.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "harness.h"
#include "kcomm_genetlink.h"

/* Receive buffer: the largest message we expect plus headers. */
#define GENL_RX_SIZE	(KCOMM_GENL_PAYLOAD_MAX + 4096)
/* Socket buffers: room for a few maximum-size messages. */
#define GENL_SOCKBUF	(1 << 20)

#define GENL_HDR_LEN	(NLMSG_HDRLEN + GENL_HDRLEN)

struct genl_priv {
	int cmd_fd;		/* requests and replies */
	int ev_fd;		/* member of the "events" group */
	__u16 family;		/* dynamic family id */
	__u32 seq;
	unsigned int sink_errors;
	unsigned char rx[GENL_RX_SIZE];
};

/* Append one attribute to a message under construction; returns the new length. */
static size_t put_attr(void *msg, size_t len, __u16 type, const void *data, size_t dlen)
{
	struct nlattr *nla = (struct nlattr *)((char *)msg + len);

	nla->nla_type = type;
	nla->nla_len = (__u16)(NLA_HDRLEN + dlen);
	memcpy((char *)nla + NLA_HDRLEN, data, dlen);
	/* Zero the alignment padding: no stale bytes leave the process either. */
	memset((char *)nla + NLA_HDRLEN + dlen, 0, NLA_ALIGN(dlen) - dlen);
	return len + NLA_HDRLEN + NLA_ALIGN(dlen);
}

/* Start a request: nlmsghdr + genlmsghdr. Returns the length so far. */
static size_t put_genl_hdr(void *msg, __u16 family, __u8 cmd, __u16 flags, __u32 seq)
{
	struct nlmsghdr *nlh = msg;
	struct genlmsghdr *g = (struct genlmsghdr *)((char *)msg + NLMSG_HDRLEN);

	memset(msg, 0, GENL_HDR_LEN);
	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = seq;
	g->cmd = cmd;
	g->version = KCOMM_GENL_VERSION;
	return GENL_HDR_LEN;
}

static int send_msg(int fd, void *msg, size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };	/* nl_pid 0 = kernel */

	((struct nlmsghdr *)msg)->nlmsg_len = (__u32)len;
	if (sendto(fd, msg, len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		return -errno;
	return 0;
}

/* Receive one datagram; a message larger than the buffer is an error, not a silent cut. */
static ssize_t recv_msg(int fd, void *buf, size_t size)
{
	ssize_t n = recv(fd, buf, size, MSG_TRUNC);

	if (n < 0)
		return -errno;
	if ((size_t)n > size)
		return -EMSGSIZE;
	if ((size_t)n < NLMSG_HDRLEN)
		return -EPROTO;
	return n;
}

/* Find attribute type in a genetlink message; NULL if absent or malformed. */
static struct nlattr *find_attr(struct nlmsghdr *nlh, __u16 type)
{
	char *p = (char *)nlh + GENL_HDR_LEN;
	char *end = (char *)nlh + nlh->nlmsg_len;

	while (p + NLA_HDRLEN <= end) {
		struct nlattr *nla = (struct nlattr *)p;

		if (nla->nla_len < NLA_HDRLEN || p + nla->nla_len > end)
			return NULL;
		if ((nla->nla_type & NLA_TYPE_MASK) == type)
			return nla;
		p += NLA_ALIGN(nla->nla_len);
	}
	return NULL;
}

#define NLA_DATA(nla) ((void *)((char *)(nla) + NLA_HDRLEN))

/* The error code carried by an NLMSG_ERROR (0 = ACK), or 1 if it is not one. */
static int nlmsg_error_code(struct nlmsghdr *nlh)
{
	struct nlmsgerr *e = NLMSG_DATA(nlh);

	if (nlh->nlmsg_type != NLMSG_ERROR)
		return 1;
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
		return -EPROTO;
	return e->error;	/* already negative */
}

/* Wait up to ms for data: a lost message must not hang the harness. */
static void set_rcv_timeout(int fd, int ms)
{
	struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static int genl_socket(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	int sz = GENL_SOCKBUF, one = 1;

	struct sockaddr_nl self = { .nl_family = AF_NETLINK };	/* nl_pid 0: kernel picks */

	if (fd < 0)
		return -errno;
	/*
	 * Bind now so the socket has a port id. An unbound socket has port id 0,
	 * and a multicast sent with "skip portid 0" (what the kernel passes when
	 * nobody is to be skipped) would then skip this listener.
	 */
	if (bind(fd, (struct sockaddr *)&self, sizeof(self)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	/* Best effort: the defaults (~208 KiB) also work for one message at a time. */
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	/* Ask for extended ACKs: errors then carry a text message and the bad attribute. */
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	/*
	 * Never block forever on a lost reply or event. Generous, because an
	 * emulated VM on a busy host can stall for over a second.
	 */
	set_rcv_timeout(fd, 5000);
	return fd;
}

/*
 * CTRL_CMD_GETFAMILY: family name -> family id and the id of group grp_name.
 * *grp_id stays 0 if the group does not exist.
 */
static int resolve_family(int fd, const char *name, const char *grp_name,
			  __u16 *family, __u32 *grp_id)
{
	unsigned char buf[8192];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct nlattr *nla, *grps, *grp;
	size_t len;
	ssize_t n;
	int ret;

	len = put_genl_hdr(buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0, 1);
	((struct genlmsghdr *)(buf + NLMSG_HDRLEN))->version = 2;	/* nlctrl's version */
	len = put_attr(buf, len, CTRL_ATTR_FAMILY_NAME, name, strlen(name) + 1);
	ret = send_msg(fd, buf, len);
	if (ret)
		return ret;
	n = recv_msg(fd, buf, sizeof(buf));
	if (n < 0)
		return (int)n;
	ret = nlmsg_error_code(nlh);
	if (ret <= 0)
		return ret ? ret : -EPROTO;	/* ENOENT: module not loaded */

	nla = find_attr(nlh, CTRL_ATTR_FAMILY_ID);
	if (!nla || nla->nla_len < NLA_HDRLEN + sizeof(__u16))
		return -EPROTO;
	memcpy(family, NLA_DATA(nla), sizeof(*family));

	*grp_id = 0;
	grps = find_attr(nlh, CTRL_ATTR_MCAST_GROUPS);
	if (!grps)
		return 0;
	/* A nest of nests: one per group, each with NAME and ID. */
	for (grp = NLA_DATA(grps);
	     (char *)grp + NLA_HDRLEN <= (char *)grps + grps->nla_len && grp->nla_len >= NLA_HDRLEN;
	     grp = (struct nlattr *)((char *)grp + NLA_ALIGN(grp->nla_len))) {
		struct nlattr *a = NLA_DATA(grp);
		const char *gname = NULL;
		__u32 gid = 0;

		while ((char *)a + NLA_HDRLEN <= (char *)grp + grp->nla_len &&
		       a->nla_len >= NLA_HDRLEN) {
			if (a->nla_type == CTRL_ATTR_MCAST_GRP_NAME)
				gname = NLA_DATA(a);
			else if (a->nla_type == CTRL_ATTR_MCAST_GRP_ID)
				memcpy(&gid, NLA_DATA(a), sizeof(gid));
			a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len));
		}
		if (gname && !strcmp(gname, grp_name))
			*grp_id = gid;
	}
	return 0;
}

static void genl_close(struct kc_ctx *c)
{
	struct genl_priv *p = c->priv;

	if (p->cmd_fd >= 0)
		close(p->cmd_fd);
	if (p->ev_fd >= 0)
		close(p->ev_fd);
	free(p);
}

static int genl_open(struct kc_ctx *c)
{
	struct genl_priv *p = calloc(1, sizeof(*p));
	__u32 grp = 0;
	int ret;

	if (!p)
		return -ENOMEM;
	c->priv = p;
	p->ev_fd = -1;
	p->cmd_fd = genl_socket();
	if (p->cmd_fd < 0) {
		ret = p->cmd_fd;
		goto out_close;
	}
	ret = resolve_family(p->cmd_fd, KCOMM_GENL_NAME, KCOMM_GENL_MCGRP_EVENTS, &p->family, &grp);
	if (ret)
		goto out_close;
	if (!grp) {
		ret = -ENOENT;
		goto out_close;
	}
	p->ev_fd = genl_socket();
	if (p->ev_fd < 0) {
		ret = p->ev_fd;
		goto out_close;
	}
	if (setsockopt(p->ev_fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &grp, sizeof(grp)) < 0) {
		ret = -errno;
		goto out_close;
	}
	return 0;

out_close:
	genl_close(c);
	c->priv = NULL;
	return ret;
}

/*
 * Send cmd with buf[0..size) as KCOMM_A_PAYLOAD. The header and the payload
 * go out as two iovecs: sendmsg() gathers them, so the payload is not copied
 * into a staging buffer first.
 */
static int send_payload(struct genl_priv *p, __u8 cmd, const void *buf, size_t size)
{
	struct {
		unsigned char hdr[GENL_HDR_LEN];
		struct nlattr nla;
	} req;
	static const char pad[NLA_ALIGNTO];
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct iovec iov[3] = {
		{ .iov_base = &req, .iov_len = sizeof(req) },
		{ .iov_base = (void *)buf, .iov_len = size },
		{ .iov_base = (void *)pad, .iov_len = NLA_ALIGN(size) - size },
	};
	struct msghdr mh = {
		.msg_name = &kernel, .msg_namelen = sizeof(kernel),
		.msg_iov = iov, .msg_iovlen = 3,
	};

	put_genl_hdr(req.hdr, p->family, cmd, 0, ++p->seq);
	((struct nlmsghdr *)req.hdr)->nlmsg_len = (__u32)(sizeof(req) + NLA_ALIGN(size));
	req.nla.nla_type = KCOMM_A_PAYLOAD;
	req.nla.nla_len = (__u16)(NLA_HDRLEN + size);
	if (sendmsg(p->cmd_fd, &mh, 0) < 0)
		return -errno;
	return 0;
}

static int genl_roundtrip(struct kc_ctx *c, void *buf)
{
	struct genl_priv *p = c->priv;
	struct nlmsghdr *nlh = (struct nlmsghdr *)p->rx;
	struct nlattr *nla;
	ssize_t n;
	int ret;

	ret = send_payload(p, KCOMM_CMD_ECHO, buf, c->size);
	if (ret)
		return ret;
	n = recv_msg(p->cmd_fd, p->rx, sizeof(p->rx));
	if (n < 0)
		return (int)n;
	ret = nlmsg_error_code(nlh);
	if (ret <= 0)
		return ret ? ret : -EPROTO;
	nla = find_attr(nlh, KCOMM_A_PAYLOAD);
	if (!nla || nla->nla_len != NLA_HDRLEN + c->size)
		return -EPROTO;
	memcpy(buf, NLA_DATA(nla), c->size);
	return 0;
}

/* u2k: fire and forget. Errors would arrive as NLMSG_ERROR; finish() looks for them. */
static int genl_send(struct kc_ctx *c, const void *buf)
{
	struct genl_priv *p = c->priv;

	return send_payload(p, KCOMM_CMD_SINK, buf, c->size);
}

/*
 * What the kernel counted of ECHO and SINK payloads (kcomm_msg.h). Errors of earlier fire-and-forget
 * SINKs may be queued before the answer: they are counted as finish() does.
 */
static int genl_rx_stats(struct kc_ctx *c, struct kcomm_msg_stats *out)
{
	struct genl_priv *p = c->priv;
	struct nlmsghdr *nlh = (struct nlmsghdr *)p->rx;
	unsigned char req[GENL_HDR_LEN];
	struct nlattr *nla;
	__u32 seq = ++p->seq;
	ssize_t n;
	int ret;

	ret = send_msg(p->cmd_fd, req, put_genl_hdr(req, p->family, KCOMM_CMD_RX_STATS, 0, seq));
	if (ret)
		return ret;
	for (;;) {
		n = recv_msg(p->cmd_fd, p->rx, sizeof(p->rx));
		if (n < 0)
			return (int)n;
		ret = nlmsg_error_code(nlh);
		if (nlh->nlmsg_seq == seq)
			break;
		if (ret < 0)
			p->sink_errors++;
	}
	if (ret <= 0)
		return ret ? ret : -EPROTO;
	nla = find_attr(nlh, KCOMM_A_RX_STATS);
	if (!nla || nla->nla_len != NLA_HDRLEN + sizeof(*out))
		return -EPROTO;
	memcpy(out, NLA_DATA(nla), sizeof(*out));
	return 0;
}

static void genl_finish(struct kc_ctx *c)
{
	struct genl_priv *p = c->priv;

	/* Drain whatever the sink left on the command socket (errors only). */
	while (recv(p->cmd_fd, p->rx, sizeof(p->rx), MSG_DONTWAIT) >= (ssize_t)NLMSG_HDRLEN)
		if (nlmsg_error_code((struct nlmsghdr *)p->rx) < 0)
			p->sink_errors++;
	if (p->sink_errors)
		kc_note("genetlink: %u SINK requests were rejected by the kernel", p->sink_errors);
	p->sink_errors = 0;
}

/*
 * Ask for an EVENT carrying size payload bytes (0: a bare notification); delayed: fired
 * KCOMM_NOTIFY_DELAY_NS later from a kernel work item instead of inside the request.
 */
static int send_trigger(struct genl_priv *p, __u32 size, int delayed)
{
	unsigned char req[GENL_HDR_LEN + 3 * NLA_HDRLEN + 8];
	size_t len = put_genl_hdr(req, p->family, KCOMM_CMD_TRIGGER, 0, ++p->seq);

	if (size)
		len = put_attr(req, len, KCOMM_A_SIZE, &size, sizeof(size));
	if (delayed)
		len = put_attr(req, len, KCOMM_A_DELAYED, "", 0);	/* a flag: no payload */
	return send_msg(p->cmd_fd, req, len);
}

/* Wait for the next EVENT on the group socket; returns its header or an error. */
static int recv_event(struct genl_priv *p, struct nlmsghdr **out, uint64_t *kstamp)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)p->rx;
	struct nlattr *nla;
	ssize_t n;

	n = recv_msg(p->ev_fd, p->rx, sizeof(p->rx));
	if (n == -EAGAIN) {
		/* No event: was the trigger refused? Its error is on the command socket. */
		if (recv(p->cmd_fd, p->rx, sizeof(p->rx), MSG_DONTWAIT) >= (ssize_t)NLMSG_HDRLEN &&
		    nlmsg_error_code(nlh) < 0)
			return nlmsg_error_code(nlh);
		return -ETIMEDOUT;
	}
	/* ENOBUFS: our queue overflowed and events were lost; the caller decides. */
	if (n < 0)
		return (int)n;
	if (nlh->nlmsg_type != p->family)
		return -EPROTO;
	nla = find_attr(nlh, KCOMM_A_STAMP);
	if (!nla || nla->nla_len != NLA_HDRLEN + sizeof(*kstamp))
		return -EPROTO;
	memcpy(kstamp, NLA_DATA(nla), sizeof(*kstamp));
	*out = nlh;
	return 0;
}

static int genl_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct genl_priv *p = c->priv;
	struct nlmsghdr *nlh;
	struct nlattr *nla;
	int ret;

	ret = send_trigger(p, (__u32)c->size, 0);
	if (ret)
		return ret;
	ret = recv_event(p, &nlh, kstamp);
	if (ret)
		return ret;
	nla = find_attr(nlh, KCOMM_A_PAYLOAD);
	if (!nla || nla->nla_len != NLA_HDRLEN + c->size)
		return -EPROTO;
	memcpy(buf, NLA_DATA(nla), c->size);
	return 0;
}

static int genl_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct genl_priv *p = c->priv;
	struct nlmsghdr *nlh;
	int ret;

	ret = send_trigger(p, 0, 1);
	if (ret)
		return ret;
	c->wait_ns = kc_now_ns();
	ret = recv_event(p, &nlh, kstamp);
	if (ret)
		return ret;
	c->woke_ns = kc_now_ns();
	return 0;
}

static const struct kc_backend genetlink_backend = {
	.method = "genetlink",
	.variant = "",
	.module = "kcomm_genetlink",
	.patterns = KC_ROUNDTRIP | KC_U2K | KC_K2U | KC_NOTIFY,
	.min_size = 8,
	.max_size = KCOMM_GENL_PAYLOAD_MAX,
	.limit_note = "genetlink: one attribute carries at most 65531 bytes (nla_len is a __u16 "
		      "including its 4-byte header); larger data must be split over several "
		      "attributes or messages, so sizes stop at 65528 bytes",
	.open = genl_open,
	.close = genl_close,
	.finish = genl_finish,
	.roundtrip = genl_roundtrip,
	.send = genl_send,
	.recv = genl_recv,
	.notify = genl_notify,
	.rx_stats = genl_rx_stats,
};
KC_REGISTER(genetlink_backend);
