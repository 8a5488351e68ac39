// SPDX-License-Identifier: GPL-2.0
/*
 * kcomm_netlink - a classic netlink protocol of its own.
 *
 * What this sample shows
 *   netlink_kernel_create() on a protocol number (KCOMM_NETLINK_PROTO), an
 *   input callback that parses requests with netlink_rcv_skb(), and the two
 *   ways back to user space: unicast to the requesting socket (ECHO reply,
 *   TRIGGER) and multicast to a group (TRIGGER with the MULTICAST flag).
 *   A TRIGGER with the DELAYED flag fires its event later, from a work item:
 *   an event source that is not the request itself (kcomm_notify.h).
 *
 * When to choose it - practically never for new code
 *   This is the mechanism generic netlink is built on, shown so the
 *   difference is visible. A private protocol number is a scarce global
 *   resource (MAX_LINKS = 32 for everyone, no registry for out-of-tree users,
 *   collisions only detected at load time), has no discovery by name, no
 *   attribute policy, no per-command permissions, and is usually only
 *   created in the initial network namespace. Generic netlink gives all of
 *   that for the price of one family-id lookup; it is what the catalogue and
 *   reviewers recommend. Existing users of this form are subsystems old
 *   enough to have their own number (audit, SELinux, uevent, iSCSI).
 * When it is tolerable
 *   A private, out-of-tree, single-machine tool that needs raw byte payloads
 *   larger than genetlink's 64 KiB attribute limit (here up to 128 KiB).
 *
 * Data path
 *   sendmsg() copies the message into an skb and delivers it synchronously to
 *   kcomm_nl_input() in the sender's context. Replies are new skbs
 *   (nlmsg_new + memcpy) queued on the receiving socket, copied out by
 *   recvmsg(): one copy in each direction plus the skb allocation.
 *
 * Size limits
 *   KCOMM_NETLINK_PAYLOAD_MAX (128 KiB) stays under the sender's default
 *   socket buffer (net.core.wmem_default, ~208 KiB: sendmsg() rejects larger
 *   messages with EMSGSIZE) and keeps the kernel's reply skb, a single
 *   kmalloc, at an allocation order that still succeeds on a fragmented
 *   machine.
 *
 * Execution context and locking
 *   The input callback runs in process context (the sending task) and may
 *   sleep: GFP_KERNEL is fine. Several tasks may be in it at once (we pass no
 *   cb_mutex that would serialise them); the only shared state is atomic
 *   counters, so no lock is needed. Sending with GFP_ATOMIC is what an event
 *   source in atomic context would do. A DELAYED event waits on an hrtimer
 *   (the shared notify delay; a delayed_work counts in jiffies) whose
 *   callback only queues a work item: the event, up to 128 KiB, is then
 *   allocated with GFP_KERNEL in process context rather than GFP_ATOMIC in
 *   an interrupt. Its one pending slot is guarded by a mutex (trigger and
 *   work both run in process context).
 *
 * Permissions and lifetime
 *   Any user may send requests, but a TRIGGER with MULTICAST needs
 *   CAP_NET_ADMIN (EPERM otherwise), as does joining the multicast group
 *   because we do not set NL_CFG_F_NONROOT_RECV. Every user
 *   socket of this protocol holds a reference on this module (the netlink
 *   core does try_module_get on socket creation), so rmmod fails with EBUSY
 *   while one is open.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/hrtimer.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/version.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "kcomm_netlink.h"
#include "kcomm_notify.h"

static struct sock *kcomm_nl_sock;
static atomic64_t kcomm_sink_msgs = ATOMIC64_INIT(0);
static atomic64_t kcomm_sink_bytes = ATOMIC64_INIT(0);

/*
 * ECHO and SINK payloads, checked as kcomm benchmark messages (kcomm_msg.h).
 * One receiver for the whole protocol: concurrent senders' numbers interleave
 * and show as reordered, which is what they are from the kernel's side.
 */
static DEFINE_MUTEX(kcomm_rx_lock);
static struct kcomm_msg_stats kcomm_rx;

/* The one DELAYED event in flight, if armed. */
static DEFINE_MUTEX(kcomm_delayed_lock);
static struct {
	bool armed;
	u32 portid, size, flags;
} kcomm_delayed;
static struct hrtimer kcomm_delayed_timer;
static struct work_struct kcomm_delayed_work;

/* Build a message of len bytes; *data points at its (uninitialised) payload. */
static struct sk_buff *kcomm_nl_new(u32 portid, u32 seq, int type, size_t len,
				    void **data)
{
	struct sk_buff *skb;
	struct nlmsghdr *nlh;

	skb = nlmsg_new(len, GFP_KERNEL);
	if (!skb)
		return NULL;
	nlh = nlmsg_put(skb, portid, seq, type, len, 0);
	if (!nlh) {
		nlmsg_free(skb);
		return NULL;
	}
	*data = nlmsg_data(nlh);
	nlmsg_end(skb, nlh);
	return skb;
}

/* A real driver would act on the payload here; this one checks it. */
static void kcomm_nl_account(const struct nlmsghdr *nlh)
{
	mutex_lock(&kcomm_rx_lock);
	kcomm_msg_account(&kcomm_rx, nlmsg_data(nlh), nlmsg_len(nlh));
	mutex_unlock(&kcomm_rx_lock);
}

static int kcomm_nl_rx_stats(struct sk_buff *skb, const struct nlmsghdr *nlh)
{
	u32 portid = NETLINK_CB(skb).portid;
	struct sk_buff *reply;
	void *data;

	reply = kcomm_nl_new(portid, nlh->nlmsg_seq, KCOMM_NL_MSG_RX_STATS,
			     sizeof(kcomm_rx), &data);
	if (!reply)
		return -ENOMEM;
	mutex_lock(&kcomm_rx_lock);
	memcpy(data, &kcomm_rx, sizeof(kcomm_rx));
	mutex_unlock(&kcomm_rx_lock);
	return nlmsg_unicast(kcomm_nl_sock, reply, portid);
}

static int kcomm_nl_echo(struct sk_buff *skb, const struct nlmsghdr *nlh)
{
	u32 portid = NETLINK_CB(skb).portid;	/* the sender's address */
	struct sk_buff *reply;
	void *data;

	reply = kcomm_nl_new(portid, nlh->nlmsg_seq, KCOMM_NL_MSG_ECHO,
			     nlmsg_len(nlh), &data);
	if (!reply)
		return -ENOMEM;
	memcpy(data, nlmsg_data(nlh), nlmsg_len(nlh));
	/* Consumes reply; fails (-EAGAIN) if the sender's receive queue is full. */
	return nlmsg_unicast(kcomm_nl_sock, reply, portid);
}

/* Build and send one EVENT of size bytes; process context. */
static int kcomm_nl_event(u32 portid, u32 size, u32 flags)
{
	struct sk_buff *event;
	u64 stamp;
	void *data;

	/* Stamped before the event is produced, as every module stamps. */
	stamp = ktime_get_ns();
	event = kcomm_nl_new(0, 0, KCOMM_NL_MSG_EVENT, size, &data);
	if (!event)
		return -ENOMEM;
	/* Fill every byte: nlmsg_new() memory is not zeroed. */
	memset(data + sizeof(stamp), 0xa5, size - sizeof(stamp));
	memcpy(data, &stamp, sizeof(stamp));

	if (flags & KCOMM_NL_TRIGGER_MULTICAST) {
		/*
		 * Consumes event. -ESRCH means nobody listens; a listener whose
		 * queue is full loses the event and sees ENOBUFS itself.
		 */
		nlmsg_multicast(kcomm_nl_sock, event, 0,
				KCOMM_NETLINK_GROUP_EVENTS, GFP_KERNEL);
		return 0;
	}
	return nlmsg_unicast(kcomm_nl_sock, event, portid);
}

/* Interrupt context: the delay is over; the event is built where it may sleep. */
static enum hrtimer_restart kcomm_delayed_timer_fn(struct hrtimer *timer)
{
	queue_work(system_wq, &kcomm_delayed_work);
	return HRTIMER_NORESTART;
}

static void kcomm_delayed_work_fn(struct work_struct *work)
{
	u32 portid, size, flags;
	bool armed;

	mutex_lock(&kcomm_delayed_lock);
	armed = kcomm_delayed.armed;
	portid = kcomm_delayed.portid;
	size = kcomm_delayed.size;
	flags = kcomm_delayed.flags;
	kcomm_delayed.armed = false;
	mutex_unlock(&kcomm_delayed_lock);
	/* Nobody to report a failure to: the requester sees no event. */
	if (armed)
		kcomm_nl_event(portid, size, flags);
}

static int kcomm_nl_arm(u32 portid, u32 size, u32 flags)
{
	int ret = 0;

	mutex_lock(&kcomm_delayed_lock);
	if (kcomm_delayed.armed) {
		ret = -EBUSY;
	} else {
		kcomm_delayed.armed = true;
		kcomm_delayed.portid = portid;
		kcomm_delayed.size = size;
		kcomm_delayed.flags = flags;
		hrtimer_start(&kcomm_delayed_timer,
			      ns_to_ktime(KCOMM_NOTIFY_DELAY_NS),
			      HRTIMER_MODE_REL);
	}
	mutex_unlock(&kcomm_delayed_lock);
	return ret;
}

static int kcomm_nl_trigger(struct sk_buff *skb, const struct nlmsghdr *nlh,
			    struct netlink_ext_ack *extack)
{
	const struct kcomm_netlink_trigger *req = nlmsg_data(nlh);
	u32 portid = NETLINK_CB(skb).portid;
	const u32 known = KCOMM_NL_TRIGGER_MULTICAST | KCOMM_NL_TRIGGER_DELAYED;

	/* Raw payloads have no policy: every field is checked by hand. */
	if (nlmsg_len(nlh) != sizeof(*req)) {
		NL_SET_ERR_MSG(extack, "trigger payload has the wrong size");
		return -EINVAL;
	}
	if (req->flags & ~known) {
		NL_SET_ERR_MSG(extack, "unknown trigger flags");
		return -EINVAL;
	}
	if (req->size < sizeof(u64) || req->size > KCOMM_NETLINK_PAYLOAD_MAX) {
		NL_SET_ERR_MSG(extack, "event size out of range");
		return -EINVAL;
	}

	/*
	 * Multicast reaches every listener of the group: an unprivileged sender
	 * must not be able to flood them with 128 KiB events. Checked before
	 * allocating; genetlink says the same with GENL_ADMIN_PERM.
	 * netlink_net_capable() checks the socket's opener and the sender.
	 */
	if ((req->flags & KCOMM_NL_TRIGGER_MULTICAST) &&
	    !netlink_net_capable(skb, CAP_NET_ADMIN)) {
		NL_SET_ERR_MSG(extack, "multicast trigger needs CAP_NET_ADMIN");
		return -EPERM;
	}

	if (req->flags & KCOMM_NL_TRIGGER_DELAYED) {
		if (kcomm_nl_arm(portid, req->size, req->flags)) {
			NL_SET_ERR_MSG(extack, "a delayed event is already pending");
			return -EBUSY;
		}
		return 0;
	}
	return kcomm_nl_event(portid, req->size, req->flags);
}

/* One request; netlink_rcv_skb() turns the return value into the ACK/error. */
static int kcomm_nl_rcv_msg(struct sk_buff *skb, struct nlmsghdr *nlh,
			    struct netlink_ext_ack *extack)
{
	if (nlmsg_len(nlh) > KCOMM_NETLINK_PAYLOAD_MAX) {
		NL_SET_ERR_MSG(extack, "payload too large");
		return -EMSGSIZE;
	}

	switch (nlh->nlmsg_type) {
	case KCOMM_NL_MSG_ECHO:
		kcomm_nl_account(nlh);
		return kcomm_nl_echo(skb, nlh);
	case KCOMM_NL_MSG_RX_STATS:
		return kcomm_nl_rx_stats(skb, nlh);
	case KCOMM_NL_MSG_SINK:
		kcomm_nl_account(nlh);
		atomic64_inc(&kcomm_sink_msgs);
		atomic64_add(nlmsg_len(nlh), &kcomm_sink_bytes);
		return 0;
	case KCOMM_NL_MSG_TRIGGER:
		return kcomm_nl_trigger(skb, nlh, extack);
	default:
		NL_SET_ERR_MSG(extack, "unknown message type");
		return -EOPNOTSUPP;
	}
}

/*
 * Called for every skb a user sends to the kernel socket. netlink_rcv_skb()
 * walks the messages in it, drops any whose nlmsg_len is shorter than a
 * header or longer than the data, skips control types and messages without
 * NLM_F_REQUEST, and sends an error (or, with NLM_F_ACK, an ACK) back.
 */
static void kcomm_nl_input(struct sk_buff *skb)
{
	netlink_rcv_skb(skb, kcomm_nl_rcv_msg);
}

static int __init kcomm_nl_init(void)
{
	struct netlink_kernel_cfg cfg = {
		.groups = KCOMM_NETLINK_GROUP_EVENTS,
		.input = kcomm_nl_input,
	};

	INIT_WORK(&kcomm_delayed_work, kcomm_delayed_work_fn);
	/* hrtimer_setup() replaced hrtimer_init() + assigning .function in 6.13. */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
	hrtimer_setup(&kcomm_delayed_timer, kcomm_delayed_timer_fn,
		      CLOCK_MONOTONIC, HRTIMER_MODE_REL);
#else
	hrtimer_init(&kcomm_delayed_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	kcomm_delayed_timer.function = kcomm_delayed_timer_fn;
#endif

	/*
	 * Only in the initial network namespace: serving every netns would take
	 * pernet_operations creating one kernel socket per namespace.
	 */
	kcomm_nl_sock = netlink_kernel_create(&init_net, KCOMM_NETLINK_PROTO, &cfg);
	if (!kcomm_nl_sock) {
		pr_err("netlink protocol %d is taken or cannot be created\n",
		       KCOMM_NETLINK_PROTO);
		return -EBUSY;
	}
	pr_info("listening on netlink protocol %d\n", KCOMM_NETLINK_PROTO);
	return 0;
}

static void __exit kcomm_nl_exit(void)
{
	/*
	 * Every user socket of the protocol pins the module, so no trigger can
	 * arm the timer now. Stop it first (it queues the work), then the work
	 * (it uses the socket), then release the socket.
	 */
	hrtimer_cancel(&kcomm_delayed_timer);
	cancel_work_sync(&kcomm_delayed_work);
	netlink_kernel_release(kcomm_nl_sock);
	pr_info("sink received %lld messages, %lld bytes\n",
		(long long)atomic64_read(&kcomm_sink_msgs),
		(long long)atomic64_read(&kcomm_sink_bytes));
}

module_init(kcomm_nl_init);
module_exit(kcomm_nl_exit);

MODULE_DESCRIPTION("kcomm reference: classic netlink protocol with unicast and multicast");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("kcomm");
