// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_usermodehelper - the kernel starts a user-space program (an upcall)
 *
 * What this sample shows
 *   call_usermodehelper(): the kernel runs a program, as root, and passes it
 *   data on its command line. Two sysfs attributes under
 *   /sys/kernel/kcomm_usermodehelper/ drive it:
 *
 *   helper   rw  absolute path of the program (validated)
 *   trigger  wo  "exec" or "proc": run the helper now with
 *                argv = { helper, "umh-helper", "<ktime_get_ns()>" }
 *   status   ro  result of the last upcall
 *
 *   The time from the kernel's stamp to the helper running is the cost of
 *   an upcall; the kcomm backend measures it (notify pattern).
 *
 * When to choose an upcall, and when not
 *   For rare events that need a program to act, where no daemon should have
 *   to sit and wait: loading a module on demand (modprobe_path), writing a
 *   core dump to a pipe (core_pattern "|..."), hotplug in early days
 *   (uevent_helper), request-key, NFS idmapping, orderly poweroff. Not for
 *   anything frequent or fast: each call creates a process and exec()s a
 *   binary, milliseconds of work. Not when a daemon exists: send it an
 *   event (netlink, uevent, poll() on sysfs) instead - it can keep state,
 *   run unprivileged and be sandboxed.
 *
 * What the helper gets
 *   It is a child of a kernel thread: root with full capabilities, in the
 *   init namespaces (mount, PID, network, user) whatever namespace the
 *   triggering task was in, with cwd "/", no open file descriptors (not
 *   even 0, 1, 2), and only the environment we pass. The path is resolved
 *   in the init mount namespace.
 *
 * Security
 *   Whoever controls the helper path or its argv runs code as full root:
 *   this is why modprobe_path and core_pattern are favourite targets of
 *   exploits, and why CONFIG_STATIC_USERMODEHELPER can force every upcall
 *   through one fixed binary. So the helper attribute is root-only (0644),
 *   the path must be absolute (no lookup through a PATH or a cwd), short,
 *   and free of control characters and spaces; the arguments are generated
 *   by the kernel, never copied from user input. A real driver uses a fixed
 *   path or a root-only module parameter.
 *
 * The waits
 *   UMH_NO_WAIT    queue the work and return at once. argv/envp must then
 *                  outlive the call: allocate them and free them in the
 *                  cleanup callback of call_usermodehelper_setup(). Usable
 *                  from atomic context (with GFP_ATOMIC allocation).
 *   UMH_WAIT_EXEC  return when exec() succeeded or failed: the error from
 *                  exec (e.g. ENOENT, EACCES, ENOEXEC) is returned.
 *   UMH_WAIT_PROC  return when the helper exited; the result is its raw
 *                  wait status (as from waitpid()), 0 for exit code 0.
 *   UMH_KILLABLE   (or'ed in) lets a fatal signal interrupt the wait, so a
 *                  hung helper cannot make the writer unkillable. The
 *                  call then returns while the helper may not have been
 *                  exec'ed yet: the worker still reads path, argv and envp,
 *                  so they must not live on the caller's stack. Like
 *                  call_modprobe(), we kmalloc() them and free them in the
 *                  cleanup callback, which runs when the worker is done.
 *   Waiting ones sleep: process context only, here the store() of trigger.
 *   During suspend/resume and early boot upcalls are disabled (EBUSY).
 *
 * Execution context and locking
 *   show()/store() run in process context and may sleep; they can run
 *   concurrently, so the helper path is protected by a mutex. trigger copies
 *   the path under the mutex and calls the helper without holding it: an
 *   upcall takes milliseconds and several may run at once.
 *
 * Unloading while user space holds a file open
 *   As for any sysfs file: removal waits for running show()/store() and
 *   makes later calls fail with ENODEV. A store() blocked in UMH_WAIT_PROC
 *   therefore delays rmmod until the helper exits (or the writer is killed).
 *   A helper already started is an ordinary process and does not depend on
 *   the module.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/umh.h>

#include "kcomm_usermodehelper.h"

static struct kobject *kcomm_kobj;

static DEFINE_MUTEX(helper_lock);		/* protects helper_path */
static char helper_path[KCOMM_UMH_PATH_MAX];	/* "" = no helper */

static atomic_t last_status = ATOMIC_INIT(0);

/* --- helper ------------------------------------------------------------- */

static bool helper_path_valid(const char *path, size_t len)
{
	size_t i;

	if (len == 0 || len >= KCOMM_UMH_PATH_MAX || path[0] != '/')
		return false;
	for (i = 0; i < len; i++) {
		/* Printable ASCII, no space: no control or shell characters. */
		if (path[i] <= ' ' || path[i] > '~')
			return false;
	}
	return true;
}

static ssize_t helper_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	ssize_t ret;

	mutex_lock(&helper_lock);
	ret = sysfs_emit(buf, "%s\n", helper_path);
	mutex_unlock(&helper_lock);
	return ret;
}

static ssize_t helper_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	size_t len = count;

	if (len && buf[len - 1] == '\n')
		len--;
	/* An empty line clears the helper; anything else must be valid. */
	if (len && !helper_path_valid(buf, len))
		return -EINVAL;

	mutex_lock(&helper_lock);
	memcpy(helper_path, buf, len);
	helper_path[len] = '\0';
	mutex_unlock(&helper_lock);
	return count;
}

/* --- trigger and status ------------------------------------------------- */

/*
 * Everything the worker reads, in one allocation: freed by umh_args_free()
 * when the helper has been exec'ed (or failed to be), whoever waits for it.
 */
struct umh_args {
	char *argv[4];
	char *envp[3];
	char path[KCOMM_UMH_PATH_MAX];
	char arg[sizeof(KCOMM_UMH_HELPER_ARG)];
	char stamp[24];	/* a u64 in decimal is at most 20 digits */
};

static void umh_args_free(struct subprocess_info *info)
{
	kfree(container_of(info->argv, struct umh_args, argv[0]));
}

static ssize_t trigger_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	struct subprocess_info *info;
	struct umh_args *a;
	int wait, ret;

	if (sysfs_streq(buf, KCOMM_UMH_WAIT_EXEC))
		wait = UMH_WAIT_EXEC;
	else if (sysfs_streq(buf, KCOMM_UMH_WAIT_PROC))
		wait = UMH_WAIT_PROC;
	else
		return -EINVAL;

	/*
	 * Not on this stack: with UMH_KILLABLE, a writer killed before the
	 * helper is exec'ed returns from call_usermodehelper_exec() while the
	 * worker still reads path and argv (see "The waits" above).
	 */
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;

	/* Copy under the lock, call without it: upcalls are slow. */
	mutex_lock(&helper_lock);
	strscpy(a->path, helper_path, sizeof(a->path));
	mutex_unlock(&helper_lock);
	if (!a->path[0]) {
		kfree(a);
		return -ENOENT;
	}
	strscpy(a->arg, KCOMM_UMH_HELPER_ARG, sizeof(a->arg));
	snprintf(a->stamp, sizeof(a->stamp), "%llu", ktime_get_ns());
	a->argv[0] = a->path;
	a->argv[1] = a->arg;
	a->argv[2] = a->stamp;
	a->argv[3] = NULL;
	/* Only what we choose: nothing of the writer's environment leaks in. */
	a->envp[0] = "HOME=/";
	a->envp[1] = "PATH=/sbin:/bin:/usr/sbin:/usr/bin";
	a->envp[2] = NULL;

	info = call_usermodehelper_setup(a->path, a->argv, a->envp, GFP_KERNEL,
					 NULL, umh_args_free, NULL);
	if (!info) {
		kfree(a);
		return -ENOMEM;
	}
	/* From here the cleanup callback owns a, on every path. */
	ret = call_usermodehelper_exec(info, wait | UMH_KILLABLE);
	atomic_set(&last_status, ret);
	if (ret < 0)
		return ret;
	if (ret > 0)	/* UMH_WAIT_PROC: the helper exited non-zero */
		return -EIO;
	return count;
}

static ssize_t status_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%d\n", atomic_read(&last_status));
}

static struct kobj_attribute helper_attr = __ATTR_RW(helper);
static struct kobj_attribute trigger_attr = __ATTR_WO(trigger);
static struct kobj_attribute status_attr = __ATTR_RO(status);

static struct attribute *kcomm_attrs[] = {
	&helper_attr.attr,
	&trigger_attr.attr,
	&status_attr.attr,
	NULL,
};

static const struct attribute_group kcomm_group = {
	.attrs = kcomm_attrs,
};

/* --- setup and teardown ------------------------------------------------- */

static int __init kcomm_umh_init(void)
{
	int ret;

	kcomm_kobj = kobject_create_and_add(KCOMM_UMH_DIR, kernel_kobj);
	if (!kcomm_kobj)
		return -ENOMEM;

	ret = sysfs_create_group(kcomm_kobj, &kcomm_group);
	if (ret)
		goto out_put_kobj;

	pr_info("ready: %s\n", KCOMM_UMH_PATH);
	return 0;

out_put_kobj:
	kobject_put(kcomm_kobj);
	return ret;
}

static void __exit kcomm_umh_exit(void)
{
	/* Waits for a trigger store() in flight, i.e. for its upcall. */
	sysfs_remove_group(kcomm_kobj, &kcomm_group);
	kobject_put(kcomm_kobj);
}

module_init(kcomm_umh_init);
module_exit(kcomm_umh_exit);

MODULE_DESCRIPTION("kcomm reference: upcall to a user-space helper with call_usermodehelper");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
