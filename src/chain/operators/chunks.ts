import { inputError } from '../../validation/input-errors.js';
import { batchesOf } from '../batch-source.js';
import type { Batches, Step } from './step.js';

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

/** `chunks(size)`: the items in arrays of `size`; `limit` chunks need `limit × size` items. */
export function chunksStep<T>(size: number): Step<T, T[]> {
  if (typeof size !== 'number') throw inputError(TypeError, 'chunks(size): size', size, 'a whole number ≥ 1');
  if (!Number.isInteger(size) || size < 1) throw inputError(RangeError, 'chunks(size): size', size, 'a whole number ≥ 1');
  return (source) => (limit, cancel) =>
    chunkBatches(batchesOf(source, limit === undefined ? undefined : limit * size, cancel), size);
}
