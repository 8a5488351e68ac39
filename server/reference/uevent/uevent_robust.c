// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_robust.c - robustness drills for kcomm_uevent: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods uevent` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is uevent_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "uevent_user.c"

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

KC_DRILLS("uevent", "", uevent_robust);
