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
#include "kcomm_msg.h"	/* the message pattern, shared with the modules that verify what they receive */

void kc_fill(void *buf, size_t size, uint64_t seq)
{
	kcomm_msg_fill(buf, size, seq);
}

int kc_verify(const void *buf, size_t size, uint64_t seq, uint64_t *got)
{
	const unsigned char *p = buf;
	uint64_t bad = 0;
	__u64 carried;
	size_t i;

	if (size < 8) {
		*got = seq;	/* too short to carry a number: only the content can be checked */
		for (i = 0; i < size; i++)
			bad |= p[i] ^ (seq & 0xff);
		return bad ? -EBADMSG : 0;
	}
	/* Checked against the number it carries, so another intact message is told from a torn one. */
	if (kcomm_msg_check(buf, size, &carried))
		return -EBADMSG;
	*got = carried;
	return *got == seq ? 0 : -ESTALE;
}

uint64_t kc_checksum(const void *buf, size_t size)
{
	const unsigned char *p = buf;
	size_t i, words = size / 8;
	uint64_t w, sum = 0;

	for (i = 0; i < words; i++) {
		memcpy(&w, p + 8 * i, 8);
		sum = (sum ^ w) * KCOMM_MSG_MIX;
	}
	for (i = words * 8; i < size; i++)
		sum = (sum ^ p[i]) * KCOMM_MSG_MIX;
	return sum;
}
