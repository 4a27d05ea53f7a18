/**
 * The ordered k-way merge behind `mergeSorted` and the listings over several
 * sources. A merge, never a re-sort: each source's own order is kept, and
 * only the heads of the sources are compared.
 *
 * - Every source is opened, and asked for its first batch, at once: their
 *   requests (and each one's own read-ahead) overlap.
 * - A source is asked for its next batch only when its batch is used up,
 *   that is when its next item is needed to choose the next item out.
 * - `limit` goes down to every source: none is asked for more items than the
 *   merge may still deliver.
 * - Cancel means now: when `cancel` aborts, or the consumer leaves, every
 *   source gets the abort at once and is closed, without waiting for a
 *   source that is still producing.
 */
import { batchesOf, type Source } from '../batch-source.js';
import type { Batches } from './step.js';

/** How the merge treats one run. */
export interface MergeRun {
  /** How many items the consumer may still want, when known. */
  readonly limit?: number | undefined;
  /** Aborts when the consumer leaves: every source is cancelled at once. */
  readonly cancel?: AbortSignal | undefined;
  /**
   * Told of the failure of source `index`: return true to go on without it.
   * Without it, or when it returns false, the first failure rejects the merge.
   */
  readonly onSourceError?: ((error: unknown, index: number) => boolean) | undefined;
}

interface Lane<T> {
  readonly index: number;
  readonly iterator: AsyncIterator<readonly T[]>;
  batch: readonly T[];
  at: number;
  done: boolean;
  /** The next() in flight: resolves to the lane once `outcome` is set. */
  pending: Promise<Lane<T>> | undefined;
  outcome: { readonly result: IteratorResult<readonly T[]> } | { readonly error: unknown } | undefined;
}

const NONE: readonly never[] = [];
const ignore = () => {};

function request<T>(lane: Lane<T>): void {
  lane.outcome = undefined;
  let next: Promise<IteratorResult<readonly T[]>>;
  try {
    next = Promise.resolve(lane.iterator.next());
  } catch (error) {
    next = Promise.reject(error);
  }
  lane.pending = next.then(
    (result) => {
      lane.outcome = { result };
      return lane;
    },
    (error: unknown) => {
      lane.outcome = { error };
      return lane;
    },
  );
}

/** Closes a source: at once, never waiting on one whose `next()` is still pending (its `return()` would queue behind it). */
function close<T>(lane: Lane<T>): Promise<unknown> | undefined {
  if (lane.done && lane.pending === undefined) return undefined;
  let returned: Promise<unknown>;
  try {
    returned = Promise.resolve(lane.iterator.return?.());
  } catch {
    return undefined;
  }
  returned = returned.catch(ignore);
  return lane.pending === undefined ? returned : undefined;
}

/**
 * The merge of `sources` in batches: each yielded batch holds the items
 * chosen since the last source ran dry, in merge order. Between equal heads
 * (`compare` returns 0), the source listed first goes first.
 */
export async function* mergeBatches<T>(
  sources: readonly Source<T>[],
  compare: (a: T, b: T) => number,
  { limit, cancel, onSourceError }: MergeRun = {},
): Batches<T> {
  if (limit === 0 || sources.length === 0) return;
  // One controller for the run: the consumer's cancel and our own exit both abort every source.
  const controller = new AbortController();
  const forward = () => controller.abort(cancel?.reason);
  cancel?.addEventListener('abort', forward, { once: true });
  if (cancel?.aborted) forward();
  const aborted = new Promise<undefined>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
  const lanes: Lane<T>[] = sources.map((source, index) => ({
    index,
    iterator: batchesOf(source, limit, controller.signal)[Symbol.asyncIterator](),
    batch: NONE,
    at: 0,
    done: false,
    pending: undefined,
    outcome: undefined,
  }));
  let left = limit ?? Number.POSITIVE_INFINITY;
  try {
    for (const lane of lanes) request(lane);
    for (;;) {
      // Every source still open needs a head before the next item can be chosen.
      for (;;) {
        const waiting = lanes.filter((lane) => lane.pending !== undefined).map((lane) => lane.pending as Promise<Lane<T>>);
        if (waiting.length === 0) break;
        const lane = await Promise.race([...waiting, aborted]);
        if (lane === undefined || controller.signal.aborted) return;
        lane.pending = undefined;
        const outcome = lane.outcome as NonNullable<Lane<T>['outcome']>;
        if ('error' in outcome) {
          lane.done = true;
          if (onSourceError?.(outcome.error, lane.index) !== true) throw outcome.error;
        } else if (outcome.result.done) {
          lane.done = true;
        } else if (outcome.result.value.length === 0) {
          request(lane);
        } else {
          lane.batch = outcome.result.value;
          lane.at = 0;
        }
      }
      const out: T[] = [];
      let dry: Lane<T> | undefined;
      while (dry === undefined) {
        let best: Lane<T> | undefined;
        for (const lane of lanes) {
          if (lane.done) continue;
          // Strictly smaller only: a tie stays with the source listed first.
          if (best === undefined || compare(lane.batch[lane.at] as T, best.batch[best.at] as T) < 0) best = lane;
        }
        if (best === undefined) {
          if (out.length > 0) yield out;
          return;
        }
        out.push(best.batch[best.at++] as T);
        if (--left === 0) {
          yield out;
          return;
        }
        if (best.at === best.batch.length) dry = best;
      }
      dry.batch = NONE;
      // Asked before the batch goes out, so that its next batch is on its way while the consumer works.
      request(dry);
      yield out;
    }
  } finally {
    cancel?.removeEventListener('abort', forward);
    controller.abort();
    await Promise.all(lanes.map(close));
  }
}
