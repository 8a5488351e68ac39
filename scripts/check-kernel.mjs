// `npm run check:kernel`: the kernel's own checkers on the kernel side of every reference module and of
// kcomm_min.ko (server/harness/min/, the measuring baseline).
//   checkpatch.pl --strict --no-tree on each module source and header (not the *_user.c user sides and their
//   *_robust.c drills);
//   sparse (kbuild's C=2) on every module, once per LTS line of the installed kernels.
// Any finding fails. checkpatch comes from Debian's linux-source-X.Y tarball: only scripts/checkpatch.pl,
// spelling.txt and const_structs.checkpatch are extracted, once, into var/checkpatch/<tarball>/.
//
// One checkpatch type is ignored, on purpose: LINUX_VERSION_CODE ("code should be for the version to
// which it is merged"). These modules are out of tree and build on several kernels; their version guards
// (eventfd_signal 6.8, vm_flags_* 6.3, hrtimer_setup 6.13, relay's subbuf_start 6.17) are the point.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ensureDebianPackages } from './lib/debian-packages.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const REFERENCE = path.join(ROOT, 'server/reference');
const MINIMAL = path.join(ROOT, 'server/harness/min');
const CACHE = path.join(ROOT, 'var/checkpatch');
const CHECKPATCH_FILES = ['checkpatch.pl', 'spelling.txt', 'const_structs.checkpatch'];
const CHECKPATCH_IGNORE = ['LINUX_VERSION_CODE'];

const { compareVersions, kernelFlavour, kernelLine, listGuestKernels } = await tsImport(
  '../server/src/bench/kernel.ts',
  import.meta.url,
);

const started = Date.now();
const seconds = (t) => `${Math.round((Date.now() - t) / 1000)} s`;

/** The newest linux-source-X.Y tarball in /usr/src; installs the newest package apt offers if none. */
function sourceTarball() {
  const find = () =>
    readdirSync('/usr/src')
      .filter((n) => /^linux-source-\d+\.\d+\.tar\.xz$/.test(n))
      .sort(compareVersions)
      .at(-1);
  let tarball = find();
  if (!tarball) {
    // The package name is resolved at run time: whichever linux-source-X.Y is the newest apt offers.
    const r = spawnSync('apt-cache', ['pkgnames', 'linux-source-'], { encoding: 'utf8' });
    const name = (r.stdout ?? '')
      .split('\n')
      .filter((n) => /^linux-source-\d+\.\d+$/.test(n))
      .sort(compareVersions)
      .at(-1);
    if (!name) {
      console.error('check:kernel needs a linux-source-X.Y package: apt-get update && apt-cache search linux-source');
      process.exit(1);
    }
    ensureDebianPackages([name], 'check:kernel (checkpatch.pl)');
    tarball = find();
  }
  if (!tarball) {
    console.error('check:kernel: no /usr/src/linux-source-*.tar.xz after installing linux-source');
    process.exit(1);
  }
  return path.join('/usr/src', tarball);
}

/** checkpatch.pl and its two data files, extracted once per tarball. */
function checkpatch() {
  const tarball = sourceTarball();
  const dir = path.join(CACHE, path.basename(tarball, '.tar.xz'));
  if (CHECKPATCH_FILES.every((f) => existsSync(path.join(dir, f)))) return path.join(dir, 'checkpatch.pl');
  const t = Date.now();
  mkdirSync(CACHE, { recursive: true });
  const tmp = mkdtempSync(path.join(tmpdir(), 'kcomm-checkpatch-'));
  const wanted = CHECKPATCH_FILES.map((f) => `*/scripts/${f}`);
  const r = spawnSync('tar', ['-xJf', tarball, '-C', tmp, '--wildcards', ...wanted], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`check:kernel: extracting checkpatch from ${tarball} failed`);
    process.exit(1);
  }
  const top = readdirSync(tmp)[0];
  mkdirSync(path.dirname(dir), { recursive: true });
  renameSync(path.join(tmp, top, 'scripts'), dir);
  rmSync(tmp, { recursive: true, force: true });
  console.log(`checkpatch extracted from ${tarball} into ${path.relative(ROOT, dir)} (${seconds(t)})`);
  return path.join(dir, 'checkpatch.pl');
}

/**
 * server/reference/<method>/ folders with a Kbuild, and server/harness/min/ (kcomm_min.ko, the measuring
 * baseline, built by the same Makefile), with their kernel-side sources.
 */
function moduleDirs() {
  return [
    ...readdirSync(REFERENCE)
      .map((n) => path.join(REFERENCE, n))
      .filter((d) => existsSync(path.join(d, 'Kbuild')))
      .sort(),
    MINIMAL,
  ];
}
const kernelSources = (dir) =>
  readdirSync(dir)
    .filter((n) => /\.[ch]$/.test(n) && !n.endsWith('_user.c') && !n.endsWith('_robust.c') && !n.endsWith('.mod.c'))
    .map((n) => path.join(dir, n));

ensureDebianPackages(['sparse', 'perl', 'make', 'gcc'], 'check:kernel');
let findings = 0;

// --- checkpatch
{
  const t = Date.now();
  const script = checkpatch();
  // reference/include/: the headers the modules share (kcomm_notify.h).
  const files = [...moduleDirs(), path.join(REFERENCE, 'include')].flatMap(kernelSources);
  // One run for all files (perl's start-up dominates); --terse names the file on each finding.
  const r = spawnSync(
    'perl',
    [
      script,
      '--strict',
      '--no-tree',
      '--terse',
      '--show-types',
      '--ignore',
      CHECKPATCH_IGNORE.join(','),
      '-f',
      ...files,
    ],
    { encoding: 'utf8', cwd: REFERENCE },
  );
  const lines = `${r.stdout}${r.stderr}`
    .split('\n')
    .filter((l) => l.trim() && !/^total:/.test(l) && !/has no obvious style problems/.test(l));
  for (const l of lines) console.log(`checkpatch: ${l}`);
  findings += lines.length;
  if (r.status !== 0 && lines.length === 0) {
    console.log(`checkpatch: exit ${r.status ?? r.signal} without a finding`);
    findings++;
  }
  console.log(`checkpatch --strict: ${files.length} files, ${findings} findings (${seconds(t)})`);
}

// --- sparse, once per LTS line (the newest generic kernel of each; rt shares the source)
{
  const kernels = listGuestKernels();
  const byLine = new Map();
  for (const k of kernels) {
    const line = kernelLine(k.version);
    const prev = byLine.get(line);
    if (!prev || (kernelFlavour(prev.version) !== '' && kernelFlavour(k.version) === '')) byLine.set(line, k);
  }
  if (byLine.size === 0) {
    console.error('check:kernel: no kernel with headers installed (node scripts/ensure-kernel-deps.mjs installs them)');
    process.exit(1);
  }
  const before = findings;
  for (const k of byLine.values()) {
    const t = Date.now();
    let checked = 0;
    for (const dir of moduleDirs()) {
      const r = spawnSync('make', ['-C', k.headers, `M=${dir}`, 'C=2', 'W=1', 'modules'], { encoding: 'utf8' });
      const out = `${r.stdout}${r.stderr}`;
      checked += out.split('\n').filter((l) => /^\s*CHECK\s/.test(l)).length;
      const bad = out.split('\n').filter((l) => /(warning|error):/.test(l));
      for (const l of bad) console.log(`sparse ${k.version}: ${l}`);
      findings += bad.length;
      if (r.status !== 0) {
        console.log(`sparse ${k.version}: make in ${path.relative(REFERENCE, dir)} failed (exit ${r.status})`);
        findings++;
      }
    }
    if (checked === 0) {
      console.log(`sparse ${k.version}: no file was checked (is sparse installed?)`);
      findings++;
    }
    console.log(`sparse (C=2) on ${k.version}: ${checked} files checked (${seconds(t)})`);
  }
  console.log(`sparse: ${findings - before} findings`);
}

console.log(`check:kernel: ${findings} findings in all (${seconds(started)})`);
process.exit(findings ? 1 : 0);
