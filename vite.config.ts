import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devProxy } from './server/src/lib/dev-proxy.ts';

// `npm run dev` proxies the API to `npm run serve` on PORT (default 5178); see server/src/lib/dev-proxy.ts.
const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 5178}`;

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: devProxy(serverUrl) },
});
