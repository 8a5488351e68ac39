/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cpu_pin.h - keeping the calling thread on one CPU while a backend reads a per-CPU file (a relay
 * channel's cpuN buffer holds what was produced on CPU N). Include after defining _GNU_SOURCE and
 * including <sched.h>, as the backends that need it do.
 */
#ifndef KCOMM_CPU_PIN_H
#define KCOMM_CPU_PIN_H

#include <errno.h>
#include <sched.h>

/* Runs the calling thread on cpu alone; *saved keeps the affinity to give back. 0 or -errno. */
static inline int kc_pin_cpu(int cpu, cpu_set_t *saved)
{
	cpu_set_t one;

	if (sched_getaffinity(0, sizeof(*saved), saved) < 0)
		return -errno;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	if (sched_setaffinity(0, sizeof(one), &one) < 0)
		return -errno;
	return 0;
}

/* Gives back the affinity kc_pin_cpu() saved. */
static inline void kc_unpin_cpu(const cpu_set_t *saved)
{
	sched_setaffinity(0, sizeof(*saved), saved);
}

#endif /* KCOMM_CPU_PIN_H */
