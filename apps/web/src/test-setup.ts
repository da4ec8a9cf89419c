import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

// jsdom has no ResizeObserver; Chart.js only needs one that never reports a size change.
class ResizeObserverStub {
  observe(): void {
    return undefined;
  }
  unobserve(): void {
    return undefined;
  }
  disconnect(): void {
    return undefined;
  }
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

setupZonelessTestEnv({ errorOnUnknownElements: true, errorOnUnknownProperties: true });
