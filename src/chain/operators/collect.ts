/** The operators that read a source to its end: `toArray`, `forEach` and `reduce`. */
import { batchesOf, isThenable, type Source } from '../batch-source.js';
import { assertFunction } from './step.js';

/**
 * Every item, in an array. Reads the whole source: bound it with
 * {@link take} when it may be large.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs, toArray } from 'bedrock-customization-jobs';
 *
 * const inProgress = await toArray(paginateCustomizationJobs({ statusEquals: 'InProgress' }));
 * ```
 */
export async function toArray<T>(source: Source<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const batch of batchesOf(source)) {
    for (const item of batch) items.push(item);
  }
  return items;
}

/**
 * Calls `fn` on each item in turn, awaiting it when it returns a promise.
 *
 * @example
 * ```ts
 * import { forEach, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * await forEach(paginateCustomizationJobs({ statusEquals: 'Failed' }), (job, index) => {
 *   console.log(index, job.jobName, job.creationTime?.toISOString());
 * });
 * ```
 */
export async function forEach<T>(source: Source<T>, fn: (value: T, index: number) => unknown): Promise<void> {
  assertFunction(fn, 'forEach(fn): fn');
  let index = 0;
  for await (const batch of batchesOf(source)) {
    for (const item of batch) {
      const result = fn(item, index++);
      if (isThenable(result)) await result;
    }
  }
}

/**
 * Folds the items into one value; without `initial`, the first item starts the fold, and an empty source is a TypeError.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs, reduce } from 'bedrock-customization-jobs';
 *
 * // How many jobs of each status.
 * const byStatus = await reduce(
 *   paginateCustomizationJobs(),
 *   (counts, job) => counts.set(job.status, (counts.get(job.status) ?? 0) + 1),
 *   new Map<string | undefined, number>(),
 * );
 * ```
 */
export function reduce<T>(
  source: Source<T>,
  reducer: (accumulator: T, value: T, index: number) => T | PromiseLike<T>,
): Promise<T>;
export function reduce<T, U>(
  source: Source<T>,
  reducer: (accumulator: U, value: T, index: number) => U | PromiseLike<U>,
  initial: U,
): Promise<U>;
export async function reduce<T, U>(
  source: Source<T>,
  reducer: (accumulator: U, value: T, index: number) => U | PromiseLike<U>,
  ...initial: [U?]
): Promise<U> {
  assertFunction(reducer, 'reduce(reducer): reducer');
  let seeded = initial.length > 0;
  let accumulator = initial[0] as U;
  let index = 0;
  for await (const batch of batchesOf(source)) {
    for (const item of batch) {
      if (!seeded) {
        accumulator = item as unknown as U;
        seeded = true;
        index++;
        continue;
      }
      const next = reducer(accumulator, item, index++);
      accumulator = isThenable(next) ? await next : next;
    }
  }
  if (!seeded) throw new TypeError('reduce of an empty source with no initial value');
  return accumulator;
}
