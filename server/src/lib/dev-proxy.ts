// `npm run dev`: Vite serves the app (on 5173 unless taken) and proxies the API to a running `npm run serve`.
// The server accepts a state-changing request only from its own origin (host-guard.ts), and a browser on the
// dev server sends Origin: http://localhost:5173. As Vite's docs show (server.proxy with changeOrigin and
// configure), the proxy presents such requests as the server's own: Host is rewritten by changeOrigin, and
// Origin here, but ONLY when it is exactly a page of the dev server itself (a loopback name on the port the
// request came in on). Any other Origin goes through unchanged and the server refuses it as always: its
// checks are not relaxed for the dev setup.
import type { ProxyOptions } from 'vite';

/** The origins of the dev server's own pages: its loopback names on its port. */
export function devOrigins(devPort: number): Set<string> {
  return new Set(['localhost', '127.0.0.1', '[::1]'].map((name) => `http://${name}:${devPort}`));
}

/** The Origin to forward: the server's own for a page of the dev server on devPort, anything else unchanged. */
export function proxiedOrigin(origin: string | undefined, devPort: number, serverOrigin: string): string | undefined {
  return origin !== undefined && devOrigins(devPort).has(origin) ? serverOrigin : origin;
}

/**
 * Vite's server.proxy for kcomm: /api, and the landing link with the server's token (`/…?token=…`, which sets
 * the session cookies and redirects), both to serverUrl.
 */
export function devProxy(serverUrl: string): Record<string, ProxyOptions> {
  const serverOrigin = new URL(serverUrl).origin;
  const options: ProxyOptions = {
    target: serverUrl,
    changeOrigin: true,
    configure: (proxy) => {
      proxy.on('proxyReq', (proxyReq, req) => {
        const devPort = req.socket.localPort;
        if (devPort === undefined) return;
        const origin = proxiedOrigin(req.headers.origin, devPort, serverOrigin);
        if (origin !== undefined && origin !== req.headers.origin) proxyReq.setHeader('origin', origin);
      });
    },
  };
  return { '/api': options, '^/[^?]*\\?(?:[^#]*&)?token=': options };
}
