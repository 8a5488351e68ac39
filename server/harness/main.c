// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm-harness: the command line. Commands are list, run and robust; any other first word is looked up
 * among the subcommands backends registered with KC_SUBCOMMAND (the kernel's usermodehelper upcalls
 * `kcomm-harness umh-helper ...`).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core.h"

static const char usage_text[] =
	"usage: kcomm-harness list\n"
	"       kcomm-harness profiles\n"
	"       kcomm-harness run [--profile quick|full|stock] [--methods ID,...] [--sizes N,...]\n"
	"                         [--samples N] [--module-dir DIR] [--out PATH]\n"
	"       kcomm-harness robust [--methods ID,...] [--module-dir DIR] [--cycles N] [--out PATH]\n"
	"       kcomm-harness --help\n"
	"\n"
	"list     one JSON line per compiled-in backend\n"
	"profiles one JSON line per profile: sizes, blocks per point, samples per block\n"
	"run      measure: host, plan, baselines, clock, then a result per backend x pattern x size\n"
	"robust   bad input, load/unload cycles and a kernel log check for every module backend\n"
	"\n"
	"--profile     quick (default), full or stock: see `kcomm-harness profiles` (stock: only\n"
	"              backends that need no module)\n"
	"--methods     method ids (all variants) or method/variant ids, comma separated\n"
	"--sizes       message sizes in bytes (suffix k or m for KiB, MiB), at most 1m\n"
	"--samples     samples per point and side instead of the profile's (split over its blocks)\n"
	"--module-dir  where <module>.ko files are (default .)\n"
	"--cycles      load/unload cycles per module (default 50)\n"
	"--out         where KCOMM1-framed JSON lines go (default stdout); progress goes to stderr\n";

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "kcomm-harness: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s", usage_text);
	return 2;
}

const char *kc_self_path(void)
{
	static char self[PATH_MAX];

	if (!self[0]) {
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

		self[n > 0 ? n : 0] = '\0';
	}
	return self;
}

static bool parse_u64(const char *s, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (!s || !*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return false;
	if (*end == 'k' || *end == 'K') {
		v <<= 10;
		end++;
	} else if (*end == 'm' || *end == 'M') {
		v <<= 20;
		end++;
	}
	if (*end || v > max)
		return false;
	*out = v;
	return true;
}

static bool parse_sizes(const char *s, struct kc_opts *o)
{
	char buf[512], *tok, *save = NULL;

	if (strlen(s) >= sizeof(buf))
		return false;
	strcpy(buf, s);
	o->nsizes = 0;
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		uint64_t v;

		if (o->nsizes == KC_MAX_SIZES || !parse_u64(tok, KC_MAX_SIZE, &v))
			return false;
		o->sizes[o->nsizes++] = (size_t)v;
	}
	return o->nsizes > 0;
}

/* Options a command accepts, as a space-separated list. */
static bool allowed(const char *allow, const char *name)
{
	const char *p = strstr(allow, name);
	size_t n = strlen(name);

	while (p) {
		if ((p == allow || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
		p = strstr(p + 1, name);
	}
	return false;
}

static int parse_opts(int argc, char **argv, const char *allow, struct kc_opts *o)
{
	int i;

	for (i = 0; i < argc; i++) {
		char name[32];
		const char *arg = argv[i], *val, *eq;
		uint64_t v;

		if (strncmp(arg, "--", 2) != 0)
			return usage_error("unexpected argument '%s'", arg);
		eq = strchr(arg, '=');
		snprintf(name, sizeof(name), "%.*s", (int)(eq ? (size_t)(eq - arg) : strlen(arg)), arg);
		if (!allowed(allow, name))
			return usage_error("unknown option '%s'", arg);
		if (eq) {
			val = eq + 1;
		} else {
			if (i + 1 >= argc)
				return usage_error("%s needs a value", name);
			val = argv[++i];
		}
		if (strcmp(name, "--profile") == 0) {
			if (strcmp(val, "quick") && strcmp(val, "full") && strcmp(val, "stock"))
				return usage_error("unknown profile '%s'", val);
			o->profile = val;
		} else if (strcmp(name, "--methods") == 0) {
			o->methods = val;
		} else if (strcmp(name, "--sizes") == 0) {
			if (!parse_sizes(val, o))
				return usage_error("bad --sizes '%s' (comma list of sizes up to 1m)", val);
		} else if (strcmp(name, "--samples") == 0) {
			if (!parse_u64(val, 10000000, &v) || v == 0)
				return usage_error("bad --samples '%s' (1..10000000)", val);
			o->samples = v;
		} else if (strcmp(name, "--cycles") == 0) {
			if (!parse_u64(val, 100000, &v))
				return usage_error("bad --cycles '%s' (0..100000)", val);
			o->cycles = (unsigned int)v;
		} else if (strcmp(name, "--module-dir") == 0) {
			o->module_dir = val;
		} else if (strcmp(name, "--out") == 0) {
			o->out = val;
		}
	}
	return 0;
}

static void json_patterns(struct kc_json *j, unsigned int patterns)
{
	static const enum kc_pattern all[] = { KC_ROUNDTRIP, KC_U2K, KC_K2U, KC_NOTIFY };
	size_t i;

	kc_json_arr_begin(j, "patterns");
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (patterns & all[i])
			kc_json_str(j, NULL, kc_pattern_name(all[i]));
	kc_json_arr_end(j);
}

/* Plain JSON lines (no frame): this is a listing for tools, not part of a run's stream. */
int kc_cmd_list(void)
{
	size_t i;

	for (i = 0; i < kc_backend_count(); i++) {
		const struct kc_backend *be = kc_backend_at(i);
		struct kc_json j;

		kc_json_init(&j);
		kc_json_obj_begin(&j, NULL);
		kc_json_str(&j, "method", be->method);
		kc_json_str(&j, "variant", be->variant ? be->variant : "");
		if (be->module)
			kc_json_str(&j, "module", be->module);
		else
			kc_json_null(&j, "module");
		kc_json_bool(&j, "stock", be->stock);
		kc_json_bool(&j, "baseline", be->baseline);
		json_patterns(&j, be->patterns);
		kc_json_u64(&j, "minSize", be->min_size);
		kc_json_u64(&j, "maxSize", kc_backend_max_size(be));
		kc_json_str(&j, "limitNote", be->limit_note ? be->limit_note : "");
		kc_json_obj_end(&j);
		if (!j.oom)
			printf("%s\n", j.buf);
		kc_json_free(&j);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct kc_opts o = { .cycles = 50 };
	const struct kc_subcommand *sub;
	const char *cmd = argc > 1 ? argv[1] : NULL;
	int rc;

	if (!cmd)
		return usage_error("%s", "no command given");
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(cmd, "list") == 0) {
		if (argc > 2)
			return usage_error("unexpected argument '%s'", argv[2]);
		return kc_cmd_list();
	}
	if (strcmp(cmd, "profiles") == 0) {
		if (argc > 2)
			return usage_error("profiles takes no arguments ('%s')", argv[2]);
		return kc_cmd_profiles();
	}
	if (strcmp(cmd, "run") == 0) {
		rc = parse_opts(argc - 2, argv + 2,
				"--profile --methods --sizes --samples --module-dir --out", &o);
		return rc ? rc : kc_cmd_run(&o);
	}
	if (strcmp(cmd, "robust") == 0) {
		rc = parse_opts(argc - 2, argv + 2, "--methods --module-dir --cycles --out", &o);
		return rc ? rc : kc_cmd_robust(&o);
	}
	sub = kc_subcommand_find(cmd);
	if (sub)
		return sub->fn(argc - 1, argv + 1);
	return usage_error("unknown command '%s'", cmd);
}
