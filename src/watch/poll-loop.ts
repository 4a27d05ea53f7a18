import { abortableDelay } from '../attempts/abortable-delay.js';

/** What a loop of polls needs to know: how to poll, and how often. */
export interface PollLoop<E> {
  /**
   * One poll, from round 0: its events. `signal` aborts when the loop's
   * consumer leaves. What it throws ends the loop: a poll that should
   * outlive a failure (a watch's) deals with the failure itself.
   */
  readonly poll: (signal: AbortSignal, round: number) => Promise<readonly E[]>;
  /** Milliseconds between the end of one poll and the start of the next, before jitter. */
  readonly interval: number;
}

/**
 * Each wait is the interval times a random factor in [0.9, 1.1), so that
 * watches started together do not poll together.
 */
export function jittered(interval: number): number {
  return Math.round(interval * (0.9 + Math.random() * 0.2));
}

/**
 * Polls until `signal` aborts or the consumer returns, yielding each poll's
 * events when there are any. An abort rejects with the signal's reason, at
 * once, mid-poll or mid-wait, and leaves no timer behind.
 */
export async function* pollLoop<E>(loop: PollLoop<E>, signal: AbortSignal): AsyncGenerator<readonly E[], never> {
  for (let round = 0; ; round++) {
    if (round > 0) await abortableDelay(jittered(loop.interval), signal);
    let events: readonly E[];
    try {
      events = await loop.poll(signal, round);
    } catch (error) {
      // A poll cut short by the abort fails with whatever its request threw: the abort's reason is what the caller is owed.
      signal.throwIfAborted();
      throw error;
    }
    signal.throwIfAborted();
    if (events.length > 0) yield events;
  }
}
