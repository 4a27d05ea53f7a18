import { abortableDelay } from '../attempts/abortable-delay.js';

/** What a loop of polls needs to know: how to poll, how often, and which failures end it. */
export interface PollLoop<E> {
  /** One poll, from round 0: its events. `signal` aborts when the loop's consumer leaves. */
  readonly poll: (signal: AbortSignal, round: number) => Promise<readonly E[]>;
  /** Milliseconds between the end of one poll and the start of the next, before jitter. */
  readonly interval: number;
  /** A failure that no later poll can mend (access denied, a bad request): it ends the loop. */
  readonly isFatal: (error: unknown) => boolean;
  /** Told of each poll that failed but did not end the loop; the loop then waits for the next interval. */
  readonly onPollError?: ((error: unknown) => void) | undefined;
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
 * events when there are any. A failed poll that is not fatal goes to
 * `onPollError`, and the next interval polls again; what `onPollError`
 * throws ends the loop. An abort rejects with the signal's reason, at once,
 * mid-poll or mid-wait, and leaves no timer behind.
 */
export async function* pollLoop<E>(loop: PollLoop<E>, signal: AbortSignal): AsyncGenerator<readonly E[], never> {
  for (let round = 0; ; round++) {
    if (round > 0) await abortableDelay(jittered(loop.interval), signal);
    let events: readonly E[];
    try {
      events = await loop.poll(signal, round);
    } catch (error) {
      signal.throwIfAborted();
      if (loop.isFatal(error)) throw error;
      loop.onPollError?.(error);
      continue;
    }
    signal.throwIfAborted();
    if (events.length > 0) yield events;
  }
}
