// SPDX-License-Identifier: GPL-2.0
/*
 * The backend, drill and subcommand lists. KC_REGISTER, KC_DRILLS and KC_SUBCOMMAND put pointers into the
 * kc_backends, kc_drills and kc_subcommands sections; the linker defines __start_/__stop_ symbols around a section only when some
 * object has one, so the symbols are weak and an absent section reads as empty.
 */
#include <stdio.h>
#include <string.h>

#include "core.h"

extern const struct kc_backend *const __start_kc_backends[] __attribute__((weak));
extern const struct kc_backend *const __stop_kc_backends[] __attribute__((weak));
extern const struct kc_subcommand *const __start_kc_subcommands[] __attribute__((weak));
extern const struct kc_subcommand *const __stop_kc_subcommands[] __attribute__((weak));
extern const struct kc_drills *const __start_kc_drills[] __attribute__((weak));
extern const struct kc_drills *const __stop_kc_drills[] __attribute__((weak));

size_t kc_backend_count(void)
{
	if (!__start_kc_backends || !__stop_kc_backends)
		return 0;
	return (size_t)(__stop_kc_backends - __start_kc_backends);
}

const struct kc_backend *kc_backend_at(size_t i)
{
	return i < kc_backend_count() ? __start_kc_backends[i] : NULL;
}

const struct kc_subcommand *kc_subcommand_find(const char *name)
{
	const struct kc_subcommand *const *p;

	if (!__start_kc_subcommands || !__stop_kc_subcommands)
		return NULL;
	for (p = __start_kc_subcommands; p < __stop_kc_subcommands; p++)
		if (*p && strcmp((*p)->name, name) == 0)
			return *p;
	return NULL;
}

int (*kc_backend_drills(const struct kc_backend *be))(struct kc_robust *r)
{
	const struct kc_drills *const *p;

	if (be->robust || !__start_kc_drills || !__stop_kc_drills)
		return be->robust;
	for (p = __start_kc_drills; p < __stop_kc_drills; p++)
		if (*p && strcmp((*p)->method, be->method) == 0 &&
		    strcmp((*p)->variant, be->variant ? be->variant : "") == 0)
			return (*p)->fn;
	return NULL;
}

const struct kc_drills *kc_drills_unmatched(void)
{
	const struct kc_drills *const *p;
	size_t i;

	if (!__start_kc_drills || !__stop_kc_drills)
		return NULL;
	for (p = __start_kc_drills; p < __stop_kc_drills; p++) {
		for (i = 0; i < kc_backend_count(); i++)
			if (kc_backend_drills(kc_backend_at(i)) == (*p)->fn)
				break;
		if (i == kc_backend_count())
			return *p;
	}
	return NULL;
}

const char *kc_backend_id(const struct kc_backend *be, char *buf, size_t len)
{
	if (be->variant && be->variant[0])
		snprintf(buf, len, "%s/%s", be->method, be->variant);
	else
		snprintf(buf, len, "%s", be->method);
	return buf;
}

/* A filter entry "genetlink" selects every genetlink variant; "mmap/ring" selects one. */
bool kc_backend_selected(const struct kc_backend *be, const char *filter)
{
	char id[128];
	const char *p = filter;

	if (!filter || !filter[0])
		return true;
	kc_backend_id(be, id, sizeof(id));
	while (*p) {
		size_t n = strcspn(p, ",");

		if ((strlen(be->method) == n && strncmp(p, be->method, n) == 0) ||
		    (strlen(id) == n && strncmp(p, id, n) == 0))
			return true;
		p += n;
		if (*p == ',')
			p++;
	}
	return false;
}

size_t kc_backend_max_size(const struct kc_backend *be)
{
	return be->max_size ? be->max_size : KC_MAX_SIZE;
}

const char *kc_pattern_name(enum kc_pattern p)
{
	switch (p) {
	case KC_ROUNDTRIP:
		return "roundtrip";
	case KC_U2K:
		return "u2k";
	case KC_K2U:
		return "k2u";
	case KC_NOTIFY:
		return "notify";
	}
	return "unknown";
}
