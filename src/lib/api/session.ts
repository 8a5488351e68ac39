import { CSRF_COOKIE, CSRF_HEADER } from '../../core/runs';

// The server's per-launch token (server/src/lib/auth.ts) reaches the app as two cookies set when the link
// `npm start` printed was opened: an HttpOnly session the app never sees, and a CSRF value the app copies
// into a header on every state-changing request (a page on another origin can do neither).

/** The CSRF cookie's value, or null when this browser has not opened the server's link with its token. */
export function csrfToken(): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Headers that authenticate a state-changing request from the app. */
export function sessionHeaders(): Record<string, string> {
  const value = csrfToken();
  return value === null ? {} : { [CSRF_HEADER]: value };
}
