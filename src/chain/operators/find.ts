/** The operators that stop at the first item that settles the answer: `some`, `every`, `find` and `first`. */
import { batchesOf, isThenable, type Source } from '../batch-source.js';
import { assertFunction } from './step.js';

/** The first item for which `predicate` is truthy, boxed so that an `undefined` item is still found. */
async function findIndexed<T>(
  source: Source<T>,
  predicate: (value: T, index: number) => unknown,
  where: string,
): Promise<{ item: T } | undefined> {
  assertFunction(predicate, where);
  let index = 0;
  for await (const batch of batchesOf(source)) {
    for (const item of batch) {
      const result = predicate(item, index++);
      if (isThenable(result) ? await result : result) return { item };
    }
  }
  return undefined;
}

/**
 * Whether any item satisfies `predicate`; stops at the first that does.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs, some } from 'bedrock-customization-jobs';
 *
 * const busy = await some(paginateCustomizationJobs(), (job) => job.status === 'InProgress');
 * ```
 */
export async function some<T>(source: Source<T>, predicate: (value: T, index: number) => unknown): Promise<boolean> {
  return (await findIndexed(source, predicate, 'some(predicate): predicate')) !== undefined;
}

/**
 * Whether every item satisfies `predicate`; stops at the first that does not.
 *
 * @example
 * ```ts
 * import { every, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const allDone = await every(paginateCustomizationJobs({ nameContains: 'nightly' }), (job) => job.endTime !== undefined);
 * ```
 */
export async function every<T>(source: Source<T>, predicate: (value: T, index: number) => unknown): Promise<boolean> {
  assertFunction(predicate, 'every(predicate): predicate');
  const failing = await findIndexed(
    source,
    (value: T, index: number) => {
      const result = predicate(value, index);
      return isThenable(result) ? Promise.resolve(result).then((ok) => !ok) : !result;
    },
    'every(predicate): predicate',
  );
  return failing === undefined;
}

/**
 * The first item that satisfies `predicate` (narrowed by a type guard), or `undefined`.
 *
 * @example
 * ```ts
 * import { find, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const job = await find(paginateCustomizationJobs(), (job) => job.customModelName === 'support-summarize-model');
 * ```
 */
export function find<T, S extends T>(
  source: Source<T>,
  predicate: (value: T, index: number) => value is S,
): Promise<S | undefined>;
export function find<T>(source: Source<T>, predicate: (value: T, index: number) => unknown): Promise<T | undefined>;
export async function find<T>(source: Source<T>, predicate: (value: T, index: number) => unknown): Promise<T | undefined> {
  return (await findIndexed(source, predicate, 'find(predicate): predicate'))?.item;
}

/**
 * The first item, or `undefined`; the source is asked for one item only.
 *
 * @example
 * ```ts
 * import { first, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * // One request, with maxResults=1.
 * const newest = await first(paginateCustomizationJobs({ sortBy: 'CreationTime', sortOrder: 'Descending' }));
 * ```
 */
export async function first<T>(source: Source<T>): Promise<T | undefined> {
  for await (const batch of batchesOf(source, 1)) {
    if (batch.length > 0) return batch[0];
  }
  return undefined;
}
