import { AsyncChain } from './async-chain.js';
import type { ListingConfig } from './listing-options.js';
import { type ApiRules, type FetchPage, type Page, pageLoop } from './page-loop.js';
import { readAhead } from './read-ahead.js';

async function* itemsOf<T>(pages: AsyncIterable<Page<T>>): AsyncGenerator<readonly T[]> {
  for await (const page of pages) yield page.items;
}

async function* eachPage<T>(pages: AsyncIterable<Page<T>>): AsyncGenerator<readonly Page<T>[]> {
  for await (const page of pages) yield [page];
}

/**
 * A paginated listing: its items by default, its pages one call away. Lazy:
 * nothing is requested before the first `next()`, and every iteration is a
 * fresh listing.
 */
export class Listing<T> extends AsyncChain<T> {
  readonly #fetchPage: FetchPage<T>;
  readonly #config: ListingConfig;
  readonly #rules: ApiRules<T>;

  /** @internal Listings are made by the paginators. */
  constructor(fetchPage: FetchPage<T>, config: ListingConfig, rules: ApiRules<T> = {}) {
    super((limit) => itemsOf(this.#run(limit)));
    this.#fetchPage = fetchPage;
    this.#config = config;
    this.#rules = rules;
  }

  /**
   * The same listing as pages of `{ items, nextToken }`. A page's
   * `nextToken`, passed back as `startingToken`, resumes right after it.
   */
  pages(): AsyncChain<Page<T>> {
    return new AsyncChain(() => eachPage(this.#run()));
  }

  /** One run of the listing, with its own controller, so that leaving it early cancels what it started. */
  #run(limit?: number): AsyncIterableIterator<Page<T>> {
    const { signal: userSignal, prefetch } = this.#config;
    const controller = new AbortController();
    const signal = userSignal ? AbortSignal.any([userSignal, controller.signal]) : controller.signal;
    const pages = pageLoop(this.#fetchPage, { ...this.#config, signal }, this.#rules, limit);
    return readAhead(pages, prefetch, () => controller.abort(), userSignal);
  }
}
