import { ApiError } from './api-error.js';
import { type Random, seededRandom } from './random.js';

/**
 * When a fault strikes: on each of the first `first` requests after the
 * faults were set, and otherwise with `probability` (0 to 1) per request.
 * With `after`, the rule sleeps through that many requests first.
 */
export interface FaultRule {
  /** Strike each of the first this many requests after `after`: a whole number ≥ 0, or Infinity; default 0. */
  readonly first?: number;
  /** Chance of a strike on each request after `after`, from 0 to 1; default 0. */
  readonly probability?: number;
  /** Requests to leave alone before the rule starts counting: a whole number ≥ 0, or Infinity; default 0. */
  readonly after?: number;
}

/**
 * Faults the emulator injects into API requests, for tests and benchmarks.
 * Set them with the `faults` option of `startEmulator`, or later with
 * `emulator.setFaults()`, which also restarts the counts and the random
 * sequence. Every random choice comes from `seed`, so a run repeats.
 * They are checked when set: a misspelt fault or rule key is a `TypeError`
 * that suggests the nearest one, and a value out of its bounds a `RangeError`.
 *
 * When several faults strike one request, the first of `hang`, `deny`,
 * `malformed`, `drop`, `unavailable`, `serverError` and `throttle` wins.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({
 *   jobs: { count: 3000 },
 *   faults: {
 *     seed: 42,
 *     latency: { min: 5, max: 50 },
 *     throttle: { ratePerSecond: 10, burst: 2 },
 *     serverError: { probability: 0.05 },
 *     rejectToken: { first: 1, after: 2 },
 *   },
 * });
 * // Other faults for the next test: their counts and random sequence start over.
 * emulator.setFaults({ drop: { first: 1, phase: 'mid-response' } });
 * await emulator.close();
 * ```
 */
export interface Faults {
  /** Seed of the random sequence, an integer; default 1. */
  readonly seed?: number;
  /**
   * Milliseconds to wait before answering each request: a fixed delay, or
   * uniform in `[min, max]`; from 0 to 2147483647, Node's longest timer.
   */
  readonly latency?:
    | number
    | {
        /** The shortest delay, in ms. */
        readonly min: number;
        /** The longest delay, in ms. */
        readonly max: number;
      };
  /**
   * HTTP 429 `ThrottlingException`: by rule, and/or from a token bucket that
   * allows `ratePerSecond` requests a second with bursts of `burst` (default: the rate, at least 1).
   */
  readonly throttle?: FaultRule & {
    /** Requests a second that the token bucket lets through (> 0); more are throttled. */
    readonly ratePerSecond?: number;
    /** Requests the bucket lets through at once after a quiet spell (≥ 1); default `ratePerSecond`, at least 1. */
    readonly burst?: number;
  };
  /** HTTP 500 `InternalServerException`. */
  readonly serverError?: FaultRule;
  /** HTTP 503 `ServiceUnavailableException`. */
  readonly unavailable?: FaultRule;
  /**
   * The connection is destroyed: before any response (default), or
   * `mid-response`, after the headers and half the body.
   */
  readonly drop?: FaultRule & {
    /** When the connection goes: `before-response` (default) or `mid-response`. */
    readonly phase?: 'before-response' | 'mid-response';
  };
  /** The request is never answered: the connection stays open until the client gives up. */
  readonly hang?: FaultRule;
  /** HTTP 403 `AccessDeniedException`. */
  readonly deny?: FaultRule;
  /** A request with a `nextToken` gets HTTP 400 `ValidationException`: the token has expired. */
  readonly rejectToken?: FaultRule;
  /** A 200 whose body is not JSON (`invalid-json`, the default) or lacks the operation's summaries list (`missing-summaries`). */
  readonly malformed?: FaultRule & {
    /** `invalid-json` (default): a truncated body; `missing-summaries`: `{}`. */
    readonly kind?: 'invalid-json' | 'missing-summaries';
  };
  /** A page of any list operation returns the request's own `nextToken` again (first pages are left alone). */
  readonly repeatToken?: FaultRule;
}

/**
 * The fault that failed a request, as {@link RequestRecord.fault} records it:
 * the name of the {@link Faults} entry that struck. `rejectToken` and
 * `repeatToken` are not recorded there.
 *
 * @example
 * ```ts
 * import { type Failure, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ faults: { throttle: { probability: 0.5 } } });
 * // ... run a client against emulator.url ...
 * const failures = emulator.requests.map((request) => request.fault).filter((fault): fault is Failure => fault !== undefined);
 * console.log(`${failures.length} of ${emulator.requests.length} requests failed`);
 * await emulator.close();
 * ```
 */
export type Failure = 'throttle' | 'serverError' | 'unavailable' | 'drop' | 'hang' | 'deny' | 'malformed';

/** What happens to one request. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly failure?: Failure;
  readonly repeatToken: boolean;
  readonly rejectToken: boolean;
}

/** Decides the faults of each request in turn, from the seeded sequence. */
export class FaultInjector {
  readonly faults: Faults;
  readonly #random: Random;
  #requests = 0;
  #bucket: { tokens: number; updatedMs: number } | undefined;

  constructor(faults: Faults = {}) {
    this.faults = faults;
    this.#random = seededRandom(faults.seed ?? 1);
  }

  decide(nowMs: number): FaultDecision {
    const { faults } = this;
    const index = this.#requests++;
    // Every rule draws on every request, so that one rule's outcome never
    // shifts the random sequence another rule sees.
    const strikes = (rule: FaultRule | undefined) => {
      const draw = this.#random();
      if (!rule) return false;
      const position = index - (rule.after ?? 0);
      return position >= 0 && (position < (rule.first ?? 0) || draw < (rule.probability ?? 0));
    };
    const latencyDraw = this.#random();
    const drop = strikes(faults.drop);
    const unavailable = strikes(faults.unavailable);
    const serverError = strikes(faults.serverError);
    const throttle = strikes(faults.throttle) || this.#overRate(nowMs);
    const repeatToken = strikes(faults.repeatToken);
    // Rules added later draw last, so that the sequences seen by older ones stay as they were.
    const hang = strikes(faults.hang);
    const deny = strikes(faults.deny);
    const malformed = strikes(faults.malformed);
    const rejectToken = strikes(faults.rejectToken);

    // When several strike, the first of these wins.
    const precedence: [Failure, boolean][] = [
      ['hang', hang],
      ['deny', deny],
      ['malformed', malformed],
      ['drop', drop],
      ['unavailable', unavailable],
      ['serverError', serverError],
      ['throttle', throttle],
    ];
    const failure = precedence.find(([, struck]) => struck)?.[0];
    return { latencyMs: this.#latency(latencyDraw), repeatToken, rejectToken, ...(failure ? { failure } : {}) };
  }

  #latency(draw: number): number {
    const { latency } = this.faults;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    return latency.min + draw * (latency.max - latency.min);
  }

  #overRate(nowMs: number): boolean {
    const rate = this.faults.throttle?.ratePerSecond;
    if (rate === undefined) return false;
    // Below 1, a bucket never holds a whole request: everything would be throttled.
    const burst = this.faults.throttle?.burst ?? Math.max(1, rate);
    this.#bucket ??= { tokens: burst, updatedMs: nowMs };
    const bucket = this.#bucket;
    bucket.tokens = Math.min(burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * rate);
    bucket.updatedMs = nowMs;
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }
}

/** The error each failing fault answers with; `deny` names the operation it denies. */
export function faultError(failure: 'throttle' | 'serverError' | 'unavailable' | 'deny', operation: string): ApiError {
  switch (failure) {
    case 'throttle':
      return new ApiError('ThrottlingException', 429, 'Rate exceeded');
    case 'serverError':
      return new ApiError('InternalServerException', 500, 'An internal server error occurred. Retry your request.');
    case 'unavailable':
      return new ApiError('ServiceUnavailableException', 503, 'The service is unavailable. Try again later.');
    case 'deny':
      return new ApiError('AccessDeniedException', 403, `User is not authorized to perform: bedrock:${operation}`);
  }
}
