/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * kcomm_mmap.h - the ABI of the kcomm mmap sample, shared by the module and user space.
 *
 * Three misc devices, one per way of sharing memory:
 *
 *   /dev/kcomm_mmap_ring     lock-free single-producer/single-consumer record ring (kernel -> user)
 *   /dev/kcomm_mmap_seqlock  a snapshot the kernel rewrites under a seqcount (kernel -> user)
 *   /dev/kcomm_mmap_lock     a shared area guarded by a lock user space takes with ioctl()
 *
 * Everything here is fixed-size, pointer-free and laid out identically for 32- and 64-bit user
 * space (explicit padding, 64-bit fields 8-byte aligned), so no compat_ioctl translation is needed.
 * Every mapping must be MAP_SHARED, at offset 0, with exactly the length given here.
 */
#ifndef KCOMM_MMAP_H
#define KCOMM_MMAP_H

#include <linux/types.h>
#include <linux/ioctl.h>

#define KCOMM_MMAP_RING_DEV	"/dev/kcomm_mmap_ring"
#define KCOMM_MMAP_SEQLOCK_DEV	"/dev/kcomm_mmap_seqlock"
#define KCOMM_MMAP_LOCK_DEV	"/dev/kcomm_mmap_lock"

/* layout unit; the module refuses to build if PAGE_SIZE differs */
#define KCOMM_MMAP_PAGE		4096u

/* ---------------- ring ------------------------------------------------------------------------ */

/*
 * Mapping: one header page, then KCOMM_MMAP_RING_DATA_SIZE bytes of records.
 * head and tail are free-running byte counters (they wrap at 2^32); the position in the data area
 * is counter & (KCOMM_MMAP_RING_DATA_SIZE - 1). They sit on separate cache lines so the producer
 * and the consumer do not bounce one line between CPUs.
 *
 *   head: written only by the kernel (store-release), read by user space (load-acquire).
 *   tail: written only by user space (store-release), read by the kernel (load-acquire).
 *
 * The kernel never trusts anything else it reads from the mapping: its own copy of head is private
 * and a tail that is not between (head - DATA_SIZE) and head makes it refuse to produce (-EUCLEAN).
 */
struct kcomm_mmap_ring_hdr {
	__u32 head;		/* producer: bytes published so far */
	__u32 data_offset;	/* where the data area starts in the mapping (KCOMM_MMAP_PAGE) */
	__u32 data_size;	/* KCOMM_MMAP_RING_DATA_SIZE, a power of two */
	__u32 dropped;		/* records the kernel could not publish because the ring was full */
	__u8 pad0[48];
	__u32 tail;		/* consumer: bytes released so far */
	__u8 pad1[60];
};

/*
 * A record never wraps around the end of the data area, so the consumer can always read it in
 * place. When it would not fit before the end, the kernel writes a PAD record covering the rest and
 * starts again at 0. Records start on KCOMM_MMAP_REC_ALIGN boundaries; the consumer advances tail
 * by KCOMM_MMAP_REC_SPAN(len).
 */
struct kcomm_mmap_rec {
	__u32 len;		/* payload bytes after this header */
	__u32 flags;		/* KCOMM_MMAP_REC_PAD: skip, no payload meaning */
	__u64 stamp_ns;		/* ktime_get_ns() when the kernel wrote the record */
};

#define KCOMM_MMAP_REC_PAD		1u
#define KCOMM_MMAP_REC_ALIGN		16u
#define KCOMM_MMAP_REC_SPAN(len) \
	(((__u32)sizeof(struct kcomm_mmap_rec) + (len) + KCOMM_MMAP_REC_ALIGN - 1) & \
	 ~(KCOMM_MMAP_REC_ALIGN - 1))

/* 4 MiB: holds at least three 1 MiB records */
#define KCOMM_MMAP_RING_DATA_SIZE	(4u << 20)
#define KCOMM_MMAP_RING_MAX_REC		(1024u * 1024)
#define KCOMM_MMAP_RING_MAP_SIZE	(KCOMM_MMAP_PAGE + KCOMM_MMAP_RING_DATA_SIZE)

/* KCOMM_MMAP_RING_PRODUCE: write up to count records of len bytes now, in the calling thread. */
struct kcomm_mmap_produce {
	/* in: records wanted (>= 1); out: records written (stops when full) */
	__u32 count;
	__u32 len;		/* payload bytes per record, 0..KCOMM_MMAP_RING_MAX_REC */
};

/* ---------------- seqlock --------------------------------------------------------------------- */

/*
 * Mapping (read-only): one header page, then the snapshot data. seq is even while the snapshot is
 * stable and odd while the kernel rewrites it. A reader copies, then checks seq did not change.
 */
struct kcomm_mmap_snap_hdr {
	__u32 seq;
	__u32 len;		/* valid data bytes in this snapshot */
	__u64 stamp_ns;		/* ktime_get_ns() when this snapshot was written */
	__u64 updates;		/* snapshots written since KCOMM_MMAP_SEQ_START */
	__u8 pad[40];
};

#define KCOMM_MMAP_SNAP_MAX		(64u << 10)
#define KCOMM_MMAP_SNAP_MAP_SIZE	(KCOMM_MMAP_PAGE + KCOMM_MMAP_SNAP_MAX)

/* KCOMM_MMAP_SEQ_START: a kernel thread rewrites the snapshot every period_us. */
struct kcomm_mmap_seq_start {
	__u32 len;		/* snapshot bytes, 0..KCOMM_MMAP_SNAP_MAX */
	__u32 period_us;	/* KCOMM_MMAP_SEQ_PERIOD_MIN..KCOMM_MMAP_SEQ_PERIOD_MAX */
};

#define KCOMM_MMAP_SEQ_PERIOD_MIN	10u		/* 10 us */
#define KCOMM_MMAP_SEQ_PERIOD_MAX	1000000u	/* 1 s */

/* ---------------- ioctl-lock ------------------------------------------------------------------ */

/*
 * Mapping (read/write): one header page, then a request area and a response area. The area is
 * shared by every process that opens the device; touch it only between KCOMM_MMAP_LOCK and
 * KCOMM_MMAP_UNLOCK.
 */
struct kcomm_mmap_lock_hdr {
	__u32 req_len;		/* bytes of request, written by user space */
	__u32 resp_len;		/* bytes of response, written by the kernel */
	__u64 generation;	/* bumped by the kernel on every unlock and every echo */
	__u8 pad[48];
};

#define KCOMM_MMAP_LOCK_AREA		(1024u * 1024)
#define KCOMM_MMAP_LOCK_REQ_OFF		KCOMM_MMAP_PAGE
#define KCOMM_MMAP_LOCK_RESP_OFF	(KCOMM_MMAP_PAGE + KCOMM_MMAP_LOCK_AREA)
#define KCOMM_MMAP_LOCK_MAP_SIZE	(KCOMM_MMAP_PAGE + 2 * KCOMM_MMAP_LOCK_AREA)

/* ---------------- ioctl numbers --------------------------------------------------------------- */

#define KCOMM_MMAP_IOC_MAGIC	0xb6

#define KCOMM_MMAP_RING_PRODUCE	_IOWR(KCOMM_MMAP_IOC_MAGIC, 1, struct kcomm_mmap_produce)
/*
 * One record of len bytes (the argument), written KCOMM_NOTIFY_DELAY_NS later (kcomm_notify.h) by a
 * work item; poll() wakes.
 */
#define KCOMM_MMAP_RING_KICK	_IOW(KCOMM_MMAP_IOC_MAGIC, 2, __u32)

#define KCOMM_MMAP_SEQ_START	_IOW(KCOMM_MMAP_IOC_MAGIC, 3, struct kcomm_mmap_seq_start)
#define KCOMM_MMAP_SEQ_STOP	_IO(KCOMM_MMAP_IOC_MAGIC, 4)

#define KCOMM_MMAP_LOCK		_IO(KCOMM_MMAP_IOC_MAGIC, 5)
#define KCOMM_MMAP_UNLOCK	_IO(KCOMM_MMAP_IOC_MAGIC, 6)
/* The kernel takes the lock itself, copies the request to the response area, releases the lock. */
#define KCOMM_MMAP_LOCK_ECHO	_IO(KCOMM_MMAP_IOC_MAGIC, 7)

#endif /* KCOMM_MMAP_H */
