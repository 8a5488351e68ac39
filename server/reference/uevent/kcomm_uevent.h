/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The user-visible interface of kcomm_uevent.ko, shared by the module and user space.
 *
 * The module owns a misc device, /sys/devices/virtual/misc/kcomm_uevent (class "misc"). Writing a
 * decimal N to its trigger attribute makes it emit one KOBJ_CHANGE uevent on that device, broadcast
 * on NETLINK_KOBJECT_UEVENT (group 1), carrying, besides the variables the driver core adds
 * (ACTION, DEVPATH, SUBSYSTEM, MAJOR, MINOR, DEVNAME, SEQNUM), three of its own:
 *
 *   KCOMM_SEQ=<n>      1, 2, 3 ... per event since the module was loaded
 *   KCOMM_STAMP=<ns>   the kernel's ktime_get_ns() just before the event was built
 *   KCOMM_DATA=<text>  N printable characters, 'a' + (KCOMM_SEQ + i) % 26 for i = 0 .. N-1
 *
 * The netlink message is "change@<DEVPATH>" followed by the KEY=value strings, each ending in a
 * NUL.
 */
#ifndef _KCOMM_UEVENT_H
#define _KCOMM_UEVENT_H

#define KCOMM_UEVENT_NAME		"kcomm_uevent"
#define KCOMM_UEVENT_DEVPATH		"/devices/virtual/misc/" KCOMM_UEVENT_NAME
#define KCOMM_UEVENT_SYSFS		"/sys" KCOMM_UEVENT_DEVPATH
#define KCOMM_UEVENT_TRIGGER_PATH	KCOMM_UEVENT_SYSFS "/trigger"

/*
 * The most KCOMM_DATA may carry. Every variable of one event shares a UEVENT_BUFFER_SIZE
 * (2048-byte) buffer, at most UEVENT_NUM_ENVP (64) of them; the driver core's take about 200 bytes
 * with this DEVPATH, our other two about 70. Half the buffer leaves room to spare: a larger N is
 * refused with EMSGSIZE before anything is built. Anything bigger belongs in a sysfs attribute the
 * event names.
 */
#define KCOMM_UEVENT_DATA_MAX		1024

#define KCOMM_UEVENT_KEY_SEQ		"KCOMM_SEQ="
#define KCOMM_UEVENT_KEY_STAMP		"KCOMM_STAMP="
#define KCOMM_UEVENT_KEY_DATA		"KCOMM_DATA="

#endif /* _KCOMM_UEVENT_H */
