import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devProxy } from './server/src/lib/dev-proxy.ts';

// `npm run dev` proxies the API to `npm run serve` on PORT (default 5178); see server/src/lib/dev-proxy.ts.
const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 5178}`;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    // zod and src/app/zod-config.ts in one chunk, config after zod: the config (jitless, so that zod never
    // probes for eval under the server's Content-Security-Policy) then runs before any chunk that builds a
    // schema, whichever chunks the shared schemas (src/core) land in.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]app[\\/]zod-config\.ts$/ }],
        },
      },
    },
  },
  server: { proxy: devProxy(serverUrl) },
});
