// SPDX-License-Identifier: GPL-2.0
/*
 * tracepoint_robust.c - robustness drills for kcomm_tracepoint: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods tracepoint` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is tracepoint_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "tracepoint_user.c"

static void robust_concurrent(struct kc_robust *rb, struct tp_reader *r)
{
	static uint8_t seen[WRITERS * WRITER_ROUNDS];
	uint64_t first = r->last_seq + 1;
	int got = 0, dups = 0, rc;
	struct tp_event ev;

	memset(seen, 0, sizeof(seen));
	kc_drill_concurrent_writes(rb, KCOMM_TP_TRIGGER_PATH, "16\n", WRITERS, WRITER_ROUNDS);
	while ((rc = next_event(r, &ev)) == 0) {
		if (ev.seq < first || ev.seq >= first + sizeof(seen))
			continue;
		if (seen[ev.seq - first]++)
			dups++;
		else
			got++;
		if (ev.seq > r->last_seq)
			r->last_seq = ev.seq;
	}
	kc_ok(rb, "trace_pipe drained", rc == -EAGAIN ? 0 : rc);
	kc_ok(rb, "every concurrent event was recorded once", got == WRITERS * WRITER_ROUNDS && !dups ? 0 : -EPROTO);
}

static void robust_events(struct kc_robust *rb, struct tp_reader *r)
{
	uint64_t before = kc_now_ns(), after;
	char text[8] = "";
	struct tp_event ev;
	size_t i, wrong = 0;
	int fd, rc;

	rc = fire_and_read(r, KCOMM_TP_DATA_MAX, &ev);
	after = kc_now_ns();
	kc_ok(rb, "an event with the largest data is read back", rc);
	if (!rc) {
		for (i = 0; i < ev.len; i++)
			wrong += ev.data[i] != (char)('a' + (ev.seq + i) % 26);
		kc_ok(rb, "its data is the documented pattern", wrong ? -EPROTO : 0);
		kc_ok(rb, "its stamp lies between the write and the read",
		      ev.stamp >= before && ev.stamp <= after ? 0 : -EPROTO);
	}
	/* Enabled in our instance only. */
	fd = open(TOP_ENABLE, O_RDONLY | O_CLOEXEC);
	kc_ok(rb, "the top-level buffer leaves kcomm_msg disabled",
	      fd >= 0 && pread(fd, text, sizeof(text) - 1, 0) > 0 && text[0] == '0' ? 0 : -EPROTO);
	if (fd >= 0)
		close(fd);
	rc = write_file(INSTANCE_ENABLE, "2\n");
	kc_bad(rb, "enable <- \"2\"", rc ? (errno = -rc, -1) : 0, EINVAL);
	rc = write_file(INSTANCE_ENABLE, "abc\n");
	kc_bad(rb, "enable <- \"abc\"", rc ? (errno = -rc, -1) : 0, EINVAL);
	/* Disabled, the trigger still succeeds and nothing is recorded. */
	kc_ok(rb, "disable the event", write_file(INSTANCE_ENABLE, "0\n"));
	kc_ok(rb, "fire while disabled", kc_text_write(r->trigger_fd, "8\n"));
	kc_ok(rb, "a disabled event records nothing", next_event(r, &ev) == -EAGAIN ? 0 : -EPROTO);
	kc_ok(rb, "enable the event again", write_file(INSTANCE_ENABLE, "1\n"));
	r->last_seq++;	/* the event fired while disabled */
}

/* Unload with the event enabled, the pipe and the trigger open; then reload. */
static void robust_unload_in_use(struct kc_robust *rb, struct tp_reader *r)
{
	const char *module = rb->be->module;
	struct tp_event ev;
	int rc = kc_module_unload(module);

	kc_ok(rb, "unload with the event enabled and trace_pipe open", rc == -EBUSY ? 0 : rc);
	if (rc)
		return;
	kc_bad(rb, "the open trigger after the unload", pwrite(r->trigger_fd, "8\n", 2, 0), ENODEV);
	kc_ok(rb, "trace_pipe after the unload is empty, not broken", next_event(r, &ev) == -EAGAIN ? 0 : -EPROTO);
	kc_bad(rb, "the event left the instance", access(INSTANCE EVENT_DIR, F_OK), ENOENT);
	kc_ok(rb, "reload", kc_module_load(module));
	kc_ok(rb, "the event is back in the instance", access(INSTANCE_ENABLE, F_OK));
}

static int tp_robust(struct kc_robust *rb)
{
	static const struct kc_bad_write bad[] = {
		{ "abc\n", EINVAL }, { "-1\n", EINVAL }, { "\n", EINVAL }, { "1 2\n", EINVAL },
		{ "2049\n", EMSGSIZE }, { "99999999999999999999\n", ERANGE },
	};
	struct tp_reader *r = calloc(1, sizeof(*r));
	struct tp_event ev;
	char page[8192];
	int rc;

	if (!r)
		return -ENOMEM;
	rc = reader_open(r, O_NONBLOCK);
	kc_ok(rb, "an instance with kcomm_msg enabled, trace_pipe and trigger open", rc);
	if (rc)
		goto out;
	kc_drill_bad_writes(rb, "trigger", r->trigger_fd, bad, sizeof(bad) / sizeof(bad[0]));
	memset(page, '1', sizeof(page));
	/* sysfs hands a store at most a page: 4096 digits, which do not fit an unsigned int. */
	kc_bad(rb, "trigger <- 8192 digits (more than a page)", pwrite(r->trigger_fd, page, sizeof(page), 0), ERANGE);
	kc_bad(rb, "trigger from an invalid pointer", pwrite(r->trigger_fd, kc_bad_pointer(), 4, 0), EFAULT);
	kc_ok(rb, "zero-length write", pwrite(r->trigger_fd, page, 0, 0));
	kc_ok(rb, "refused triggers record nothing", next_event(r, &ev) == -EAGAIN ? 0 : -EPROTO);
	robust_events(rb, r);
	robust_concurrent(rb, r);
	kc_bad(rb, "an unprivileged user opens trigger for writing",
	       kc_open_as_nobody(KCOMM_TP_TRIGGER_PATH, O_WRONLY), EACCES);
	kc_bad(rb, "an unprivileged user reads trace_pipe", kc_open_as_nobody(INSTANCE_PIPE, O_RDONLY), EACCES);
	robust_unload_in_use(rb, r);
out:
	reader_close(r);
	free(r);
	return 0;
}

KC_DRILLS("tracepoint", "", tp_robust);
