/**
 * One quota's token bucket, its queue and its rate. Requests wait in
 * arrival order, so that listings sharing a quota share it evenly: the
 * first to wait is the first to go. One timer serves the whole queue.
 */
import type { CubicRate } from './cubic-rate.js';
import type { PacerClock } from './pacer-clock.js';

/** How far back the rate that succeeded is measured. */
const RATE_WINDOW_MS = 5000;

/** What became of a request that was paced: what adapts the rate. */
export type PacedOutcome = 'succeeded' | 'throttled' | 'failed';

/** A request's turn: told once what became of the request. */
export interface PaceTicket {
  /** Milliseconds the request waited for its turn. */
  readonly waitedMs: number;
  /** Tells the quota what became of the request; later calls are ignored. */
  settle(outcome: PacedOutcome): void;
}

/** A quota's figures, as `stats()` reports them. */
export interface QuotaStats {
  /** Requests a second now allowed; `Infinity` while an adaptive quota has seen no throttling. */
  readonly ratePerSecond: number;
  /** Requests that went out. */
  readonly requests: number;
  /** Requests the service throttled. */
  readonly throttled: number;
  /** Milliseconds that requests spent waiting for their turn, in all. */
  readonly waitedMs: number;
}

interface Waiter {
  readonly enqueuedAt: number;
  readonly resolve: (ticket: PaceTicket) => void;
  readonly reject: (reason: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/** A rate that a pacer holds: fixed, or adaptive. */
export type QuotaRate = { readonly fixed: number; readonly burst: number } | { readonly adaptive: CubicRate };

export class Quota {
  readonly #clock: PacerClock;
  readonly #fixed: { readonly rate: number; readonly burst: number } | undefined;
  readonly #adaptive: CubicRate | undefined;
  #tokens: number;
  #refilledAt: number;
  readonly #queue: Waiter[] = [];
  #timer: unknown;
  /** Bumped at each cut: a throttle of a request that went out before the cut is old news. */
  #epoch = 0;
  /** When the requests of the last five seconds succeeded, oldest first. */
  readonly #successes: number[] = [];
  /** Where the successes still in the window start: older ones are dropped in bulk, not one shift at a time. */
  #head = 0;
  /** When the first request of this quota succeeded. */
  #firstSuccess: number | undefined;
  #requests = 0;
  #throttled = 0;
  #waitedMs = 0;

  constructor(rate: QuotaRate, clock: PacerClock) {
    this.#clock = clock;
    if ('fixed' in rate) this.#fixed = { rate: rate.fixed, burst: rate.burst };
    else this.#adaptive = rate.adaptive;
    this.#tokens = this.#fixed?.burst ?? 0;
    this.#refilledAt = clock.now();
  }

  get rate(): number {
    return this.#fixed?.rate ?? (this.#adaptive as CubicRate).rate;
  }

  /** The bucket's size: the burst given, or, adapting, one second of the rate. */
  get #capacity(): number {
    return this.#fixed?.burst ?? Math.max(1, this.rate);
  }

  stats(): QuotaStats {
    return { ratePerSecond: this.rate, requests: this.#requests, throttled: this.#throttled, waitedMs: this.#waitedMs };
  }

  /** Resolves with the request's turn: at once when the quota allows it, else in arrival order. Rejects when `signal` aborts. */
  acquire(signal: AbortSignal | undefined): Promise<PaceTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#queue.length === 0 && this.#take()) return Promise.resolve(this.#ticket(0));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        enqueuedAt: this.#clock.now(),
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.#queue.indexOf(waiter);
          if (index >= 0) this.#queue.splice(index, 1);
          reject(signal?.reason);
          this.#schedule();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /** Takes a token if there is one; an unlimited rate always has one. */
  #take(): boolean {
    if (this.rate === Number.POSITIVE_INFINITY) return true;
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + ((now - this.#refilledAt) / 1000) * this.rate);
    this.#refilledAt = now;
  }

  /** Lets go every waiter the bucket has a token for, and sets one timer for the next. */
  #serve = (): void => {
    this.#timer = undefined;
    while (this.#queue.length > 0 && this.#take()) {
      const waiter = this.#queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.#ticket(this.#clock.now() - waiter.enqueuedAt));
    }
    this.#schedule();
  };

  #schedule(): void {
    if (this.#timer !== undefined) this.#clock.clearTimer(this.#timer);
    this.#timer = undefined;
    if (this.#queue.length === 0) return;
    this.#refill();
    // Whole ms, at least 1 while the bucket lacks a token: a timer of a fraction of a ms fires with the bucket still short.
    const ms =
      this.#tokens >= 1 || this.rate === Number.POSITIVE_INFINITY
        ? 0
        : Math.max(1, Math.ceil(((1 - this.#tokens) / this.rate) * 1000));
    this.#timer = this.#clock.setTimer(this.#serve, ms);
  }

  #ticket(waitedMs: number): PaceTicket {
    this.#waitedMs += waitedMs;
    const epoch = this.#epoch;
    let settled = false;
    return {
      waitedMs,
      settle: (outcome) => {
        if (settled) return;
        settled = true;
        this.#settle(outcome, epoch);
      },
    };
  }

  /**
   * Requests that succeeded a second, over the last five seconds, or over
   * the time since the first success when that is shorter (but at least
   * one second): five seconds hold a whole cycle of cut, climb and probe,
   * so that the service's burst, spent in the probe, is not taken for its rate.
   */
  #succeededPerSecond(now: number): number {
    const span = Math.min(RATE_WINDOW_MS, Math.max(1000, now - (this.#firstSuccess ?? now)));
    // Every success kept is within the span: the window drops older ones, and none is older than the first.
    return (this.#successes.length - this.#head) / (span / 1000);
  }

  /** Drops the successes older than the window: O(1) a request, amortized. */
  #prune(now: number): void {
    while (this.#head < this.#successes.length && (this.#successes[this.#head] as number) < now - RATE_WINDOW_MS) this.#head++;
    if (this.#head > 1024 && this.#head * 2 > this.#successes.length) {
      this.#successes.splice(0, this.#head);
      this.#head = 0;
    }
  }

  #settle(outcome: PacedOutcome, epoch: number): void {
    this.#requests++;
    // A fixed rate learns nothing: its successes need no record.
    if (this.#adaptive === undefined) {
      if (outcome === 'throttled') this.#throttled++;
      return;
    }
    const now = this.#clock.now();
    this.#prune(now);
    if (outcome === 'throttled') {
      this.#throttled++;
      // One cut for each round of requests: the others that went out with this one tell nothing new.
      if (epoch !== this.#epoch) return;
      this.#epoch++;
      this.#refill();
      this.#adaptive.throttled(now, this.#succeededPerSecond(now));
      // The bucket starts empty at the new rate: what was saved up at the old one would go out at once.
      this.#tokens = 0;
      this.#refilledAt = now;
      this.#schedule();
    } else if (outcome === 'succeeded') {
      this.#successes.push(now);
      this.#firstSuccess ??= now;
      // Unthrottled so far, or fixed: nothing to adapt, and nothing more to do for the request.
      if (this.#adaptive === undefined || this.rate === Number.POSITIVE_INFINITY) return;
      const before = this.rate;
      this.#refill();
      this.#adaptive.succeeded(now, this.#succeededPerSecond(now));
      if (this.rate !== before) this.#schedule();
    }
  }
}
