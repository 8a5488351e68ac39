// SPDX-License-Identifier: GPL-2.0
/*
 * mmap_robust.c - robustness drills for kcomm_mmap: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods mmap` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is mmap_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "mmap_user.c"

static void *produce_loop(void *arg)
{
	int fd = *(int *)arg;
	struct kcomm_mmap_produce req = { .count = 64, .len = 4096 };
	int i;

	for (i = 0; i < 200; i++) {
		req.count = 64;
		if (ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req) < 0 && errno != ENOSPC)
			break;
	}
	return NULL;
}

static long map_try(int fd, size_t len, int prot, int flags, off_t off)
{
	void *m = mmap(NULL, len, prot, flags, fd, off);

	if (m == MAP_FAILED)
		return -1;
	munmap(m, len);
	return 0;
}

static int ring_robust(struct kc_robust *r)
{
	const size_t len = KCOMM_MMAP_RING_MAP_SIZE;
	struct kcomm_mmap_produce req;
	struct kcomm_mmap_ring_hdr *h;
	uint32_t bad_len = KCOMM_MMAP_RING_MAX_REC + 1;
	void *m, *m2, *grown;
	pthread_t t;
	int fd;

	fd = open_dev(KCOMM_MMAP_RING_DEV, O_RDWR);
	kc_ok(r, "open ring", fd);
	if (fd < 0)
		return fd;

	/* The mapping must be exactly the ABI's. */
	kc_bad(r, "mmap ring, one page short", map_try(fd, len - 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0),
	       EINVAL);
	kc_bad(r, "mmap ring, one page too long", map_try(fd, len + 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0),
	       EINVAL);
	kc_bad(r, "mmap ring at offset 4096", map_try(fd, len, PROT_READ | PROT_WRITE, MAP_SHARED, 4096), EINVAL);
	kc_bad(r, "mmap ring MAP_PRIVATE", map_try(fd, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0), EINVAL);
	kc_bad(r, "mmap ring PROT_EXEC", map_try(fd, len, PROT_READ | PROT_EXEC, MAP_SHARED, 0), EPERM);

	m = map_dev(fd, len, PROT_READ | PROT_WRITE);
	kc_ok(r, "mmap ring", m ? 0 : -1);
	if (!m) {
		close(fd);
		return -EIO;
	}
	h = m;
	kc_bad(r, "mprotect ring PROT_EXEC", mprotect(m, 4096, PROT_READ | PROT_EXEC), 0);
	grown = mremap(m, len, len + 4096, 0);
	kc_bad(r, "mremap ring larger in place", grown == MAP_FAILED ? -1 : 0, 0);
	grown = mremap(m, len, len + (1 << 20), MREMAP_MAYMOVE);
	kc_bad(r, "mremap ring larger, may move", grown == MAP_FAILED ? -1 : 0, 0);
	if (grown != MAP_FAILED)
		m = grown;	/* it moved: keep unmapping the right thing */

	/* A second mapping of the same file sees the same pages. */
	m2 = map_dev(fd, len, PROT_READ);
	kc_ok(r, "second mmap of the same ring", m2 ? 0 : -1);

	/* ioctl arguments. */
	req = (struct kcomm_mmap_produce){ .count = 0, .len = 8 };
	kc_bad(r, "PRODUCE count 0", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), EINVAL);
	req = (struct kcomm_mmap_produce){ .count = 1, .len = bad_len };
	kc_bad(r, "PRODUCE len > 1 MiB", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), EINVAL);
	kc_bad(r, "PRODUCE bad pointer", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, (void *)16), EFAULT);
	kc_bad(r, "KICK len > 1 MiB", ioctl(fd, KCOMM_MMAP_RING_KICK, &bad_len), EINVAL);
	kc_bad(r, "KICK bad pointer", ioctl(fd, KCOMM_MMAP_RING_KICK, (void *)16), EFAULT);
	kc_bad(r, "unknown ioctl on ring", ioctl(fd, _IO(KCOMM_MMAP_IOC_MAGIC, 99)), ENOTTY);

	/* Fill it: the kernel stops at full and says so, it never overwrites unread records. */
	req = (struct kcomm_mmap_produce){ .count = 1000, .len = KCOMM_MMAP_RING_MAX_REC };
	kc_ok(r, "PRODUCE until full", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req));
	req = (struct kcomm_mmap_produce){ .count = 1, .len = KCOMM_MMAP_RING_MAX_REC };
	kc_bad(r, "PRODUCE into a full ring", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), ENOSPC);
	if (m2)
		kc_ok(r, "second mapping sees the records",
		      ((struct kcomm_mmap_ring_hdr *)m2)->head == h->head ? 0 : -1);

	/* A consumer that scribbles a nonsense tail must not make the kernel overwrite or overrun. */
	__atomic_store_n(&h->tail, h->head + 12345, __ATOMIC_RELEASE);
	req = (struct kcomm_mmap_produce){ .count = 1, .len = 8 };
	kc_bad(r, "PRODUCE after user wrote a tail past head", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req), EUCLEAN);
	__atomic_store_n(&h->tail, h->head, __ATOMIC_RELEASE);
	req = (struct kcomm_mmap_produce){ .count = 1, .len = 8 };
	kc_ok(r, "PRODUCE after the tail is sane again", ioctl(fd, KCOMM_MMAP_RING_PRODUCE, &req));

	/* Unmap while the kernel is producing into the buffer, then close with work queued. */
	if (pthread_create(&t, NULL, produce_loop, &fd) == 0) {
		kc_ok(r, "munmap while the kernel produces", munmap(m, len));
		pthread_join(t, NULL);
	} else {
		munmap(m, len);
	}
	m = NULL;
	kc_ok(r, "KICK then close at once", ioctl(fd, KCOMM_MMAP_RING_KICK, &(uint32_t){ 64 }));

	/* Only the second mapping is left now; closing the fd must keep the module pinned through it. */
	close(fd);
	if (m2) {
		long rc = syscall(SYS_delete_module, "kcomm_mmap", O_NONBLOCK);

		/* delete_module(O_NONBLOCK) on a module still in use fails with EWOULDBLOCK (EAGAIN). */
		kc_bad(r, "rmmod kcomm_mmap while a mapping is live (fd closed)", rc, EAGAIN);
		kc_ok(r, "read the live mapping after the refused unload",
		      ((volatile struct kcomm_mmap_ring_hdr *)m2)->data_size == KCOMM_MMAP_RING_DATA_SIZE ? 0 : -1);
		munmap(m2, len);
	}

	/* Fewer rounds than elsewhere: every open of the ring allocates and zeroes its 4 MiB buffer. */
	kc_drill_open_close_storm(r, KCOMM_MMAP_RING_DEV, 4, 50);
	kc_drill_rmmod_while_open(r, KCOMM_MMAP_RING_DEV);
	return 0;
}

static int seq_robust(struct kc_robust *r)
{
	struct kcomm_mmap_seq_start st;
	const size_t len = KCOMM_MMAP_SNAP_MAP_SIZE;
	void *m;
	int fd;

	/* Opened read/write, so that the module's own refusal of writable mappings is what we test. */
	fd = open_dev(KCOMM_MMAP_SEQLOCK_DEV, O_RDWR);
	kc_ok(r, "open seqlock read/write", fd);
	if (fd < 0)
		return fd;
	kc_bad(r, "mmap snapshot PROT_WRITE", map_try(fd, len, PROT_READ | PROT_WRITE, MAP_SHARED, 0), EPERM);
	kc_bad(r, "mmap snapshot PROT_EXEC", map_try(fd, len, PROT_READ | PROT_EXEC, MAP_SHARED, 0), EPERM);
	kc_bad(r, "mmap snapshot wrong length", map_try(fd, 4096, PROT_READ, MAP_SHARED, 0), EINVAL);
	kc_bad(r, "mmap snapshot at offset 4096", map_try(fd, len, PROT_READ, MAP_SHARED, 4096), EINVAL);
	kc_bad(r, "mmap snapshot MAP_PRIVATE", map_try(fd, len, PROT_READ, MAP_PRIVATE, 0), EINVAL);
	m = map_dev(fd, len, PROT_READ);
	kc_ok(r, "mmap snapshot read-only", m ? 0 : -1);
	if (m)
		kc_bad(r, "mprotect snapshot PROT_WRITE", mprotect(m, 4096, PROT_READ | PROT_WRITE), 0);

	st = (struct kcomm_mmap_seq_start){ .len = KCOMM_MMAP_SNAP_MAX + 1, .period_us = 100 };
	kc_bad(r, "SEQ_START len > max", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	st = (struct kcomm_mmap_seq_start){ .len = 64, .period_us = 0 };
	kc_bad(r, "SEQ_START period 0", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	/* The documented bounds, both ends: 10 us and 1 s accepted, one beyond refused. */
	st.period_us = KCOMM_MMAP_SEQ_PERIOD_MIN - 1;
	kc_bad(r, "SEQ_START period below the minimum", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	st.period_us = KCOMM_MMAP_SEQ_PERIOD_MAX + 1;
	kc_bad(r, "SEQ_START period above the maximum", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EINVAL);
	st.period_us = KCOMM_MMAP_SEQ_PERIOD_MAX;
	kc_ok(r, "SEQ_START period at the maximum (1 s)", ioctl(fd, KCOMM_MMAP_SEQ_START, &st));
	kc_ok(r, "SEQ_STOP a 1 s writer at once", ioctl(fd, KCOMM_MMAP_SEQ_STOP));
	kc_bad(r, "SEQ_START bad pointer", ioctl(fd, KCOMM_MMAP_SEQ_START, (void *)16), EFAULT);
	st = (struct kcomm_mmap_seq_start){ .len = KCOMM_MMAP_SNAP_MAX, .period_us = 10 };
	kc_ok(r, "SEQ_START", ioctl(fd, KCOMM_MMAP_SEQ_START, &st));
	kc_bad(r, "SEQ_START while running", ioctl(fd, KCOMM_MMAP_SEQ_START, &st), EBUSY);
	if (m) {
		/*
		 * Wait for the state, not for a time: the 10 us writer may not run for
		 * milliseconds on a loaded host. Give up after 10 s.
		 */
		volatile struct kcomm_mmap_snap_hdr *h = m;
		int waited_ms = 0;

		while (!h->updates && waited_ms < 10000) {
			usleep(1000);
			waited_ms++;
		}
		kc_ok(r, "snapshot updated", h->updates ? 0 : -1);
	}
	kc_ok(r, "SEQ_STOP", ioctl(fd, KCOMM_MMAP_SEQ_STOP));
	kc_ok(r, "SEQ_STOP again", ioctl(fd, KCOMM_MMAP_SEQ_STOP));
	/* Close with the writer running and the mapping live: release runs at munmap and stops it. */
	kc_ok(r, "SEQ_START again", ioctl(fd, KCOMM_MMAP_SEQ_START, &st));
	close(fd);
	usleep(1000);
	if (m)
		kc_ok(r, "munmap snapshot while the writer runs", munmap(m, len));

	kc_drill_open_close_storm(r, KCOMM_MMAP_SEQLOCK_DEV, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_MMAP_SEQLOCK_DEV);
	return 0;
}

static int lock_robust(struct kc_robust *r)
{
	struct kcomm_mmap_lock_hdr *h;
	void *m;
	pid_t pid;
	int fd, fd2;

	fd = open_dev(KCOMM_MMAP_LOCK_DEV, O_RDWR);
	kc_ok(r, "open lock device", fd);
	if (fd < 0)
		return fd;
	kc_bad(r, "mmap lock area PROT_EXEC",
	       map_try(fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_SHARED, 0), EPERM);
	kc_bad(r, "mmap lock area too long",
	       map_try(fd, KCOMM_MMAP_LOCK_MAP_SIZE + 4096, PROT_READ | PROT_WRITE, MAP_SHARED, 0), EINVAL);
	kc_bad(r, "mmap lock area MAP_PRIVATE",
	       map_try(fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, 0), EINVAL);
	m = map_dev(fd, KCOMM_MMAP_LOCK_MAP_SIZE, PROT_READ | PROT_WRITE);
	kc_ok(r, "mmap lock area", m ? 0 : -1);
	h = m;

	kc_bad(r, "UNLOCK without LOCK", ioctl(fd, KCOMM_MMAP_UNLOCK), EPERM);
	kc_ok(r, "LOCK", ioctl(fd, KCOMM_MMAP_LOCK));
	kc_bad(r, "LOCK twice", ioctl(fd, KCOMM_MMAP_LOCK), EDEADLK);
	kc_bad(r, "ECHO while holding the lock", ioctl(fd, KCOMM_MMAP_LOCK_ECHO), EDEADLK);
	fd2 = open_dev(KCOMM_MMAP_LOCK_DEV, O_RDWR);
	if (fd2 >= 0) {
		kc_bad(r, "UNLOCK of a lock another file holds", ioctl(fd2, KCOMM_MMAP_UNLOCK), EPERM);
		close(fd2);
	}
	if (h)
		h->req_len = 0xffffffffu;	/* garbage the kernel must not believe */
	kc_ok(r, "UNLOCK", ioctl(fd, KCOMM_MMAP_UNLOCK));
	kc_bad(r, "ECHO with req_len beyond the area", ioctl(fd, KCOMM_MMAP_LOCK_ECHO), EINVAL);
	kc_bad(r, "unknown ioctl on lock device", ioctl(fd, _IO(KCOMM_MMAP_IOC_MAGIC, 99)), ENOTTY);

	/* A process that dies holding the lock must not block everyone else. */
	pid = fork();
	if (pid == 0) {
		int cfd = open(KCOMM_MMAP_LOCK_DEV, O_RDWR | O_CLOEXEC);

		_exit(cfd >= 0 && ioctl(cfd, KCOMM_MMAP_LOCK) == 0 ? 0 : 1);
	}
	if (pid > 0) {
		int status = 0;

		waitpid(pid, &status, 0);
		kc_ok(r, "child took the lock and exited", WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1);
		/* If the lock were leaked this would block until the harness watchdog interrupts it. */
		kc_ok(r, "LOCK after the holder died", ioctl(fd, KCOMM_MMAP_LOCK));
		ioctl(fd, KCOMM_MMAP_UNLOCK);
	}
	if (h)
		h->req_len = 0;
	if (m)
		munmap(m, KCOMM_MMAP_LOCK_MAP_SIZE);
	close(fd);

	kc_drill_open_close_storm(r, KCOMM_MMAP_LOCK_DEV, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_MMAP_LOCK_DEV);
	return 0;
}

KC_DRILLS("mmap", "ring", ring_robust);
KC_DRILLS("mmap", "seqlock", seq_robust);
KC_DRILLS("mmap", "ioctl-lock", lock_robust);
