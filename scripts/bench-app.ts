// Benchmark of the app's speed, for the README (not a timed test):
//  1. initial JavaScript: every script and modulepreload that dist/index.html loads, gzip-compressed;
//  2. wizard responsiveness: time from an input event to the frame after React re-rendered, measured in the
//     page with performance marks over many inputs (Debian's Chromium, headless).
// Run: npm run bench:app   (builds first)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServer, launchBrowser } from '../test/e2e/browser';

const dist = path.resolve('dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
  (m) => m[1]!,
);
let total = 0;
for (const file of initial) {
  const gz = gzipSync(readFileSync(path.join(dist, file))).length;
  total += gz;
  console.log(`initial JS  ${file}: ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`initial JS total: ${(total / 1024).toFixed(1)} KB gzip (budget 200 KB)`);

const { app, url } = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${url}/?step=size`);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  const input = page.locator('input[type="text"], input[type="number"]').first();
  await input.waitFor();
  const timings: number[] = await input.evaluate(async (el: HTMLInputElement) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      performance.mark('input-start');
      setValue.call(el, String(64 + (i % 50)));
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      performance.mark('input-painted');
      out.push(performance.measure('wizard-input', 'input-start', 'input-painted').duration);
    }
    return out;
  });
  timings.sort((a, b) => a - b);
  const q = (p: number) => timings[Math.min(timings.length - 1, Math.ceil(p * timings.length) - 1)]!;
  console.log(
    `wizard input → next frame over ${timings.length} inputs: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${q(1).toFixed(1)} ms (budget 50 ms)`,
  );
} finally {
  await browser.close();
  await app.close();
}
