// One place that makes sure Debian packages a test suite needs are installed. As root on Debian (as CI
// runs) it installs what is missing with apt-get; anywhere else it stops with the exact command to run.
// Never skips: a suite that needs a tool either gets it or fails saying how to get it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * @param {string[]} packages Debian package names
 * @param {string} why what needs them, for the message
 */
export function ensureDebianPackages(packages, why) {
  const isDebian = existsSync('/etc/debian_version');
  const missing = isDebian ? packages.filter((p) => !isInstalled(p)) : packages;
  if (missing.length === 0) return;
  const cmd = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isDebian || !isRoot) {
    console.error(`\n${why} needs: ${missing.join(', ')}.\nInstall them as root with:\n  apt-get update && ${cmd}\n`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' ')} for ${why} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
