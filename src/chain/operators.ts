/**
 * The combinators, as standalone functions that work on any async or sync
 * iterable. The chain methods call these; there is no second implementation.
 *
 * Names and semantics follow the TC39 async-iterator-helpers proposal, with
 * one documented difference that buys speed: items move a page at a time,
 * so a synchronous callback may run ahead of the consumer by up to the rest
 * of the page it is on. A callback that returns a promise is awaited, and
 * from then on runs one item at a time, only when the consumer asks.
 */

import { inputError } from '../validation/input-errors.js';
import { AsyncChain } from './async-chain.js';
import { assertSource, batchesOf, isThenable, type Source } from './batch-source.js';

/**
 * A chain step: takes a source, returns a chain. What {@link map},
 * {@link filter} and the other step functions return, for {@link pipe}
 * or to call directly.
 *
 * @example
 * ```ts
 * import { type ModelCustomizationJobSummary, filter, type Operator } from 'bedrock-customization-jobs';
 *
 * // A reusable step, defined once and used in any pipe.
 * const failedOnly: Operator<ModelCustomizationJobSummary, ModelCustomizationJobSummary> = filter(
 *   (job: ModelCustomizationJobSummary) => job.status === 'Failed',
 * );
 * ```
 */
export type Operator<T, U> = (source: Source<T>) => AsyncChain<U>;

type Batches<T> = AsyncIterable<readonly T[]>;

function trimmed<T>(items: T[], length: number): T[] {
  items.length = length;
  return items;
}

function assertFunction(value: unknown, where: string): void {
  if (typeof value !== 'function') throw inputError(TypeError, where, value, 'a function');
}

/** TC39's ToIntegerOrInfinity, with its RangeError for NaN and negatives. */
function toCount(value: unknown, where: string): number {
  if (typeof value !== 'number') throw inputError(TypeError, where, value, 'a number ≥ 0');
  if (Number.isNaN(value) || value < 0) throw inputError(RangeError, where, value, 'a number ≥ 0');
  return Math.trunc(value);
}

async function* mapBatches<T, U>(batches: Batches<T>, mapper: (value: T, index: number) => U | PromiseLike<U>) {
  let index = 0;
  for await (const batch of batches) {
    // Sized up front: growing an array by push is most of a chain's cost.
    let out = new Array<U>(batch.length);
    let filled = 0;
    for (let i = 0; i < batch.length; i++) {
      const result = mapper(batch[i] as T, index++);
      if (!isThenable(result)) {
        out[filled++] = result;
        continue;
      }
      if (filled > 0) yield trimmed(out, filled);
      out = new Array<U>(batch.length - i - 1);
      filled = 0;
      yield [await result];
    }
    if (filled > 0) yield trimmed(out, filled);
  }
}

async function* filterBatches<T>(batches: Batches<T>, predicate: (value: T, index: number) => unknown) {
  let index = 0;
  for await (const batch of batches) {
    let out = new Array<T>(batch.length);
    let kept = 0;
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i] as T;
      const keep = predicate(item, index++);
      if (!isThenable(keep)) {
        if (keep) out[kept++] = item;
        continue;
      }
      if (kept > 0) yield trimmed(out, kept);
      out = new Array<T>(batch.length - i - 1);
      kept = 0;
      if (await keep) yield [item];
    }
    if (kept > 0) yield trimmed(out, kept);
  }
}

async function* flatMapBatches<T, U>(
  batches: Batches<T>,
  mapper: (value: T, index: number) => unknown,
  cancel: AbortSignal | undefined,
) {
  let index = 0;
  for await (const batch of batches) {
    let out: U[] = [];
    for (const item of batch) {
      let inner = mapper(item, index++);
      if (isThenable(inner)) {
        if (out.length > 0) yield out;
        out = [];
        inner = await inner;
      }
      if (Array.isArray(inner)) {
        for (const value of inner) out.push(value);
      } else if (typeof inner === 'object' && inner !== null && Symbol.asyncIterator in inner) {
        if (out.length > 0) yield out;
        out = [];
        // Through batchesOf, so that an inner listing is cancelled with the outer run.
        yield* batchesOf(inner as AsyncIterable<U>, undefined, cancel);
      } else if (typeof inner === 'object' && inner !== null && Symbol.iterator in inner) {
        for (const value of inner as Iterable<U>) out.push(value);
      } else {
        throw inputError(TypeError, 'the flatMap mapper’s result', inner, 'an iterable or async iterable object (not a string)');
      }
    }
    if (out.length > 0) yield out;
  }
}

async function* takeBatches<T>(batches: Batches<T>, count: number) {
  if (count <= 0) return;
  let left = count;
  for await (const batch of batches) {
    if (batch.length >= left) {
      yield batch.length === left ? batch : batch.slice(0, left);
      return;
    }
    left -= batch.length;
    yield batch;
  }
}

async function* dropBatches<T>(batches: Batches<T>, count: number) {
  let left = count;
  for await (const batch of batches) {
    if (left >= batch.length) {
      left -= batch.length;
      continue;
    }
    yield left === 0 ? batch : batch.slice(left);
    left = 0;
  }
}

async function* chunkBatches<T>(batches: Batches<T>, size: number) {
  let chunk: T[] = [];
  for await (const batch of batches) {
    const full: T[][] = [];
    for (const item of batch) {
      chunk.push(item);
      if (chunk.length === size) {
        full.push(chunk);
        chunk = [];
      }
    }
    if (full.length > 0) yield full;
  }
  if (chunk.length > 0) yield [chunk];
}

const more = (limit: number | undefined, extra: number) => (limit === undefined ? undefined : limit + extra);

/**
 * Each item through `mapper`, awaited when it returns a promise.
 *
 * @example
 * ```ts
 * import { map, paginateCustomizationJobs, pipe, toArray } from 'bedrock-customization-jobs';
 *
 * const names = await toArray(pipe(paginateCustomizationJobs(), map((job) => job.jobName)));
 * ```
 */
export function map<T, U>(mapper: (value: T, index: number) => U | PromiseLike<U>): Operator<T, Awaited<U>> {
  assertFunction(mapper, 'map(mapper): mapper');
  // One item out for each item in, so a limit passes through unchanged.
  return (source) =>
    AsyncChain.ofBatches((limit, cancel) => mapBatches(batchesOf(source, limit, cancel), mapper) as Batches<Awaited<U>>);
}

/**
 * The items for which `predicate` is truthy (awaited when it returns a promise); a type guard narrows the type.
 *
 * @example
 * ```ts
 * import { filter, paginateCustomizationJobs, pipe, toArray } from 'bedrock-customization-jobs';
 *
 * const distillations = await toArray(
 *   pipe(paginateCustomizationJobs(), filter((job) => job.customizationType === 'DISTILLATION')),
 * );
 * ```
 */
export function filter<T, S extends T>(predicate: (value: T, index: number) => value is S): Operator<T, S>;
export function filter<T>(predicate: (value: T, index: number) => unknown): Operator<T, T>;
export function filter<T>(predicate: (value: T, index: number) => unknown): Operator<T, T> {
  assertFunction(predicate, 'filter(predicate): predicate');
  // How many items a filter lets through is unknown, so no limit reaches the source.
  return (source) => AsyncChain.ofBatches((_, cancel) => filterBatches(batchesOf(source, undefined, cancel), predicate));
}

/**
 * The first `count` items; the source is asked for no more than that.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs, pipe, take, toArray } from 'bedrock-customization-jobs';
 *
 * // One request for 5 jobs, not a full page of 1000.
 * const newest = await toArray(pipe(paginateCustomizationJobs({ sortOrder: 'Descending' }), take(5)));
 * ```
 */
export function take<T>(count: number): Operator<T, T> {
  const n = toCount(count, 'take(count): count');
  return (source) =>
    AsyncChain.ofBatches((limit, cancel) => {
      const wanted = limit === undefined ? n : Math.min(n, limit);
      return takeBatches(batchesOf(source, wanted, cancel), wanted);
    });
}

/**
 * All but the first `count` items. The dropped items are still fetched:
 * to skip pages, pass a `startingToken` instead.
 *
 * @example
 * ```ts
 * import { drop, pipe, take, toArray } from 'bedrock-customization-jobs';
 *
 * const secondPage = await toArray(pipe(['a', 'b', 'c', 'd', 'e'], drop(2), take(2))); // ['c', 'd']
 * ```
 */
export function drop<T>(count: number): Operator<T, T> {
  const n = toCount(count, 'drop(count): count');
  return (source) => AsyncChain.ofBatches((limit, cancel) => dropBatches(batchesOf(source, more(limit, n), cancel), n));
}

/**
 * Each item through `mapper`, which returns an iterable or async iterable whose items are passed on in turn.
 *
 * @example
 * ```ts
 * import { flatMap, paginateCustomizationJobs, pipe, toArray } from 'bedrock-customization-jobs';
 *
 * // Every ARN a job names, in one flat list.
 * const arns = await toArray(
 *   pipe(
 *     paginateCustomizationJobs(),
 *     flatMap((job) => [job.jobArn, job.baseModelArn, job.customModelArn].filter((arn) => arn !== undefined)),
 *   ),
 * );
 * ```
 */
export function flatMap<T, U>(
  mapper: (value: T, index: number) => Iterable<U> | AsyncIterable<U> | PromiseLike<Iterable<U> | AsyncIterable<U>>,
): Operator<T, U> {
  assertFunction(mapper, 'flatMap(mapper): mapper');
  return (source) =>
    AsyncChain.ofBatches((_, cancel) => flatMapBatches<T, U>(batchesOf(source, undefined, cancel), mapper, cancel));
}

/**
 * The items in arrays of `size`; the last may be shorter.
 *
 * @example
 * ```ts
 * import { chunks, forEach, paginateCustomizationJobs, pipe } from 'bedrock-customization-jobs';
 *
 * // Batches of 25, whatever the page size.
 * await forEach(pipe(paginateCustomizationJobs(), chunks(25)), (batch) => {
 *   console.log(batch.map((job) => job.jobName).join(', '));
 * });
 * ```
 */
export function chunks<T>(size: number): Operator<T, T[]> {
  if (typeof size !== 'number') throw inputError(TypeError, 'chunks(size): size', size, 'a whole number ≥ 1');
  if (!Number.isInteger(size) || size < 1) throw inputError(RangeError, 'chunks(size): size', size, 'a whole number ≥ 1');
  return (source) =>
    AsyncChain.ofBatches((limit, cancel) =>
      chunkBatches(batchesOf(source, limit === undefined ? undefined : limit * size, cancel), size),
    );
}

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

/**
 * Applies operators left to right: `pipe(source, filter(f), take(3))`. The
 * result is a chain, so its methods carry on from there. A source that is
 * not an iterable object, or an operator that is not a function, is a
 * TypeError here.
 *
 * @example
 * ```ts
 * import { filter, map, paginateCustomizationJobs, pipe, take } from 'bedrock-customization-jobs';
 *
 * const names = await pipe(
 *   paginateCustomizationJobs({ sortOrder: 'Descending' }),
 *   filter((job) => job.status === 'Failed'),
 *   map((job) => job.jobName),
 *   take(10),
 * ).toArray();
 * ```
 */
export function pipe<T>(source: Source<T>): AsyncChain<T>;
export function pipe<T, A>(source: Source<T>, op1: Operator<T, A>): AsyncChain<A>;
export function pipe<T, A, B>(source: Source<T>, op1: Operator<T, A>, op2: Operator<A, B>): AsyncChain<B>;
export function pipe<T, A, B, C>(source: Source<T>, op1: Operator<T, A>, op2: Operator<A, B>, op3: Operator<B, C>): AsyncChain<C>;
export function pipe<T, A, B, C, D>(
  source: Source<T>,
  op1: Operator<T, A>,
  op2: Operator<A, B>,
  op3: Operator<B, C>,
  op4: Operator<C, D>,
): AsyncChain<D>;
export function pipe<T, A, B, C, D, E>(
  source: Source<T>,
  op1: Operator<T, A>,
  op2: Operator<A, B>,
  op3: Operator<B, C>,
  op4: Operator<C, D>,
  op5: Operator<D, E>,
): AsyncChain<E>;
export function pipe(source: Source<unknown>, ...operators: Operator<unknown, unknown>[]): AsyncChain<unknown> {
  assertSource(source, 'pipe(source, ...operators): source');
  for (const [index, operator] of operators.entries()) {
    if (typeof operator !== 'function') {
      const rule = 'an operator: a function from a source to a chain, as map(fn) or take(n) return';
      throw inputError(TypeError, `pipe(source, ...operators): operators[${index}]`, operator, rule);
    }
  }
  return operators.reduce<AsyncChain<unknown>>((chain, operator) => operator(chain), AsyncChain.from(source));
}
