// SPDX-License-Identifier: GPL-2.0
/*
 * relay_robust.c - robustness drills for kcomm_relay: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods relay` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is relay_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "relay_user.c"

/* The program's request (ioctl), as relay_user.c makes it. */
static int request(int fd, unsigned int count, size_t size)
{
	struct kcomm_relay_produce req = { .count = count, .size = (uint32_t)size };

	return produce(fd, &req);
}

/* The shell's request: "COUNT SIZE\n" written to the same file. */
static int request_text(int fd, unsigned int count, size_t size)
{
	char cmd[32];
	int len = snprintf(cmd, sizeof(cmd), "%u %zu\n", count, size);
	ssize_t n = write(fd, cmd, (size_t)len);

	if (n < 0)
		return -errno;
	return n == len ? 0 : -EIO;
}

static long read_lost(void)
{
	char text[32];
	int fd = open(KCOMM_RELAY_LOST_PATH, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	text[n] = '\0';
	return strtol(text, NULL, 10);
}

/* The cpuN files map: the whole buffer read-only, and a record written now is visible in it. */
static void relay_drill_mmap(struct kc_robust *r, struct relay_state *s)
{
	const size_t len = (size_t)KCOMM_RELAY_SUBBUF_SIZE * KCOMM_RELAY_N_SUBBUFS;
	struct kcomm_relay_record hdr;
	uint64_t before, after;
	size_t off;
	int found = 0;
	char *m;

	m = mmap(NULL, len - 4096, PROT_READ, MAP_SHARED, s->cpu_fd, 0);
	kc_bad(r, "mmap cpu0 one page short", m == MAP_FAILED ? -errno : 0, EINVAL);
	if (m != MAP_FAILED)
		munmap(m, len - 4096);
	m = mmap(NULL, len, PROT_READ, MAP_SHARED, s->cpu_fd, 0);
	kc_ok(r, "mmap cpu0, the whole buffer read-only", m == MAP_FAILED ? -errno : 0);
	if (m == MAP_FAILED)
		return;
	kc_drain(s->cpu_fd);
	before = kc_now_ns();
	kc_ok(r, "produce one 48-byte record", request(s->produce_fd, 1, 48));
	after = kc_now_ns();
	for (off = 0; off + sizeof(hdr) <= len && !found; off += 4) {
		memcpy(&hdr, m + off, sizeof(hdr));
		found = hdr.size == 48 && hdr.stamp_ns >= before && hdr.stamp_ns <= after;
	}
	kc_ok(r, "the record is visible in the mapping", found ? 0 : -ENODATA);
	munmap(m, len);
	kc_drain(s->cpu_fd);
}

struct restart_drill {
	volatile int done;
	unsigned int interrupted;	/* writes that failed with EINTR */
};

static void restart_noop(int sig)
{
	(void)sig;
}

static void *restart_holder(void *arg)
{
	struct restart_drill *d = arg;
	int fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	unsigned int i;

	for (i = 0; fd >= 0 && i < 20; i++)
		request(fd, KCOMM_RELAY_MAX_COUNT, KCOMM_RELAY_SUBBUF_SIZE);
	if (fd >= 0)
		close(fd);
	d->done = 1;
	return NULL;
}

static void *restart_waiter(void *arg)
{
	struct restart_drill *d = arg;
	int fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	unsigned int i;

	/* Both ways in: the text command and the ioctl share the producer's mutex. */
	for (i = 0; fd >= 0 && !d->done; i++)
		if ((i & 1 ? request(fd, 1, 16) : request_text(fd, 1, 16)) == -EINTR)
			d->interrupted++;
	if (fd >= 0)
		close(fd);
	return NULL;
}

/*
 * A writer waiting for produce_lock while another produces, hit by a handled SA_RESTART signal many
 * times: its write must restart (the module returns -ERESTARTSYS), never fail with EINTR. Runs in a
 * child (kc_in_child) so the handler and the threads stay out of the harness.
 */
static long relay_restart_child(void *unused)
{
	static struct restart_drill d;
	struct sigaction sa = { .sa_handler = restart_noop, .sa_flags = SA_RESTART };
	pthread_t holder, waiter;

	(void)unused;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	if (pthread_create(&holder, NULL, restart_holder, &d) ||
	    pthread_create(&waiter, NULL, restart_waiter, &d))
		return -EAGAIN;
	while (!d.done) {
		pthread_kill(waiter, SIGUSR1);
		sched_yield();
	}
	pthread_join(holder, NULL);
	pthread_join(waiter, NULL);
	return d.interrupted ? -EINTR : 0;
}

static int relay_robust(struct kc_robust *r)
{
	static const char *const bad[] = {
		"abc", "0 16", "1 8", "1 15", "1 1048577", "4097 16", "-1 16", "1 -16",
		"99999999999 16", "1", "1 16 extra", "", "\n", "1 16 0123456789012345678901234567890123",
	};
	static const struct kcomm_relay_produce bad_req[] = {
		{ 0, 16 }, { 1, 0 }, { 1, 15 }, { 1, KCOMM_RELAY_SUBBUF_SIZE + 1 },
		{ KCOMM_RELAY_MAX_COUNT + 1, 16 }, { ~0u, 16 }, { 1, ~0u },
	};
	struct kc_ctx c = { .size = 4096 };
	struct kcomm_relay_record hdr;
	char what[96], path[128];
	unsigned int i, whole = 0;
	long lost0, lost1;
	char *buf;
	int fd, cfd, wfd;
	ssize_t n;

	fd = open(KCOMM_RELAY_PRODUCE_PATH, O_WRONLY | O_CLOEXEC);
	kc_ok(r, "open produce", fd < 0 ? -errno : 0);
	if (fd < 0)
		return 0;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "produce <- \"%s\"", bad[i]);
		kc_bad(r, what, write(fd, bad[i], strlen(bad[i])), 0);
	}
	kc_bad(r, "produce from an invalid pointer",
	       write(fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 8), EFAULT);
	for (i = 0; i < sizeof(bad_req) / sizeof(bad_req[0]); i++) {
		snprintf(what, sizeof(what), "PRODUCE {%u, %u}", bad_req[i].count, bad_req[i].size);
		kc_bad(r, what, ioctl(fd, KCOMM_RELAY_IOC_PRODUCE, &bad_req[i]), EINVAL);
	}
	kc_bad(r, "PRODUCE from an invalid pointer", ioctl(fd, KCOMM_RELAY_IOC_PRODUCE, kc_bad_pointer()), EFAULT);
	kc_bad(r, "PRODUCE from a kernel address",
	       ioctl(fd, KCOMM_RELAY_IOC_PRODUCE, kc_bad_address(KC_ADDR_DIRECT_MAP)), EFAULT);
	kc_bad(r, "unknown ioctl", ioctl(fd, _IO(KCOMM_RELAY_MAGIC, 0x7f)), ENOTTY);
	kc_bad(r, "PRODUCE with the wrong direction in the command number",
	       ioctl(fd, _IOR(KCOMM_RELAY_MAGIC, 0x01, struct kcomm_relay_produce), &bad_req[0]), ENOTTY);

	/* Fill a buffer past capacity: losses are counted, nothing breaks. */
	buf = malloc(KCOMM_RELAY_SUBBUF_SIZE);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	c.be = r->be;
	if (relay_open(&c) == 0) {
		struct relay_state *s = c.priv;

		lost0 = read_lost();
		kc_ok(r, "produce 8 x 1 MiB into a 4 x 1 MiB buffer",
		      request(s->produce_fd, 8, KCOMM_RELAY_SUBBUF_SIZE));
		lost1 = read_lost();
		kc_ok(r, "lost counts the dropped records", lost1 > lost0 ? 0 : -EIO);
		while (kc_read_record(s->cpu_fd, buf, KCOMM_RELAY_SUBBUF_SIZE) == 0) {
			memcpy(&hdr, buf, sizeof(hdr));
			if (hdr.size != KCOMM_RELAY_SUBBUF_SIZE)
				break;
			whole++;
		}
		kc_ok(r, "the records that were kept read back whole", whole >= 3 ? 0 : -EIO);
		kc_ok(r, "the shell's command \"1 32\" produces one 32-byte record",
		      request_text(s->produce_fd, 1, 32));
		kc_ok(r, "the record reads back whole", kc_read_record(s->cpu_fd, buf, 32));
		memcpy(&hdr, buf, sizeof(hdr));
		kc_ok(r, "its header says 32 bytes", hdr.size == 32 ? 0 : -EPROTO);
		kc_ok(r, "produce one 16-byte record", request(s->produce_fd, 1, 16));
		/*
		 * relay_file_read() stops at a failed copy_to_user() and returns
		 * what it copied, 0 here, instead of EFAULT; the record stays.
		 */
		n = read(s->cpu_fd, kc_bad_address(KC_ADDR_FIRST_PAGE), 16);
		kc_ok(r, "read into an invalid pointer: 0 or EFAULT", n == 0 || errno == EFAULT ? 0 : -errno);
		kc_ok(r, "the record is still there after the failed read", kc_read_record(s->cpu_fd, buf, 16));
		kc_drain(s->cpu_fd);
		kc_ok(r, "read with nothing buffered returns 0", read(s->cpu_fd, buf, 16) == 0 ? 0 : -EIO);
		/* Mode 0400 does not stop root; the missing .write does. */
		wfd = open(KCOMM_RELAY_PATH "/cpu0", O_WRONLY | O_CLOEXEC);
		if (wfd >= 0) {
			kc_bad(r, "write to a relay file", write(wfd, "x", 1), 0);
			close(wfd);
		}
		relay_drill_mmap(r, s);
		relay_close(&c);
	}
	kc_ok(r, "signals to a writer waiting for the producer restart its write", kc_in_child(relay_restart_child, NULL));
	free(buf);
	close(fd);

	snprintf(path, sizeof(path), KCOMM_RELAY_CPU_FMT, 0u);
	cfd = open(path, O_RDONLY | O_CLOEXEC);
	kc_ok(r, "open cpu0", cfd < 0 ? -errno : 0);
	if (cfd >= 0)
		close(cfd);
	kc_drill_open_close_storm(r, path, 4, 200);
	kc_drill_open_close_storm(r, KCOMM_RELAY_PRODUCE_PATH, 4, 200);
	/* Nothing pins the module while a cpuN file is open: unload succeeds, the file reads what was left. */
	kc_drill_rmmod_while_open(r, path);
	return 0;
}

KC_DRILLS("relay", "", relay_robust);
