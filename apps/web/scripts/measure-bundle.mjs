#!/usr/bin/env node
// Initial JS/CSS of the built dashboard: every file index.html loads before the first screen (scripts,
// module preloads, stylesheets) and every chunk those scripts import statically, raw and gzipped.
// Angular preloads at most ten chunks in index.html, so the static imports must be followed too.
// Usage: node apps/web/scripts/measure-bundle.mjs [dist dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/apps/web/browser';
const html = readFileSync(join(root, 'index.html'), 'utf8');
const LIMIT_KB = 400;
// `import{…}from"./x.js"`, `import"./x.js"` and `export{…}from"./x.js"`, never `import("./x.js")`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[{*\w][^"'()]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g;

const pending = [
  ...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g),
].map((m) => m[1]);
const initial = new Set();
while (pending.length > 0) {
  const file = pending.pop();
  if (initial.has(file)) continue;
  initial.add(file);
  if (file.endsWith('.js'))
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(STATIC_IMPORT))
      pending.push(m[1]);
}

let raw = 0;
let gzip = 0;
for (const file of [...initial].sort()) {
  const bytes = readFileSync(join(root, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(
    `${file.padEnd(28)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  ${(zipped / 1024).toFixed(1).padStart(7)} kB gz`,
  );
}
console.log(
  `${'initial total'.padEnd(28)} ${(raw / 1024).toFixed(1).padStart(8)} kB  ${(gzip / 1024).toFixed(1).padStart(7)} kB gz (limit ${LIMIT_KB} kB gz)`,
);
process.exit(gzip / 1024 <= LIMIT_KB ? 0 : 1);
