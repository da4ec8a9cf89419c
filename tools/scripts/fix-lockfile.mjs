#!/usr/bin/env node
// Some registries (including the one this project is developed against) do not serve other
// platforms' optional native binaries, so `npm install` silently drops them from package-lock.json
// and a later `npm ci` refuses the lockfile. This restores those entries as optional packages
// constrained to their platform, so npm skips them everywhere except on their own os/cpu.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'android',
  'darwin',
  'freebsd',
  'linux',
  'netbsd',
  'openbsd',
  'openharmony',
  'sunos',
  'win32',
  'aix',
  'cygwin',
];
const CPU = [
  'arm',
  'arm64',
  'ia32',
  'loong64',
  'mips64el',
  'ppc64',
  'riscv64',
  's390x',
  'x64',
  'wasm32',
];
const KNOWN_OS = ['android', 'darwin', 'linux', 'win32'];
const KNOWN_CPU = ['arm', 'arm64', 'riscv64', 'x64'];

/** Derives os/cpu/libc constraints from a platform package's name, e.g. `@rollup/rollup-linux-x64-musl`. */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  if (parts.includes('all') && parts.includes('unknown')) {
    return parts.indexOf('all') < parts.indexOf('unknown')
      ? { cpu: KNOWN_CPU.map((c) => `!${c}`) }
      : { os: KNOWN_OS.map((o) => `!${o}`) };
  }
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os && !cpu) return undefined;
  const result = {};
  if (os) result.os = [os];
  if (cpu) result.cpu = [cpu];
  if (parts.includes('musl')) result.libc = ['musl'];
  else if (parts.includes('gnu') || (os === 'linux' && parts.includes('glibc')))
    result.libc = ['glibc'];
  return result;
}

function fix(lockPath) {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const packages = lock.packages;
  let added = 0;
  const unknown = [];
  for (const [key, entry] of Object.entries(packages)) {
    for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
      const top = `node_modules/${dep}`;
      if (packages[nested] || packages[top]) continue;
      const platform = platformOf(dep);
      if (!platform) {
        unknown.push(dep);
        continue;
      }
      const version = range.replace(/^[\^~=]/, '');
      packages[top] = { version, optional: true, ...platform };
      added++;
    }
  }
  const sorted = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
    ),
  );
  lock.packages = sorted;
  writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
  console.log(`fix-lockfile: added ${added} optional platform entries`);
  if (unknown.length)
    console.warn(`fix-lockfile: could not infer a platform for: ${unknown.join(', ')}`);
}

fix(process.argv[2] ?? 'package-lock.json');
