// SPDX-License-Identifier: GPL-2.0
/*
 * A netlink request as the robustness drills send it: raw bytes to the kernel, then the kernel's verdict.
 * Shared by the netlink and generic netlink backends, whose drills send malformed messages on purpose.
 */
#include <errno.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include "harness.h"

int kc_netlink_transact(int fd, const void *msg, size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	/*
	 * Only a header and an nlmsgerr are read: a longer datagram (a reply, or an error that quotes the
	 * request) is truncated, which the socket allows, and the next one is still whole.
	 */
	unsigned char rx[NLMSG_LENGTH(sizeof(struct nlmsgerr))] __attribute__((aligned(NLMSG_ALIGNTO)));
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)rx;
	ssize_t n;

	if (sendto(fd, msg, len, 0, (const struct sockaddr *)&kernel, sizeof(kernel)) < 0)
		return -errno;
	for (;;) {
		n = recv(fd, rx, sizeof(rx), 0);
		if (n < 0)
			return -errno;
		if ((size_t)n < NLMSG_HDRLEN)
			return -EPROTO;
		if (nlh->nlmsg_type != NLMSG_ERROR)
			continue;	/* a reply (an echo) comes before the ACK */
		if ((size_t)n < sizeof(rx))
			return -EPROTO;
		return ((const struct nlmsgerr *)NLMSG_DATA(nlh))->error;	/* 0 (the ACK) or -errno */
	}
}
