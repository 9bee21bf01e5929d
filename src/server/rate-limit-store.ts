/**
 * @fastify/rate-limit gives every route its own store, so a per-address budget would be per route. This
 * store is shared by all routes (its `child` is itself); the plugin adds the route's `groupId` to the
 * key, so routes of one policy draw on one budget per client address. Memory is bounded: the oldest
 * windows are dropped first (an evicted client simply starts a fresh window).
 */

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface Window {
  current: number;
  endsAt: number;
}

export const MAX_TRACKED_CLIENTS = 50_000;

export class SharedRateLimitStore {
  private readonly windows = new Map<string, Window>();

  incr(key: string, callback: IncrCallback, timeWindow: number): void {
    const now = Date.now();
    const existing = this.windows.get(key);
    const window =
      existing && existing.endsAt > now
        ? { current: existing.current + 1, endsAt: existing.endsAt }
        : { current: 1, endsAt: now + timeWindow };
    // Re-inserting moves the key to the end of the Map's order, which makes the first key the stalest.
    this.windows.delete(key);
    this.windows.set(key, window);
    if (this.windows.size > MAX_TRACKED_CLIENTS) {
      const stalest = this.windows.keys().next().value;
      if (stalest !== undefined) this.windows.delete(stalest);
    }
    callback(null, { current: window.current, ttl: window.endsAt - now });
  }

  read(key: string, callback: IncrCallback): void {
    const now = Date.now();
    const window = this.windows.get(key);
    callback(
      null,
      window && window.endsAt > now
        ? { current: window.current, ttl: window.endsAt - now }
        : { current: 0, ttl: 0 },
    );
  }

  child(): SharedRateLimitStore {
    return this;
  }
}
