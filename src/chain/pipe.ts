/**
 * `pipe` and the pipeable operators: `map(fn)`, `take(n)` and the others
 * that return a chain, as functions from a source to a chain. Each wraps
 * the step from `operators/` that the `AsyncChain` method of the same name
 * wraps too: there is no second implementation. The operators that return a
 * promise (`toArray`, `find` …) need no chain: `operators/` exports them as
 * they are.
 */
import { inputError } from '../validation/input-errors.js';
import { AsyncChain } from './async-chain.js';
import { assertSource, type Source } from './batch-source.js';
import { chunksStep } from './operators/chunks.js';
import { filterStep } from './operators/filter.js';
import { flatMapStep } from './operators/flat-map.js';
import { mapStep } from './operators/map.js';
import { mergeBatches } from './operators/merge-sorted.js';
import type { Step } from './operators/step.js';
import { dropStep, takeStep } from './operators/take.js';

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

/** A step as an operator: each source it is given becomes a chain. */
function pipeable<T, U>(step: Step<T, U>): Operator<T, U> {
  return (source) => AsyncChain.ofBatches(step(source));
}

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
  return pipeable(mapStep(mapper));
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
  return pipeable(filterStep(predicate));
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
  return pipeable(takeStep<T>(count));
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
  return pipeable(dropStep<T>(count));
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
  return pipeable(flatMapStep(mapper));
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
  return pipeable(chunksStep<T>(size));
}

/**
 * The ordered merge of several sources, each already in the order that
 * `compare` defines: a merge, never a re-sort, so each source's own order
 * is kept. Between items that compare equal, the source listed first goes
 * first. Every source is read at once, so their waits overlap; a source is
 * asked for more only when its next item is needed, a `take(n)` or
 * `first()` asks no source for more than n items, and leaving early (break,
 * `return()`) closes every source at once. The first source that fails
 * rejects the merge, after the items before the failure are delivered.
 *
 * @param sources - The sources, each an async or sync iterable.
 * @param compare - As `Array.prototype.sort`'s: negative when `a` goes first.
 * @throws TypeError for a `sources` that is not an array of iterables, or a `compare` that is not a function.
 *
 * @example
 * ```ts
 * import { mergeSorted } from 'bedrock-customization-jobs';
 *
 * async function* evens() {
 *   yield* [0, 2, 4, 6];
 * }
 * // [0, 1, 2, 3, 4, 5, 6]
 * const merged = await mergeSorted([evens(), [1, 3, 5]], (a, b) => a - b).toArray();
 * ```
 */
export function mergeSorted<T>(sources: readonly Source<T>[], compare: (a: T, b: T) => number): AsyncChain<T> {
  const where = 'mergeSorted(sources, compare)';
  if (!Array.isArray(sources)) throw inputError(TypeError, `${where}: sources`, sources, 'an array of async or sync iterables');
  for (const [index, source] of sources.entries()) assertSource(source, `${where}: sources[${index}]`);
  if (typeof compare !== 'function') {
    throw inputError(TypeError, `${where}: compare`, compare, 'a function (a, b) => number, negative when a goes first');
  }
  const fixed = [...sources];
  return AsyncChain.ofBatches((limit, cancel) => mergeBatches(fixed, compare, { limit, cancel }));
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
