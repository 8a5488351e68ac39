// SPDX-License-Identifier: GPL-2.0
/*
 * signal_robust.c - robustness drills for kcomm_signal: bad input from user space
 * that the module must refuse cleanly (an errno, never an oops, a warning or a
 * leak), and the races and teardowns it must survive. Each case is recorded
 * with kc_ok()/kc_bad(); `kcomm-harness robust --methods signal` runs them
 * with the module loaded, then checks the kernel log.
 *
 * The client is signal_user.c. It is included here, for its helpers, so that
 * it reads and builds on its own; KC_DRILLS() hands the drills to the harness.
 */
#include "signal_user.c"

static long reg_sig(int dev, int signo)
{
	struct kcomm_signal_reg reg = { .signo = signo };

	return ioctl(dev, KCOMM_SIGNAL_REGISTER, &reg);
}

static long trigger(int dev, __u32 from, __u64 delay_ns)
{
	struct kcomm_signal_trigger tr = { .from = from, .delay_ns = delay_ns };

	return ioctl(dev, KCOMM_SIGNAL_TRIGGER, &tr);
}

/* O_ASYNC on dev, owned by this process, with signo instead of SIGIO: 0 or -errno. */
static int fasync_on(int dev, int signo)
{
	int fl = fcntl(dev, F_GETFL);

	if (fl < 0 || fcntl(dev, F_SETOWN, getpid()) < 0 || fcntl(dev, F_SETSIG, signo) < 0 ||
	    fcntl(dev, F_SETFL, fl | O_ASYNC) < 0)
		return -errno;
	return 0;
}

/* The fasync signal: signo with si_code POLL_IN and si_fd = dev, within ms. */
static int fasync_arrives(const sigset_t *set, int signo, int dev, int ms)
{
	siginfo_t info;
	int s = sig_wait(set, &info, ms);

	if (s < 0)
		return s;
	return s == signo && info.si_code == POLL_IN && info.si_fd == dev ? 0 : -EPROTO;
}

struct lone_thread {
	int dev, signo;
	sigset_t set;
};

/* The only thread left once main() has exited: a signal for "the process" must still reach it. */
static void *lone_thread_fn(void *arg)
{
	struct lone_thread *t = arg;
	int rc = 0;

	if (trigger(t->dev, KCOMM_SIGNAL_FROM_FASYNC, 0) < 0)
		rc = errno;
	else if (fasync_arrives(&t->set, t->signo, t->dev, 2000) < 0)
		rc = ETIMEDOUT;
	_exit(rc);
}

/*
 * fasync, the in-tree way: process-wide delivery. In a child whose main thread sets up O_ASYNC, starts
 * a thread and exits, the remaining thread must get the signal (send_sig_info() to the exited leader
 * would queue it on a zombie thread: lost). Runs in a child (kc_in_child).
 */
static long fasync_after_leader_exit(void *signo_p)
{
	static struct lone_thread t;
	pthread_t th;

	t.signo = *(int *)signo_p;
	sigemptyset(&t.set);
	sigaddset(&t.set, t.signo);
	pthread_sigmask(SIG_BLOCK, &t.set, NULL);	/* inherited by the thread */
	t.dev = open(KCOMM_SIGNAL_DEV, O_RDWR | O_CLOEXEC);
	if (t.dev < 0 || fasync_on(t.dev, t.signo) < 0)
		return errno ? -errno : -EIO;
	if (pthread_create(&th, NULL, lone_thread_fn, &t) != 0)
		return -EAGAIN;
	pthread_exit(NULL);	/* the leader goes; the process lives on in the thread, which _exit()s */
}

static void sig_robust_fasync(struct kc_robust *r, const sigset_t *set, int signo)
{
	int dev = open(KCOMM_SIGNAL_DEV, O_RDWR | O_CLOEXEC);

	kc_ok(r, "open for fasync", dev);
	if (dev < 0)
		return;
	kc_ok(r, "TRIGGER fasync with no O_ASYNC owner", trigger(dev, KCOMM_SIGNAL_FROM_FASYNC, 0));
	kc_bad(r, "no signal without O_ASYNC", sig_wait(set, NULL, 100), EAGAIN);
	kc_ok(r, "F_SETOWN + F_SETSIG + O_ASYNC", fasync_on(dev, signo));
	kc_ok(r, "TRIGGER fasync", trigger(dev, KCOMM_SIGNAL_FROM_FASYNC, 0));
	kc_ok(r, "fasync signal arrives with POLL_IN and si_fd", fasync_arrives(set, signo, dev, 1000));
	kc_ok(r, "O_ASYNC off", fcntl(dev, F_SETFL, fcntl(dev, F_GETFL) & ~O_ASYNC));
	kc_ok(r, "TRIGGER fasync after O_ASYNC off", trigger(dev, KCOMM_SIGNAL_FROM_FASYNC, 0));
	kc_bad(r, "no signal after O_ASYNC off", sig_wait(set, NULL, 100), EAGAIN);
	/* Close with O_ASYNC on: __fput() removes the owner before release() frees the list head. */
	kc_ok(r, "O_ASYNC on again", fasync_on(dev, signo));
	close(dev);
	kc_ok(r, "fasync reaches a process whose main thread exited", kc_in_child(fasync_after_leader_exit, &signo));
}

static int sig_robust(struct kc_robust *r)
{
	struct kcomm_signal_reg reg;
	sigset_t set, saved;
	siginfo_t info;
	int dev, signo = kc_signo();
	uint64_t before;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, signo);
	pthread_sigmask(SIG_BLOCK, &set, &saved);

	dev = open(KCOMM_SIGNAL_DEV, O_RDWR | O_CLOEXEC);
	kc_ok(r, "open signal device", dev);
	if (dev < 0) {
		pthread_sigmask(SIG_SETMASK, &saved, NULL);
		return -errno;
	}

	/* Only real-time signals: standard ones coalesce and carry no value; 0 and > max are not signals. */
	kc_bad(r, "REGISTER signal 0", reg_sig(dev, 0), EINVAL);
	kc_bad(r, "REGISTER SIGKILL", reg_sig(dev, SIGKILL), EINVAL);
	kc_bad(r, "REGISTER SIGUSR1 (not real-time)", reg_sig(dev, SIGUSR1), EINVAL);
	kc_bad(r, "REGISTER signal 65", reg_sig(dev, 65), EINVAL);
	kc_bad(r, "REGISTER signal -1", reg_sig(dev, -1), EINVAL);
	kc_bad(r, "REGISTER signal 100000", reg_sig(dev, 100000), EINVAL);
	reg = (struct kcomm_signal_reg){ .signo = signo, .pad = 1 };
	kc_bad(r, "REGISTER with pad set", ioctl(dev, KCOMM_SIGNAL_REGISTER, &reg), EINVAL);
	kc_bad(r, "REGISTER bad pointer", ioctl(dev, KCOMM_SIGNAL_REGISTER, (void *)16), EFAULT);
	kc_bad(r, "unknown ioctl", ioctl(dev, _IO(KCOMM_SIGNAL_IOC_MAGIC, 99)), ENOTTY);

	kc_bad(r, "TRIGGER unregistered", trigger(dev, KCOMM_SIGNAL_FROM_IOCTL, 0), ENOTCONN);
	kc_bad(r, "TRIGGER timer unregistered", trigger(dev, KCOMM_SIGNAL_FROM_HRTIMER, 0), ENOTCONN);

	kc_ok(r, "REGISTER a real-time signal", reg_sig(dev, signo));
	kc_bad(r, "TRIGGER from 9", trigger(dev, 9, 0), EINVAL);
	kc_bad(r, "TRIGGER delay > 1 s", trigger(dev, KCOMM_SIGNAL_FROM_HRTIMER, 5000000000ull), EINVAL);
	kc_bad(r, "TRIGGER bad pointer", ioctl(dev, KCOMM_SIGNAL_TRIGGER, (void *)16), EFAULT);

	before = kc_now_ns();
	kc_ok(r, "TRIGGER from ioctl", trigger(dev, KCOMM_SIGNAL_FROM_IOCTL, 0));
	kc_ok(r, "signal arrives with a stamp in si_value",
	      sig_wait(&set, &info, 1000) == signo && info.si_code == SI_QUEUE &&
	      (uint64_t)(uintptr_t)info.si_value.sival_ptr >= before ? 0 : -1);
	kc_ok(r, "TRIGGER from hrtimer", trigger(dev, KCOMM_SIGNAL_FROM_HRTIMER, 1000));
	kc_ok(r, "signal from the hrtimer arrives", sig_wait(&set, &info, 1000) == signo ? 0 : -1);
	kc_ok(r, "UNREGISTER", ioctl(dev, KCOMM_SIGNAL_UNREGISTER));
	kc_bad(r, "TRIGGER after UNREGISTER", trigger(dev, KCOMM_SIGNAL_FROM_IOCTL, 0), ENOTCONN);

	/*
	 * A registered process that exited: the module holds its struct pid, finds no task and says
	 * ESRCH - and can never hit an unrelated process that reused the number.
	 */
	pid = fork();
	if (pid == 0)
		_exit(reg_sig(dev, signo) == 0 ? 0 : 1);
	if (pid > 0) {
		int status = 0;

		waitpid(pid, &status, 0);
		kc_ok(r, "child registered and exited", WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1);
		kc_bad(r, "TRIGGER for an exited process", trigger(dev, KCOMM_SIGNAL_FROM_IOCTL, 0), ESRCH);
		kc_bad(r, "TRIGGER timer for an exited process", trigger(dev, KCOMM_SIGNAL_FROM_HRTIMER, 0), ESRCH);
	}

	/* Close with a timer pending: release() cancels it, no signal may arrive afterwards. */
	kc_ok(r, "REGISTER again", reg_sig(dev, signo));
	kc_ok(r, "TRIGGER timer in 200 ms", trigger(dev, KCOMM_SIGNAL_FROM_HRTIMER, 200000000ull));
	close(dev);
	kc_bad(r, "no signal after closing with a timer pending", sig_wait(&set, &info, 400), EAGAIN);
	sig_drain(&set);
	sig_robust_fasync(r, &set, signo);
	sig_drain(&set);
	pthread_sigmask(SIG_SETMASK, &saved, NULL);

	kc_drill_open_close_storm(r, KCOMM_SIGNAL_DEV, 4, 200);
	kc_drill_rmmod_while_open(r, KCOMM_SIGNAL_DEV);
	return 0;
}

KC_DRILLS("signal", "", sig_robust);
