import { describe, expect, it } from 'vitest';
import { createLimiter, LimiterBusyError } from './limiter.ts';

describe('createLimiter', () => {
  it('runs at most the limit at once, in order, and goes on after a failure', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (id: number, fails = false) =>
      limit(async () => {
        started.push(id);
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
        if (fails) throw new Error(`task ${id}`);
        return id;
      });
    const results = await Promise.allSettled([task(1), task(2, true), task(3), task(4), task(5)]);
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });

  it('hands a finished slot to the next in line, never to a newcomer', async () => {
    const limit = createLimiter(1);
    let active = 0;
    let peak = 0;
    const task = () =>
      limit(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await Promise.resolve();
        active -= 1;
      });
    const first = task();
    const second = task();
    await first;
    // Started the moment the first finished, while the second holds its handed-over slot.
    const third = task();
    await Promise.all([second, third]);
    expect(peak).toBe(1);
  });

  it('refuses work beyond the queue', async () => {
    const limit = createLimiter(1, 1);
    let release: () => void = () => undefined;
    const running = limit(() => new Promise<void>((resolve) => (release = resolve)));
    const queued = limit(async () => 'queued');
    await expect(limit(async () => 'refused')).rejects.toBeInstanceOf(LimiterBusyError);
    release();
    await running;
    expect(await queued).toBe('queued');
  });
});
