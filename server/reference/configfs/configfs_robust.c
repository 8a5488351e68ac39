// SPDX-License-Identifier: GPL-2.0
/*
 * configfs_robust.c - robustness drills for kcomm_configfs: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods configfs` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is configfs_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "configfs_user.c"

/* Open an attribute of an item; -errno on failure. */
static int open_attr(const char *item, const char *attr, int flags)
{
	char path[200];
	int fd;

	attr_path(path, sizeof(path), item, attr);
	fd = open(path, flags | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* Read a whole attribute from a fresh open; length or -errno. */
static ssize_t read_attr(const char *item, const char *attr, char *buf, size_t len)
{
	int fd = open_attr(item, attr, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return fd;
	n = pread(fd, buf, len - 1, 0);
	n = n < 0 ? -errno : n;
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static long read_number(const char *item, const char *attr)
{
	char text[32], *end;
	ssize_t n = read_attr(item, attr, text, sizeof(text));
	long v;

	if (n < 0)
		return n;
	errno = 0;
	v = strtol(text, &end, 10);
	return errno || end == text || *end != '\n' ? -EPROTO : v;
}

static void robust_value(struct kc_robust *r, const char *item)
{
	/* A zero-length write never reaches store(): configfs fails it (EFAULT), any error will do. */
	static const struct { const char *text; int err; } bad[] = {
		{ "abc\n", EINVAL }, { "12abc\n", EINVAL }, { "", 0 }, { "\n", EINVAL },
		{ "1 2\n", EINVAL }, { "0x10\n", EINVAL }, { "-1\n", ERANGE }, { "1000001\n", ERANGE },
		{ "99999999999\n", ERANGE },
	};
	char what[96];
	size_t i;
	int fd = open_attr(item, KCOMM_CONFIGFS_VALUE, O_RDWR);

	kc_ok(r, "open value", fd);
	if (fd < 0)
		return;
	kc_ok(r, "value <- 42", store(fd, "42\n", 3));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(what, sizeof(what), "value <- \"%.*s\"", (int)strcspn(bad[i].text, "\n"),
			 bad[i].text);
		kc_bad(r, what, pwrite(fd, bad[i].text, strlen(bad[i].text), 0), bad[i].err);
	}
	kc_ok(r, "a refused write leaves 42", read_number(item, KCOMM_CONFIGFS_VALUE) == 42 ? 0 : -EIO);
	kc_ok(r, "value <- the maximum", store(fd, "1000000", 7));
	kc_ok(r, "value reads back the maximum",
	      read_number(item, KCOMM_CONFIGFS_VALUE) == KCOMM_CONFIGFS_VALUE_MAX ? 0 : -EIO);
	kc_bad(r, "value from an invalid pointer", pwrite(fd, kc_bad_pointer(), 4, 0), EFAULT);
	close(fd);
}

static void robust_msg(struct kc_robust *r, const char *item, char *page)
{
	char back[64];
	ssize_t n;
	int fd = open_attr(item, KCOMM_CONFIGFS_MSG, O_RDWR);

	kc_ok(r, "open msg", fd);
	if (fd < 0)
		return;
	memset(page, 'x', 8192);
	kc_bad(r, "write of 8192 bytes (cut to 4095 by configfs)", pwrite(fd, page, 8192, 0), E2BIG);
	kc_bad(r, "write of 4095 bytes without a newline", pwrite(fd, page, 4095, 0), E2BIG);
	page[KCOMM_CONFIGFS_MSG_MAX - 1] = '\n';
	kc_ok(r, "write of 4095 bytes ending in a newline", store(fd, page, KCOMM_CONFIGFS_MSG_MAX));
	n = pread(fd, page + 4096, 4096, 0);
	kc_ok(r, "it reads back as 4095 bytes", n == KCOMM_CONFIGFS_MSG_MAX ? 0 : -EIO);
	kc_bad(r, "write with an embedded NUL", pwrite(fd, "ab\0cd\n", 6, 0), EINVAL);
	kc_bad(r, "write from an invalid pointer", pwrite(fd, kc_bad_pointer(), 16, 0), EFAULT);
	kc_ok(r, "write \"hello\\n\"", store(fd, "hello\n", 6));
	n = pread(fd, back, sizeof(back), 0);
	kc_ok(r, "reads back \"hello\\n\"", n == 6 && !memcmp(back, "hello\n", 6) ? 0 : -EIO);
	kc_bad(r, "read into an invalid pointer", pread(fd, kc_bad_pointer(), 16, 0), EFAULT);
	kc_ok(r, "read at EOF returns 0", pread(fd, back, sizeof(back), 6) == 0 ? 0 : -EIO);
	kc_ok(r, "read far past EOF returns 0", pread(fd, back, sizeof(back), 1LL << 40) == 0 ? 0 : -EIO);
	close(fd);
}

static void robust_stamp(struct kc_robust *r, const char *item)
{
	uint64_t before = kc_now_ns();
	long v = read_number(item, KCOMM_CONFIGFS_STAMP);

	kc_ok(r, "stamp is a fresh kernel time", v > 0 && (uint64_t)v >= before ? 0 : -EIO);
	kc_bad(r, "open stamp for writing (read-only)", open_attr(item, KCOMM_CONFIGFS_STAMP, O_WRONLY),
	       EACCES);
	kc_bad(r, "open items for writing (read-only)", open(KCOMM_CONFIGFS_ITEMS_PATH, O_WRONLY), EACCES);
}

/* rmdir while a reader has msg open: the rmdir works, the open file then gets ENOENT. */
static void robust_rmdir_while_open(struct kc_robust *r)
{
	char item[128], back[16];
	int fd;

	snprintf(item, sizeof(item), "%s/robust-open", KCOMM_CONFIGFS_PATH);
	kc_ok(r, "mkdir an item", mkdir(item, 0755));
	fd = open_attr(item, KCOMM_CONFIGFS_MSG, O_RDWR);
	kc_ok(r, "open its msg", fd);
	kc_ok(r, "rmdir it while msg is open", rmdir(item));
	if (fd >= 0) {
		kc_bad(r, "read msg of the removed item", pread(fd, back, sizeof(back), 0), ENOENT);
		kc_bad(r, "write msg of the removed item", pwrite(fd, "x\n", 2, 0), ENOENT);
		kc_ok(r, "close it", close(fd));
	}
	kc_bad(r, "the removed item is gone", access(item, F_OK), ENOENT);
}

/* Items: the bound, names configfs refuses, rmdir of what is not ours, what rmmod says. */
static void robust_items(struct kc_robust *r)
{
	char item[128];
	int i, made = 0;
	long before = read_number(KCOMM_CONFIGFS_PATH, KCOMM_CONFIGFS_ITEMS);

	kc_ok(r, "items is a number", before);
	for (i = 0; i < KCOMM_CONFIGFS_ITEMS_MAX + 1; i++) {
		snprintf(item, sizeof(item), "%s/many-%d", KCOMM_CONFIGFS_PATH, i);
		if (mkdir(item, 0755) == 0) {
			made++;
			continue;
		}
		kc_bad(r, "mkdir one item more than the maximum", -1, ENOSPC);
		break;
	}
	kc_ok(r, "mkdir up to the maximum", before + made == KCOMM_CONFIGFS_ITEMS_MAX ? 0 : -EIO);
	kc_ok(r, "items counts them", read_number(KCOMM_CONFIGFS_PATH, KCOMM_CONFIGFS_ITEMS) ==
	      KCOMM_CONFIGFS_ITEMS_MAX ? 0 : -EIO);
	kc_bad(r, "rmmod while items exist", kc_module_unload("kcomm_configfs"), 0);
	for (i = 0; i < made; i++) {
		snprintf(item, sizeof(item), "%s/many-%d", KCOMM_CONFIGFS_PATH, i);
		kc_ok(r, "rmdir it", rmdir(item));
	}
	kc_ok(r, "items is back", read_number(KCOMM_CONFIGFS_PATH, KCOMM_CONFIGFS_ITEMS) == before ?
	      0 : -EIO);
	snprintf(item, sizeof(item), "%s/%s", KCOMM_CONFIGFS_PATH, KCOMM_CONFIGFS_ITEMS);
	kc_bad(r, "rmdir of the items attribute", rmdir(item), ENOTDIR);
	kc_bad(r, "rmdir of the subsystem", rmdir(KCOMM_CONFIGFS_PATH), 0);
	kc_bad(r, "create a regular file in the subsystem",
	       open(KCOMM_CONFIGFS_PATH "/file", O_CREAT | O_WRONLY | O_CLOEXEC, 0644), 0);
}

struct hammer {
	const char *item;
	int rounds;
	int bad;	/* first unexpected errno */
};

/* Writers and readers of one item, at once: each read is some whole line that was written. */
static void *hammer_thread(void *arg)
{
	struct hammer *h = arg;
	char line[64], back[64];
	int i, fd = open_attr(h->item, KCOMM_CONFIGFS_MSG, O_RDWR);

	if (fd < 0) {
		h->bad = -fd;
		return NULL;
	}
	for (i = 0; i < h->rounds && !h->bad; i++) {
		int len = snprintf(line, sizeof(line), "line %d of %p\n", i, (void *)h);
		ssize_t n;

		if (store(fd, line, (size_t)len))
			h->bad = errno ? errno : EIO;
		n = pread(fd, back, sizeof(back), 0);
		if (n < 6 || memcmp(back, "line ", 5) || back[n - 1] != '\n')
			h->bad = EPROTO;
	}
	close(fd);
	return NULL;
}

static void robust_concurrent(struct kc_robust *r)
{
	struct hammer h[4];
	pthread_t t[4];
	char item[128];
	int i, started = 0, bad = 0;

	snprintf(item, sizeof(item), "%s/robust-shared", KCOMM_CONFIGFS_PATH);
	kc_ok(r, "mkdir a shared item", mkdir(item, 0755));
	for (i = 0; i < 4; i++) {
		h[i] = (struct hammer){ .item = item, .rounds = 300 };
		if (pthread_create(&t[i], NULL, hammer_thread, &h[i]) == 0)
			started++;
		else
			break;
	}
	/* Meanwhile, items come and go beside it. */
	for (i = 0; i < 100; i++) {
		char other[128];

		snprintf(other, sizeof(other), "%s/robust-churn-%d", KCOMM_CONFIGFS_PATH, i % 4);
		if (mkdir(other, 0755) < 0 || rmdir(other) < 0)
			bad = bad ? bad : errno;
	}
	for (i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		if (h[i].bad && !bad)
			bad = h[i].bad;
	}
	kc_ok(r, "4 writers and readers of one item while items come and go",
	      started == 4 && !bad ? 0 : -(bad ? bad : EAGAIN));
	kc_ok(r, "rmdir the shared item", rmdir(item));
	kc_drill_open_close_storm(r, KCOMM_CONFIGFS_ITEMS_PATH, 4, 200);
}

static long mkdir_as_nobody(void *arg)
{
	(void)arg;
	return mkdir(KCOMM_CONFIGFS_PATH "/nobody", 0755) < 0 ? -errno : 0;
}

static int configfs_robust(struct kc_robust *r)
{
	char item[128], child[160];
	char *page;
	int rc = ensure_mounted();

	kc_ok(r, "configfs mounted at " KCOMM_CONFIGFS_MOUNT, rc);
	if (rc)
		return 0;
	page = malloc(8192 + 4096);
	if (!page)
		return -ENOMEM;
	snprintf(item, sizeof(item), "%s/robust", KCOMM_CONFIGFS_PATH);
	kc_ok(r, "mkdir an item", mkdir(item, 0755));
	kc_bad(r, "mkdir it again", mkdir(item, 0755), EEXIST);
	robust_value(r, item);
	robust_msg(r, item, page);
	robust_stamp(r, item);
	snprintf(child, sizeof(child), "%s/child", item);
	kc_bad(r, "mkdir inside an item (items have no children)", mkdir(child, 0755), EPERM);
	kc_bad(r, "an unprivileged user makes an item", kc_as_nobody(mkdir_as_nobody, NULL), EACCES);
	kc_ok(r, "rmdir it", rmdir(item));
	kc_bad(r, "rmdir it again", rmdir(item), ENOENT);
	free(page);

	robust_rmdir_while_open(r);
	robust_items(r);
	robust_concurrent(r);
	/* An open attribute pins the module: the unload is refused. */
	kc_drill_rmmod_while_open(r, KCOMM_CONFIGFS_ITEMS_PATH);
	return 0;
}

KC_DRILLS("configfs", "", configfs_robust);
