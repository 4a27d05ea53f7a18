import { AsyncChain } from './async-chain.js';
import { type FetchPage, type Page, type PageLoopOptions, pageLoop } from './page-loop.js';

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
  readonly #options: PageLoopOptions;

  /** @internal Listings are made by the paginators. */
  constructor(fetchPage: FetchPage<T>, options: PageLoopOptions) {
    super((limit) => itemsOf(pageLoop(fetchPage, options, limit)));
    this.#fetchPage = fetchPage;
    this.#options = options;
  }

  /**
   * The same listing as pages of `{ items, nextToken }`. A page's
   * `nextToken`, passed back as `startingToken`, resumes right after it.
   */
  pages(): AsyncChain<Page<T>> {
    return new AsyncChain(() => eachPage(pageLoop(this.#fetchPage, this.#options)));
  }
}
