/**
 * Jobs that run and end: a job given a `durationMs` ends, when the
 * emulator's clock has moved that far past its arrival, as `Completed` or,
 * at the `failureRate` given, as `Failed` with a failure message. Jobs
 * settle when read, so that the emulator needs no timers, and a virtual
 * clock (`emulator.advance(ms)`) moves them as the real one does.
 */
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { pick, type Random, seededRandom } from './random.js';

/**
 * How jobs run, as the `lifecycle` option of `startEmulator` sets them.
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
  /** How long a job created by CreateModelCustomizationJob runs, in ms; absent, it runs until stopped. */
  readonly durationMs?: number;
  /** The share of jobs that end `Failed` rather than `Completed`: from 0 (default) to 1. */
  readonly failureRate?: number;
  /** The seed of the draws that decide which jobs fail, and why; default 1. */
  readonly seed?: number;
}

/** What a store needs to run its jobs' lifecycles: the clock, and the draws. */
export interface StoreClock {
  readonly now: () => number;
  readonly failureRate: number;
  readonly random: Random;
}

/** A store's clock from the emulator's options. */
export function storeClock(now: () => number, options: LifecycleOptions = {}): StoreClock {
  return { now, failureRate: options.failureRate ?? 0, random: seededRandom(options.seed ?? 1) };
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
  /** The failure message, for a job that is to fail; undefined for one that completes. */
  readonly failureMessage: string | undefined;
}

/** Plans the end of a job that arrives now and runs `durationMs`: the draw decides whether it fails. */
export function planEnd(clock: StoreClock, durationMs: number): PlannedEnd {
  const fails = clock.random() < clock.failureRate;
  return { atMs: clock.now() + durationMs, failureMessage: fails ? pick(clock.random, FAILURE_MESSAGES) : undefined };
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
