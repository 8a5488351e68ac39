import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/core/catalogue-load';
import type { Method, TraitRating } from '../../src/core/catalogue-schema';
import { METHOD_IDS, TRAIT_IDS, type MethodId, type TraitId } from '../../src/core/ids';

interface RawMethod {
  id: string;
  ratings: Record<string, Partial<TraitRating>>;
  [field: string]: unknown;
}
interface RawFiles {
  methods: { schema: string; methods: RawMethod[] };
  traits: { schema: string; traits: { id: string; [field: string]: unknown }[] };
}

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8'));
}

const shipped = {
  methods: readJson('data/methods.json'),
  traits: readJson('data/traits.json'),
} as RawFiles;

function fresh(): RawFiles {
  return structuredClone(shipped);
}

function errorOf(files: RawFiles, names?: { methods: string; traits: string }): string {
  try {
    parseCatalogue(files.methods, files.traits, names);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseCatalogue to throw');
}

function rawMethod(files: RawFiles, id: string): RawMethod {
  const found = files.methods.methods.find((m) => m.id === id);
  if (!found) throw new Error(`fixture lacks ${id}`);
  return found;
}

const catalogue = parseCatalogue(shipped.methods, shipped.traits);
const byId = new Map(catalogue.methods.map((m) => [m.id, m]));

function method(id: MethodId): Method {
  const found = byId.get(id);
  if (!found) throw new Error(`catalogue lacks ${id}`);
  return found;
}

function rating(id: MethodId, trait: TraitId): number {
  return method(id).ratings[trait].rating;
}

// Issue 8: every rating and limit has its source in the kernel's Documentation/ or code (or a man page):
// a Documentation/ path, a source file with the function, struct or constant that sets the fact, or a man page.
const kernelSource =
  /^(Documentation\/[\w./-]+(: \S.*)?|(include|kernel|lib|fs|net|drivers|mm|security|io_uring)\/[\w./-]+\.[ch]: (struct )?\w+|[a-z_0-9]+\([1-9]\))$/;

describe('shipped catalogue files', () => {
  it('parse and contain every method and trait exactly once, in id order', () => {
    expect(catalogue.methods.map((m) => m.id)).toEqual([...METHOD_IDS]);
    expect(catalogue.traits.map((t) => t.id)).toEqual([...TRAIT_IDS]);
  });

  it('rate every trait for every method', () => {
    for (const m of catalogue.methods) expect(Object.keys(m.ratings).sort()).toEqual([...TRAIT_IDS].sort());
  });

  it('cite the kernel (a Documentation/ path or a source file and symbol) or a man page for every rating', () => {
    for (const m of catalogue.methods) {
      for (const [trait, r] of Object.entries(m.ratings)) {
        expect(r.source, `${m.id}.${trait}`).toMatch(kernelSource);
      }
    }
  });

  it('link further reading over https', () => {
    for (const m of catalogue.methods) {
      for (const link of m.furtherReading) expect(link.href, m.id).toMatch(/^https:\/\//);
    }
  });

  it('point every method at its kcomm reference folder, server/reference/<id>/', () => {
    // bpf-ringbuf's folder holds the module with its tracepoint, the BPF program and the libbpf consumer.
    const withModule: MethodId[] = [
      'bpf-ringbuf',
      'genetlink',
      'netlink',
      'connector',
      'chardev',
      'ioctl',
      'io-uring-cmd',
      'mmap',
      'procfs',
      'sysfs',
      'configfs',
      'debugfs',
      'relay',
      'uevent',
      'tracepoint',
      'modparam',
      'signal',
      'eventfd',
      'usermodehelper',
      'sysctl',
    ];
    expect(catalogue.methods.map((m) => m.id).filter((id) => !withModule.includes(id))).toEqual([]);
    for (const m of catalogue.methods) expect(m.reference.path).toBe(`server/reference/${m.id}/`);
  });
});

describe('internal consistency of the ratings', () => {
  it('rates a direction 0 when the method does not support it, and bidirectional 0 unless it supports both', () => {
    for (const m of catalogue.methods) {
      if (!m.directions.includes('k2u')) expect(m.ratings.k2u.rating, m.id).toBe(0);
      if (!m.directions.includes('u2k')) expect(m.ratings.u2k.rating, m.id).toBe(0);
      if (m.directions.length < 2) expect(m.ratings.bidirectional.rating, m.id).toBe(0);
    }
  });

  it('matches the stable-abi rating to the abi class', () => {
    for (const m of catalogue.methods) {
      const r = m.ratings['stable-abi'].rating;
      if (m.abi === 'stable') expect(r, m.id).toBeGreaterThanOrEqual(3);
      if (m.abi === 'discouraged') expect(r, m.id).toBeLessThanOrEqual(2);
      if (m.abi === 'debug-only') expect(r, m.id).toBeLessThanOrEqual(1);
    }
  });

  it('gives root-only methods a needs-root cost of at least 4, and the others at most 3', () => {
    for (const m of catalogue.methods) {
      const r = m.ratings['needs-root'].rating;
      if (m.privileges.rootOnly) expect(r, m.id).toBeGreaterThanOrEqual(4);
      else expect(r, m.id).toBeLessThanOrEqual(3);
    }
  });

  it('marks usableFromShell exactly when shell-usable is rated 3 or more', () => {
    for (const m of catalogue.methods) {
      expect(m.usableFromShell, m.id).toBe(m.ratings['shell-usable'].rating >= 3);
    }
  });
});

describe('kernel facts the catalogue encodes', () => {
  it('relay carries data kernel to user only and lives in debugfs', () => {
    expect(method('relay').directions).toEqual(['k2u']);
    expect(method('relay').abi).toBe('debug-only');
    expect(method('relay').privileges.rootOnly).toBe(true);
    expect(rating('relay', 'bulk-data')).toBe(5);
  });

  it('debugfs is debug-only and root-only', () => {
    expect(method('debugfs').abi).toBe('debug-only');
    expect(method('debugfs').privileges.rootOnly).toBe(true);
    expect(rating('debugfs', 'stable-abi')).toBe(0);
  });

  it('classic netlink custom protocols are discouraged in favour of generic netlink', () => {
    expect(method('netlink').abi).toBe('discouraged');
    expect(method('netlink').caveats.join(' ')).toMatch(/MAX_LINKS/);
    expect(method('genetlink').abi).toBe('stable');
  });

  it('netlink-based methods warn about ENOBUFS when a listener falls behind', () => {
    for (const id of ['genetlink', 'netlink', 'connector'] as const) {
      expect(method(id).caveats.join(' '), id).toMatch(/ENOBUFS/);
    }
  });

  it('generic netlink is the multicast, reliable request/response choice', () => {
    expect(rating('genetlink', 'multicast')).toBe(5);
    expect(rating('genetlink', 'reliable')).toBeGreaterThanOrEqual(4);
    expect(method('genetlink').variants.map((v) => v.id)).toEqual(['request', 'multicast']);
    expect(method('genetlink').minKernel).toBe('2.6.15');
    expect(method('genetlink').summary).toMatch(/2\.6\.15/);
  });

  it('sysfs is a stable, shell-usable, one-value-per-file interface whose only bulk path is binary attributes', () => {
    expect(method('sysfs').abi).toBe('stable');
    expect(rating('sysfs', 'stable-abi')).toBe(5);
    expect(rating('sysfs', 'shell-usable')).toBe(5);
    // Binary attributes carry blobs on demand, a page per read() (as seq_file does for procfs), never a stream.
    expect(rating('sysfs', 'bulk-data')).toBe(2);
    expect(method('sysfs').ratings['bulk-data'].why).toMatch(/binary attribute.*a page per read\(\)/);
    expect(method('sysfs').caveats.join(' ')).toMatch(/PAGE_SIZE/);
    expect(method('sysfs').caveats.join(' ')).toMatch(/binary attributes/);
    expect(method('sysfs').caveats.join(' ')).toMatch(/sysfs_emit\(\) \(5\.10\+/);
    expect(method('sysfs').kernelContext).toMatch(/sysfs_notify_dirent\(\).*any context/);
  });

  it('procfs is discouraged for new interfaces; sysctl and configfs are stable', () => {
    expect(method('procfs').abi).toBe('discouraged');
    expect(method('sysctl').abi).toBe('stable');
    expect(method('configfs').abi).toBe('stable');
  });

  it('the BPF ring buffer needs 5.8, no module, and BPF privileges', () => {
    expect(method('bpf-ringbuf').minKernel).toBe('5.8');
    expect(method('bpf-ringbuf').needsModule).toBe(false);
    expect(method('bpf-ringbuf').privileges.rootOnly).toBe(true);
    expect(method('bpf-ringbuf').privileges.text).toMatch(/CAP_BPF/);
  });

  it('io_uring command passthrough needs 5.19 and a driver implementing ->uring_cmd', () => {
    expect(method('io-uring-cmd').minKernel).toBe('5.19');
    expect(method('io-uring-cmd').needsModule).toBe(true);
    expect(method('io-uring-cmd').summary).toMatch(/uring_cmd/);
  });

  it('eventfd dates from 2.6.22 and carries no payload', () => {
    expect(method('eventfd').minKernel).toBe('2.6.22');
    expect(method('eventfd').summary).toMatch(/2\.6\.22/);
    expect(rating('eventfd', 'bulk-data')).toBe(0);
    expect(rating('eventfd', 'async-notify')).toBe(5);
  });

  it('signals are pure notifications with next to no payload', () => {
    expect(method('signal').directions).toEqual(['k2u']);
    expect(rating('signal', 'bulk-data')).toBe(0);
    expect(rating('signal', 'small-messages')).toBeLessThanOrEqual(1);
  });

  it('usermodehelper spawns a process per call, so it is the slowest upcall', () => {
    const latencies = catalogue.methods.map((m) => m.ratings['low-latency'].rating);
    expect(rating('usermodehelper', 'low-latency')).toBe(Math.min(...latencies));
    expect(method('usermodehelper').caveats.join(' ')).toMatch(/process per call/);
    expect(rating('usermodehelper', 'small-messages')).toBeLessThanOrEqual(1);
  });

  it('shared memory is the bulk and throughput champion and leaves all synchronisation to the developer', () => {
    expect(rating('mmap', 'bulk-data')).toBe(5);
    expect(rating('mmap', 'high-throughput')).toBe(5);
    expect(rating('mmap', 'needs-sync')).toBe(5);
    for (const m of catalogue.methods) {
      expect(m.ratings['needs-sync'].rating, m.id).toBeLessThanOrEqual(rating('mmap', 'needs-sync'));
    }
    expect(method('mmap').variants.map((v) => v.id)).toEqual(['ring', 'seqlock', 'ioctl-lock']);
    expect(method('mmap').caveats.join(' ')).toMatch(/cannot be taken from user space/);
    expect(method('bpf-ringbuf').caveats.join(' ')).toMatch(/PREEMPT_RT .*irq_work kthread/);
  });

  it('ioctl warns about 32/64-bit compat and is the synchronous, reliable request/response path', () => {
    expect(method('ioctl').caveats.join(' ')).toMatch(/compat_ioctl/);
    expect(rating('ioctl', 'reliable')).toBe(5);
    expect(rating('ioctl', 'low-latency')).toBe(5);
    expect(rating('ioctl', 'async-notify')).toBeLessThanOrEqual(1);
  });
});

describe('hard limits', () => {
  const limitFields = [
    'maxPayloadBytes',
    'delivery',
    'fanout',
    'needsResidentProcess',
    'latencyFloorNs',
    'rateCeiling',
    'overload',
    'lockdown',
    'containers',
    'settingScope',
  ] as const;
  const limitSource = kernelSource;
  // Plausible without fetching: a directory the kernel's Documentation/ has, and the form its files take there.
  const documentationPath =
    /^Documentation\/((ABI\/(stable|testing|obsolete|removed)\/[\w.-]+|ABI\/README)|(admin-guide|bpf|block|core-api|driver-api|filesystems|process|trace|userspace-api)\/[\w/.-]+\.(rst|txt)|memory-barriers\.txt)(: \S.*)?$/;

  it('every method states every limit with a source, and a way to refuse it', () => {
    for (const m of catalogue.methods) {
      for (const field of limitFields) {
        expect(m.limits[field].source, `${m.id}.${field}`).toMatch(limitSource);
      }
      expect(m.whenNotToUse.length, m.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('cites Documentation/ paths only under directories the kernel tree has', () => {
    const sources = catalogue.methods.flatMap((m) => [
      ...limitFields.map((f) => m.limits[f].source),
      ...Object.values(m.ratings).map((r) => r.source),
    ]);
    for (const src of sources.filter((x) => x.startsWith('Documentation/'))) expect(src).toMatch(documentationPath);
  });

  it('payload limits are the kernel’s: an 8-byte eventfd counter, a sigval, a page per sysfs attribute, 16 KiB per connector message, 2 KiB of uevent environment', () => {
    expect(method('eventfd').limits.maxPayloadBytes.value).toBe(8);
    expect(method('eventfd').limits.overload.value).toBe('coalesces');
    expect(method('signal').limits.maxPayloadBytes.value).toBeGreaterThanOrEqual(4);
    expect(method('signal').limits.maxPayloadBytes.value).toBeLessThanOrEqual(8);
    expect(method('sysfs').limits.maxPayloadBytes.value).toBe(4096);
    expect(method('sysfs').limits.maxPayloadBytes.note).toMatch(/[Bb]inary attributes/);
    expect(method('connector').limits.maxPayloadBytes.value).toBe(16384);
    expect(method('connector').limits.maxPayloadBytes.source).toMatch(/CONNECTOR_MAX_MSG_SIZE/);
    expect(method('uevent').limits.maxPayloadBytes.value).toBe(2048);
    expect(method('uevent').limits.maxPayloadBytes.source).toMatch(/UEVENT_BUFFER_SIZE/);
    expect(method('procfs').limits.maxPayloadBytes.value).toBeNull();
    expect(method('mmap').limits.maxPayloadBytes.value).toBeNull();
  });

  it('pull-only files are pull, and are not rated as handing data over unasked', () => {
    const pull: MethodId[] = ['sysfs', 'procfs', 'debugfs', 'sysctl', 'configfs', 'modparam'];
    for (const id of pull) {
      expect(method(id).limits.delivery.value, id).toBe('pull');
      expect(method(id).limits.needsResidentProcess.value, id).toBe(false);
      expect(rating(id, 'k2u'), id).toBeLessThanOrEqual(3);
    }
    for (const m of catalogue.methods) {
      if (m.limits.delivery.value === 'pull') expect(m.ratings.k2u.rating, m.id).toBeLessThanOrEqual(3);
    }
    expect(method('usermodehelper').limits.delivery.value).toBe('upcall');
    expect(method('usermodehelper').limits.needsResidentProcess.value).toBe(false);
  });

  it('push methods that need a listener say so; the uevent’s listener is the system’s udev', () => {
    for (const id of [
      'genetlink',
      'netlink',
      'connector',
      'chardev',
      'eventfd',
      'signal',
      'mmap',
      'relay',
      'bpf-ringbuf',
    ] as const) {
      expect(method(id).limits.needsResidentProcess.value, id).toBe(true);
    }
    expect(method('uevent').limits.needsResidentProcess.value).toBe(false);
    expect(method('uevent').limits.needsResidentProcess.note).toMatch(/udev/);
  });

  it('lockdown: debugfs keeps read-only files, relay is refused, BPF and tracing lose kernel reads in confidentiality mode', () => {
    expect(method('debugfs').limits.lockdown.value).toBe('restricted');
    expect(method('relay').limits.lockdown.value).toBe('unavailable');
    expect(method('bpf-ringbuf').limits.lockdown.value).toBe('restricted');
    expect(method('debugfs').limits.lockdown.source).toMatch(/fs\/debugfs\/file\.c/);
  });

  it('only the BPF ring buffer is reached through another layer, and it names the tracepoint and the privileges', () => {
    for (const m of catalogue.methods) {
      if (m.id === 'bpf-ringbuf') continue;
      expect(m.limits.viaLayer, m.id).toBeNull();
    }
    expect(method('bpf-ringbuf').limits.viaLayer).toMatch(/tracepoint/);
    expect(method('bpf-ringbuf').limits.viaLayer).toMatch(/CAP_BPF/);
    expect(method('bpf-ringbuf').summary).toMatch(/cannot write/);
  });

  it('the usermode helper runs in the initial namespaces, not in the container', () => {
    expect(method('usermodehelper').limits.containers.value).toMatch(/initial namespaces/);
    expect(method('usermodehelper').caveats.join(' ')).toMatch(/uevent helper .*deprecated/);
  });

  it('settings: sysctl and module parameters are system-wide, sysfs can be per device', () => {
    expect(method('sysctl').limits.settingScope.value).toBe('system');
    expect(method('modparam').limits.settingScope.value).toBe('system');
    expect(['device', 'either']).toContain(method('sysfs').limits.settingScope.value);
  });

  it('orders of magnitude: a mapping beats a system call, which beats udev, which beats a fork and exec', () => {
    const floor = (id: MethodId) => method(id).limits.latencyFloorNs.value;
    expect(floor('mmap')).toBeLessThan(floor('ioctl'));
    expect(floor('ioctl')).toBeLessThan(floor('uevent'));
    expect(floor('uevent')).toBeLessThan(floor('usermodehelper'));
    expect(method('usermodehelper').limits.rateCeiling.value).toBeLessThanOrEqual(1e3);
  });
});

describe('security and privilege facts', () => {
  it('generic netlink warns that ops and groups are open unless flagged', () => {
    const text = method('genetlink').caveats.join(' ');
    expect(text).toMatch(/GENL_ADMIN_PERM/);
    expect(text).toMatch(/GENL_MCAST_CAP_/);
  });

  it('the connector lets unprivileged sockets join process events since 6.6 and leaves sender checks to callbacks', () => {
    expect(method('connector').privileges.text).toMatch(/CN_IDX_PROC.*6\.6/);
    // cn_bind() tests bit CN_IDX_PROC - 1 of the group number: every odd group is open since 6.6 (seen on 6.12).
    expect(method('connector').privileges.text).toMatch(/odd-numbered group/);
    expect(method('connector').privileges.text).toMatch(/before 6\.6.*CAP_NET_ADMIN/i);
    expect(method('connector').caveats.join(' ')).toMatch(/check capabilities/);
    expect(method('connector').minKernel).toBe('2.6.14');
  });

  it('sysctl writes are checked against the mode for euid 0, not against CAP_SYS_ADMIN', () => {
    expect(method('sysctl').privileges.text).toMatch(/euid 0/);
    expect(method('sysctl').privileges.text).not.toMatch(/CAP_SYS_ADMIN or/);
  });

  it('signals from drivers go through fasync; kill_pid_info is not for modules', () => {
    const text = method('signal').caveats.join(' ');
    expect(text).toMatch(/kill_pid_info\(\) is not exported/);
    expect(text).toMatch(/kill_fasync/);
    expect(text).toMatch(/send_sig_info\(\).*thread/);
  });

  it('real floors instead of "2.6" where the mechanism is younger', () => {
    const floors: Partial<Record<MethodId, string>> = {
      genetlink: '2.6.15',
      eventfd: '2.6.22',
      debugfs: '2.6.11',
      configfs: '2.6.16',
      relay: '2.6.17',
      'bpf-ringbuf': '5.8',
      'io-uring-cmd': '5.19',
      tracepoint: '2.6.31',
    };
    for (const [id, v] of Object.entries(floors)) expect(method(id as MethodId).minKernel, id).toBe(v);
  });
});

describe('the no-module and observability entries', () => {
  it('uevent goes to udev, tracepoint feeds perf/ftrace/BPF, modparam lives under /sys/module', () => {
    expect(method('uevent').summary).toMatch(/kobject_uevent_env\(\)/);
    expect(method('uevent').directions).toEqual(['k2u']);
    expect(method('tracepoint').summary).toMatch(/TRACE_EVENT/);
    expect(method('tracepoint').abi).toBe('debug-only');
    expect(method('modparam').summary).toMatch(/\/sys\/module\/<module>\/parameters/);
    expect(method('modparam').caveats.join(' ')).toMatch(/not per device|per-device settings belong in sysfs/i);
  });
});

describe('parseCatalogue rejects broken files with file, entry and problem', () => {
  it('reports a missing method', () => {
    const files = fresh();
    files.methods.methods = files.methods.methods.filter((m) => m.id !== 'sysfs');
    const message = errorOf(files);
    expect(message).toContain('data/methods.json');
    expect(message).toContain('method "sysfs"');
    expect(message).toMatch(/missing/);
  });

  it('reports a duplicate method with both indices', () => {
    const files = fresh();
    files.methods.methods.push(structuredClone(rawMethod(files, 'genetlink')));
    const message = errorOf(files);
    expect(message).toContain('data/methods.json');
    expect(message).toContain(`method "genetlink" (index ${METHOD_IDS.length})`);
    expect(message).toMatch(/duplicate of the entry at index 0/);
  });

  it('reports a rating out of range', () => {
    const files = fresh();
    rawMethod(files, 'relay').ratings['bulk-data'] = { ...rawMethod(files, 'relay').ratings['bulk-data'], rating: 7 };
    const message = errorOf(files);
    expect(message).toContain('data/methods.json');
    expect(message).toContain('method "relay" (index 8)');
    expect(message).toContain('ratings.bulk-data.rating');
    expect(message).toMatch(/<=\s*5/);
  });

  it('reports a rating for an unknown trait', () => {
    const files = fresh();
    rawMethod(files, 'chardev').ratings.telepathy = { rating: 3, why: 'mind over matter', source: 'signal(7)' };
    const message = errorOf(files);
    expect(message).toContain('data/methods.json');
    expect(message).toContain('method "chardev"');
    expect(message).toContain('unknown trait "telepathy"');
  });

  it('reports a method that leaves a trait unrated', () => {
    const files = fresh();
    delete rawMethod(files, 'ioctl').ratings.multicast;
    const message = errorOf(files);
    expect(message).toContain('method "ioctl"');
    expect(message).toContain('missing rating for trait "multicast"');
  });

  it('reports a missing field', () => {
    const files = fresh();
    delete rawMethod(files, 'eventfd').summary;
    const message = errorOf(files);
    expect(message).toContain('data/methods.json');
    expect(message).toContain('method "eventfd"');
    expect(message).toContain('missing field "summary"');
  });

  it('requires the hard limits and the reasons to refuse a method', () => {
    const files = fresh();
    delete rawMethod(files, 'uevent').limits;
    delete rawMethod(files, 'modparam').whenNotToUse;
    const message = errorOf(files);
    expect(message).toContain('method "uevent"');
    expect(message).toContain('missing field "limits"');
    expect(message).toContain('method "modparam"');
    expect(message).toContain('missing field "whenNotToUse"');
  });

  it('rejects a limit without a source', () => {
    const files = fresh();
    const limits = rawMethod(files, 'eventfd').limits as Record<string, Record<string, unknown>>;
    delete limits.maxPayloadBytes!.source;
    const message = errorOf(files);
    expect(message).toContain('method "eventfd"');
    expect(message).toContain('limits.maxPayloadBytes');
  });

  it('reports an entry without a usable id by its index', () => {
    const files = fresh();
    delete (files.methods.methods[2] as Partial<RawMethod>).id;
    const message = errorOf(files);
    expect(message).toContain('method at index 2');
    expect(message).toContain('missing field "id"');
  });

  it('reports an unknown method id', () => {
    const files = fresh();
    rawMethod(files, 'signal').id = 'carrier-pigeon';
    const message = errorOf(files);
    expect(message).toContain('method "carrier-pigeon" (index 9)');
    expect(message).toContain('unknown id "carrier-pigeon"');
  });

  it('reports problems in the trait legend against the traits file', () => {
    const files = fresh();
    files.traits.traits = files.traits.traits.filter((t) => t.id !== 'multicast');
    files.traits.traits.push({ ...structuredClone(files.traits.traits[0]!), id: 'telepathy' });
    const message = errorOf(files);
    expect(message).toContain('data/traits.json: trait "telepathy"');
    expect(message).toContain('unknown id "telepathy"');
  });

  it('reports a missing and a duplicated trait', () => {
    const files = fresh();
    files.traits.traits = files.traits.traits.filter((t) => t.id !== 'reliable');
    files.traits.traits.push(structuredClone(files.traits.traits[0]!));
    const message = errorOf(files);
    expect(message).toContain('data/traits.json: trait "reliable": missing');
    expect(message).toContain('data/traits.json: trait "small-messages"');
    expect(message).toMatch(/duplicate/);
  });

  it('names the files it was given', () => {
    const files = fresh();
    files.methods.methods.pop();
    files.traits.traits.pop();
    const message = errorOf(files, { methods: 'fixtures/m.json', traits: 'fixtures/t.json' });
    expect(message).toContain(`fixtures/m.json: method "${METHOD_IDS.at(-1)}"`);
    expect(message).toContain(`fixtures/t.json: trait "${TRAIT_IDS.at(-1)}"`);
  });

  it('rejects input that is not a catalogue at all', () => {
    expect(() => parseCatalogue(null, shipped.traits)).toThrow(/data\/methods\.json: top level/);
    expect(() => parseCatalogue(shipped.methods, { schema: 'kcomm-traits/2', traits: [] })).toThrow(
      /data\/traits\.json: schema/,
    );
  });
});
