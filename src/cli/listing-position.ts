import type { Page } from '../paging/page-loop.js';
import { type Continuation, FROM_THE_START } from './continuation-token.js';

/**
 * Where a run stands in the listing, kept as a {@link Continuation}: the
 * next item to print is the `skip`-th from `pageToken`. A skip larger than
 * a page carries over to the next one, so a token taken with one page size
 * continues exactly with any other.
 */
export class ListingPosition {
  #at: Continuation | undefined;
  #page: Page<unknown> | undefined;

  constructor(start: Continuation) {
    this.#at = start;
  }

  /** A page arrived: the index of its first item to print (its length when the whole page is skipped). */
  enter(page: Page<unknown>): number {
    this.#page = page;
    return Math.min(this.#at?.skip ?? 0, page.items.length);
  }

  /** The item at `index` of the current page was printed. */
  printed(index: number): void {
    this.#at = { pageToken: this.#page?.pageToken, skip: index + 1 };
  }

  /** The current page is done: what is left of the skip carries over to the next page. */
  leave(): void {
    const page = this.#page;
    if (!page || !this.#at) return;
    const skipLeft = Math.max(0, this.#at.skip - page.items.length);
    this.#at = page.nextToken === undefined ? undefined : { pageToken: page.nextToken, skip: skipLeft };
    this.#page = undefined;
  }

  /**
   * Where a new run continues; `undefined` when the listing is complete,
   * or when the place is the very start, which needs no token.
   */
  get continuation(): Continuation | undefined {
    const at = this.#at;
    if (!at || (at.pageToken === FROM_THE_START.pageToken && at.skip === FROM_THE_START.skip)) return undefined;
    return at;
  }
}
