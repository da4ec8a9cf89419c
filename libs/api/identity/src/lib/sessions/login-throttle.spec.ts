import fc from 'fast-check';
import { FREE_FAILURES_PER_CLIENT, FREE_FAILURES_PER_USER, LoginThrottle } from './login-throttle';

function clocked() {
  let now = 1_000_000;
  const throttle = new LoginThrottle(() => now);
  return { throttle, advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
  it('lets the free failures through, then doubles the wait: 1 s, 2 s, 4 s', () => {
    const { throttle } = clocked();
    for (let i = 0; i < FREE_FAILURES_PER_USER; i++) throttle.failed('bob', 'a');
    expect(throttle.retryAfterSec('bob', 'a')).toBe(0);
    const waits = [1, 2, 3].map(() => {
      throttle.failed('bob', 'a');
      return throttle.retryAfterSec('bob', 'a');
    });
    expect(waits).toEqual([1, 2, 4]);
  });

  it('holds the user back from every client, and a success clears the user only', () => {
    const { throttle, advance } = clocked();
    for (let i = 0; i <= FREE_FAILURES_PER_USER; i++) throttle.failed('bob', `client-${i}`);
    expect(throttle.retryAfterSec('bob', 'a fresh client')).toBe(1);
    expect(throttle.retryAfterSec('alice', 'client-1')).toBe(0);
    advance(1000);
    throttle.succeeded('bob');
    expect(throttle.retryAfterSec('bob', 'client-1')).toBe(0);
  });

  it('holds back a client that sprays user names', () => {
    const { throttle } = clocked();
    for (let i = 0; i <= FREE_FAILURES_PER_CLIENT; i++) throttle.failed(`name-${i}`, 'sprayer');
    expect(throttle.retryAfterSec('anyone', 'sprayer')).toBe(1);
    expect(throttle.retryAfterSec('anyone', 'someone else')).toBe(0);
  });

  it('never asks for more than 15 minutes, and a longer run of failures never waits less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (failures) => {
        const { throttle } = clocked();
        let previous = 0;
        for (let i = 0; i < failures; i++) {
          throttle.failed('bob', null);
          const wait = throttle.retryAfterSec('bob', null);
          expect(wait).toBeGreaterThanOrEqual(previous);
          expect(wait).toBeLessThanOrEqual(15 * 60);
          previous = wait;
        }
      }),
    );
  });
});
