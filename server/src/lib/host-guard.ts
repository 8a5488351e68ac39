// Defence against DNS rebinding and cross-site requests: the server answers only to its own names on its own
// port, and refuses state-changing requests whose Origin is not exactly its own (scheme, host and port).
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** A Host header: a DNS name or an IPv4 address, or a bracketed IPv6 address, then at most a port. */
const HOST_RE = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::([0-9]{1,5}))?$/;

/** {name, port} of a Host header, or null when it is not exactly `name[:port]`. */
export function parseHost(header: string): { name: string; port: number | null } | null {
  const m = HOST_RE.exec(header.toLowerCase());
  if (!m) return null;
  const port = m[2] === undefined ? null : Number(m[2]);
  if (port !== null && (port < 1 || port > 65535)) return null;
  return { name: m[1]!, port };
}

const STATE_CHANGING = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
export { STATE_CHANGING as isStateChanging };

export interface HostGuardOptions {
  /** Host names besides localhost/127.0.0.1/[::1] the server answers to (set when binding elsewhere). */
  extraNames?: string[];
  /**
   * The port when the request's socket does not tell it (requests injected in-process by tests). Without it
   * such requests are checked by host name only; requests from the network always carry their port.
   */
  port?: number;
}

export function makeHostGuard(opts: HostGuardOptions = {}) {
  const allowed = new Set([
    ...LOCAL_NAMES,
    ...(opts.extraNames ?? []).map((n) => {
      const name = n.toLowerCase();
      return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
    }),
  ]);
  const names = [...allowed].join(', ');

  /** Throws the refusal, or returns nothing when the request may go on. */
  return function checkHost(req: FastifyRequest): void {
    const port = req.raw.socket?.localPort ?? opts.port;
    const hosts = hostHeaders(req.raw.rawHeaders);
    const host = hosts.length === 1 ? parseHost(hosts[0]!) : null;
    if (!host || !allowed.has(host.name) || (host.port !== null && port !== undefined && host.port !== port)) {
      const what = hosts.length > 1 ? `${hosts.length} Host headers` : `host "${hosts[0] ?? ''}"`;
      throw new HttpError(
        421,
        'bad-host',
        `This server answers only to ${names} on port ${port}; the request named ${what}.`,
      );
    }
    if (!STATE_CHANGING(req.method)) return;
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (!isOwnOrigin(origin, allowed, port)) {
      throw new HttpError(
        403,
        'cross-origin',
        `State-changing requests from another origin are refused (Origin: ${origin.slice(0, 200)}).`,
      );
    }
  };
}

/** `http://<allowed name>:<port>` exactly (the port left out when it is 80); any port when it is unknown. */
function isOwnOrigin(origin: string, allowed: Set<string>, port: number | undefined): boolean {
  if (port !== undefined) {
    return [...allowed].some((n) => origin === (port === 80 ? `http://${n}` : `http://${n}:${port}`));
  }
  const m = /^http:\/\/(.+)$/.exec(origin);
  const host = m ? parseHost(m[1]!) : null;
  return host !== null && allowed.has(host.name);
}

function hostHeaders(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'host') out.push(raw[i + 1]!);
  return out;
}
