/** Thrown when a limiter's queue is full: the caller reports the work as not done rather than wait. */
export class LimiterBusyError extends Error {
  constructor() {
    super('Too many tasks are waiting.');
    this.name = 'LimiterBusyError';
  }
}

/**
 * Runs at most `limit` tasks at once; up to `maxWaiting` others wait their turn in order, and any more
 * are refused with LimiterBusyError. A finishing task hands its slot straight to the next in line, so
 * no newcomer slips in between.
 */
export function createLimiter(limit: number, maxWaiting = Number.POSITIVE_INFINITY) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) {
      if (waiting.length >= maxWaiting) throw new LimiterBusyError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      active += 1;
    }
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
