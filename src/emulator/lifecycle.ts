/**
 * Jobs that run and end: a job given a `durationMs` ends, when the
 * emulator's clock has moved that far past its arrival, as `Completed` or,
 * at the `failureRate` given, as `Failed` with a failure message. Jobs
 * settle when read, so that the emulator needs no timers, and a virtual
 * clock (`emulator.advance(ms)`) moves them as the real one does.
 */
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { pick, type Random, seededRandom } from './random.js';

/** A duration in ms: fixed, or drawn for each job uniformly from `min` to `max` (both included). */
export type DurationMs = number | DurationRange;

/** A range that each job's duration is drawn from, uniformly, by the emulator's seeded random. */
export interface DurationRange {
  /** The shortest duration, in ms (≥ 0). */
  readonly min: number;
  /** The longest duration, in ms (≥ min). */
  readonly max: number;
}

/**
 * How long a running job runs, in an emulator started with a `lifecycle`
 * whose `durationMs` is absent: drawn for each job from 30 minutes to 4 hours.
 */
export const DEFAULT_DURATION_MS: DurationRange = { min: 30 * 60_000, max: 4 * 3_600_000 };

/**
 * How jobs run, as the `lifecycle` option of `startEmulator` sets them.
 * Given at all, it makes every running job end: a job that has no
 * `durationMs` of its own, added or created, runs `durationMs`.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ clock: 'virtual', lifecycle: { durationMs: 3_600_000, failureRate: 0.1, seed: 7 } });
 * emulator.advance(3_600_000); // every job created before now has ended
 * await emulator.close();
 * ```
 */
export interface LifecycleOptions {
  /**
   * How long a running job without its own `durationMs` runs, in ms: one for
   * every job, or `{ min, max }` (0 ≤ min ≤ max, finite) to draw each job's
   * from; default {@link DEFAULT_DURATION_MS}, 30 min to 4 h.
   */
  readonly durationMs?: DurationMs;
  /** The share of jobs that end `Failed` rather than `Completed`: from 0 (default) to 1. */
  readonly failureRate?: number;
  /** The seed of the draws that decide how long jobs run, which fail, and why; default 1. */
  readonly seed?: number;
}

/** What a store needs to run its jobs' lifecycles: the clock, and the draws. */
export interface StoreClock {
  readonly now: () => number;
  readonly failureRate: number;
  readonly random: Random;
  /** How long a running job without its own `durationMs` runs; undefined (no `lifecycle`): until stopped. */
  readonly durationMs: DurationMs | undefined;
}

/** A store's clock from the emulator's options: without `lifecycle`, jobs without a `durationMs` never end. */
export function storeClock(now: () => number, options?: LifecycleOptions): StoreClock {
  return {
    now,
    failureRate: options?.failureRate ?? 0,
    random: seededRandom(options?.seed ?? 1),
    durationMs: options === undefined ? undefined : (options.durationMs ?? DEFAULT_DURATION_MS),
  };
}

/** One job's duration: a fixed one as it is, a range drawn from uniformly, in whole ms within it. */
export function drawDuration(random: Random, duration: DurationMs): number {
  if (typeof duration === 'number') return duration;
  const { min, max } = duration;
  return Math.min(max, Math.max(min, Math.round(min + random() * (max - min))));
}

/** Why a job failed, in the service's manner. */
const FAILURE_MESSAGES = [
  'Internal error: the job could not complete. Try again later.',
  'The input data could not be read: check the S3 location and the role permissions.',
  'The job exceeded its service quota and was ended.',
];

/** When one job ends, and how. */
export interface PlannedEnd {
  readonly atMs: number;
  /** `Completed`, `Failed`, or `Stopped` for a job that was `Stopping`. */
  readonly status: 'Completed' | 'Failed' | 'Stopped';
  /** The failure message, for a job that is to fail; undefined for one that completes. */
  readonly failureMessage: string | undefined;
}

/**
 * Plans the end of a job that arrives now and runs `durationMs` (its own, or
 * the clock's, drawn): the draw after it decides whether it fails. A job
 * that arrives `Stopping` ends `Stopped`.
 */
export function planEnd(clock: StoreClock, durationMs: DurationMs, stopping = false): PlannedEnd {
  const atMs = clock.now() + drawDuration(clock.random, durationMs);
  const fails = clock.random() < clock.failureRate;
  if (stopping) return { atMs, status: 'Stopped', failureMessage: undefined };
  return fails
    ? { atMs, status: 'Failed', failureMessage: pick(clock.random, FAILURE_MESSAGES) }
    : { atMs, status: 'Completed', failureMessage: undefined };
}

/** The members of a kind's summary, from the SDK's schema of its list output. */
export function summaryMembers(kind: AnyListingKind): ReadonlySet<string> {
  const resolve = (schema: unknown): readonly unknown[] | undefined => {
    const value = typeof schema === 'function' ? (schema as () => unknown)() : schema;
    if (!Array.isArray(value)) return undefined;
    // A member with traits is `[schema, traits]`; a schema itself starts with its type number.
    return typeof value[0] === 'number' ? value : resolve(value[0]);
  };
  const output = resolve(kind.schemas.operation[5]);
  const names = (output?.[4] ?? []) as readonly string[];
  const list = resolve((output?.[5] as readonly unknown[] | undefined)?.[names.indexOf(kind.itemsKey)]);
  const summary = resolve(list?.[4]);
  return new Set((summary?.[4] ?? []) as readonly string[]);
}
