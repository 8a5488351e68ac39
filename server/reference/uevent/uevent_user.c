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

/* --- robustness --------------------------------------------------------- */

/* Without CAP_NET_ADMIN a process may listen to the kernel's group but not send to it. */
static long forge_as_nobody(void *unused)
{
	static const char fake[] = "change@" KCOMM_UEVENT_DEVPATH "\0ACTION=change";
	struct sockaddr_nl to = { .nl_family = AF_NETLINK, .nl_groups = UEVENT_GROUP_KERNEL };
	int fd = listen_socket();
	long ret = 0;

	(void)unused;
	if (fd < 0)
		return fd;
	if (sendto(fd, fake, sizeof(fake), 0, (struct sockaddr *)&to, sizeof(to)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static long listen_as_nobody(void *unused)
{
	int fd = listen_socket();

	(void)unused;
	if (fd < 0)
		return fd;
	close(fd);
	return 0;
}

/* Concurrent triggers: every one becomes exactly one event, none lost, none doubled. */
static void robust_concurrent(struct kc_robust *r, struct uevent_state *s)
{
	static uint8_t seen[WRITERS * WRITER_ROUNDS];
	int got = 0, dups = 0, rc;
	uint64_t first = s->last_seq + 1;
	struct uev ev;

	memset(seen, 0, sizeof(seen));
	kc_drill_concurrent_writes(r, KCOMM_UEVENT_TRIGGER_PATH, "32\n", WRITERS, WRITER_ROUNDS);
	while ((rc = wait_event(s->sock, s->rx, sizeof(s->rx), &ev, 0)) == 0) {
		if (strcmp(ev.action, "change") || ev.seq < first || ev.seq >= first + sizeof(seen))
			continue;
		if (seen[ev.seq - first]++)
			dups++;
		else
			got++;
		if (ev.seq > s->last_seq)
			s->last_seq = ev.seq;
	}
	kc_ok(r, "the listener drained its socket without ENOBUFS", rc == -EAGAIN ? 0 : rc);
	kc_ok(r, "every concurrent trigger arrived once", got == WRITERS * WRITER_ROUNDS && !dups ? 0 : -EPROTO);
}

static void robust_content(struct kc_robust *r, struct uevent_state *s)
{
	uint64_t before = kc_now_ns(), after;
	struct uev ev;
	size_t i, wrong = 0;
	int rc = trigger_and_wait(s, KCOMM_UEVENT_DATA_MAX, &ev);

	after = kc_now_ns();
	kc_ok(r, "an event with the largest data arrives", rc);
	if (rc)
		return;
	for (i = 0; i < ev.data_len; i++)
		wrong += ev.data[i] != (char)('a' + (ev.seq + i) % 26);
	kc_ok(r, "its data is the documented pattern", wrong ? -EPROTO : 0);
	kc_ok(r, "its stamp lies between the write and the receipt",
	      ev.stamp >= before && ev.stamp <= after ? 0 : -EPROTO);
	kc_ok(r, "its SUBSYSTEM is misc", ev.subsystem && !strcmp(ev.subsystem, "misc") ? 0 : -EPROTO);
}

/* The unload emits "remove" for our device, the reload "add": a listener sees the device go and come. */
static void robust_remove_add(struct kc_robust *r, struct uevent_state *s)
{
	int removed = 0, added = 0;
	struct uev ev;

	while (!(removed && added) && wait_event(s->sock, s->rx, sizeof(s->rx), &ev, 2000) == 0) {
		removed |= !strcmp(ev.action, "remove");
		added |= removed && !strcmp(ev.action, "add");
	}
	kc_ok(r, "the listener saw remove then add for the device", removed && added ? 0 : -ENOENT);
}

static int uevent_robust(struct kc_robust *r)
{
	static const struct kc_bad_write bad[] = {
		{ "abc\n", EINVAL }, { "-1\n", EINVAL }, { "\n", EINVAL }, { "1 2\n", EINVAL },
		{ "1025\n", EMSGSIZE }, { "99999999999999999999\n", ERANGE },
	};
	struct uevent_state s = { .sock = -1, .trigger_fd = -1 };
	char page[8192];
	int rc;

	s.sock = listen_socket();
	kc_ok(r, "listen on NETLINK_KOBJECT_UEVENT group 1", s.sock);
	s.trigger_fd = open(KCOMM_UEVENT_TRIGGER_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(r, "open trigger", s.trigger_fd < 0 ? -errno : 0);
	if (s.sock < 0 || s.trigger_fd < 0)
		goto out;

	kc_drill_bad_writes(r, "trigger", s.trigger_fd, bad, sizeof(bad) / sizeof(bad[0]));
	memset(page, '1', sizeof(page));
	/* sysfs hands a store at most a page: 4096 digits, which do not fit an unsigned int. */
	kc_bad(r, "trigger <- 8192 digits (more than a page)", pwrite(s.trigger_fd, page, sizeof(page), 0), ERANGE);
	kc_bad(r, "trigger from an invalid pointer", pwrite(s.trigger_fd, kc_bad_pointer(), 4, 0), EFAULT);
	kc_ok(r, "zero-length write", pwrite(s.trigger_fd, page, 0, 0));
	rc = wait_event(s.sock, s.rx, sizeof(s.rx), &(struct uev){ 0 }, 0);
	kc_ok(r, "refused triggers sent no event", rc == -EAGAIN ? 0 : -EPROTO);
	kc_bad(r, "read the write-only trigger", open(KCOMM_UEVENT_TRIGGER_PATH, O_RDONLY | O_CLOEXEC), 0);

	robust_content(r, &s);
	robust_concurrent(r, &s);

	kc_bad(r, "an unprivileged user opens trigger for writing",
	       kc_open_as_nobody(KCOMM_UEVENT_TRIGGER_PATH, O_WRONLY), EACCES);
	kc_ok(r, "an unprivileged user listens to the kernel's uevents", kc_as_nobody(listen_as_nobody, NULL));
	kc_bad(r, "an unprivileged user sends a forged uevent to the group",
	       kc_as_nobody(forge_as_nobody, NULL), EPERM);

	close(s.trigger_fd);
	s.trigger_fd = -1;
	/* An open trigger does not pin the module: the unload succeeds, the file answers ENODEV. */
	kc_drill_rmmod_while_open(r, KCOMM_UEVENT_TRIGGER_PATH);
	robust_remove_add(r, &s);
out:
	if (s.trigger_fd >= 0)
		close(s.trigger_fd);
	if (s.sock >= 0)
		close(s.sock);
	return 0;
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
	.robust = uevent_robust,
};
KC_REGISTER(uevent_backend);
