/**
 * Items travel through a chain a page at a time, as arrays: one await per
 * page instead of one per item and operator. This is the protocol.
 */
import { inputError } from '../validation/input-errors.js';

/**
 * Anything a chain can start from: an async or a sync iterable. Arrays,
 * generators, streams and other chains all qualify.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs, pipe, type Source, take, toArray } from 'bedrock-customization-jobs';
 *
 * // Takes an array, a generator or a listing alike.
 * function firstThree<T>(source: Source<T>): Promise<T[]> {
 *   return toArray(pipe(source, take(3)));
 * }
 *
 * await firstThree(['a', 'b', 'c', 'd']);
 * await firstThree(paginateCustomizationJobs());
 * ```
 */
export type Source<T> = AsyncIterable<T> | Iterable<T>;

/**
 * Opens a fresh run of batches; `limit` is how many items the consumer may
 * still want, when known, and `cancel` aborts when the consumer leaves, so
 * that a source can stop work in flight before its pending `next()` settles.
 */
export const openBatches: unique symbol = Symbol('openBatches');

/** What a chain step does when a run starts: see {@link openBatches}. */
export type OpenBatches<T> = (limit?: number, cancel?: AbortSignal) => AsyncIterable<readonly T[]>;

/**
 * What chains implement so that the next step reads their batches instead of
 * their items. Not exported from the package: the protocol may change.
 */
export interface BatchSource<T> {
  [openBatches](limit?: number, cancel?: AbortSignal): AsyncIterable<readonly T[]>;
}

function isBatchSource<T>(source: unknown): source is BatchSource<T> {
  return typeof source === 'object' && source !== null && openBatches in source;
}

function isAsyncIterable<T>(source: unknown): source is AsyncIterable<T> {
  return (
    typeof source === 'object' && source !== null && typeof (source as AsyncIterable<T>)[Symbol.asyncIterator] === 'function'
  );
}

// Objects only: a string is iterable, but a string source is almost always a mistake.
function isIterable<T>(source: unknown): source is Iterable<T> {
  return typeof source === 'object' && source !== null && typeof (source as Iterable<T>)[Symbol.iterator] === 'function';
}

const SOURCE_RULE = 'an async iterable or an iterable object, such as an array, a generator, a stream or a listing';

/** For the functions that make a chain at once: a value no chain can start from throws there, naming `where`. */
export function assertSource<T>(source: unknown, where: string): asserts source is Source<T> {
  if (!isBatchSource(source) && !isAsyncIterable(source) && !isIterable(source)) {
    throw inputError(TypeError, where, source, SOURCE_RULE);
  }
}

async function* arrayAsOneBatch<T>(items: readonly T[]): AsyncGenerator<readonly T[]> {
  if (items.length > 0) yield items;
}

async function* syncItems<T>(items: Iterable<T>): AsyncGenerator<readonly T[]> {
  for (const item of items) yield [item];
}

async function* asyncItems<T>(items: AsyncIterable<T>): AsyncGenerator<readonly T[]> {
  for await (const item of items) yield [item];
}

/** The batches of any source: its own when it is a chain, else its items one by one. */
export function batchesOf<T>(source: Source<T>, limit?: number, cancel?: AbortSignal): AsyncIterable<readonly T[]> {
  if (isBatchSource<T>(source)) return source[openBatches](limit, cancel);
  if (Array.isArray(source)) return arrayAsOneBatch(source as readonly T[]);
  if (isAsyncIterable<T>(source)) return asyncItems(source);
  if (isIterable<T>(source)) return syncItems(source);
  throw inputError(TypeError, 'source', source, SOURCE_RULE);
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  // Primitives first: most callbacks return booleans and strings, and a
  // property lookup on those is the slow path.
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}
