/**
 * Issue 11: `mergeSorted`, the generic ordered merge, on plain async
 * generators and batch sources (no AWS). The listings over several regions
 * are built on it: test/multi-source.test.ts tests them on the wire.
 */
import { describe, expect, test } from 'vitest';
import { openBatches } from '../src/chain/batch-source.js';
import { AsyncChain, mergeSorted } from '../src/index.js';
import { settle } from './support/settle.js';

const ascending = (a: number, b: number) => a - b;

async function* numbersOf(items: readonly number[]) {
  yield* items;
}

/** A batch source that records each run's limit, its pulls, and its cancel signal; its batches wait on `release()` when gated. */
function recorded(batches: readonly (readonly number[])[], { gated = false } = {}) {
  const state = {
    limits: [] as (number | undefined)[],
    pulls: 0,
    returned: false,
    signals: [] as AbortSignal[],
    waiting: [] as (() => void)[],
  };
  const source = {
    [openBatches](limit?: number, cancel?: AbortSignal): AsyncIterable<readonly number[]> {
      state.limits.push(limit);
      if (cancel) state.signals.push(cancel);
      let index = 0;
      return {
        [Symbol.asyncIterator]: () => ({
          async next() {
            state.pulls++;
            if (gated) {
              await new Promise<void>((resolve, reject) => {
                state.waiting.push(resolve);
                cancel?.addEventListener('abort', () => reject(cancel.reason), { once: true });
              });
            }
            if (index >= batches.length) return { done: true, value: undefined };
            return { done: false, value: batches[index++] as readonly number[] };
          },
          async return() {
            state.returned = true;
            return { done: true, value: undefined };
          },
        }),
      };
    },
    [Symbol.asyncIterator]() {
      return AsyncChain.from(this as never)[Symbol.asyncIterator]();
    },
  };
  return { source: source as unknown as AsyncIterable<number>, state };
}

describe('mergeSorted (issue 11)', () => {
  test('point 1, order: a merge in compare order, each source kept as it is, ties to the source listed first', async () => {
    expect(await mergeSorted([numbersOf([1, 4, 7]), [2, 5, 8], numbersOf([0, 3, 6, 9])], ascending).toArray()).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    // Never a re-sort: a source out of order stays so, only heads are compared.
    expect(await mergeSorted([[3, 1], [2]], ascending).toArray()).toEqual([2, 3, 1]);
    const tagged = (source: string, keys: number[]) => keys.map((key) => ({ key, source }));
    const merged = await mergeSorted(
      [tagged('a', [1, 2, 2]), tagged('b', [1, 2]), tagged('c', [2])],
      (x, y) => x.key - y.key,
    ).toArray();
    expect(merged.map(({ key, source }) => `${key}${source}`)).toEqual(['1a', '1b', '2a', '2a', '2b', '2c']);
    expect(await mergeSorted([], ascending).toArray()).toEqual([]);
  });

  test('point 2, concurrency: every source is asked for its first batch at once, before any has answered', async () => {
    const sources = [recorded([[1]], { gated: true }), recorded([[2]], { gated: true }), recorded([[3]], { gated: true })];
    const iterator = mergeSorted(
      sources.map(({ source }) => source),
      ascending,
    )[Symbol.asyncIterator]();
    const first = iterator.next();
    await settle();
    expect(sources.map(({ state }) => state.pulls)).toEqual([1, 1, 1]);
    for (const { state } of sources) for (const release of state.waiting.splice(0)) release();
    expect(await first).toEqual({ done: false, value: 1 });
    await iterator.return?.();
  });

  test('point 3, push-down: take(n) gives every source the limit n, and a source whose head is not needed is not pulled again', async () => {
    const early = recorded([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    const late = recorded([
      [100, 101],
      [102, 103],
    ]);
    expect(await mergeSorted([late.source, early.source], ascending).take(5).toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(early.state.limits).toEqual([5]);
    expect(late.state.limits).toEqual([5]);
    // The late source's head (100) never came out: its second batch was never asked for.
    expect(late.state.pulls).toBe(1);
    expect(early.state.pulls).toBe(3);
    expect(await mergeSorted([early.source, late.source], ascending).first()).toBe(1);
    expect(early.state.limits.at(-1)).toBe(1);
  });

  test('point 4, errors: the first source error rejects the merge, after the items before it in merge order', async () => {
    const failure = new Error('source b failed');
    async function* failing() {
      yield 2;
      throw failure;
    }
    const seen: number[] = [];
    await expect(
      mergeSorted([numbersOf([1, 3, 5]), failing()], ascending).forEach((value) => {
        seen.push(value);
      }),
    ).rejects.toBe(failure);
    expect(seen).toEqual([1, 2]);
  });

  test('point 6, stop: return() with a next() pending closes every source and cancels work in flight at once', async () => {
    const ready = recorded([[1], [4]]);
    const hanging = [recorded([[2]], { gated: true }), recorded([[3]], { gated: true })];
    const iterator = mergeSorted([ready.source, ...hanging.map(({ source }) => source)], ascending)[Symbol.asyncIterator]();
    // Two sources never answer: the first next() waits on them forever.
    const pending = iterator.next();
    await settle();
    await iterator.return?.();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    for (const { state } of [ready, ...hanging]) expect(state.signals.every((signal) => signal.aborted)).toBe(true);
    expect(ready.state.returned).toBe(true);
  });

  test('break closes every source; a plain generator source is returned', async () => {
    let finished = 0;
    async function* counted(items: number[]) {
      try {
        yield* items;
      } finally {
        finished++;
      }
    }
    for await (const value of mergeSorted([counted([1, 3, 5]), counted([2, 4])], ascending)) {
      if (value === 2) break;
    }
    expect(finished).toBe(2);
  });

  test('bad input throws at the call, naming the argument', () => {
    expect(() => mergeSorted('ab' as never, ascending)).toThrow(/^mergeSorted\(sources, compare\): sources must be an array/);
    expect(() => mergeSorted([[1], 'x' as never], ascending)).toThrow(/sources\[1\] must be an async iterable/);
    expect(() => mergeSorted([[1]], undefined as never)).toThrow(/compare must be a function/);
  });
});
