// SPDX-License-Identifier: GPL-2.0
/*
 * The JSON writer: builds one record in a growing buffer. Strings are escaped per RFC 8259 and kept valid
 * UTF-8 (kernel log lines and file contents may hold any byte), numbers are always finite.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

void kc_json_init(struct kc_json *j)
{
	*j = (struct kc_json){ 0 };
}

void kc_json_free(struct kc_json *j)
{
	free(j->buf);
	*j = (struct kc_json){ 0 };
}

static void put(struct kc_json *j, const char *s, size_t n)
{
	if (j->oom)
		return;
	if (j->len + n + 1 > j->cap) {
		size_t cap = j->cap ? j->cap : 256;
		char *nb;

		while (j->len + n + 1 > cap)
			cap *= 2;
		nb = realloc(j->buf, cap);
		if (!nb) {
			j->oom = true;
			return;
		}
		j->buf = nb;
		j->cap = cap;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
}

static void puts_(struct kc_json *j, const char *s)
{
	put(j, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if the bytes there are not one. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xe0 && s[0] <= 0xef) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (s[0] == 0xe0 && s[1] < 0xa0)	/* overlong */
			return 0;
		if (s[0] == 0xed && s[1] >= 0xa0)	/* UTF-16 surrogate */
			return 0;
		return 3;
	}
	if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		if ((s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 || (s[3] & 0xc0) != 0x80)
			return 0;
		if (s[0] == 0xf0 && s[1] < 0x90)	/* overlong */
			return 0;
		if (s[0] == 0xf4 && s[1] >= 0x90)	/* above U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

void kc_json_escape(struct kc_json *j, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	char esc[8];

	put(j, "\"", 1);
	while (*s) {
		size_t n;

		switch (*s) {
		case '"':
			puts_(j, "\\\"");
			s++;
			continue;
		case '\\':
			puts_(j, "\\\\");
			s++;
			continue;
		case '\n':
			puts_(j, "\\n");
			s++;
			continue;
		case '\r':
			puts_(j, "\\r");
			s++;
			continue;
		case '\t':
			puts_(j, "\\t");
			s++;
			continue;
		}
		if (*s < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", *s);
			puts_(j, esc);
			s++;
			continue;
		}
		n = utf8_len(s);
		if (n == 0) {
			puts_(j, "\\ufffd");
			s++;
			continue;
		}
		put(j, (const char *)s, n);
		s += n;
	}
	put(j, "\"", 1);
}

static void key(struct kc_json *j, const char *k)
{
	if (j->depth > 0 && j->need_comma[j->depth - 1])
		put(j, ",", 1);
	if (j->depth > 0)
		j->need_comma[j->depth - 1] = true;
	if (k) {
		kc_json_escape(j, k);
		put(j, ":", 1);
	}
}

static void open_(struct kc_json *j, const char *k, const char *bracket)
{
	key(j, k);
	puts_(j, bracket);
	if (j->depth < sizeof(j->need_comma) / sizeof(j->need_comma[0]))
		j->need_comma[j->depth++] = false;
	else
		j->oom = true;	/* deeper than any record needs: a bug, refuse to write it */
}

static void close_(struct kc_json *j, const char *bracket)
{
	if (j->depth > 0)
		j->depth--;
	puts_(j, bracket);
}

void kc_json_obj_begin(struct kc_json *j, const char *k)
{
	open_(j, k, "{");
}

void kc_json_obj_end(struct kc_json *j)
{
	close_(j, "}");
}

void kc_json_arr_begin(struct kc_json *j, const char *k)
{
	open_(j, k, "[");
}

void kc_json_arr_end(struct kc_json *j)
{
	close_(j, "]");
}

void kc_json_str(struct kc_json *j, const char *k, const char *val)
{
	key(j, k);
	kc_json_escape(j, val);
}

void kc_json_u64(struct kc_json *j, const char *k, uint64_t val)
{
	char b[24];

	key(j, k);
	snprintf(b, sizeof(b), "%llu", (unsigned long long)val);
	puts_(j, b);
}

void kc_json_num(struct kc_json *j, const char *k, double val)
{
	char b[48];

	key(j, k);
	if (!isfinite(val) || val == 0)
		val = 0;
	/* Integers print as integers; anything else with enough digits for a latency or a rate. */
	if (fabs(val) < 9e15 && val == floor(val))
		snprintf(b, sizeof(b), "%.0f", val);
	else
		snprintf(b, sizeof(b), "%.9g", val);
	if (strcmp(b, "-0") == 0)
		strcpy(b, "0");
	puts_(j, b);
}

void kc_json_bool(struct kc_json *j, const char *k, bool val)
{
	key(j, k);
	puts_(j, val ? "true" : "false");
}

void kc_json_null(struct kc_json *j, const char *k)
{
	key(j, k);
	puts_(j, "null");
}
