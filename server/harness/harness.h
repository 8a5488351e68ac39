/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kcomm harness: the contract between the shared core (timing loop, statistics, JSON output, module
 * loading, robustness bookkeeping) and the per-method backends.
 *
 * A backend is the user-space side of one method (and variant). It lives beside its kernel module in
 * server/reference/<method>/ (stock backends, which need no module, live in server/harness/stock/) and
 * registers itself with KC_REGISTER(); the core finds every registered backend through a linker section,
 * so adding a method never means editing a central list.
 *
 * A backend only does one message at a time. The core owns the clock, the warm-up, the sample count,
 * the percentiles and the output, so every method is measured the same way.
 */
#ifndef KCOMM_HARNESS_H
#define KCOMM_HARNESS_H

#include <stddef.h>
#include <stdint.h>

enum kc_pattern {
	KC_ROUNDTRIP = 1 << 0,	/* user sends N bytes, the kernel answers with N bytes */
	KC_U2K = 1 << 1,	/* user streams messages into the kernel */
	KC_K2U = 1 << 2,	/* the kernel produces, user consumes; one-way latency from a kernel stamp */
	KC_NOTIFY = 1 << 3,	/* wake-up with no payload */
};

#define KC_MAX_SIZE (1u << 20)	/* 1 MiB: the largest size any profile asks for */

struct kc_backend;
struct kcomm_msg_stats;	/* kcomm_msg.h: what a module counted of the messages it received */

struct kc_ctx {
	const struct kc_backend *be;
	void *priv;			/* the backend's own state, set in open() */
	size_t size;			/* message size of the point being measured */
	enum kc_pattern pattern;	/* pattern of the point being measured */
	/*
	 * Set by recv() when the message is not in buf: where the received bytes lie (a zero-copy ring's
	 * record), valid until the next recv(); and how many bytes arrived when fewer than c->size did (a
	 * file that holds less). The core reads every received byte there (the consumer's verification
	 * pass) and counts only bytes that arrived. Both are reset before each recv().
	 */
	const void *rx;
	size_t rx_len;
	/*
	 * Set by notify(): kc_now_ns() just before the call that sleeps until the event (read(), poll(),
	 * sigtimedwait(), recv()) and just after it returned. The latency is woke_ns - the kernel's stamp;
	 * an event stamped before wait_ns is an error (the waiter was not asleep, see kcomm_notify.h).
	 * Both are reset before each notify().
	 */
	uint64_t wait_ns, woke_ns;
};

/* Bookkeeping for the robustness mode: how many bad inputs were tried, how many misbehaved. */
struct kc_robust {
	const struct kc_backend *be;
	unsigned int tried;
	unsigned int failed;
};

struct kc_backend {
	const char *method;	/* catalogue id, e.g. "genetlink" */
	const char *variant;	/* "" or the variant id, e.g. "ring" */
	const char *module;	/* module name (file <module>.ko), NULL for stock backends */
	int stock;		/* 1: uses only interfaces every kernel has (the stock profile) */
	/*
	 * 1: a measuring baseline, not a way to use its method (server/harness/min/: the least a module
	 * can do for the same messages). Measured like any backend; the advice and charts leave it out.
	 */
	int baseline;
	unsigned int patterns;	/* KC_* bitmask of what it supports */
	size_t min_size;	/* smallest message (a k2u/notify stamp needs 8 bytes); 0 = 0 */
	size_t max_size;	/* largest message it carries; 0 = KC_MAX_SIZE */
	const char *limit_note;	/* why max_size is what it is; recorded in the dataset notes */
	/* KC_* patterns on which the kernel moves no payload (/dev/null): such a point reports no MB/s. */
	unsigned int no_copy;
	/* KC_ROUNDTRIP only: the answer is not the request echoed back, so the core cannot check it. */
	int answer_differs;

	/* Once per backend run, after the module is loaded. 0 or -errno. */
	int (*open)(struct kc_ctx *c);
	void (*close)(struct kc_ctx *c);
	/* Before and after each measured point; c->size and c->pattern are set. Optional. */
	int (*prepare)(struct kc_ctx *c);
	void (*finish)(struct kc_ctx *c);

	/* One message each; return 0 or -errno. buf holds c->size bytes (never less than 64). */
	int (*roundtrip)(struct kc_ctx *c, void *buf);
	int (*send)(struct kc_ctx *c, const void *buf);
	/* Receive one kernel-produced message; *kstamp = the kernel's ktime_get_ns() when produced. */
	int (*recv)(struct kc_ctx *c, void *buf, uint64_t *kstamp);
	/*
	 * Make the kernel notify, wait for the wake-up; *kstamp = ktime_get_ns() when the kernel fired,
	 * which it does KCOMM_NOTIFY_DELAY_NS after the trigger (kcomm_notify.h); set c->wait_ns and
	 * c->woke_ns around the wait call. A notify point carries no payload: the core measures it once
	 * per backend with c->size = 0.
	 */
	int (*notify)(struct kc_ctx *c, uint64_t *kstamp);
	/*
	 * Optional, for modules that verify what they receive (kcomm_msg.h): the counts of the receiver
	 * that c->pattern's messages go to (roundtrip, u2k). The core reads them before and after the
	 * measured messages and adds what they lost, damaged or reordered to the point. 0 or -errno.
	 */
	int (*rx_stats)(struct kc_ctx *c, struct kcomm_msg_stats *out);

	/*
	 * Throw bad input at the module (module loaded, nothing opened). Record each case with kc_bad/kc_ok.
	 * Reference backends keep their drills in <method>_robust.c and register them with KC_DRILLS instead,
	 * so that <method>_user.c reads as a plain client.
	 */
	int (*robust)(struct kc_robust *r);
};

#define KC_REGISTER(b)                                                        \
	static const struct kc_backend *const kc_reg_##b                      \
		__attribute__((used, section("kc_backends"), aligned(sizeof(void *)))) = &(b)

/*
 * The robustness drills of the backend of method and variant ("" for none), from a file of their own:
 * KC_DRILLS("chardev", "", chardev_robust) serves as that backend's robust().
 */
struct kc_drills {
	const char *method;
	const char *variant;
	int (*fn)(struct kc_robust *r);
};

#define KC_DRILLS(method_, variant_, fn_)                                     \
	static const struct kc_drills kc_drills_##fn_ = { method_, variant_, fn_ }; \
	static const struct kc_drills *const kc_drillsreg_##fn_               \
		__attribute__((used, section("kc_drills"), aligned(sizeof(void *)))) = &kc_drills_##fn_

/*
 * A backend that needs a program entry point (the usermodehelper backend: the kernel upcalls
 * `kcomm-harness umh-helper ARGS`) registers a subcommand. fn gets argv with argv[0] = name and
 * returns the exit status. Names must not clash with the core's (list, run, robust).
 */
struct kc_subcommand {
	const char *name;
	int (*fn)(int argc, char **argv);
};

#define KC_SUBCOMMAND(name_, fn_)                                             \
	static const struct kc_subcommand kc_sub_##fn_ = { name_, fn_ };      \
	static const struct kc_subcommand *const kc_subreg_##fn_              \
		__attribute__((used, section("kc_subcommands"), aligned(sizeof(void *)))) = &kc_sub_##fn_

/* Absolute path of the running harness binary (for upcalls), "" if unknown. */
const char *kc_self_path(void);

/* CLOCK_MONOTONIC in ns: the same clock as the kernel's ktime_get_ns(). */
uint64_t kc_now_ns(void);

/*
 * Robustness records. ret is what the call returned (libc style: -1 with errno set, or a negative
 * errno from a backend helper). kc_bad: the input is bad, the call must fail; expect_errno 0 = any
 * error is fine, otherwise that errno is required. kc_ok: the call must succeed (ret >= 0).
 * Both count one tried input and print a line when the expectation is not met.
 */
void kc_bad(struct kc_robust *r, const char *what, long ret, int expect_errno);
void kc_ok(struct kc_robust *r, const char *what, long ret);

/*
 * A user pointer the kernel must reject with EFAULT: NULL, laundered so that the compiler's nonnull
 * checks (read(fd, NULL, n) is a -Werror=nonnull error) cannot see it. Pass it where a buffer belongs.
 * kc_bad_address() launders any other address the same way, such as these (x86-64):
 */
void *kc_bad_pointer(void);
void *kc_bad_address(uintptr_t addr);
#define KC_ADDR_FIRST_PAGE 0x10ul		/* in page 0, which is never mapped, but not NULL */
#define KC_ADDR_KERNEL_TEXT 0xffffffff81000000ul	/* the kernel's text without KASLR */
#define KC_ADDR_DIRECT_MAP 0xffff888000000000ul	/* the kernel's direct map of physical memory */

/* Shared robustness drills for anything with a device or file node. */
void kc_drill_open_close_storm(struct kc_robust *r, const char *path, int threads, int rounds);
/* Holds path open and tries to unload the module: must be refused (EBUSY/EAGAIN) or be safe. */
void kc_drill_rmmod_while_open(struct kc_robust *r, const char *path);

/* A write that must fail: text, written whole at offset 0, fails with err (0: with any error). */
struct kc_bad_write {
	const char *text;
	int err;
};
/* Each of n writes to fd (a file called name in the records) must fail as it says. */
void kc_drill_bad_writes(struct kc_robust *r, const char *name, int fd, const struct kc_bad_write *w, size_t n);
/*
 * threads threads each open path for writing and write text rounds times (at offset 0, or where a stream
 * is); every write must succeed.
 */
void kc_drill_concurrent_writes(struct kc_robust *r, const char *path, const char *text, int threads, int rounds);

/*
 * Runs fn(arg) in a child process, for drills that need their own signal handlers, threads that exit
 * or other credentials. fn returns 0 or -errno (or calls _exit() with 0 or a positive errno itself);
 * the result is libc style for kc_bad/kc_ok: 0, or -1 with errno = fn's error (ECHILD if the child
 * did not exit normally). kc_as_nobody first drops to an unprivileged user (uid/gid 65534, no
 * supplementary groups, hence no capabilities), for drills that check a permission.
 */
long kc_in_child(long (*fn)(void *arg), void *arg);
long kc_as_nobody(long (*fn)(void *arg), void *arg);
/* open(path, flags) as that unprivileged user: 0, or -1 with errno (EACCES where the mode says no). */
long kc_open_as_nobody(const char *path, int flags);

/* Module loading for backends that need a second module or a reload; 0 or -errno. name is the file
 * name without .ko, looked up in the --module-dir; unload waits briefly while the module is busy. */
int kc_module_load(const char *name);
/* The same with module parameters ("value=42 max=500"): how a drill checks a refused load-time value. */
int kc_module_load_args(const char *name, const char *args);
int kc_module_unload(const char *name);

/*
 * A file holding one number as text (sysfs, /sys/module/<m>/parameters, /proc/sys), at offset 0:
 * read a decimal u64 ending in a newline, or write text whole. 0 or -errno (-EPROTO: not a number).
 */
int kc_text_read_u64(int fd, uint64_t *v);
/* The line a module shows its message counts in (KCOMM_MSG_STATS_FMT), from the file at path. */
int kc_text_read_rx_stats(const char *path, struct kcomm_msg_stats *out);
/* Robustness, after writing garbage as a message: the rx_stats file parses and counts a corrupt one. */
void kc_drill_rx_stats_corrupt(struct kc_robust *r, const char *path);
int kc_text_write(int fd, const char *text);
/*
 * A backend whose message is one such number (sysctl, module parameters): open() calls
 * kc_numfiles_open() with its value file (read-write), its stamp file (read-only, the kernel's
 * ktime_get_ns() at the read) and the largest value to write; the rest are its close, roundtrip
 * (write the next number, read it back) and recv (read the stamp).
 */
int kc_numfiles_open(struct kc_ctx *c, const char *value_path, const char *stamp_path, uint64_t max);
void kc_numfiles_close(struct kc_ctx *c);
int kc_numfiles_roundtrip(struct kc_ctx *c, void *buf);
int kc_numfiles_recv(struct kc_ctx *c, void *buf, uint64_t *kstamp);

/*
 * Writes text whole to the file at path (open, one write(), close): a sysfs, debugfs or proc attribute
 * that takes a whole value per write. write(), not pwrite(): a debugfs_create_u32() file is not seekable
 * (simple_attr_open() calls nonseekable_open()). 0 or -errno (-EIO: a short write).
 */
int kc_text_write_path(const char *path, const char *text);

/*
 * A file that hands out whole records and returns 0 when it holds no more (a relay buffer file):
 * kc_read_record() reads exactly len bytes, 0 or -errno (-ENODATA: nothing there, -EPROTO: part of a
 * record); kc_drain() reads and throws away whatever it holds.
 */
int kc_read_record(int fd, void *buf, size_t len);
void kc_drain(int fd);

/*
 * Netlink, for drills that send malformed requests: sends msg (len bytes, nlmsg_len as the caller set
 * it, NLM_F_ACK expected in it) on the netlink socket fd to the kernel and returns its verdict: 0 (the
 * ACK), -errno (an NLMSG_ERROR), or -EAGAIN when nothing came back within the socket's receive timeout
 * (the kernel dropped the message). Replies before the ACK are skipped.
 */
int kc_netlink_transact(int fd, const void *msg, size_t len);

/* Extra dataset note from a backend (e.g. a limit discovered at run time). */
void kc_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* KCOMM_HARNESS_H */
