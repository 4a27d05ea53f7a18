/**
 * What the operator files share. The operators, one family a file, know the
 * batch protocol only, never the chain: `AsyncChain` (its methods) and
 * `pipe.ts` (the pipeable forms) wrap them, so the imports run one way:
 * `batch-source` ← `operators/*` ← `async-chain` ← `pipe`.
 *
 * Names and semantics follow the TC39 async-iterator-helpers proposal, with
 * one documented difference that buys speed: items move a page at a time,
 * so a synchronous callback may run ahead of the consumer by up to the rest
 * of the page it is on. A callback that returns a promise is awaited, and
 * from then on runs one item at a time, only when the consumer asks.
 */
import { inputError } from '../../validation/input-errors.js';
import type { OpenBatches, Source } from '../batch-source.js';

/** A run of batches, as operators read and yield them. */
export type Batches<T> = AsyncIterable<readonly T[]>;

/**
 * A chain-returning operator with its arguments checked: given a source, how
 * to open its run of batches. `AsyncChain.ofBatches` turns that into a chain.
 */
export type Step<T, U> = (source: Source<T>) => OpenBatches<U>;

/** An array sized up front, cut to the items actually written. */
export function trimmed<T>(items: T[], length: number): T[] {
  items.length = length;
  return items;
}

export function assertFunction(value: unknown, where: string): void {
  if (typeof value !== 'function') throw inputError(TypeError, where, value, 'a function');
}

/** TC39's ToIntegerOrInfinity, with its RangeError for NaN and negatives. */
export function toCount(value: unknown, where: string): number {
  if (typeof value !== 'number') throw inputError(TypeError, where, value, 'a number ≥ 0');
  if (Number.isNaN(value) || value < 0) throw inputError(RangeError, where, value, 'a number ≥ 0');
  return Math.trunc(value);
}
