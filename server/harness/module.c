// SPDX-License-Identifier: GPL-2.0
/*
 * Loading and unloading the reference modules with the raw syscalls (the VM has no kmod tools):
 * finit_module() on <module-dir>/<name>.ko, delete_module() by the module's name.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "core.h"

/* How long a busy module (a socket still being released, an RCU grace period) may take to unload. */
#define KC_UNLOAD_WAIT_MS 3000

static char module_dir[PATH_MAX] = ".";

void kc_module_set_dir(const char *dir)
{
	snprintf(module_dir, sizeof(module_dir), "%s", dir && dir[0] ? dir : ".");
}

const char *kc_module_dir(void)
{
	return module_dir;
}

static void module_path(const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s.ko", module_dir, name);
}

bool kc_module_file_exists(const char *name)
{
	char path[PATH_MAX + 64];
	struct stat st;

	module_path(name, path, sizeof(path));
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int kc_module_load(const char *name)
{
	return kc_module_load_args(name, "");
}

int kc_module_load_args(const char *name, const char *args)
{
	char path[PATH_MAX + 64];
	int fd, rc;

	kc_watchdog_beat();
	module_path(name, path, sizeof(path));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	rc = (int)syscall(SYS_finit_module, fd, args, 0);
	rc = rc < 0 ? -errno : 0;
	close(fd);
	kc_watchdog_beat();
	return rc;
}

int kc_module_unload(const char *name)
{
	char kname[64];
	size_t i;
	int waited = 0;

	/* The kernel names a module after its file with '-' turned into '_'. */
	snprintf(kname, sizeof(kname), "%s", name);
	for (i = 0; kname[i]; i++)
		if (kname[i] == '-')
			kname[i] = '_';
	for (;;) {
		int err;

		kc_watchdog_beat();
		if (syscall(SYS_delete_module, kname, O_NONBLOCK) == 0)
			return 0;
		err = errno;
		if ((err != EBUSY && err != EAGAIN) || waited >= KC_UNLOAD_WAIT_MS)
			return -err;
		nanosleep(&(struct timespec){ .tv_nsec = 50 * 1000000L }, NULL);
		waited += 50;
	}
}
