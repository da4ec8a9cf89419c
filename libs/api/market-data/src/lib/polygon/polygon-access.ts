import type { Clock } from '../provider/clock';
import { ProviderError } from '../provider/provider-error';
import type { PolygonLogger } from './polygon-http.client';

/** A plan's entitlements do not change by the minute: after a 403, look again an hour later. */
const ENTITLEMENT_RECHECK_MS = 3_600_000;

export type PolygonFeature = 'snapshot' | 'lastTrade';

/**
 * What the key and the plan allow, learnt from Polygon's answers: a 401/403 on any request marks the
 * key unauthorized (for the health state), and a 403 on a feature a low plan lacks switches that
 * feature off for an hour so the provider falls back instead of failing.
 */
export class PolygonAccess {
  private readonly notEntitledAt = new Map<PolygonFeature, number>();
  private refusal: string | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly logger: PolygonLogger,
  ) {}

  /** Why the key was last refused, or null once a request succeeds again. */
  get unauthorized(): string | null {
    return this.refusal;
  }

  entitled(feature: PolygonFeature): boolean {
    const at = this.notEntitledAt.get(feature);
    return at === undefined || this.clock.now() - at >= ENTITLEMENT_RECHECK_MS;
  }

  /** Runs a request a low plan may refuse; a 403 switches the feature off (for an hour) instead of failing. */
  async guard<T>(feature: PolygonFeature, call: () => Promise<T>): Promise<T | null> {
    try {
      const result = await call();
      this.notEntitledAt.delete(feature);
      return result;
    } catch (error) {
      const planRefusal =
        error instanceof ProviderError &&
        error.kind === 'unauthorized' &&
        !/401/.test(error.message);
      if (!planRefusal) throw error;
      this.notEntitledAt.set(feature, this.clock.now());
      this.logger.warn(`Polygon plan not entitled to ${feature}; falling back`);
      return null;
    }
  }

  /** Records a 401/403 for the health state before passing it on. */
  async remember<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.refusal = null;
      return result;
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'unauthorized')
        this.refusal = `market data key invalid or plan not entitled: ${error.message}`;
      throw error;
    }
  }
}
