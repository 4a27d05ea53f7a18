/**
 * Issue 9, item 4: the repeated-token guard in bounded memory. Exact over
 * the last RECENT_TOKENS tokens; a longer loop of L pages is stopped before
 * 2·L of its pages come again, however late it starts.
 */
import { describe, expect, test, vi } from 'vitest';
import { paginateCustomizationJobs, RepeatedTokenError } from '../src/index.js';
import { RECENT_TOKENS, TokenGuard } from '../src/paging/token-guard.js';

/** Feeds a token sequence to a guard as the page loop does; returns the index of the first token refused. */
function firstRefused(tokens: Iterable<string>): number | undefined {
  const guard = new TokenGuard();
  let index = 0;
  for (const token of tokens) {
    if (guard.seen(token)) return index;
    guard.use(token);
    index++;
  }
  return undefined;
}

/** `prefix` distinct tokens, then a loop of `loop` tokens repeated forever. */
function* loopingTokens(prefix: number, loop: number): Generator<string> {
  for (let i = 0; i < prefix; i++) yield `p${i}`;
  for (let i = 0; ; i = (i + 1) % loop) yield `l${i}`;
}

describe('TokenGuard', () => {
  test('a million distinct tokens pass, and it keeps at most RECENT_TOKENS + 53 of them', () => {
    const guard = new TokenGuard();
    let refused = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const token = `t${i}`;
      if (guard.seen(token)) refused++;
      guard.use(token);
    }
    expect(refused).toBe(0);
    expect(guard.retained).toBeLessThanOrEqual(RECENT_TOKENS + 53);
    expect(guard.retained).toBeGreaterThan(RECENT_TOKENS);
  });

  test.each([1, 2, 3, 17, RECENT_TOKENS])('a loop of %i tokens is refused before any of its pages repeats', (loop) => {
    for (const prefix of [0, 5, 1_000]) {
      // The first repeated token is at prefix + loop; it is refused right there.
      expect(firstRefused(loopingTokens(prefix, loop))).toBe(prefix + loop);
    }
  });

  test.each([RECENT_TOKENS + 1, 200, 300, 1_000, 5_000])(
    'a loop of %i tokens, past the exact window, is stopped before 2× its length repeats, however late it starts',
    (loop) => {
      for (const prefix of [0, 7, 10_000, 123_457]) {
        const refused = firstRefused(loopingTokens(prefix, loop)) as number;
        expect(refused).toBeGreaterThanOrEqual(prefix + loop);
        expect(refused - (prefix + loop)).toBeLessThan(2 * loop);
      }
    },
  );

  test('the listing ends with RepeatedTokenError on a loop longer than the window, with no request after it', async () => {
    const loop = 300;
    let calls = 0;
    const send = vi.fn(async (command: { input: { nextToken?: string } }) => {
      calls++;
      const index = command.input.nextToken === undefined ? 0 : Number(command.input.nextToken.slice(1));
      return { modelCustomizationJobSummaries: [], nextToken: `t${(index + 1) % loop}` };
    });
    const error = await paginateCustomizationJobs({}, { client: { send } as never, prefetch: 0 })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RepeatedTokenError);
    expect(error).toMatchObject({ resumable: false, resumeToken: undefined });
    expect(calls).toBeLessThan(3 * loop);
    expect(send).toHaveBeenCalledTimes(calls);
  });
});
