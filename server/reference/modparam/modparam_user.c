// SPDX-License-Identifier: GPL-2.0
/*
 * modparam_user.c - the user side of kcomm_modparam, as a kcomm harness backend
 *
 * A module parameter is a text file under /sys/module/<module>/parameters/: write a number, read it
 * back (roundtrip: the set callback parses and checks it, the get callback prints it), or read a value
 * the kernel produces at the read (k2u: stamp). One number per file, so the only size measured is 8
 * bytes. A shell does the same with `echo 42 > .../value` and `cat .../stamp`; at load time the value
 * comes from `modprobe kcomm_modparam value=42` or a modprobe.d options line.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "kcomm_modparam.h"

#define WRITERS		4
#define WRITER_ROUNDS	200

/* value and stamp, one number each; the roundtrip's numbers stay within the default max. */
static int modparam_open(struct kc_ctx *c)
{
	return kc_numfiles_open(c, KCOMM_MODPARAM_VALUE_PATH, KCOMM_MODPARAM_STAMP_PATH,
				KCOMM_MODPARAM_MAX_DEFAULT);
}

static const struct kc_backend modparam_backend = {
	.method = "modparam",
	.variant = "",
	.module = KCOMM_MODPARAM_MODULE,
	.patterns = KC_ROUNDTRIP | KC_K2U,
	.min_size = 8,
	.max_size = 8,
	.limit_note = "a module parameter carries one value as text; modprobe options and sysfs set it",
	.open = modparam_open,
	.close = kc_numfiles_close,
	.roundtrip = kc_numfiles_roundtrip,
	.recv = kc_numfiles_recv,
};
KC_REGISTER(modparam_backend);
