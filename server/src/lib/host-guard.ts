// Defence against DNS rebinding and cross-site requests: the server answers only to its own names, and
// refuses state-changing requests whose Origin is another site.
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

export function makeHostGuard(extraNames: string[] = []) {
  const allowed = new Set([...LOCAL_NAMES, ...extraNames.map((n) => n.toLowerCase())]);
  return async function hostGuard(req: FastifyRequest, reply: FastifyReply) {
    const host = req.headers.host;
    if (!host || !allowed.has(hostnameOf(host))) {
      return reply.code(421).send({
        error: 'bad-host',
        message: `This server answers only to ${[...allowed].join(', ')}; the request named host "${host ?? ''}".`,
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      const origin = req.headers.origin;
      if (origin !== undefined) {
        let originHost: string;
        try {
          originHost = new URL(origin).host;
        } catch {
          originHost = '';
        }
        if (!originHost || !allowed.has(hostnameOf(originHost))) {
          return reply.code(403).send({
            error: 'cross-origin',
            message: `State-changing requests from another site are refused (Origin: ${origin}).`,
          });
        }
      }
    }
  };
}
