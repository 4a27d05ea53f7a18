/**
 * `createPacer`: one pace for every request that shares a quota, across
 * any number of listings, watches and waits. Generic: what a quota is (an
 * operation in a region and an account, for Bedrock) is the caller's key.
 */
import { assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { CubicRate } from './cubic-rate.js';
import { type PacerClock, REAL_CLOCK } from './pacer-clock.js';
import { type PaceTicket, Quota, type QuotaStats } from './quota.js';

/**
 * Options of {@link createPacer}: none for a pacer that learns each quota's
 * rate from throttling, or the rate when the quota is known.
 *
 * @example
 * ```ts
 * import { createPacer, type PacerOptions } from 'bedrock-customization-jobs';
 *
 * // The account's quota for ListModelCustomizationJobs, from Service Quotas.
 * const options: PacerOptions = { ratePerSecond: 5, burst: 5 };
 * const pacer = createPacer(options);
 * ```
 */
export interface PacerOptions {
  /**
   * Requests a second that each quota allows, when it is known: more than 0
   * and at most 10,000. Absent, the pacer adapts: no pacing until a request
   * is throttled, then the rate CUBIC finds (as the SDK's adaptive retry
   * mode computes it), climbing back as requests succeed.
   */
  readonly ratePerSecond?: number | undefined;
  /**
   * With `ratePerSecond`, how many requests may go at once after a quiet
   * spell: a whole number from 1 to 10,000; default `ratePerSecond`, at
   * least 1.
   */
  readonly burst?: number | undefined;
}

/**
 * What {@link Pacer.stats} reports: requests, throttles and waits over
 * every quota the pacer has seen, and each quota's own figures.
 */
export interface PacerStats extends QuotaStats {
  /** Each quota's figures, by its key (`ListModelCustomizationJobs us-east-1 AKIA…`). */
  readonly quotas: Readonly<Record<string, QuotaStats>>;
}

/** A pacer's own methods, known to the library: not a supported API. */
export const paceRequest: unique symbol = Symbol('paceRequest');

/**
 * Paces requests that share a quota, so that concurrent listings, watches
 * and waits use the service's rate together instead of each finding the
 * limit alone. Made by {@link createPacer}; pass it as the `pacer` option.
 *
 * @example
 * ```ts
 * import { createPacer, paginateCustomizationJobs, paginateModelImportJobs } from 'bedrock-customization-jobs';
 *
 * const pacer = createPacer();
 * const [jobs, imports] = await Promise.all([
 *   paginateCustomizationJobs({}, { pacer }).toArray(),
 *   paginateModelImportJobs({}, { pacer }).toArray(),
 * ]);
 * const { requests, throttled, waitedMs } = pacer.stats();
 * console.log(`${jobs.length + imports.length} items, ${requests} requests, ${throttled} throttled, ${waitedMs} ms paced`);
 * ```
 */
export interface Pacer {
  /**
   * The figures so far: `ratePerSecond` is the sum of the quotas' rates
   * (`Infinity` while one adapts and has seen no throttling), `requests`,
   * `throttled` and `waitedMs` the totals.
   */
  stats(): PacerStats;
  /** @internal How the library waits for a request's turn in the quota named `key`. */
  [paceRequest](key: string, signal: AbortSignal | undefined): Promise<PaceTicket>;
}

/** The most requests a second a rate or a burst may name. */
export const MAX_PACER_RATE = 10_000;

/** Checks `createPacer`'s options, naming the field, the value and what is allowed. */
function checkPacerOptions(options: PacerOptions): { ratePerSecond: number; burst: number } | undefined {
  const where = 'createPacer(options): options';
  assertOptionalObject(options, where);
  rejectUnknownKeys(options, ['ratePerSecond', 'burst'], where);
  const { ratePerSecond, burst } = options;
  if (ratePerSecond === undefined) {
    if (burst !== undefined) {
      throw inputError(
        TypeError,
        `${where}.burst`,
        burst,
        'left out unless ratePerSecond is given: an adaptive pacer finds its own',
      );
    }
    return undefined;
  }
  const rateRule = `a number of requests a second > 0 and at most ${MAX_PACER_RATE.toLocaleString('en-US')}`;
  if (typeof ratePerSecond !== 'number') throw inputError(TypeError, `${where}.ratePerSecond`, ratePerSecond, rateRule);
  if (!(ratePerSecond > 0 && ratePerSecond <= MAX_PACER_RATE)) {
    throw inputError(RangeError, `${where}.ratePerSecond`, ratePerSecond, rateRule);
  }
  const burstRule = `a whole number of requests from 1 to ${MAX_PACER_RATE.toLocaleString('en-US')}`;
  const size = burst ?? Math.max(1, Math.floor(ratePerSecond));
  if (typeof size !== 'number') throw inputError(TypeError, `${where}.burst`, burst, burstRule);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PACER_RATE)
    throw inputError(RangeError, `${where}.burst`, burst, burstRule);
  return { ratePerSecond, burst: size };
}

/** {@link createPacer} on a clock of the caller's: how the tests run hours of pacing in no time. */
export function pacerOn(clock: PacerClock, options: PacerOptions = {}): Pacer {
  const fixed = checkPacerOptions(options);
  const quotas = new Map<string, Quota>();
  const quotaOf = (key: string) => {
    let quota = quotas.get(key);
    if (quota === undefined) {
      quota = new Quota(fixed ? { fixed: fixed.ratePerSecond, burst: fixed.burst } : { adaptive: new CubicRate() }, clock);
      quotas.set(key, quota);
    }
    return quota;
  };
  return {
    stats() {
      const each = Object.fromEntries([...quotas].map(([key, quota]) => [key, quota.stats()]));
      const all = Object.values(each);
      const sum = (field: 'requests' | 'throttled' | 'waitedMs' | 'ratePerSecond') =>
        all.reduce((total, quota) => total + quota[field], 0);
      return {
        ratePerSecond: all.length === 0 ? (fixed?.ratePerSecond ?? Number.POSITIVE_INFINITY) : sum('ratePerSecond'),
        requests: sum('requests'),
        throttled: sum('throttled'),
        waitedMs: sum('waitedMs'),
        quotas: each,
      };
    },
    [paceRequest]: (key, signal) => quotaOf(key).acquire(signal),
  };
}

/**
 * A pacer for the `pacer` option of every listing, watch and wait: the
 * requests of one quota (the same operation, region and account) wait
 * their turn in arrival order, at a rate it adapts from throttling, or at
 * the rate given. Bad options throw here.
 *
 * @param options - Nothing, to adapt; or `ratePerSecond` (and `burst`), when the quota is known.
 * @returns A {@link Pacer}, to share among everything that calls the same quotas.
 * @throws TypeError or RangeError for bad options, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { createPacer, paginateCustomizationJobs, watchCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const pacer = createPacer();
 * const jobs = paginateCustomizationJobs({}, { pacer });
 * const events = watchCustomizationJobs({}, { pacer, interval: 60_000 });
 * ```
 */
export function createPacer(options: PacerOptions = {}): Pacer {
  return pacerOn(REAL_CLOCK, options);
}

/** Whether `value` is a pacer made by {@link createPacer}: what the `pacer` option is checked against. */
export function isPacer(value: unknown): value is Pacer {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Pacer>)[paceRequest] === 'function';
}
