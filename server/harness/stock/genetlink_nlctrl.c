// SPDX-License-Identifier: GPL-2.0
/*
 * Stock generic netlink: CTRL_CMD_GETFAMILY for "nlctrl" on a raw NETLINK_GENERIC socket, the
 * request every genetlink client sends first to resolve a family id. The controller answers with the
 * family's id, ops and multicast groups, so the request and reply sizes are fixed by the kernel; the
 * point is recorded in the 8-byte class and a note gives the real sizes.
 */
#include <errno.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"

#define REPLY_MAX 16384

struct nlctrl_priv {
	int fd;
	uint32_t seq;
	size_t req_len;
	union {
		struct nlmsghdr nh;
		char bytes[64];
	} req;
	char reply[REPLY_MAX] __attribute__((aligned(NLMSG_ALIGNTO)));
};

static void build_request(struct nlctrl_priv *p)
{
	static const char family[] = "nlctrl";
	struct genlmsghdr *g;
	struct nlattr *a;

	memset(&p->req, 0, sizeof(p->req));
	g = NLMSG_DATA(&p->req.nh);
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	a = (struct nlattr *)((char *)g + GENL_HDRLEN);
	a->nla_type = CTRL_ATTR_FAMILY_NAME;
	a->nla_len = NLA_HDRLEN + sizeof(family);
	memcpy((char *)a + NLA_HDRLEN, family, sizeof(family));
	p->req_len = NLMSG_LENGTH(GENL_HDRLEN + NLA_ALIGN(a->nla_len));
	p->req.nh.nlmsg_len = (uint32_t)p->req_len;
	p->req.nh.nlmsg_type = GENL_ID_CTRL;
	p->req.nh.nlmsg_flags = NLM_F_REQUEST;
}

/* One request, one reply; returns the reply length or -errno. */
static ssize_t nlctrl_exchange(struct nlctrl_priv *p)
{
	struct nlmsghdr *nh = (struct nlmsghdr *)p->reply;
	ssize_t n;

	p->req.nh.nlmsg_seq = ++p->seq;
	if (send(p->fd, &p->req, p->req_len, 0) != (ssize_t)p->req_len)
		return -errno;
	n = recv(p->fd, p->reply, sizeof(p->reply), 0);
	if (n < 0)
		return -errno;
	if ((size_t)n < sizeof(*nh) || !NLMSG_OK(nh, (size_t)n) || nh->nlmsg_seq != p->seq)
		return -EPROTO;
	if (nh->nlmsg_type == NLMSG_ERROR) {
		struct nlmsgerr *e = NLMSG_DATA(nh);

		return e->error ? e->error : -EPROTO;
	}
	return nh->nlmsg_type == GENL_ID_CTRL ? n : -EPROTO;
}

static int nlctrl_open(struct kc_ctx *c)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct nlctrl_priv *p = calloc(1, sizeof(*p));
	ssize_t n;
	int err;

	if (!p)
		return -ENOMEM;
	p->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (p->fd < 0 || bind(p->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		goto out_errno;
	build_request(p);
	n = nlctrl_exchange(p);
	if (n < 0) {
		err = (int)n;
		goto out_close;
	}
	kc_note("genetlink/nlctrl-getfamily: request %zu B, reply %zd B whatever the size class",
		p->req_len, n);
	c->priv = p;
	return 0;

out_errno:
	err = -errno;
out_close:
	if (p->fd >= 0)
		close(p->fd);
	free(p);
	return err;
}

static void nlctrl_close(struct kc_ctx *c)
{
	struct nlctrl_priv *p = c->priv;

	close(p->fd);
	free(p);
}

static int nlctrl_roundtrip(struct kc_ctx *c, void *buf)
{
	ssize_t n = nlctrl_exchange(c->priv);

	(void)buf;
	return n < 0 ? (int)n : 0;
}

static const struct kc_backend genetlink_nlctrl = {
	.method = "genetlink",
	.variant = "nlctrl-getfamily",
	.stock = 1,
	.patterns = KC_ROUNDTRIP,
	.answer_differs = 1,	/* the kernel's own answer, not an echo */
	.max_size = 8,
	.limit_note = "CTRL_CMD_GETFAMILY has a fixed request and reply; measured in the 8-byte class",
	.open = nlctrl_open,
	.close = nlctrl_close,
	.roundtrip = nlctrl_roundtrip,
};
KC_REGISTER(genetlink_nlctrl);
