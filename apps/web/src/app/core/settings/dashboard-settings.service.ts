import { Injectable, effect, signal } from '@angular/core';

const STORAGE_KEY = 'ptp.dashboard.pollIntervalSec';
export const DEFAULT_POLL_INTERVAL_SEC = 3;
export const MIN_POLL_INTERVAL_SEC = 1;
export const MAX_POLL_INTERVAL_SEC = 60;

function clampInterval(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_POLL_INTERVAL_SEC;
  return Math.min(MAX_POLL_INTERVAL_SEC, Math.max(MIN_POLL_INTERVAL_SEC, Math.round(value)));
}

function readStoredInterval(): number {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === null || stored === undefined
    ? DEFAULT_POLL_INTERVAL_SEC
    : clampInterval(Number(stored));
}

/** Per-browser dashboard preferences, kept in localStorage. */
@Injectable({ providedIn: 'root' })
export class DashboardSettings {
  private readonly interval = signal(readStoredInterval());
  readonly pollIntervalSec = this.interval.asReadonly();

  constructor() {
    effect(() => globalThis.localStorage?.setItem(STORAGE_KEY, String(this.interval())));
  }

  setPollIntervalSec(value: number): void {
    this.interval.set(clampInterval(value));
  }
}
