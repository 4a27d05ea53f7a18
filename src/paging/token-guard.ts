/**
 * Tells whether a page token was used before in a listing, in bounded
 * memory, so that a listing of a million pages keeps no million tokens.
 *
 * - **Exact for recent tokens:** any of the last {@link RECENT_TOKENS}
 *   tokens used is refused when it comes again, before a single item of its
 *   page repeats. That covers a service that answers the same token (A → A)
 *   or cycles through a few (A → B → A).
 * - **Longer loops, in O(log pages) memory:** the token used at every
 *   multiple of 2^k pages is kept, one per k, for 2^k above the window.
 *   Once a loop of L pages has begun, the checkpoint of the first 2^k ≥ L
 *   lands inside it within 2^k pages and comes back L pages later. So a
 *   loop longer than the window is stopped after fewer than 2·L of its
 *   pages have come again, however many pages came before it. At most 53
 *   checkpoints exist (2^53 pages is past any listing).
 */
export const RECENT_TOKENS = 128;

/** log2 of RECENT_TOKENS: checkpoints start above the exact window. */
const FIRST_LEVEL = Math.log2(RECENT_TOKENS);

export class TokenGuard {
  /** A ring of the last RECENT_TOKENS tokens, and a set of the same for O(1) look-ups. */
  readonly #ring: (string | undefined)[] = new Array(RECENT_TOKENS);
  readonly #recent = new Map<string, number>();
  /** checkpoints[k]: the token used at the last multiple of 2^(FIRST_LEVEL + k + 1). */
  readonly #checkpoints: (string | undefined)[] = [];
  #used = 0;

  /** How many tokens it holds: never more than RECENT_TOKENS plus 53 checkpoints. */
  get retained(): number {
    return this.#recent.size + this.#checkpoints.length;
  }

  /** Whether `token` was used before, as far as the guarantees above go. */
  seen(token: string): boolean {
    return this.#recent.has(token) || this.#checkpoints.includes(token);
  }

  /** Records that the listing uses `token` now. */
  use(token: string): void {
    const slot = this.#used % RECENT_TOKENS;
    const evicted = this.#ring[slot];
    if (evicted !== undefined) {
      const count = (this.#recent.get(evicted) ?? 1) - 1;
      if (count === 0) this.#recent.delete(evicted);
      else this.#recent.set(evicted, count);
    }
    this.#ring[slot] = token;
    this.#recent.set(token, (this.#recent.get(token) ?? 0) + 1);
    this.#used++;
    for (let level = FIRST_LEVEL + 1, k = 0; level < 54 && this.#used % 2 ** level === 0; level++, k++) {
      this.#checkpoints[k] = token;
    }
  }
}
