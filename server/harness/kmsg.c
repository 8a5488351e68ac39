// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel log is the robustness verdict's second half: a module can return the right errno and still
 * have oopsed, warned or leaked a refcount on the way. A marker written through /dev/kmsg at the start
 * limits the scan to what happened during this harness run (a VM's boot may warn about its own things).
 */
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <time.h>
#include <unistd.h>

#include "core.h"

#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_SIZE_BUFFER 10
#define KC_KMSG_MAX_LINES 100

static char marker[80];

static const char bad_pattern[] =
	"(^|[^A-Za-z0-9_])(BUG|Oops|WARNING)([^A-Za-z0-9_]|$)"
	"|general protection fault|soft lockup|refcount_t|KASAN|UBSAN|lockdep|INFO: task .* blocked";

bool kc_kmsg_line_is_bad(const char *line)
{
	static regex_t re;
	static int compiled;

	if (!compiled) {
		if (regcomp(&re, bad_pattern, REG_EXTENDED | REG_NOSUB) != 0)
			return false;
		compiled = 1;
	}
	return regexec(&re, line, 0, NULL, 0) == 0;
}

void kc_kmsg_mark(void)
{
	char line[128];
	int fd, n;

	snprintf(marker, sizeof(marker), "kcomm-harness mark %d.%llu", (int)getpid(),
		 (unsigned long long)kc_now_ns());
	fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		marker[0] = '\0';
		return;
	}
	n = snprintf(line, sizeof(line), "<6>%s\n", marker);
	if (write(fd, line, (size_t)n) != n)
		marker[0] = '\0';
	close(fd);
}

/* The whole log buffer, NUL-terminated; NULL if the kernel will not give it to us. */
static char *read_log(void)
{
	int size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	char *buf;
	int n;

	if (size <= 0)
		size = 1 << 20;
	buf = malloc((size_t)size + 1);
	if (!buf)
		return NULL;
	n = klogctl(SYSLOG_ACTION_READ_ALL, buf, size);
	if (n < 0) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

bool kc_kmsg_check(bool as_record)
{
	char *log = read_log(), *from, *line, *save = NULL;
	const char *bad[KC_KMSG_MAX_LINES];
	unsigned int nbad = 0, i;
	struct kc_json j;

	if (!log) {
		kc_note("cannot read the kernel log (klogctl: %m); kernel warnings were not checked");
		if (as_record) {
			kc_record_begin(&j, "kmsg");
			kc_json_bool(&j, "ok", false);
			kc_json_arr_begin(&j, "lines");
			kc_json_str(&j, NULL, "kernel log unreadable");
			kc_json_arr_end(&j);
			kc_record_emit(&j);
		}
		return false;
	}
	from = marker[0] ? strstr(log, marker) : NULL;
	if (marker[0]) {
		/* The last marker: an earlier harness run in the same boot wrote its own. */
		char *next;

		while (from && (next = strstr(from + 1, marker)))
			from = next;
	}
	if (!from) {
		from = log;
		kc_note("kernel log marker not found (no /dev/kmsg, or the log wrapped): checked the whole log");
	} else {
		from = strchr(from, '\n');
		from = from ? from + 1 : log + strlen(log);
	}
	for (line = strtok_r(from, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!kc_kmsg_line_is_bad(line))
			continue;
		fprintf(stderr, "kernel log: %s\n", line);
		if (nbad < KC_KMSG_MAX_LINES)
			bad[nbad++] = line;
	}
	if (as_record) {
		kc_record_begin(&j, "kmsg");
		kc_json_bool(&j, "ok", nbad == 0);
		kc_json_arr_begin(&j, "lines");
		for (i = 0; i < nbad; i++)
			kc_json_str(&j, NULL, bad[i]);
		kc_json_arr_end(&j);
		kc_record_emit(&j);
	} else {
		for (i = 0; i < nbad; i++)
			kc_note("kernel log during the run: %s", bad[i]);
	}
	free(log);
	return nbad == 0;
}
