import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import { ApiFailure } from '../api/api-failure';
import { ConnectionStatus } from './connection-status.service';
import { PollingClock } from './polling-clock.service';
import { pollResource } from './poll-resource';

describe('pollResource', () => {
  let ticks: Subject<number>;

  beforeEach(() => {
    ticks = new Subject<number>();
    TestBed.configureTestingModule({
      providers: [{ provide: PollingClock, useValue: { ticks$: ticks } }],
    });
  });

  function create<T>(load: () => ReturnType<typeof of<T>>) {
    return runInInjectionContext(TestBed.inject(Injector), () => pollResource(load));
  }

  it('loads at once when created, without waiting for the shared clock, then on every tick', () => {
    let calls = 0;
    const resource = create(() => of(++calls));
    expect(resource.value()).toBe(1);
    ticks.next(0);
    ticks.next(1);
    expect(resource.value()).toBe(3);
  });

  it('does not stack a request on one still in flight', () => {
    const answers = new Subject<number>();
    let calls = 0;
    const resource = create(() => {
      calls++;
      return answers;
    });
    ticks.next(0);
    ticks.next(1);
    expect(calls).toBe(1);
    answers.next(7);
    expect(resource.value()).toBe(7);
  });

  it('keeps the last good value through a failure and reports it', () => {
    let fail = false;
    const resource = create(() =>
      fail
        ? throwError(() => new ApiFailure(0, 'NETWORK_ERROR', 'The server did not answer.'))
        : of('good'),
    );
    fail = true;
    ticks.next(0);
    expect(resource.value()).toBe('good');
    expect(resource.error()?.code).toBe('NETWORK_ERROR');
    expect(TestBed.inject(ConnectionStatus).lost()).toBe(true);
  });
});
