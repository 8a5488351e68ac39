// Starts the server: 127.0.0.1 and PORT (default 5178) unless told otherwise.
//   node --import tsx server/src/main.ts [--host ADDR] [--allow-local]
// Prints the link with the per-launch token (KCOMM_TOKEN sets it) and writes it to var/token, readable by
// this user only, for scripts. SIGTERM/SIGINT abort the active run, end event streams, drop connections and
// exit within EXIT_DEADLINE_MS. Binding anything but loopback warns loudly; --allow-local permits runs that
// load modules into this kernel. The request log goes to var/log/server.log.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, REPO_ROOT } from './app';
import { generateToken, MIN_TOKEN_LENGTH } from './lib/auth';

/** SIGTERM/SIGINT: the process exits within this even if something refuses to close. */
const EXIT_DEADLINE_MS = 10_000;

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
const token = process.env.KCOMM_TOKEN || generateToken();
if (token.length < MIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
  console.error(`KCOMM_TOKEN must be at least ${MIN_TOKEN_LENGTH} printable characters without spaces.`);
  process.exit(2);
}
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.warn(
    `WARNING: binding ${host}: kcomm is then reachable from other machines over plain HTTP; anyone who sees the token can start runs.`,
  );
}

// KCOMM_VAR_DIR moves the token, the log and the run history elsewhere (tests).
const varDir = process.env.KCOMM_VAR_DIR || path.join(REPO_ROOT, 'var');
const tokenFile = path.join(varDir, 'token');
try {
  mkdirSync(path.join(varDir, 'log'), { recursive: true });
  rmSync(tokenFile, { force: true });
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600, flag: 'wx' });
  const app = await buildApp({
    extraHostNames: host === '127.0.0.1' ? [] : [host],
    allowLocal: values['allow-local'] ?? false,
    probeAccel: true,
    token,
    port,
    runsDir: path.join(varDir, 'runs'),
    log: { file: path.join(varDir, 'log', 'server.log') },
  });
  if (values['allow-local']) console.warn('Local target allowed: runs may load kcomm modules into this kernel.');
  const address = await app.listen({ host, port });
  const { port: bound } = app.server.address() as { port: number };
  console.log(`kcomm is running at ${address.replace('127.0.0.1', 'localhost')}`);
  console.log(`Open it with its token (needed to start or cancel runs):`);
  console.log(`  http://localhost:${bound}/?token=${token}`);
  console.log(`Scripts: Authorization: Bearer $(cat ${path.relative(process.cwd(), tokenFile) || tokenFile})`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      setTimeout(() => {
        console.error(`kcomm did not close within ${EXIT_DEADLINE_MS / 1000} s; exiting.`);
        process.exit(1);
      }, EXIT_DEADLINE_MS).unref();
      void app.close().then(
        () => {
          rmSync(tokenFile, { force: true });
          process.exit(0);
        },
        (e: Error) => {
          console.error(`kcomm: error while closing: ${e.message}`);
          process.exit(1);
        },
      );
    });
  }
} catch (e) {
  console.error(`kcomm could not start: ${(e as Error).message}`);
  process.exit(1);
}
