import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  AsyncChain,
  chunks,
  drop,
  every,
  filter,
  find,
  first,
  flatMap,
  forEach,
  map,
  pipe,
  reduce,
  some,
  take,
  toArray,
} from '../src/index.js';

/** An async source that records how far it was pulled and whether return() reached it. */
function tracked<T>(items: readonly T[]) {
  const state = { pulled: 0, returned: false };
  const source: AsyncIterable<T> = {
    [Symbol.asyncIterator]() {
      let index = 0;
      return {
        async next() {
          if (index >= items.length) return { done: true, value: undefined };
          state.pulled++;
          return { done: false, value: items[index++] as T };
        },
        async return() {
          state.returned = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { source, state };
}

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('transforming combinators', () => {
  test('map passes the value and its index, and awaits promises', async () => {
    expect(
      await pipe(
        numbers(3),
        map((value, index) => `${index}:${value}`),
      ).toArray(),
    ).toEqual(['0:1', '1:2', '2:3']);
    expect(
      await AsyncChain.from(numbers(3))
        .map(async (value) => value * 2)
        .toArray(),
    ).toEqual([2, 4, 6]);
  });

  test('filter keeps truthy results, awaits promises, and narrows with a type guard', async () => {
    const mixed: (number | string)[] = [1, 'a', 2, 'b'];
    const strings = AsyncChain.from(mixed).filter((value): value is string => typeof value === 'string');
    expectTypeOf(strings).toEqualTypeOf<AsyncChain<string>>();
    expect(await strings.toArray()).toEqual(['a', 'b']);
    expect(
      await AsyncChain.from(numbers(6))
        .filter(async (value) => value % 2 === 0)
        .toArray(),
    ).toEqual([2, 4, 6]);
  });

  test('the standalone filter and take compose with pipe, on any iterable', async () => {
    expect(
      await pipe(
        numbers(10),
        filter((value) => value % 3 === 0),
        take(2),
      ).toArray(),
    ).toEqual([3, 6]);
    expect(await toArray(take<number>(2)(filter((value: number) => value > 7)(numbers(10))))).toEqual([8, 9]);
  });

  test('take stops pulling at its count and calls return() on the source', async () => {
    const { source, state } = tracked(numbers(100));
    expect(await AsyncChain.from(source).take(3).toArray()).toEqual([1, 2, 3]);
    expect(state).toEqual({ pulled: 3, returned: true });
  });

  test('take(0) pulls nothing; take truncates fractions, as TC39 does', async () => {
    const { source, state } = tracked(numbers(5));
    expect(await AsyncChain.from(source).take(0).toArray()).toEqual([]);
    expect(state.pulled).toBe(0);
    expect(await AsyncChain.from(numbers(5)).take(2.9).toArray()).toEqual([1, 2]);
    expect(await AsyncChain.from(numbers(5)).take(Number.POSITIVE_INFINITY).toArray()).toEqual(numbers(5));
  });

  test.each([
    ['take', -1, RangeError],
    ['take', Number.NaN, RangeError],
    ['take', '3', TypeError],
    ['drop', -1, RangeError],
    ['chunks', 0, RangeError],
    ['chunks', 1.5, RangeError],
  ] as const)('%s(%s) throws %s at once', (name, count, Kind) => {
    const chain = AsyncChain.from(numbers(3));
    expect(() => (chain[name] as (n: unknown) => unknown)(count)).toThrow(Kind);
  });

  test('drop skips across batches', async () => {
    expect(await pipe(numbers(10), drop(7)).toArray()).toEqual([8, 9, 10]);
    expect(await AsyncChain.from(numbers(3)).drop(5).toArray()).toEqual([]);
  });

  test('flatMap flattens arrays, iterables and async iterables, and rejects strings', async () => {
    async function* twice(value: number) {
      yield value;
      yield value;
    }
    expect(
      await pipe(
        numbers(2),
        flatMap((value) => [value, -value]),
      ).toArray(),
    ).toEqual([1, -1, 2, -2]);
    expect(
      await AsyncChain.from(numbers(2))
        .flatMap((value) => twice(value))
        .toArray(),
    ).toEqual([1, 1, 2, 2]);
    expect(
      await AsyncChain.from(numbers(2))
        .flatMap((value) => new Set([value]))
        .toArray(),
    ).toEqual([1, 2]);
    expect(
      await AsyncChain.from(numbers(2))
        .flatMap(async (value) => [value])
        .toArray(),
    ).toEqual([1, 2]);
    await expect(
      AsyncChain.from(numbers(2))
        .flatMap(() => 'ab' as never)
        .toArray(),
    ).rejects.toThrow(TypeError);
  });

  test('chunks groups items, the last chunk shorter', async () => {
    expect(await pipe(numbers(7), chunks(3)).toArray()).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  test('every iteration of a chain starts afresh', async () => {
    const chain = AsyncChain.from(numbers(4)).map((value) => value * 10);
    expect(await chain.toArray()).toEqual([10, 20, 30, 40]);
    expect(await chain.toArray()).toEqual([10, 20, 30, 40]);
  });
});

describe('terminal combinators', () => {
  test('toArray, forEach (awaiting async callbacks, in order)', async () => {
    expect(await toArray(numbers(3))).toEqual([1, 2, 3]);
    // Each callback yields to the event loop before it ends: if forEach did not
    // await it, the next one would start first. No timers, so no race.
    const seen: string[] = [];
    await forEach(numbers(3), async (value, index) => {
      seen.push(`start ${index}:${value}`);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(`end ${index}:${value}`);
    });
    expect(seen).toEqual(['start 0:1', 'end 0:1', 'start 1:2', 'end 1:2', 'start 2:3', 'end 2:3']);
  });

  test('reduce with and without an initial value; an empty source without one is a TypeError', async () => {
    expect(await reduce(numbers(4), (sum, value) => sum + value)).toBe(10);
    expect(await reduce(numbers(4), (text, value, index) => `${text}${index}${value}`, '')).toBe('01122334');
    expect(await AsyncChain.from(numbers(3)).reduce(async (sum, value) => sum + value, 100)).toBe(106);
    await expect(reduce([] as number[], (sum, value) => sum + value)).rejects.toThrow(TypeError);
    expect(await reduce([] as number[], (sum, value) => sum + value, 0)).toBe(0);
  });

  test('some, every and find stop at their answer and return() the source', async () => {
    for (const run of [
      (source: AsyncIterable<number>) => some(source, (value) => value === 3),
      (source: AsyncIterable<number>) => every(source, (value) => value < 3),
      (source: AsyncIterable<number>) => find(source, (value) => value === 3),
    ]) {
      const { source, state } = tracked(numbers(10));
      await run(source);
      expect(state).toEqual({ pulled: 3, returned: true });
    }
    expect(await some(numbers(3), (value) => value > 5)).toBe(false);
    expect(await every(numbers(3), async (value) => value > 0)).toBe(true);
    expect(await find(numbers(3), (value) => value > 5)).toBeUndefined();
  });

  test('find narrows with a type guard', async () => {
    const found = await find([1, 'a'] as (number | string)[], (value): value is string => typeof value === 'string');
    expectTypeOf(found).toEqualTypeOf<string | undefined>();
    expect(found).toBe('a');
  });

  test('first takes one item and stops', async () => {
    const { source, state } = tracked(numbers(10));
    expect(await first(source)).toBe(1);
    expect(state).toEqual({ pulled: 1, returned: true });
    expect(await first([])).toBeUndefined();
  });
});

describe('early exit and errors', () => {
  test('a break in the consumer calls return() all the way down to the source', async () => {
    const { source, state } = tracked(numbers(100));
    for await (const value of AsyncChain.from(source)
      .map((v) => v + 1)
      .filter(() => true)
      .drop(1)) {
      if (value === 5) break;
    }
    expect(state.returned).toBe(true);
    expect(state.pulled).toBe(4);
  });

  test('an error in the source passes through every combinator', async () => {
    async function* failing() {
      yield 1;
      throw new Error('source failed');
    }
    await expect(
      AsyncChain.from(failing())
        .map((v) => v)
        .filter(() => true)
        .chunks(2)
        .toArray(),
    ).rejects.toThrow('source failed');
  });

  test('an error in a callback rejects, and return() reaches the source', async () => {
    const { source, state } = tracked(numbers(10));
    const run = AsyncChain.from(source)
      .map((value) => {
        if (value === 2) throw new Error('mapper failed');
        return value;
      })
      .toArray();
    await expect(run).rejects.toThrow('mapper failed');
    expect(state.returned).toBe(true);
  });

  test('an async callback runs only when the consumer asks for its item', async () => {
    const called: number[] = [];
    const iterator = AsyncChain.from(numbers(5))
      .map(async (value) => {
        called.push(value);
        return value;
      })
      [Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    expect(called).toEqual([1, 2]);
    await iterator.return?.();
  });

  test('next() calls that overlap get the items in order, across batch boundaries', async () => {
    // biome-ignore lint/complexity/noFlatMapIdentity: AsyncChain has no flat(); this flatMap is the operator under test.
    const chain = AsyncChain.from([1, 2, 3, 4, 5])
      .chunks(2)
      .flatMap((chunk) => chunk);
    const iterator = chain[Symbol.asyncIterator]();
    const results = await Promise.all([
      iterator.next(),
      iterator.next(),
      iterator.next(),
      iterator.next(),
      iterator.next(),
      iterator.next(),
    ]);
    expect(results.map((result) => result.value)).toEqual([1, 2, 3, 4, 5, undefined]);
    expect(results.at(-1)?.done).toBe(true);
  });

  test('non-iterables are refused with a TypeError', async () => {
    await expect(toArray(42 as never)).rejects.toThrow(TypeError);
    await expect(toArray('abc' as never)).rejects.toThrow(TypeError);
    expect(() => map(5 as never)).toThrow(/map\(mapper\): mapper must be a function; got 5/);
  });
});
