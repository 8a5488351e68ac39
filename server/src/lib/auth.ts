// The per-launch token, as Jupyter does it. `npm start` prints http://localhost:<port>/?token=<token>;
// visiting it sets two cookies and redirects to the clean URL:
//   kcomm_session  HttpOnly, SameSite=Strict: a value derived from the token (never the token itself);
//   kcomm_csrf     SameSite=Strict, readable by the app: <nonce>.<HMAC(token, nonce)>.
// A state-changing request (POST, DELETE, ...) is accepted with `Authorization: Bearer <token>` (scripts),
// or with the session cookie plus the header x-kcomm-csrf equal to the kcomm_csrf cookie and an Origin that
// is exactly the server's own (the app). That is the signed double-submit cookie that Django (csrftoken +
// X-CSRFToken) and Jupyter/Tornado (_xsrf + X-XSRFToken) use: a page elsewhere can neither read the
// cookie nor set the header, and because the value is signed with the token, a cookie planted by another
// server on localhost (cookies ignore ports) is refused. Reads stay open on loopback.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../../src/core/runs';
import { HttpError } from './errors';

/** Tokens given through KCOMM_TOKEN must be at least this long; generated ones are 48 hex digits. */
export const MIN_TOKEN_LENGTH = 16;

export const generateToken = () => randomBytes(24).toString('hex');

const digest = (s: string) => createHash('sha256').update(s).digest();
/** Compares in constant time whatever the lengths. */
export const safeEqual = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Every value of each cookie: a cookie sent twice (one planted by another site on localhost) is seen. */
export function parseCookies(header: string | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

const unauthorized = (message: string) =>
  new HttpError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer realm="kcomm"' });

const HOW =
  'open the link `npm start` printed (http://localhost:<port>/?token=…) in this browser, or send Authorization: Bearer <token>';

export function makeAuth(token: string) {
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`the token must have at least ${MIN_TOKEN_LENGTH} characters`);
  const mac = (what: string) => createHmac('sha256', token).update(what).digest('base64url');
  const session = mac('kcomm-session/1');
  const newCsrf = () => {
    const nonce = randomBytes(18).toString('base64url');
    return `${nonce}.${mac(`kcomm-csrf/1:${nonce}`)}`;
  };
  const csrfSigned = (value: string) => {
    const dot = value.indexOf('.');
    return dot > 0 && safeEqual(value.slice(dot + 1), mac(`kcomm-csrf/1:${value.slice(0, dot)}`));
  };

  return {
    /**
     * GET …?token=<token>: sets the cookies and redirects to the same URL without the token (so it leaves
     * the address bar and the history). Returns true when it answered.
     */
    landing(req: FastifyRequest, reply: FastifyReply): boolean {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const url = new URL(req.url, 'http://x');
      const given = url.searchParams.get('token');
      if (given === null) return false;
      if (!safeEqual(given, token)) throw unauthorized(`The token in this link is not this server's; ${HOW}.`);
      url.searchParams.delete('token');
      void reply
        .code(302)
        .header('set-cookie', [
          `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Strict`,
          `${CSRF_COOKIE}=${newCsrf()}; Path=/; SameSite=Strict`,
        ])
        .header('cache-control', 'no-store')
        .header('location', `${url.pathname}${url.search}`)
        .send();
      return true;
    },

    /** Throws 401 unless a state-changing request carries the token or the app's session. */
    check(req: FastifyRequest): void {
      const authorization = req.headers.authorization;
      if (authorization !== undefined) {
        const m = /^Bearer ([\x21-\x7e]+)$/.exec(authorization);
        if (!m || !safeEqual(m[1]!, token))
          throw unauthorized(`The Authorization header does not carry this server's token.`);
        return;
      }
      const cookies = parseCookies(req.headers.cookie);
      const sessions = cookies.get(SESSION_COOKIE) ?? [];
      if (sessions.length !== 1 || !safeEqual(sessions[0]!, session)) {
        throw unauthorized(`Starting or cancelling runs needs this server's token: ${HOW}.`);
      }
      const csrf = cookies.get(CSRF_COOKIE) ?? [];
      const header = req.headers[CSRF_HEADER];
      if (csrf.length !== 1 || typeof header !== 'string' || !safeEqual(header, csrf[0]!) || !csrfSigned(header)) {
        throw unauthorized(`The request lacks the ${CSRF_HEADER} header matching the ${CSRF_COOKIE} cookie; ${HOW}.`);
      }
      if (req.headers.origin === undefined) {
        throw unauthorized('A request authenticated by cookie must carry an Origin header (browsers send one).');
      }
    },
  };
}
