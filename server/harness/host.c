// SPDX-License-Identifier: GPL-2.0
/*
 * The host record: what the numbers were measured on. The hypervisor is read from where a guest can see
 * it: the CPUID "hypervisor present" bit and the vendor signature at leaf 0x40000000 (QEMU's TCG answers
 * "TCGTCGTCGTCG", KVM "KVMKVMKVM"), then /sys/hypervisor and the DMI product as fallbacks.
 */
#include <cpuid.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "core.h"

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
}

/* First value of "key : value" in a /proc file; false if absent. */
static bool proc_field(const char *file, const char *key, char *val, size_t len)
{
	char line[1024];
	size_t klen = strlen(key);
	bool found = false;
	FILE *f = fopen(file, "r");

	if (!f)
		return false;
	while (fgets(line, sizeof(line), f)) {
		char *colon;

		if (strncmp(line, key, klen) != 0 || (line[klen] != ' ' && line[klen] != '\t' && line[klen] != ':'))
			continue;
		colon = strchr(line, ':');
		if (!colon)
			continue;
		colon++;
		while (*colon == ' ' || *colon == '\t')
			colon++;
		snprintf(val, len, "%s", colon);
		chomp(val);
		found = true;
		break;
	}
	fclose(f);
	return found;
}

static bool read_line(const char *file, char *val, size_t len)
{
	FILE *f = fopen(file, "r");
	bool ok;

	if (!f)
		return false;
	ok = fgets(val, (int)len, f) != NULL;
	fclose(f);
	if (ok)
		chomp(val);
	return ok && val[0];
}

static const char *cpuid_hypervisor(void)
{
	static const struct {
		const char *sig, *name;
	} known[] = {
		{ "TCGTCGTCGTCG", "QEMU TCG" },	  { "KVMKVMKVM", "KVM" },
		{ "Microsoft Hv", "Hyper-V" },	  { "VMwareVMware", "VMware" },
		{ "XenVMMXenVMM", "Xen" },	  { "VBoxVBoxVBox", "VirtualBox" },
		{ " lrpepyh  vr", "Parallels" }, { "bhyve bhyve ", "bhyve" },
		{ "ACRNACRNACRN", "ACRN" },	  { "QNXQVMBSQG", "QNX" },
		{ "Linux KVM Hv", "KVM (Hyper-V enlightened)" },
	};
	static char sig[13];
	unsigned int a, b, c, d;
	size_t i;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 31)))
		return NULL;	/* no hypervisor bit: bare metal (or one that hides) */
	__cpuid(0x40000000, a, b, c, d);
	memcpy(sig + 0, &b, 4);
	memcpy(sig + 4, &c, 4);
	memcpy(sig + 8, &d, 4);
	sig[12] = '\0';
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strncmp(sig, known[i].sig, strlen(known[i].sig)) == 0)
			return known[i].name;
	return sig[0] ? sig : "unknown";
}

static void hypervisor(char *out, size_t len)
{
	const char *hv = cpuid_hypervisor();
	char dmi[128] = "", xen[64] = "";

	read_line("/sys/class/dmi/id/product_name", dmi, sizeof(dmi));
	read_line("/sys/hypervisor/type", xen, sizeof(xen));
	if (!hv && !xen[0]) {
		snprintf(out, len, "none");
		return;
	}
	if (!hv)
		hv = xen;
	if (dmi[0] && !strstr(hv, dmi))
		snprintf(out, len, "%s (%s)", hv, dmi);
	else
		snprintf(out, len, "%s", hv);
}

void kc_emit_host(void)
{
	char cpu[256] = "unknown", mem[64] = "", hv[256];
	struct utsname u;
	struct kc_json j;
	unsigned long long kib = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (uname(&u) != 0)
		snprintf(u.release, sizeof(u.release), "unknown");
	if (!proc_field("/proc/cpuinfo", "model name", cpu, sizeof(cpu)) || !cpu[0])
		snprintf(cpu, sizeof(cpu), "unknown");
	if (proc_field("/proc/meminfo", "MemTotal", mem, sizeof(mem)))
		sscanf(mem, "%llu", &kib);
	hypervisor(hv, sizeof(hv));

	kc_record_begin(&j, "host");
	kc_json_str(&j, "kernel", u.release);
	kc_json_str(&j, "cpuModel", cpu);
	kc_json_u64(&j, "cpus", cpus > 0 ? (uint64_t)cpus : 1);
	kc_json_u64(&j, "memoryMiB", kib >= 1024 ? kib / 1024 : 1);
	kc_json_str(&j, "hypervisor", hv);
	kc_record_emit(&j);
}
