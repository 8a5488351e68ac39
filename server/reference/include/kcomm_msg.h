/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_msg.h - what a kcomm benchmark message looks like, and how its receiver
 * checks it: one definition for the harness (which fills and verifies messages
 * in user space) and for the modules (which verify what user space sent them),
 * so both sides do the same work per byte.
 *
 * A message of n >= 8 bytes starts with its sequence number (a native-endian
 * __u64), and every further 64-bit word i is seq * KCOMM_MSG_MIX ^ i; trailing
 * bytes j are (seq + j) & 0xff. A message of fewer than 8 bytes is n copies of
 * seq & 0xff. The receiver reads every byte: a lost, repeated, reordered or
 * torn message shows, and the content is its own checksum (it derives from the
 * number it carries, so the sender computes no separate sum).
 *
 * A module that receives messages keeps a struct kcomm_msg_stats per receiver
 * and passes every message to kcomm_msg_account(); user space reads the counts
 * back (each module its own way: an ioctl, a file, a netlink reply) and the
 * harness records them with the point. A file shows them as one line of text,
 * KCOMM_MSG_STATS_FMT, which the harness parses with the same format.
 */
#ifndef KCOMM_MSG_H
#define KCOMM_MSG_H

#ifdef __KERNEL__
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/types.h>
#else
#include <stddef.h>
#include <string.h>
#include <linux/types.h>
#endif

#define KCOMM_MSG_MIX	0x9e3779b97f4a7c15ULL

/* What a receiver saw since it was created; one layout for 32 and 64 bit. */
struct kcomm_msg_stats {
	__u64 received;		/* messages accounted */
	__u64 lost;		/* sequence numbers skipped */
	__u64 corrupt;		/* messages whose bytes do not match the number they carry */
	__u64 reordered;	/* intact messages numbered at or below the previous one */
	__u64 last_seq;		/* number of the last intact message (0: none yet) */
};

/*
 * The counts as one line of text, for a receiver behind a file (procfs,
 * debugfs): five numbers of one type, in the order of the struct. The
 * harness parses the same format.
 */
#define KCOMM_MSG_STATS_FMT	"%llu %llu %llu %llu %llu\n"

static inline __u64 kcomm_msg_word(__u64 seq, size_t i)
{
	return (seq * KCOMM_MSG_MIX) ^ (__u64)i;
}

/* Writes every byte of a size-byte message numbered seq (the sender's side). */
static inline void kcomm_msg_fill(void *buf, size_t size, __u64 seq)
{
	unsigned char *p = buf;
	size_t i, words = size / 8;
	__u64 w;

	if (size < 8) {
		memset(p, (int)(seq & 0xff), size);
		return;
	}
	memcpy(p, &seq, 8);
	for (i = 1; i < words; i++) {
		w = kcomm_msg_word(seq, i);
		memcpy(p + 8 * i, &w, 8);
	}
	for (i = words * 8; i < size; i++)
		p[i] = (unsigned char)(seq + i);
}

/*
 * Reads every byte of a size-byte message. Returns 0 when it is intact and
 * sets *seq to the number it carries (for size < 8 only the content can be
 * checked, and *seq is its low byte); 1 when it is corrupt.
 */
static inline int kcomm_msg_check(const void *buf, size_t size, __u64 *seq)
{
	const unsigned char *p = buf;
	size_t i, words = size / 8;
	__u64 w, bad = 0;

	if (size < 8) {
		*seq = size ? p[0] : 0;
		for (i = 0; i < size; i++)
			bad |= p[i] ^ p[0];
		return bad != 0;
	}
	memcpy(seq, p, 8);
	for (i = 1; i < words; i++) {
		memcpy(&w, p + 8 * i, 8);
		bad |= w ^ kcomm_msg_word(*seq, i);
	}
	for (i = words * 8; i < size; i++)
		bad |= p[i] ^ (unsigned char)(*seq + i);
	return bad != 0;
}

/*
 * Checks one received message and counts it. Messages under 8 bytes carry no
 * full number: only their content is checked. The caller serialises calls on
 * one struct (its receive lock).
 */
static inline void kcomm_msg_account(struct kcomm_msg_stats *s, const void *buf, size_t size)
{
	__u64 seq;

	s->received++;
	if (kcomm_msg_check(buf, size, &seq)) {
		s->corrupt++;
		return;
	}
	if (size < 8)
		return;
	if (s->last_seq && seq <= s->last_seq)
		s->reordered++;
	else if (s->last_seq && seq > s->last_seq + 1)
		s->lost += seq - s->last_seq - 1;
	s->last_seq = seq;
}

#ifdef __KERNEL__
/* Prints s as KCOMM_MSG_STATS_FMT; the caller holds the lock its receiver counts under. */
static inline void kcomm_msg_stats_show(struct seq_file *m, const struct kcomm_msg_stats *s)
{
	seq_printf(m, KCOMM_MSG_STATS_FMT, (unsigned long long)s->received,
		   (unsigned long long)s->lost, (unsigned long long)s->corrupt,
		   (unsigned long long)s->reordered, (unsigned long long)s->last_seq);
}
#endif

#endif /* KCOMM_MSG_H */
