// Schema of data/methods.json and data/traits.json. The server validates both at start and the tests
// validate them too; the app parses the API's replies with the same schemas (src/lib/api-client.ts).
import { z } from 'zod';
import { FRAMEWORK_IDS, ICON_NAMES, METHOD_IDS, STYLES, TOPICS, TRAIT_IDS, type Style } from './ids';

const kernelVersion = z
  .string()
  .regex(/^\d+\.\d+(\.\d+)?$/, 'a kernel version as major.minor or major.minor.patch, e.g. "5.8" or "2.6.15"');
const source = z
  .string()
  .min(3)
  .describe(
    'a kernel Documentation/ path, a man page like "netlink(7)", an LWN/kernel.org URL, or (for limits) a source file with the function or constant that sets the fact, like "include/linux/kobject.h: UEVENT_BUFFER_SIZE"',
  );

export const traitSchema = z.strictObject({
  id: z.enum(TRAIT_IDS),
  label: z.string().min(2),
  icon: z.enum(ICON_NAMES),
  description: z.string().min(10),
  /** 'benefit': a high rating is good for the user when the trait matters; 'cost': a high rating is a burden. */
  polarity: z.enum(['benefit', 'cost']),
  /** How the scoring uses this trait, in a sentence shown in the legend. */
  scoring: z.string().min(10),
});
export type Trait = z.infer<typeof traitSchema>;
export const traitsFileSchema = z.strictObject({
  schema: z.literal('kcomm-traits/1'),
  traits: z.array(traitSchema),
});

export const traitRatingSchema = z.strictObject({
  /** 0 = not at all … 5 = the best there is (for 'cost' traits: 5 = the heaviest burden). */
  rating: z.number().int().min(0).max(5),
  why: z.string().min(5),
  source,
});
export type TraitRating = z.infer<typeof traitRatingSchema>;

/** A fact with the place in the kernel's Documentation/ or code that says so. */
const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, source, note: z.string().optional() });

/** What a method does with messages when the consumer falls behind. */
const OVERLOAD = z.enum(['blocks', 'drops-reported', 'drops-silent', 'coalesces', 'overwrites']);

/**
 * Hard facts about a method that hold on any hardware: the scoring enforces them with or without a
 * dataset, and an elimination quotes the limit and its source.
 */
export const limitsSchema = z.strictObject({
  /** Largest payload one message can carry, in bytes; null when only memory limits it. */
  maxPayloadBytes: sourced(z.number().int().nonnegative().nullable()),
  /**
   * Largest blob read or written on demand (a request or a setting, not a stream of messages) when the
   * method has a separate design for it, e.g. sysfs binary attributes; null when only memory limits it.
   * Absent: maxPayloadBytes applies to every style.
   */
  onDemandPayloadBytes: sourced(z.number().int().nonnegative().nullable()).optional(),
  /**
   * 'push': the kernel hands data over when it has it (user space may sleep in read/poll/recv);
   * 'pull': user space must ask (read a file) and at best learns by poll() that something changed;
   * 'upcall': the kernel starts a user-space program itself.
   */
  delivery: sourced(z.enum(['push', 'pull', 'upcall'])),
  /** How many user-space consumers one message can reach: 'one', or 'many' (each gets its own copy or view). */
  fanout: sourced(z.enum(['one', 'many'])),
  /** A user-space process must already be running (and listening) for a message to arrive. */
  needsResidentProcess: sourced(z.boolean()),
  /**
   * A program is started for each message without a process of the user's own running (udev's RUN+= rules
   * for uevents). Absent: false. An upcall (delivery 'upcall') starts one by definition.
   */
  startsProgram: sourced(z.boolean()).optional(),
  /** Order of magnitude of the one-way latency on real hardware, ns (a floor, not a promise). */
  latencyFloorNs: sourced(z.number().positive()),
  /** Order of magnitude of the messages per second one consumer can take on real hardware. */
  rateCeiling: sourced(z.number().positive()),
  /** What happens to a message the consumer cannot take in time. */
  overload: sourced(OVERLOAD),
  /**
   * What happens to data the kernel produces when the consumer falls behind, where that differs from
   * overload (which then describes what user space submits): data that reaches user space only as the
   * completion of a command parked in advance waits in the module's own queue while none is parked.
   * Absent: overload applies both ways.
   */
  kernelDataOverload: sourced(OVERLOAD).optional(),
  /**
   * false when the producer runs where it cannot wait for the consumer and the kernel offers no way to hold
   * the message back for a retry (a BPF program or a tracepoint in the traced code's context, a broadcast of
   * a device event): a full buffer loses the message, whatever the module does. Absent: the module's own
   * producer can wait or keep a backlog and retry (a kthread, as kauditd does for netlink).
   */
  producerCanWait: sourced(z.boolean()).optional(),
  /**
   * How commands and their fields grow: 'attributes' when each field is a typed attribute that old tools
   * skip and new ones look for, so a field or command is added without breaking either (netlink); absent
   * when a change needs a new command number, a size-versioned structure or a format of the module's own.
   */
  extensible: sourced(z.literal('attributes')).optional(),
  /** Under kernel lockdown (Secure Boot): 'ok', 'restricted' (e.g. read-only) or 'unavailable'. */
  lockdown: sourced(z.enum(['ok', 'restricted', 'unavailable'])),
  /** Inside a container (user/network namespaces): who can use it and in which namespace it acts. */
  containers: sourced(z.string().min(10)),
  /**
   * How a request finds its answer: 'one-call' (the same system call carries both, as an _IOWR ioctl),
   * 'paired' (the answer is matched to the request by a sequence number), 'none' (separate operations).
   */
  requestReply: sourced(z.enum(['one-call', 'paired', 'none'])),
  /**
   * Per-device ('device'), system-wide ('system') or either, for settings; 'object' when user space creates
   * the objects whose settings these are (configfs's mkdir).
   */
  settingScope: sourced(z.enum(['device', 'system', 'either', 'object', 'none'])),
  /**
   * 'values': each file holds a current value that a write replaces (one value per file); 'messages': each
   * write or send is a message of its own, handled in order. Absent on older catalogues: 'messages'.
   */
  carries: sourced(z.enum(['messages', 'values'])).optional(),
  /**
   * Can a value be given before the module initialises (modprobe.d, the kernel command line)? Absent means
   * no: the interface exists only once the module's init has registered it.
   */
  loadTime: sourced(z.boolean()).optional(),
  /**
   * When the kernel must ask a user-space daemon and wait for its answer: 'native' (the daemon waits in
   * read/recv/an async command and writes its answer back, as fanotify, FUSE, the handshake family and
   * ublk do), 'parked' (only through a protocol built by hand on top, such as a thread left blocked in an
   * ioctl that returns when the kernel has a question), 'none' (it cannot carry a question from the kernel).
   * Two more need no daemon at all: 'runs-program' (the kernel starts a program with the question and waits
   * for its exit status, as request-key and modprobe run), 'answer-through-file' (the question goes out as
   * an event that starts a program, which writes the answer into a file the module provides, as the
   * firmware loader's fallback did). Absent: not rated, no rule.
   */
  kernelAsks: sourced(z.enum(['native', 'parked', 'none', 'runs-program', 'answer-through-file'])).optional(),
  /**
   * 'settings' when the interface is made to hold settings (tunables, parameters, objects' attributes) and
   * is the wrong home for data a driver reports or exchanges; absent or 'any' otherwise.
   */
  purpose: sourced(z.enum(['settings', 'any'])).optional(),
  /**
   * 'control' for a control-plane protocol (typed, extensible commands and notifications to many
   * listeners), the wrong carrier for a data stream or a bare wake-up to one party; absent or 'any' otherwise.
   */
  plane: sourced(z.enum(['control', 'any'])).optional(),
  /**
   * What a module author must build beyond calling the API, when the method is not something a module
   * owns (e.g. a tracepoint plus a BPF program for the BPF ring buffer); null when the module owns it.
   */
  viaLayer: z.string().min(10).nullable(),
  /**
   * How the kernel side receives what user space sends: 'in-call' when the module's handler runs in the
   * sender's system call (it can do the work there and return its error, or wake a worker), 'wakes-waiter'
   * when the sender only wakes a kernel thread that sleeps on it (eventfd: no code of the module's runs in
   * the call), 'shared-memory' when the sender stores into memory that a kernel thread must poll. Absent
   * for methods that carry nothing from user space.
   */
  kernelReceives: sourced(z.enum(['in-call', 'wakes-waiter', 'shared-memory'])).optional(),
});
export type Limits = z.infer<typeof limitsSchema>;

export const methodSchema = z.strictObject({
  id: z.enum(METHOD_IDS),
  name: z.string().min(2),
  summary: z.string().min(40),
  /** Directions data can flow. A method that supports both can serve dir=both. */
  directions: z.array(z.enum(['k2u', 'u2k'])).min(1),
  ratings: z.record(z.enum(TRAIT_IDS), traitRatingSchema),
  minKernel: kernelVersion,
  needsModule: z.boolean(),
  privileges: z.strictObject({
    /** True when an unprivileged process cannot use it at all without the admin changing defaults. */
    rootOnly: z.boolean(),
    /**
     * Receiving (kernel → user) needs privilege although sending to the kernel does not (a connector
     * group needs CAP_NET_ADMIN to join; any user may send to its callback). Absent: false.
     */
    receiveRootOnly: z.boolean().optional(),
    /**
     * The interface the kernel already has (what `existing` names) is open to unprivileged receivers
     * from this kernel on, although a module's own use of the method is not (CN_IDX_PROC since 6.6).
     */
    existingOpenSince: kernelVersion.optional(),
    /** Writing (user → kernel) needs root although reading may be open (sysctl, module parameters). Absent: false. */
    writeRootOnly: z.boolean().optional(),
    text: z.string().min(10),
  }),
  abi: z.enum(['stable', 'discouraged', 'debug-only']),
  abiNote: z.string().min(10),
  usableFromShell: z.boolean(),
  variants: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string(), description: z.string().min(10) }),
  ),
  caveats: z.array(z.string().min(10)).min(1),
  goodFor: z.array(z.string().min(5)).min(1),
  badFor: z.array(z.string().min(5)).min(1),
  /** The kernel side's execution context and locking: which callbacks may sleep, which lock fits there. */
  kernelContext: z.string().min(20),
  furtherReading: z.array(z.strictObject({ title: z.string(), href: z.string().min(3) })).min(1),
  /** Where the reference code lives in this repo, or where the kernel's own samples are. */
  reference: z.strictObject({
    path: z.string().nullable(),
    note: z.string(),
  }),
  limits: limitsSchema,
  /**
   * What already exists of this kind that user space can use without a module of its own (existing sysfs
   * files, uevents, tracepoints…), or null when every use needs new kernel code. "Cannot ship a module"
   * keeps a method that needs a module only when this is set, and the advice names it.
   */
  existing: z.string().min(10).nullable().optional(),
  /**
   * Which data the interfaces that already exist carry (see `existing`; for a method that needs no module,
   * what it reaches), per topic of the answers: 'home' where the kernel puts that data (the proc connector
   * for process events, procfs for system statistics), 'some' where a few existing files or events carry
   * it. A topic left out is data none of them carries: with no module and that topic, the method is
   * eliminated. Absent: not rated, no rule.
   */
  existingData: sourced(z.partialRecord(z.enum(TOPICS), z.enum(['home', 'some']))).optional(),
  /**
   * The directions the interfaces that already exist carry, where fewer than a module's own (the proc
   * connector only sends process events; a module's connector callback also receives). Without a module,
   * the direction check uses these. Absent: the same as `directions`.
   */
  existingDirections: sourced(z.array(z.enum(['k2u', 'u2k'])).min(1)).optional(),
  /**
   * For a debug-only method, whether tools outside the kernel may rely on the instances that already
   * exist: 'self-describing' when each publishes its own layout so a tool adapts when it changes (trace
   * event format files, BTF). Absent: no.
   */
  existingAbi: sourced(z.literal('self-describing')).optional(),
  /** When a maintainer would refuse this method, each with the reason; shown on every method card. */
  whenNotToUse: z.array(z.string().min(10)).min(1),
});
export type Method = z.infer<typeof methodSchema>;
export const methodsFileSchema = z.strictObject({
  schema: z.literal('kcomm-methods/1'),
  methods: z.array(methodSchema),
});

/** GET /api/methods and GET /api/traits: the catalogue as the server validated it at start. */
export const methodListSchema = z.strictObject({ methods: z.array(methodSchema) });
export const traitListSchema = z.strictObject({ traits: z.array(traitSchema) });

/**
 * One way a kernel framework uses a method: 'primary' for what it exposes to user space for these styles of
 * exchange (evdev's character device for input events), 'also' for what it uses beside (its ioctls).
 */
export const frameworkUseSchema = z.strictObject({
  method: z.enum(METHOD_IDS),
  role: z.enum(['primary', 'also']),
  /** The answers' styles this use serves; absent: every style. */
  styles: z.array(z.enum(STYLES)).min(1).optional(),
  /** What the framework does with the method, in words. */
  what: z.string().min(10),
  source,
});
export type FrameworkUse = z.infer<typeof frameworkUseSchema>;

/** Whether a use serves a style of exchange (a use without styles serves every one). */
export const frameworkServes = (u: FrameworkUse, style: Style): boolean => !u.styles || u.styles.includes(style);

/** A kernel framework a driver of a device class registers with instead of inventing a channel. */
export const frameworkSchema = z.strictObject({
  id: z.enum(FRAMEWORK_IDS),
  /** As a sentence names it: "the power_supply class". */
  name: z.string().min(2),
  /** The devices whose drivers register with it. */
  deviceClasses: z.string().min(5),
  /** The call a driver makes to register, and where the kernel documents it. */
  register: sourced(z.string().min(3)),
  /** What user space gets from it without any code of the driver's own ("a sysfs attribute per property"). */
  givesUserSpace: sourced(z.string().min(10)),
  uses: z.array(frameworkUseSchema).min(1),
});
export type Framework = z.infer<typeof frameworkSchema>;
/** GET /api/frameworks: data/frameworks.json as the server validated it at start. */
export const frameworkListSchema = z.strictObject({ frameworks: z.array(frameworkSchema) });
export const frameworksFileSchema = z.strictObject({
  schema: z.literal('kcomm-frameworks/1'),
  frameworks: z.array(frameworkSchema),
});

export interface Catalogue {
  methods: Method[];
  traits: Trait[];
  /** data/frameworks.json; absent in catalogues built without it (the framework answer then moves nothing). */
  frameworks?: Framework[];
}

/**
 * The overload fact that applies: for data the kernel produces (events and streams towards user space)
 * kernelDataOverload where a method has one, otherwise overload.
 */
export function overloadOf(L: Limits, kernelProduces: boolean): Limits['overload'] {
  return (kernelProduces && L.kernelDataOverload) || L.overload;
}
