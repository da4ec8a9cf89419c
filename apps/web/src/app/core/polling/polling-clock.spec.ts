import { TestBed } from '@angular/core/testing';
import { DashboardSettings } from '../settings/dashboard-settings.service';
import { PollingClock } from './polling-clock.service';

describe('PollingClock', () => {
  let visibility: DocumentVisibilityState;

  beforeEach(() => {
    jest.useFakeTimers();
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    });
  });

  afterEach(() => {
    jest.useRealTimers();
    localStorage.clear();
  });

  function setVisibility(state: DocumentVisibilityState): void {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('ticks at once and then every interval, stops while the tab is hidden and resumes at once when shown', () => {
    TestBed.inject(DashboardSettings).setPollIntervalSec(2);
    let ticks = 0;
    const subscription = TestBed.inject(PollingClock).ticks$.subscribe(() => ticks++);
    TestBed.tick();
    expect(ticks).toBe(1);
    jest.advanceTimersByTime(4000);
    expect(ticks).toBe(3);

    setVisibility('hidden');
    jest.advanceTimersByTime(60_000);
    expect(ticks).toBe(3);

    setVisibility('visible');
    expect(ticks).toBe(4);
    jest.advanceTimersByTime(2000);
    expect(ticks).toBe(5);
    subscription.unsubscribe();
  });

  it('clamps the configured interval to 1–60 s and remembers it in this browser', () => {
    const settings = TestBed.inject(DashboardSettings);
    settings.setPollIntervalSec(0);
    expect(settings.pollIntervalSec()).toBe(1);
    settings.setPollIntervalSec(600);
    expect(settings.pollIntervalSec()).toBe(60);
    settings.setPollIntervalSec(Number.NaN);
    expect(settings.pollIntervalSec()).toBe(3);
    settings.setPollIntervalSec(7);
    TestBed.tick();
    expect(localStorage.getItem('ptp.dashboard.pollIntervalSec')).toBe('7');
  });
});
