import { AsyncChain } from '../chain/async-chain.js';
import { linkAbort } from './abort-link.js';
import type { ListingConfig } from './listing-options.js';
import { itemsOfPages, pagesAsBatches, pagesMaxItems } from './page-batches.js';
import { type ApiRules, type FetchPage, type Page, pageLoop } from './page-loop.js';
import { readAhead } from './read-ahead.js';

/**
 * A paginated listing: its items by default, its pages one call away. Lazy:
 * nothing is requested before the first `next()`, and every iteration is a
 * fresh listing.
 *
 * {@link paginateCustomizationJobs} makes them. Every {@link AsyncChain}
 * method works on one, and a `take` or `first` shrinks the requests'
 * `maxResults` to what is still wanted.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const listing = paginateCustomizationJobs({ statusEquals: 'InProgress' });
 *
 * // Items: the listing is an async iterable of job summaries.
 * for await (const job of listing) console.log(job.jobName);
 *
 * // Pages: a second, independent run of the same listing.
 * for await (const page of listing.pages()) {
 *   console.log(`${page.items.length} jobs; next token ${page.nextToken}`);
 * }
 * ```
 */
export class Listing<T> extends AsyncChain<T> {
  readonly #fetchPage: FetchPage<T>;
  readonly #config: ListingConfig;
  readonly #rules: ApiRules<T>;

  /** Listings are made by the paginators: the constructor's parameter types are not exported. */
  private constructor(fetchPage: FetchPage<T>, config: ListingConfig, rules: ApiRules<T>) {
    super((limit, cancel) => itemsOfPages(this.#run(limit, cancel)));
    this.#fetchPage = fetchPage;
    this.#config = config;
    this.#rules = rules;
  }

  /** @internal How the paginators make listings: the constructor's types are not exported. */
  static create<T>(fetchPage: FetchPage<T>, config: ListingConfig, rules: ApiRules<T> = {}): Listing<T> {
    return new Listing(fetchPage, config, rules);
  }

  /**
   * The same listing as pages of `{ items, nextToken, pageToken }`. A page's
   * `nextToken`, passed back as `startingToken`, resumes right after it.
   * With `maxItems` (a whole number ≥ 0), the pages stop after that many
   * items, and no request asks for more than are still wanted: the last
   * page may be short. Bad options throw here, before any request.
   *
   * @example
   * ```ts
   * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
   *
   * // Checkpoint after each page, so that a later run can pick up from there.
   * let checkpoint: string | undefined;
   * for await (const page of paginateCustomizationJobs({}, { pageSize: 100 }).pages({ maxItems: 500 })) {
   *   for (const job of page.items) console.log(job.jobArn);
   *   checkpoint = page.nextToken;
   * }
   * ```
   */
  pages(
    options: {
      /** Items to stop after, across pages; default: all of them. */
      readonly maxItems?: number | undefined;
    } = {},
  ): AsyncChain<Page<T>> {
    const maxItems = pagesMaxItems(options);
    return AsyncChain.ofBatches((_, cancel) => pagesAsBatches(this.#run(maxItems, cancel)));
  }

  /**
   * One run of the listing, with its own controller, so that leaving it
   * early cancels what it started: at once when `cancel` aborts (the
   * consumer's `return()`, even while a `next()` is pending), and when the
   * caller's signal aborts. The listener on the caller's signal goes when
   * the run ends, so one long-lived signal can serve any number of runs.
   */
  #run(limit?: number, cancel?: AbortSignal): AsyncIterableIterator<Page<T>> {
    const { signal: userSignal, prefetch } = this.#config;
    const controller = new AbortController();
    const unlink = [userSignal, cancel].map((signal) => linkAbort(signal, controller));
    const pages = pageLoop(this.#fetchPage, { ...this.#config, signal: controller.signal }, this.#rules, limit);
    return readAhead(pages, prefetch, {
      cancel: () => controller.abort(),
      signal: controller.signal,
      finished: () => {
        for (const stop of unlink) stop();
      },
    });
  }
}
