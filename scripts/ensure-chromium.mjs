import { ensureDebianPackages } from './lib/debian-packages.mjs';

ensureDebianPackages(
  ['chromium', 'fonts-liberation'],
  'The browser end-to-end suite (Playwright driving /usr/bin/chromium)',
);
