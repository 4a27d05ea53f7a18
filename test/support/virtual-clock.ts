import type { PacerClock } from '../../src/pacing/pacer-clock.js';

/**
 * A clock that moves only when told: timers fire in order as `advance`
 * passes them, so that a test of minutes of pacing takes none.
 */
export function virtualClock() {
  let now = 0;
  let serial = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: PacerClock = {
    now: () => now,
    setTimer: (callback, ms) => {
      timers.set(++serial, { at: now + ms, callback });
      return serial;
    },
    clearTimer: (id) => {
      timers.delete(id as number);
    },
  };
  return {
    clock,
    get now() {
      return now;
    },
    /** Timers not yet fired. */
    get pending() {
      return timers.size;
    },
    /** Moves the clock `ms` on, firing each timer due on the way, in order, letting promises settle after each. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        await settleMicrotasks();
        const [id, next] = [...timers].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0] ?? [];
        if (id === undefined || next === undefined || next.at > end) break;
        timers.delete(id);
        now = next.at;
        next.callback();
      }
      now = end;
      await settleMicrotasks();
    },
  };
}

async function settleMicrotasks(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}
