// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_user.c - the user side of kcomm_uevent, as a kcomm harness backend
 *
 *   k2u     pwrite(trigger, "N\n"): the module emits a KOBJ_CHANGE uevent whose KCOMM_DATA holds N
 *           bytes; we receive it on a NETLINK_KOBJECT_UEVENT socket, find our variables and copy the
 *           data out. N is at most KCOMM_UEVENT_DATA_MAX (1 KiB: the event's 2 KiB buffer is shared
 *           with the driver core's variables).
 *   notify  the same with N = 0: the event is the message.
 *
 * What a listener must do, as udev and libudev do:
 *   - bind a NETLINK_KOBJECT_UEVENT socket to group 1 (the kernel's events; udev re-broadcasts the
 *     events it has processed on group 2, for libudev monitors): no privilege is needed to listen;
 *   - accept only messages from the kernel: the sender's nl_pid is 0 (only a process with
 *     CAP_NET_ADMIN could send to the group at all; the robust drill checks that one without it
 *     cannot);
 *   - match the event by its header "ACTION@DEVPATH", then read KEY=value strings up to the end of
 *     the datagram, each ending in a NUL; every device's events arrive on the same socket;
 *   - give the socket a large receive buffer: a full one drops events and the next recv() fails with
 *     ENOBUFS (as root, SO_RCVBUFFORCE; udev asks for 128 MiB).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_uevent.h"

#define UEVENT_GROUP_KERNEL	1
#define LISTEN_RCVBUF		(4 << 20)
#define WAIT_MS			5000
#define WRITERS			4
#define WRITER_ROUNDS		50

/* One event of ours, pointing into the receive buffer. */
struct uev {
	char action[16];
	uint64_t seq;
	uint64_t stamp;
	const char *data;
	size_t data_len;
	const char *subsystem;
};

struct uevent_state {
	int sock;
	int trigger_fd;
	uint64_t last_seq;
	char rx[8192];
};

static int listen_socket(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = UEVENT_GROUP_KERNEL };
	int size = LISTEN_RCVBUF;
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_KOBJECT_UEVENT);

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int err = errno;

		close(fd);
		return -err;
	}
	return fd;
}

static int parse_u64(const char *s, uint64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno || end == s || *end ? -EPROTO : 0;
}

/*
 * Parse one datagram: 1 if it is an event of our device (ev filled in), 0 if it is someone else's,
 * -EPROTO if it is ours but malformed.
 */
static int parse_event(char *msg, size_t len, struct uev *ev)
{
	char *at, *p, *end = msg + len;
	int have_seq = 0, have_stamp = 0;

	if (len == 0 || msg[len - 1] != '\0')
		return 0;
	at = strchr(msg, '@');
	if (!at || strcmp(at + 1, KCOMM_UEVENT_DEVPATH) || (size_t)(at - msg) >= sizeof(ev->action))
		return 0;
	memset(ev, 0, sizeof(*ev));
	memcpy(ev->action, msg, at - msg);
	for (p = msg + strlen(msg) + 1; p < end; p += strlen(p) + 1) {
		if (!strncmp(p, KCOMM_UEVENT_KEY_SEQ, strlen(KCOMM_UEVENT_KEY_SEQ)))
			have_seq = !parse_u64(p + strlen(KCOMM_UEVENT_KEY_SEQ), &ev->seq);
		else if (!strncmp(p, KCOMM_UEVENT_KEY_STAMP, strlen(KCOMM_UEVENT_KEY_STAMP)))
			have_stamp = !parse_u64(p + strlen(KCOMM_UEVENT_KEY_STAMP), &ev->stamp);
		else if (!strncmp(p, KCOMM_UEVENT_KEY_DATA, strlen(KCOMM_UEVENT_KEY_DATA))) {
			ev->data = p + strlen(KCOMM_UEVENT_KEY_DATA);
			ev->data_len = strlen(ev->data);
		} else if (!strncmp(p, "SUBSYSTEM=", 10)) {
			ev->subsystem = p + 10;
		}
	}
	if (strcmp(ev->action, "change"))
		return 1;	/* add, remove: ours, without our variables */
	return have_seq && have_stamp && ev->data ? 1 : -EPROTO;
}

/*
 * Receive until an event of our device arrives: 0 (ev filled in, pointing into buf), -ETIMEDOUT
 * after timeout_ms, -EAGAIN at once if timeout_ms is 0 and nothing is queued, or -errno.
 */
static int wait_event(int sock, char *buf, size_t size, struct uev *ev, int timeout_ms)
{
	struct pollfd pfd = { .fd = sock, .events = POLLIN };

	for (;;) {
		struct sockaddr_nl from;
		struct iovec iov = { .iov_base = buf, .iov_len = size - 1 };
		struct msghdr mh = {
			.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov, .msg_iovlen = 1,
		};
		ssize_t n;
		int rc = poll(&pfd, 1, timeout_ms);

		if (rc < 0)
			return -errno;
		if (rc == 0)
			return timeout_ms ? -ETIMEDOUT : -EAGAIN;
		n = recvmsg(sock, &mh, MSG_DONTWAIT);
		if (n < 0)
			return errno == EAGAIN ? -EAGAIN : -errno;
		if (mh.msg_flags & MSG_TRUNC)
			return -EMSGSIZE;
		if (from.nl_pid != 0)	/* not from the kernel: ignore it, as udev does */
			continue;
		buf[n] = '\0';
		rc = parse_event(buf, (size_t)n, ev);
		if (rc)
			return rc < 0 ? rc : 0;
	}
}

/* Emit an event with len bytes of data and wait for it: 0 or -errno. */
static int trigger_and_wait(struct uevent_state *s, size_t len, struct uev *ev)
{
	char text[16];
	int rc;

	snprintf(text, sizeof(text), "%zu\n", len);
	rc = kc_text_write(s->trigger_fd, text);
	if (rc)
		return rc;
	do {
		rc = wait_event(s->sock, s->rx, sizeof(s->rx), ev, WAIT_MS);
	} while (!rc && strcmp(ev->action, "change"));
	if (rc)
		return rc;
	if (ev->seq <= s->last_seq || ev->data_len != len)
		return -EPROTO;
	s->last_seq = ev->seq;
	return 0;
}

static void uevent_close(struct kc_ctx *c)
{
	struct uevent_state *s = c->priv;

	if (s->trigger_fd >= 0)
		close(s->trigger_fd);
	if (s->sock >= 0)
		close(s->sock);
	free(s);
	c->priv = NULL;
}

static int uevent_open(struct kc_ctx *c)
{
	struct uevent_state *s = calloc(1, sizeof(*s));
	int rc;

	if (!s)
		return -ENOMEM;
	c->priv = s;
	s->sock = listen_socket();
	s->trigger_fd = open(KCOMM_UEVENT_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	if (s->sock < 0 || s->trigger_fd < 0) {
		rc = s->sock < 0 ? s->sock : -errno;
		uevent_close(c);
		return rc;
	}
	return 0;
}

static int uevent_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp)
{
	struct uevent_state *s = c->priv;
	struct uev ev;
	int rc = trigger_and_wait(s, c->size, &ev);

	if (rc)
		return rc;
	memcpy(buf, ev.data, ev.data_len);
	*kstamp = ev.stamp;
	return 0;
}

static int uevent_notify(struct kc_ctx *c, uint64_t *kstamp)
{
	struct uevent_state *s = c->priv;
	struct uev ev;
	int rc = trigger_and_wait(s, 0, &ev);

	if (!rc)
		*kstamp = ev.stamp;
	return rc;
}

static const struct kc_backend uevent_backend = {
	.method = "uevent",
	.variant = "",
	.module = "kcomm_uevent",
	.patterns = KC_K2U | KC_NOTIFY,
	.max_size = KCOMM_UEVENT_DATA_MAX,
	.limit_note = "a uevent's variables share a 2 KiB buffer (UEVENT_BUFFER_SIZE) with the driver core's; "
		      "kcomm_uevent carries at most 1 KiB of data",
	.open = uevent_open,
	.close = uevent_close,
	.recv = uevent_recv,
	.notify = uevent_notify,
};
KC_REGISTER(uevent_backend);
