// Starts the server: 127.0.0.1 and PORT (default 5178) unless told otherwise.
//   node --import tsx server/src/main.ts [--host ADDR] [--allow-local]
// Binding anything but loopback warns loudly; --allow-local permits runs that load modules into this kernel.
import { parseArgs } from 'node:util';
import { buildApp } from './app';

const { values } = parseArgs({
  options: { host: { type: 'string' }, 'allow-local': { type: 'boolean' } },
  allowPositionals: false,
});
const host = values.host ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5178);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.warn(`WARNING: binding ${host}: kcomm is then reachable from other machines. It has no authentication.`);
}

try {
  const app = await buildApp({
    extraHostNames: host === '127.0.0.1' ? [] : [host],
    allowLocal: values['allow-local'] ?? false,
    probeAccel: true,
  });
  if (values['allow-local']) console.warn('Local target allowed: runs may load kcomm modules into this kernel.');
  const address = await app.listen({ host, port });
  console.log(`kcomm is running at ${address.replace('127.0.0.1', 'localhost')}`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void app.close().then(() => process.exit(0));
    });
  }
} catch (e) {
  console.error(`kcomm could not start: ${(e as Error).message}`);
  process.exit(1);
}
