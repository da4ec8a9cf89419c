import { existsSync, readFileSync, statSync } from 'node:fs';
import sqlite3 from 'sqlite3';

const MIB = 1024 * 1024;

/** Resident set size of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Used V8 heap, as the app's own Prometheus endpoint reports it. */
export async function heapMiB(appUrl: string): Promise<number> {
  const text = await (await fetch(`${appUrl}/metrics`)).text();
  const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text);
  return match ? Number(match[1]) / MIB : 0;
}

/** The SQLite file with its write-ahead log. */
export function databaseMiB(file: string): number {
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  return (size(file) + size(`${file}-wal`)) / MIB;
}

/** Row counts of the tables that grow with history, read without disturbing the app's writer. */
export function rowCounts(file: string): Promise<{ snapshots: number; decisions: number }> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.get<{ snapshots: number; decisions: number }>(
        'SELECT (SELECT COUNT(*) FROM equity_snapshots) AS snapshots, ' +
          '(SELECT COUNT(*) FROM decisions) AS decisions',
        (queryError, row) => {
          db.close();
          if (queryError) reject(queryError);
          else resolve(row);
        },
      );
    });
  });
}
