// SPDX-License-Identifier: GPL-2.0
/*
 * netlink_robust.c - robustness drills for kcomm_netlink: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods netlink` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is netlink_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "netlink_user.c"

static int xact(int fd, __u16 type, __u16 flags, const void *data, size_t len)
{
	static unsigned char msg[NLMSG_HDRLEN + KCOMM_NETLINK_PAYLOAD_MAX + 64];
	struct nlmsghdr *nlh = (struct nlmsghdr *)msg;

	memset(nlh, 0, sizeof(*nlh));
	nlh->nlmsg_len = (__u32)NLMSG_LENGTH(len);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	memcpy(NLMSG_DATA(nlh), data, len);
	return kc_netlink_transact(fd, msg, NLMSG_LENGTH(len));
}

static void robust_msgs(struct kc_robust *r, int fd, unsigned char *big)
{
	struct kcomm_netlink_trigger t = { .size = 64 };
	struct nlmsghdr nlh;

	kc_ok(r, "ECHO 8 bytes", xact(fd, KCOMM_NL_MSG_ECHO, 0, big, 8));
	kc_ok(r, "ECHO 0 bytes", xact(fd, KCOMM_NL_MSG_ECHO, 0, big, 0));
	kc_ok(r, "ECHO max payload", xact(fd, KCOMM_NL_MSG_ECHO, 0, big, KCOMM_NETLINK_PAYLOAD_MAX));
	kc_bad(r, "ECHO payload over max",
	       xact(fd, KCOMM_NL_MSG_ECHO, 0, big, KCOMM_NETLINK_PAYLOAD_MAX + 4), EMSGSIZE);
	kc_ok(r, "SINK 8 bytes", xact(fd, KCOMM_NL_MSG_SINK, 0, big, 8));
	kc_ok(r, "RX_STATS", xact(fd, KCOMM_NL_MSG_RX_STATS, 0, big, 0));
	kc_bad(r, "unknown type 0x7f", xact(fd, 0x7f, 0, big, 8), EOPNOTSUPP);
	kc_bad(r, "TRIGGER short payload", xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, 4), EINVAL);
	kc_bad(r, "TRIGGER long payload", xact(fd, KCOMM_NL_MSG_TRIGGER, 0, big, 16), EINVAL);
	t.flags = 0x80;
	kc_bad(r, "TRIGGER unknown flag", xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, sizeof(t)), EINVAL);
	t.flags = 0;
	t.size = 4;
	kc_bad(r, "TRIGGER size < stamp", xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, sizeof(t)), EINVAL);
	t.size = KCOMM_NETLINK_PAYLOAD_MAX + 1;
	kc_bad(r, "TRIGGER size > max", xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, sizeof(t)), EINVAL);
	t.size = 64;
	t.flags = KCOMM_NL_TRIGGER_MULTICAST;
	kc_ok(r, "TRIGGER multicast, nobody listening",
	      xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, sizeof(t)));
	/* Fires after the request returned; later transactions skip the event. */
	t.flags = KCOMM_NL_TRIGGER_DELAYED;
	kc_ok(r, "TRIGGER delayed, to itself", xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, sizeof(t)));
	kc_bad(r, "EVENT sent to the kernel (kernel-to-user only)",
	       xact(fd, KCOMM_NL_MSG_EVENT, 0, big, 8), EOPNOTSUPP);
	/* Control types (< 0x10) are netlink's own: the kernel ACKs and ignores them. */
	kc_ok(r, "NLMSG_NOOP is ignored", xact(fd, NLMSG_NOOP, 0, big, 0));

	/* Framing errors: the kernel drops these silently; nothing comes back. */
	kc_bad(r, "8-byte datagram is dropped", kc_netlink_transact(fd, big, 8), EAGAIN);
	memset(&nlh, 0, sizeof(nlh));
	nlh.nlmsg_len = 4096;
	nlh.nlmsg_type = KCOMM_NL_MSG_ECHO;
	nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	kc_bad(r, "nlmsg_len > datagram is dropped", kc_netlink_transact(fd, &nlh, sizeof(nlh)), EAGAIN);
	nlh.nlmsg_len = 2;
	kc_bad(r, "nlmsg_len < header is dropped", kc_netlink_transact(fd, &nlh, sizeof(nlh)), EAGAIN);

	kc_bad(r, "send from NULL", send(fd, kc_bad_pointer(), 64, 0), EFAULT);
	kc_bad(r, "send from kernel address", send(fd, kc_bad_address(KC_ADDR_KERNEL_TEXT), 64, 0), EFAULT);
	kc_bad(r, "message larger than the send buffer", send(fd, big, 1 << 20, 0), EMSGSIZE);
	kc_ok(r, "ECHO after the bad input", xact(fd, KCOMM_NL_MSG_ECHO, 0, big, 8));
}

/* Run as an unprivileged user: a TRIGGER of type *arg on a fresh socket. */
static long trigger_as_nobody(void *arg)
{
	struct kcomm_netlink_trigger t = { .size = KCOMM_NETLINK_PAYLOAD_MAX, .flags = *(__u32 *)arg };
	struct timeval tv = { .tv_usec = 300000 };
	int fd = nl_socket(), ret;

	if (fd < 0)
		return fd;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	ret = xact(fd, KCOMM_NL_MSG_TRIGGER, 0, &t, sizeof(t));
	close(fd);
	return ret;
}

/* Anyone may ask for an event to itself; only CAP_NET_ADMIN may multicast one to every listener. */
static void robust_unprivileged(struct kc_robust *r)
{
	__u32 unicast = 0, multicast = KCOMM_NL_TRIGGER_MULTICAST;

	kc_ok(r, "unprivileged TRIGGER to itself", kc_as_nobody(trigger_as_nobody, &unicast));
	kc_bad(r, "unprivileged TRIGGER with MULTICAST", kc_as_nobody(trigger_as_nobody, &multicast), EPERM);
}

static int nl_robust(struct kc_robust *r)
{
	struct timeval tv = { .tv_usec = 300000 };
	unsigned char *big = calloc(1, 1 << 20);
	int fd;

	if (!big)
		return -ENOMEM;
	fd = nl_socket();
	kc_ok(r, "netlink socket", fd);
	if (fd < 0) {
		free(big);
		return fd;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	robust_msgs(r, fd, big);
	robust_unprivileged(r);

	/* Every socket of the protocol holds a module reference: rmmod must be refused. */
	kc_bad(r, "rmmod while a socket is open", kc_module_unload("kcomm_netlink"), 0);
	close(fd);
	free(big);
	return 0;
}

KC_DRILLS("netlink", "", nl_robust);
