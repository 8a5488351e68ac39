// SPDX-License-Identifier: GPL-2.0
/*
 * sysctl_user.c - the user side of kcomm_sysctl, as a kcomm harness backend
 *
 * A sysctl is a text file under /proc/sys: write a number, read it back (roundtrip), or read a value
 * the kernel produces at the read (k2u: /proc/sys/kcomm/stamp). One number per file, so the only size
 * measured is 8 bytes; the cost is the system call plus a parse each way. sysctl(8) does the same
 * (`sysctl -w kcomm.value=42`, `sysctl kcomm.stamp`).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_sysctl.h"

/* value and stamp, one number each; the roundtrip's numbers stay within the bounds. */
static int sysctl_open(struct kc_ctx *c)
{
	return kc_numfiles_open(c, KCOMM_SYSCTL_VALUE_PATH, KCOMM_SYSCTL_STAMP_PATH, KCOMM_SYSCTL_VALUE_MAX);
}

static const struct kc_backend sysctl_backend = {
	.method = "sysctl",
	.variant = "",
	.module = "kcomm_sysctl",
	.patterns = KC_ROUNDTRIP | KC_K2U,
	.min_size = 8,
	.max_size = 8,
	.limit_note = "a sysctl carries one number as text; sysctl(8) and sysctl.conf set it",
	.open = sysctl_open,
	.close = kc_numfiles_close,
	.roundtrip = kc_numfiles_roundtrip,
	.recv = kc_numfiles_recv,
};
KC_REGISTER(sysctl_backend);
