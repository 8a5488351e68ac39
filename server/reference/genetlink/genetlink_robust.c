// SPDX-License-Identifier: GPL-2.0
/*
 * genetlink_robust.c - robustness drills for kcomm_genetlink: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods genetlink` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is genetlink_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "genetlink_user.c"

/* Build and transact: cmd with one attribute (type, data, dlen), NLM_F_ACK set. */
static int xact_attr(int fd, __u16 family, __u8 cmd, __u16 type, const void *data, size_t dlen)
{
	static unsigned char msg[GENL_RX_SIZE];
	size_t len = put_genl_hdr(msg, family, cmd, NLM_F_ACK, 7);

	if (data)
		len = put_attr(msg, len, type, data, dlen);
	((struct nlmsghdr *)msg)->nlmsg_len = (__u32)len;
	return kc_netlink_transact(fd, msg, len);
}

static void robust_attrs(struct kc_robust *r, int fd, __u16 fam, unsigned char *big)
{
	__u32 u32v = 1;
	__u64 u64v = 1;
	__u16 u16v = 1;

	kc_ok(r, "ECHO 8 bytes", xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, big, 8));
	kc_ok(r, "ECHO 0 bytes", xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, big, 0));
	kc_ok(r, "ECHO max payload",
	      xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, big, KCOMM_GENL_PAYLOAD_MAX));
	kc_bad(r, "ECHO payload over policy max",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, big, KCOMM_GENL_PAYLOAD_MAX + 1), 0);
	kc_bad(r, "ECHO without PAYLOAD", xact_attr(fd, fam, KCOMM_CMD_ECHO, 0, NULL, 0), EINVAL);
	kc_bad(r, "SINK without PAYLOAD", xact_attr(fd, fam, KCOMM_CMD_SINK, 0, NULL, 0), EINVAL);
	kc_bad(r, "SEQ with 2 bytes (wrong type)",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_SEQ, &u16v, sizeof(u16v)), 0);
	kc_bad(r, "SEQ with 8 bytes (wrong type)",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_SEQ, &u64v, sizeof(u64v)), 0);
	kc_bad(r, "STAMP from user space (kernel-only)",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_STAMP, &u64v, sizeof(u64v)), 0);
	kc_bad(r, "unknown attribute type 200",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, 200, &u32v, sizeof(u32v)), 0);
	kc_bad(r, "attribute type 0", xact_attr(fd, fam, KCOMM_CMD_ECHO, 0, &u32v, sizeof(u32v)), 0);
	u32v = KCOMM_GENL_PAYLOAD_MAX + 1;
	kc_bad(r, "TRIGGER SIZE over range",
	       xact_attr(fd, fam, KCOMM_CMD_TRIGGER, KCOMM_A_SIZE, &u32v, sizeof(u32v)), 0);
	kc_ok(r, "TRIGGER with nobody listening", xact_attr(fd, fam, KCOMM_CMD_TRIGGER, 0, NULL, 0));
	kc_ok(r, "RX_STATS", xact_attr(fd, fam, KCOMM_CMD_RX_STATS, 0, NULL, 0));
	kc_bad(r, "RX_STATS attribute from user space (kernel-only)",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_RX_STATS, &u64v, sizeof(u64v)), 0);
	kc_ok(r, "TRIGGER DELAYED with nobody listening",
	      xact_attr(fd, fam, KCOMM_CMD_TRIGGER, KCOMM_A_DELAYED, &u32v, 0));
	kc_bad(r, "DELAYED flag with a payload (wrong type)",
	       xact_attr(fd, fam, KCOMM_CMD_TRIGGER, KCOMM_A_DELAYED, &u32v, sizeof(u32v)), 0);
	kc_bad(r, "unknown command 99", xact_attr(fd, fam, 99, 0, NULL, 0), EOPNOTSUPP);
	kc_bad(r, "EVENT (kernel-only command)", xact_attr(fd, fam, KCOMM_CMD_EVENT, 0, NULL, 0),
	       EOPNOTSUPP);
	kc_bad(r, "family id that does not exist", xact_attr(fd, 0x7ff0, KCOMM_CMD_ECHO, 0, NULL, 0),
	       0);
}

static void robust_framing(struct kc_robust *r, int fd, __u16 fam)
{
	unsigned char msg[256];
	struct nlmsghdr *nlh = (struct nlmsghdr *)msg;
	struct nlattr *nla;
	size_t len;

	/* genlmsghdr.reserved must be zero for a new family. */
	len = put_genl_hdr(msg, fam, KCOMM_CMD_ECHO, NLM_F_ACK, 1);
	len = put_attr(msg, len, KCOMM_A_PAYLOAD, "abcdefgh", 8);
	((struct genlmsghdr *)(msg + NLMSG_HDRLEN))->reserved = 1;
	nlh->nlmsg_len = (__u32)len;
	kc_bad(r, "genlmsghdr.reserved != 0", kc_netlink_transact(fd, msg, len), EINVAL);

	/* Attribute claiming more bytes than the message has. */
	len = put_genl_hdr(msg, fam, KCOMM_CMD_ECHO, NLM_F_ACK, 2);
	len = put_attr(msg, len, KCOMM_A_PAYLOAD, "abcdefgh", 8);
	nla = (struct nlattr *)(msg + GENL_HDR_LEN);
	nla->nla_len = 200;
	nlh->nlmsg_len = (__u32)len;
	kc_bad(r, "nla_len beyond the message", kc_netlink_transact(fd, msg, len), 0);

	/* Attribute shorter than its own header. */
	nla->nla_len = 2;
	kc_bad(r, "nla_len < 4", kc_netlink_transact(fd, msg, len), 0);

	/* Trailing bytes after the last attribute. */
	len = put_genl_hdr(msg, fam, KCOMM_CMD_ECHO, NLM_F_ACK, 3);
	len = put_attr(msg, len, KCOMM_A_PAYLOAD, "abcdefgh", 8);
	memset(msg + len, 0xee, 4);
	nlh->nlmsg_len = (__u32)len + 3;
	kc_bad(r, "trailing garbage after attributes", kc_netlink_transact(fd, msg, len + 4), 0);

	/* Room for the nlmsghdr but not the genlmsghdr. */
	put_genl_hdr(msg, fam, KCOMM_CMD_ECHO, NLM_F_ACK, 4);
	nlh->nlmsg_len = NLMSG_HDRLEN + 2;
	kc_bad(r, "truncated genlmsghdr", kc_netlink_transact(fd, msg, NLMSG_HDRLEN + 4), EINVAL);

	/* Datagrams the kernel drops silently: no reply, and nothing breaks. */
	kc_bad(r, "8-byte datagram (truncated nlmsghdr) is dropped", kc_netlink_transact(fd, msg, 8), EAGAIN);
	put_genl_hdr(msg, fam, KCOMM_CMD_ECHO, NLM_F_ACK, 5);
	nlh->nlmsg_len = 4096;	/* claims more than is sent */
	kc_bad(r, "nlmsg_len > datagram is dropped", kc_netlink_transact(fd, msg, GENL_HDR_LEN), EAGAIN);
	nlh->nlmsg_len = 3;	/* less than a header */
	kc_bad(r, "nlmsg_len < header is dropped", kc_netlink_transact(fd, msg, GENL_HDR_LEN), EAGAIN);

	/* A dump request on a command without dumpit. */
	len = put_genl_hdr(msg, fam, KCOMM_CMD_ECHO, NLM_F_ACK | NLM_F_DUMP, 6);
	nlh->nlmsg_len = (__u32)len;
	kc_bad(r, "NLM_F_DUMP on a doit-only command", kc_netlink_transact(fd, msg, len), EOPNOTSUPP);

	/* Bad user pointers and sizes at the socket layer. */
	kc_bad(r, "sendto from NULL", sendto(fd, kc_bad_pointer(), 64, 0, NULL, 0), EFAULT);
	kc_bad(r, "sendto from kernel address",
	       sendto(fd, kc_bad_address(KC_ADDR_KERNEL_TEXT), 64, 0, NULL, 0), EFAULT);

	/* And the family still works. */
	kc_ok(r, "ECHO after the bad input",
	      xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, "abcdefgh", 8));
}

static int genl_robust(struct kc_robust *r)
{
	unsigned char *big = calloc(1, 512 * 1024);
	__u32 grp = 0;
	__u16 fam = 0;
	int fd, ret;

	if (!big)
		return -ENOMEM;
	fd = genl_socket();
	kc_ok(r, "netlink socket", fd);
	if (fd < 0) {
		free(big);
		return fd;
	}
	set_rcv_timeout(fd, 300);	/* "dropped" cases wait this long */
	ret = resolve_family(fd, KCOMM_GENL_NAME, KCOMM_GENL_MCGRP_EVENTS, &fam, &grp);
	kc_ok(r, "CTRL_CMD_GETFAMILY kcomm", ret);
	if (ret)
		goto out_close;
	kc_bad(r, "CTRL_CMD_GETFAMILY of a missing family",
	       resolve_family(fd, "kcomm-nope", "", &fam, &grp), ENOENT);
	ret = resolve_family(fd, KCOMM_GENL_NAME, KCOMM_GENL_MCGRP_EVENTS, &fam, &grp);

	robust_attrs(r, fd, fam, big);
	robust_framing(r, fd, fam);
	kc_bad(r, "message larger than the send buffer", sendto(fd, big, 512 * 1024, 0, NULL, 0),
	       EMSGSIZE);

	/*
	 * Unload while a socket is open and has the family id: allowed (a
	 * generic netlink socket does not pin the family's module); afterwards
	 * requests to the stale id fail with ENOENT, and a reload works.
	 */
	kc_ok(r, "rmmod with a socket open", kc_module_unload("kcomm_genetlink"));
	kc_bad(r, "ECHO to the unloaded family",
	       xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, big, 8), ENOENT);
	kc_ok(r, "reload", kc_module_load("kcomm_genetlink"));
	ret = resolve_family(fd, KCOMM_GENL_NAME, KCOMM_GENL_MCGRP_EVENTS, &fam, &grp);
	kc_ok(r, "resolve after reload", ret);
	kc_ok(r, "ECHO after reload", xact_attr(fd, fam, KCOMM_CMD_ECHO, KCOMM_A_PAYLOAD, big, 8));
	ret = 0;
out_close:
	close(fd);
	free(big);
	return ret;
}

KC_DRILLS("genetlink", "", genl_robust);
