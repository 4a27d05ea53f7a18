/**
 * The adaptive rate of one quota: CUBIC, as the AWS SDKs' adaptive retry
 * mode computes it (`DefaultRateLimiter` in `@smithy/core/retry`: the same
 * cut on throttling, `beta`, and the same cubic climb back to the rate that
 * was throttled and past it, `scaleConstant`). The SDK's class keeps all of
 * this private, reads the wall clock and sleeps without an abort signal, so
 * the arithmetic is written here, on a clock that is passed in.
 *
 * Three changes from the SDK's, each for a reason measured in a simulation
 * of four listings sharing a quota of 5 requests a second:
 * - the rate that was throttled is the rate of requests that *succeeded*
 *   lately, not the rate sent: listings that burst at hundreds of requests
 *   a second before the first throttle would otherwise be cut to seventy
 *   percent of hundreds, and throttled a dozen more times on the way down
 *   (measured over the last 5 s, which holds a whole cycle of cut, climb
 *   and probe, so that the service's burst, spent in the probe, does not
 *   pass for its rate);
 * - a slower climb past the throttled rate (`scaleConstant` 0.1, not 0.4);
 * - a plateau of 4 s at the throttled rate before the probe past it.
 * Each probe past the quota costs a throttled request; the last two space
 * them about 9 s apart at 5 requests a second, against 4 s, and the rate
 * still reaches 80% of a doubled quota within about 4 to 9 s.
 *
 * What it does not do well: a quota whose burst is much smaller than its
 * rate (40 a second, bursts of 4). The first throttle comes when the burst
 * is spent, the rate it measures is about the burst's, and the climb to
 * the real rate takes CUBIC's time, some seconds. A quota that is known is
 * better paced at its rate: `createPacer({ ratePerSecond })`.
 */

/** CUBIC's constants, as the SDK names them. */
export interface CubicConstants {
  /** The share of the throttled rate kept after a throttle; the SDK's default is 0.7. */
  readonly beta: number;
  /** How fast the rate climbs back, in requests a second per second cubed. */
  readonly scaleConstant: number;
  /** The lowest rate, in requests a second: the SDK's `minFillRate`. */
  readonly minRate: number;
  /** Seconds the rate holds at the throttled rate, once back at it, before it probes past it. */
  readonly plateau: number;
}

export const CUBIC: CubicConstants = {
  beta: 0.7,
  scaleConstant: 0.1,
  minRate: 0.5,
  plateau: 4,
};

/** The rate of one quota: unlimited until the first throttle, then CUBIC's curve. */
export class CubicRate {
  readonly #constants: CubicConstants;
  /** The rate that was throttled last, in requests a second. */
  #lastMax = 0;
  /** When the last cut was, in ms. */
  #cutAt = 0;
  /** Seconds from the cut until the curve is back at `#lastMax`. */
  #window = 0;
  #rate = Number.POSITIVE_INFINITY;
  constructor(constants: CubicConstants = CUBIC) {
    this.#constants = constants;
  }

  /** Requests a second now allowed; `Infinity` before the first throttle. */
  get rate(): number {
    return this.#rate;
  }

  /**
   * A throttle, at `nowMs`, with `succeededPerSecond` requests having
   * succeeded in the last second: the rate drops to `beta` times the lower
   * of the two rates, and the climb back starts.
   */
  throttled(nowMs: number, succeededPerSecond: number): void {
    const { beta, scaleConstant, minRate } = this.#constants;
    this.#lastMax = Math.max(minRate, Math.min(this.#rate, succeededPerSecond));
    this.#window = Math.cbrt((this.#lastMax * (1 - beta)) / scaleConstant);
    this.#cutAt = nowMs;
    this.#rate = Math.max(minRate, this.#lastMax * beta);
  }

  /**
   * A success, at `nowMs`: the rate follows the curve, back to the
   * throttled rate after `window` seconds and past it after, but never past
   * twice what succeeded in the last second, so that a quota used lightly
   * does not build a rate that nothing has tried.
   */
  succeeded(nowMs: number, succeededPerSecond: number): void {
    if (this.#rate === Number.POSITIVE_INFINITY) return;
    const { scaleConstant, minRate, plateau } = this.#constants;
    const since = (nowMs - this.#cutAt) / 1000 - this.#window;
    // Below the throttled rate, the climb back; at it, a plateau; past the plateau, the probe.
    const t = since <= 0 ? since : Math.max(0, since - plateau);
    const curve = scaleConstant * t ** 3 + this.#lastMax;
    this.#rate = Math.max(minRate, Math.min(curve, Math.max(2 * succeededPerSecond, this.#lastMax)));
  }
}
