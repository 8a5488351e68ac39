// SPDX-License-Identifier: GPL-2.0
/*
 * Where records go. Each record is one line, `KCOMM1 <json>\n`, written with a single write() so a reader
 * of a shared stream (a VM's serial port) never sees two records interleaved; everything human goes to
 * stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core.h"

#define FRAME "KCOMM1 "

static int out_fd = STDOUT_FILENO;
unsigned int kc_out_failures;

int kc_out_open(const char *path)
{
	int fd;

	if (!path || strcmp(path, "-") == 0) {
		out_fd = STDOUT_FILENO;
		return 0;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	if (isatty(fd)) {
		struct termios t;

		/* A serial port: no echo-driven surprises, but keep \n as the line end the reader splits on. */
		if (tcgetattr(fd, &t) == 0) {
			t.c_oflag &= ~(tcflag_t)OPOST;
			tcsetattr(fd, TCSANOW, &t);
		}
	}
	out_fd = fd;
	return 0;
}

void kc_out_close(void)
{
	if (out_fd == STDOUT_FILENO)
		return;
	if (isatty(out_fd))
		tcdrain(out_fd);
	else
		fsync(out_fd);
	close(out_fd);
	out_fd = STDOUT_FILENO;
}

void kc_record_begin(struct kc_json *j, const char *type)
{
	kc_json_init(j);
	kc_json_obj_begin(j, NULL);
	kc_json_str(j, "type", type);
}

void kc_record_emit(struct kc_json *j)
{
	struct kc_json line;
	size_t off = 0;

	kc_json_obj_end(j);
	kc_json_init(&line);
	/* Build the whole framed line first: one write() per record. */
	if (!j->oom) {
		size_t n = strlen(FRAME) + j->len + 1;

		kc_json_free(&line);
		line.buf = malloc(n + 1);
		if (line.buf) {
			memcpy(line.buf, FRAME, strlen(FRAME));
			memcpy(line.buf + strlen(FRAME), j->buf, j->len);
			line.buf[n - 1] = '\n';
			line.len = n;
		}
	}
	if (!line.buf) {
		fprintf(stderr, "kcomm-harness: out of memory, a record was lost\n");
		kc_out_failures++;
		kc_json_free(j);
		return;
	}
	while (off < line.len) {
		ssize_t w = write(out_fd, line.buf + off, line.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fprintf(stderr, "kcomm-harness: writing a record failed: %s\n", strerror(errno));
			kc_out_failures++;
			break;
		}
		off += (size_t)w;
	}
	free(line.buf);
	kc_json_free(j);
}

void kc_note(const char *fmt, ...)
{
	struct kc_json j;
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	fprintf(stderr, "note: %s\n", text);
	kc_record_begin(&j, "note");
	kc_json_str(&j, "text", text);
	kc_record_emit(&j);
}

void kc_progress(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
