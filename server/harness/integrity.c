// SPDX-License-Identifier: GPL-2.0
/*
 * Equal work per message: a producer in user space writes every byte of each message (kc_fill), a
 * consumer reads every byte it received (kc_verify when it knows what was sent, kc_checksum when it does
 * not). The pattern is cheap to make and to check, 64 bits at a time, and depends on the sequence number
 * in the first 8 bytes, so a lost, repeated, reordered or torn message shows.
 */
#include <errno.h>
#include <string.h>

#include "core.h"

#define KC_MIX 0x9e3779b97f4a7c15ull

static inline uint64_t word_at(uint64_t seq, size_t i)
{
	return (seq * KC_MIX) ^ (uint64_t)i;
}

void kc_fill(void *buf, size_t size, uint64_t seq)
{
	unsigned char *p = buf;
	size_t i, words = size / 8;
	uint64_t w;

	if (size < 8) {
		memset(p, (int)(seq & 0xff), size);
		return;
	}
	memcpy(p, &seq, 8);
	for (i = 1; i < words; i++) {
		w = word_at(seq, i);
		memcpy(p + 8 * i, &w, 8);
	}
	for (i = words * 8; i < size; i++)
		p[i] = (unsigned char)(seq + i);
}

int kc_verify(const void *buf, size_t size, uint64_t seq, uint64_t *got)
{
	const unsigned char *p = buf;
	size_t i, words = size / 8;
	uint64_t w, bad = 0;

	if (size < 8) {
		*got = seq;	/* too short to carry a number: only the content can be checked */
		for (i = 0; i < size; i++)
			bad |= p[i] ^ (seq & 0xff);
		return bad ? -EBADMSG : 0;
	}
	/* Checked against the number it carries, so another intact message is told from a torn one. */
	memcpy(got, p, 8);
	for (i = 1; i < words; i++) {
		memcpy(&w, p + 8 * i, 8);
		bad |= w ^ word_at(*got, i);
	}
	for (i = words * 8; i < size; i++)
		bad |= p[i] ^ (unsigned char)(*got + i);
	if (bad)
		return -EBADMSG;
	return *got == seq ? 0 : -ESTALE;
}

uint64_t kc_checksum(const void *buf, size_t size)
{
	const unsigned char *p = buf;
	size_t i, words = size / 8;
	uint64_t w, sum = 0;

	for (i = 0; i < words; i++) {
		memcpy(&w, p + 8 * i, 8);
		sum = (sum ^ w) * KC_MIX;
	}
	for (i = words * 8; i < size; i++)
		sum = (sum ^ p[i]) * KC_MIX;
	return sum;
}
