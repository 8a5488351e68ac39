// Imported first by main.tsx, so that it runs before any module builds a zod schema: the server's
// Content-Security-Policy forbids eval, and zod must neither probe for it (the probe, though caught, is
// reported as a violation) nor compile parsers with it. A schema built before this line would probe.
import { z } from 'zod';

z.config({ jitless: true });
