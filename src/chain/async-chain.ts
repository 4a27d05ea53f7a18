import { BatchIterator } from './batch-iterator.js';
import { assertSource, type BatchSource, batchesOf, type OpenBatches, openBatches, type Source } from './batch-source.js';
import { chunksStep } from './operators/chunks.js';
import { forEach, reduce, toArray } from './operators/collect.js';
import { filterStep } from './operators/filter.js';
import { every, find, first, some } from './operators/find.js';
import { flatMapStep } from './operators/flat-map.js';
import { mapStep } from './operators/map.js';
import { dropStep, takeStep } from './operators/take.js';

/**
 * An async iterable of items with the TC39 iterator-helper methods, chainable.
 * Every method runs the operator of the same name, the one that the
 * standalone function (for {@link pipe}) runs too, and every
 * `[Symbol.asyncIterator]()` starts afresh from the source.
 *
 * @example
 * ```ts
 * import { AsyncChain } from 'bedrock-customization-jobs';
 *
 * async function* numbers() {
 *   for (let n = 1; ; n++) yield n;
 * }
 *
 * // [4, 16, 36]: the infinite source is read only as far as take(3) needs.
 * const squares = await AsyncChain.from(numbers())
 *   .filter((n) => n % 2 === 0)
 *   .map((n) => n * n)
 *   .take(3)
 *   .toArray();
 * ```
 */
export class AsyncChain<T> implements AsyncIterable<T>, BatchSource<T> {
  readonly #open: OpenBatches<T>;

  /**
   * Chains are made by {@link AsyncChain.from}, the operators and the
   * paginator; the constructor is protected so that {@link Listing} can
   * extend the class. `open(limit, cancel)` starts a fresh run of the items
   * in arrays, `limit` being how many the consumer may still want and
   * `cancel` aborting when it leaves: that batch form is not a supported API
   * and may change.
   */
  protected constructor(open: (limit?: number, cancel?: AbortSignal) => AsyncIterable<readonly T[]>) {
    this.#open = open;
  }

  /** @internal How the methods, the pipeable operators and `Listing.pages()` make chains: the constructor is protected. */
  static ofBatches<T>(open: OpenBatches<T>): AsyncChain<T> {
    return new AsyncChain(open);
  }

  /**
   * A chain over any async or sync iterable object. A chain is returned as
   * it is, so that wrapping one costs nothing. Anything else (a string
   * included) is a TypeError here.
   *
   * @example
   * ```ts
   * import { AsyncChain } from 'bedrock-customization-jobs';
   *
   * const names = await AsyncChain.from(['b', 'a', 'c']).map((name) => name.toUpperCase()).toArray();
   * ```
   */
  static from<T>(source: Source<T>): AsyncChain<T> {
    if (source instanceof AsyncChain) return source;
    assertSource(source, 'AsyncChain.from(source): source');
    return new AsyncChain((limit, cancel) => batchesOf(source, limit, cancel));
  }

  /**
   * The batch protocol; see `batch-source.ts`. Its key is not exported, so
   * no caller can reach it. Hidden from the API reference only, not stripped
   * from the published types: the class declares that it implements it.
   *
   * @hidden
   */
  [openBatches](limit?: number, cancel?: AbortSignal): AsyncIterable<readonly T[]> {
    return this.#open(limit, cancel);
  }

  /**
   * What `for await` calls. Each call is a fresh run from the source: for a
   * listing, a new series of requests from its first page. Its `return()`
   * stops the run at once, even while a `next()` is still waiting for a
   * page: the request in flight and any backoff are aborted.
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return new BatchIterator((cancel) => this.#open(undefined, cancel));
  }

  /** Each item through `mapper`. See {@link map}. */
  map<U>(mapper: (value: T, index: number) => U | PromiseLike<U>): AsyncChain<Awaited<U>> {
    return AsyncChain.ofBatches(mapStep(mapper)(this));
  }

  /** The items that satisfy `predicate`; a type guard narrows the type. See {@link filter}. */
  filter<S extends T>(predicate: (value: T, index: number) => value is S): AsyncChain<S>;
  filter(predicate: (value: T, index: number) => unknown): AsyncChain<T>;
  filter(predicate: (value: T, index: number) => unknown): AsyncChain<T> {
    return AsyncChain.ofBatches(filterStep(predicate)(this));
  }

  /** The first `count` items; no request asks for more. See {@link take}. */
  take(count: number): AsyncChain<T> {
    return AsyncChain.ofBatches(takeStep<T>(count)(this));
  }

  /** All but the first `count` items. See {@link drop}. */
  drop(count: number): AsyncChain<T> {
    return AsyncChain.ofBatches(dropStep<T>(count)(this));
  }

  /** Each item through `mapper`, flattened one level. See {@link flatMap}. */
  flatMap<U>(
    mapper: (value: T, index: number) => Iterable<U> | AsyncIterable<U> | PromiseLike<Iterable<U> | AsyncIterable<U>>,
  ): AsyncChain<U> {
    return AsyncChain.ofBatches(flatMapStep(mapper)(this));
  }

  /** The items in arrays of `size`. See {@link chunks}. */
  chunks(size: number): AsyncChain<T[]> {
    return AsyncChain.ofBatches(chunksStep<T>(size)(this));
  }

  /** Every item, in an array. */
  toArray(): Promise<T[]> {
    return toArray(this);
  }

  /** Calls `fn` on each item in turn. */
  forEach(fn: (value: T, index: number) => unknown): Promise<void> {
    return forEach(this, fn);
  }

  /** Folds the items into one value. See {@link reduce}. */
  reduce(reducer: (accumulator: T, value: T, index: number) => T | PromiseLike<T>): Promise<T>;
  reduce<U>(reducer: (accumulator: U, value: T, index: number) => U | PromiseLike<U>, initial: U): Promise<U>;
  reduce<U>(reducer: (accumulator: U, value: T, index: number) => U | PromiseLike<U>, ...initial: [U?]): Promise<U> {
    return (reduce as (...args: unknown[]) => Promise<U>)(this, reducer, ...initial);
  }

  /** Whether any item satisfies `predicate`. */
  some(predicate: (value: T, index: number) => unknown): Promise<boolean> {
    return some(this, predicate);
  }

  /** Whether every item satisfies `predicate`. */
  every(predicate: (value: T, index: number) => unknown): Promise<boolean> {
    return every(this, predicate);
  }

  /** The first item that satisfies `predicate`, or `undefined`. */
  find<S extends T>(predicate: (value: T, index: number) => value is S): Promise<S | undefined>;
  find(predicate: (value: T, index: number) => unknown): Promise<T | undefined>;
  find(predicate: (value: T, index: number) => unknown): Promise<T | undefined> {
    return find(this, predicate);
  }

  /** The first item, or `undefined`; one request asks for one item. */
  first(): Promise<T | undefined> {
    return first(this);
  }
}
