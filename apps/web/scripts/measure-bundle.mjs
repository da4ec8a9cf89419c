#!/usr/bin/env node
// Initial JS/CSS of the built dashboard: every file index.html loads before the first screen (scripts,
// module preloads, stylesheets), raw and gzipped. Usage: node apps/web/scripts/measure-bundle.mjs [dist dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist/apps/web/browser';
const html = readFileSync(join(root, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)].map(
  (m) => m[1],
);
const LIMIT_KB = 400;

let raw = 0;
let gzip = 0;
for (const file of new Set(files)) {
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
