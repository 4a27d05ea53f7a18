import { AsyncChain } from '../chain/async-chain.js';
import { openBatches } from '../chain/batch-source.js';
import { mergeBatches } from '../chain/operators/merge-sorted.js';
import { linkAbort } from './abort-link.js';
import type { Listing } from './listing.js';
import { assertSameSources, encodeMergedToken, type MergedToken, type SourcePosition, START } from './merged-token.js';
import { itemsOfPages, pagesAsBatches, pagesMaxItems } from './page-batches.js';
import type { Page } from './page-loop.js';
import { PaginationError } from './pagination-error.js';

/** Which source of a merged listing a page came from. */
export interface PageSource {
  /** Its place in `regions` or `clients`, from 0. */
  readonly index: number;
  /** Its identity in resume tokens: its region, or `#index` when its client names none. */
  readonly id: string;
}

/**
 * One page of a listing over several sources: a run of items, in merge
 * order, that all came from one source. `nextToken` and `pageToken` are
 * each the one token that resumes every source, after and before this page.
 */
export interface MergedPage<T> extends Page<T> {
  /** The source its items came from. */
  readonly source: PageSource;
}

/** One source of a merged listing, as the front end (which knows the API) describes it. */
export interface MergeSourceSpec<T> {
  /** The source's own listing, from `startingToken` (its first page when undefined). */
  readonly listing: (startingToken: string | undefined) => Listing<T>;
  /** What names the source in tokens, resolved at the start of each run, before any request. */
  readonly identity: () => Promise<string>;
}

/** A merged listing: its sources, their order, and what to do when one fails. */
export interface MergedListingSpec<T> {
  readonly operation: string;
  readonly sources: readonly MergeSourceSpec<T>[];
  /** The order of the items across sources; ties go to the source listed first. */
  readonly compare: (a: T, b: T) => number;
  /** Where to resume, already decoded and counted against `sources`. */
  readonly startingToken: MergedToken | undefined;
  readonly signal: AbortSignal | undefined;
  /** Go on without a failed source, instead of ending the listing. */
  readonly skipFailed: boolean;
  /** Names a source in messages; `sample` is an item it listed, when one was seen. */
  readonly describe: (source: PageSource, sample: T | undefined) => string;
  /** Told, once, of a source that failed and was skipped. */
  readonly onSkipped?: ((source: PageSource, sample: T | undefined, error: unknown) => void) | undefined;
}

/** An item, with where it stands in its source: what the one resume token is made of. */
interface Tagged<T> {
  readonly item: T;
  readonly source: number;
  readonly pageToken: string | undefined;
  readonly nextToken: string | undefined;
  /** Its place in its page, and the page's length. */
  readonly index: number;
  readonly length: number;
}

/**
 * A source's pages as tagged items. Resuming inside a page, the first
 * `skip` items from the page token are dropped, across pages if the page
 * size is smaller now; `limit + skip` goes down as the item budget.
 */
async function* taggedBatches<T>(
  listing: Listing<T>,
  source: number,
  skip: number,
  samples: (T | undefined)[],
  limit: number | undefined,
  cancel: AbortSignal | undefined,
): AsyncGenerator<readonly Tagged<T>[]> {
  let toDrop = skip;
  const pages = listing.pages({ maxItems: limit === undefined ? undefined : limit + skip })[openBatches](undefined, cancel);
  for await (const [page] of pages as AsyncIterable<readonly Page<T>[]>) {
    if (page === undefined) continue;
    const { items, pageToken, nextToken } = page;
    if (samples[source] === undefined && items.length > 0) samples[source] = items[0];
    const from = Math.min(toDrop, items.length);
    toDrop -= from;
    const tagged: Tagged<T>[] = [];
    for (let index = from; index < items.length; index++) {
      tagged.push({ item: items[index] as T, source, pageToken, nextToken, index, length: items.length });
    }
    yield tagged;
  }
}

/** Where a source stands once `tagged` is delivered. */
function after<T>(tagged: Tagged<T>): SourcePosition {
  if (tagged.index + 1 < tagged.length) return { token: tagged.pageToken, skip: tagged.index + 1 };
  return tagged.nextToken === undefined ? 'done' : { token: tagged.nextToken, skip: 0 };
}

/**
 * A listing over several sources (regions, accounts), merged in the API's
 * order into one lazy listing, with one resume token for all of them. The
 * `paginate*` functions make one when given `regions` or `clients`. Every
 * {@link AsyncChain} method works on it, and a `take(n)` or `first()` asks
 * no source for more than n items.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const jobs = paginateCustomizationJobs({}, { regions: ['us-east-1', 'us-west-2'] });
 * for await (const page of jobs.pages()) {
 *   console.log(`${page.items.length} jobs from ${page.source.id}; resume with ${page.nextToken}`);
 * }
 * ```
 */
export class MergedListing<T> extends AsyncChain<T> {
  readonly #spec: MergedListingSpec<T>;

  /** Merged listings are made by the paginators: the constructor's parameter types are not exported. */
  private constructor(spec: MergedListingSpec<T>) {
    super((limit, cancel) => itemsOfPages(this.#run(limit, cancel)));
    this.#spec = spec;
  }

  /** @internal How the paginators make merged listings. */
  static create<T>(spec: MergedListingSpec<T>): MergedListing<T> {
    return new MergedListing(spec);
  }

  /**
   * The same listing as pages: runs of items from one source each, with
   * `source`, and with `nextToken`, the one token that resumes every source
   * after the page. With `maxItems` (a whole number ≥ 0), the pages stop
   * after that many items, and no source is asked for more.
   *
   * @example
   * ```ts
   * import { paginateModelCopyJobs } from 'bedrock-customization-jobs';
   *
   * let checkpoint: string | undefined;
   * for await (const page of paginateModelCopyJobs({}, { regions: ['us-east-1', 'eu-central-1'] }).pages({ maxItems: 100 })) {
   *   checkpoint = page.nextToken;
   * }
   * ```
   */
  pages(
    options: {
      /** Items to stop after, across pages and sources; default: all of them. */
      readonly maxItems?: number | undefined;
    } = {},
  ): AsyncChain<MergedPage<T>> {
    const maxItems = pagesMaxItems(options);
    return AsyncChain.ofBatches((_, cancel) => pagesAsBatches(this.#run(maxItems, cancel)));
  }

  /**
   * One run: every source's listing opened at once from where the token
   * puts it, merged, and cut into pages of one source each. Its controller
   * aborts every source's request in flight at once, when the consumer
   * leaves (`cancel`) or the caller's signal aborts.
   */
  async *#run(limit?: number, cancel?: AbortSignal): AsyncGenerator<MergedPage<T>> {
    const { operation, sources, compare, startingToken, signal, skipFailed, describe, onSkipped } = this.#spec;
    const controller = new AbortController();
    const unlink = [signal, cancel].map((link) => linkAbort(link, controller));
    try {
      const ids = await Promise.all(sources.map((source) => source.identity()));
      controller.signal.throwIfAborted();
      if (startingToken) assertSameSources(startingToken, ids, 'options.startingToken');
      const positions: SourcePosition[] = [...(startingToken?.positions ?? sources.map(() => START))];
      const samples: (T | undefined)[] = sources.map(() => undefined);
      const sourceOf = (index: number): PageSource => ({ index, id: ids[index] as string });
      let failed: { readonly index: number; readonly error: unknown } | undefined;
      const onSourceError = (error: unknown, index: number): boolean => {
        if (controller.signal.aborted) return false;
        if (!skipFailed) {
          failed = { index, error };
          return false;
        }
        onSkipped?.(sourceOf(index), samples[index], error);
        return true;
      };
      const lanes = sources.map((source, index) => {
        const position = positions[index] as SourcePosition;
        if (position === 'done') return [];
        return AsyncChain.ofBatches((lim, lane) =>
          taggedBatches(source.listing(position.token), index, position.skip, samples, lim, lane),
        );
      });
      let itemsDelivered = 0;
      let pagesDelivered = 0;
      const token = () => (positions.every((position) => position === 'done') ? undefined : encodeMergedToken(ids, positions));
      const merged = mergeBatches<Tagged<T>>(lanes, (a, b) => compare(a.item, b.item), {
        limit,
        cancel: controller.signal,
        onSourceError,
      });
      try {
        for await (const batch of merged) {
          for (let start = 0; start < batch.length; ) {
            const source = (batch[start] as Tagged<T>).source;
            const pageToken = token();
            const items: T[] = [];
            let end = start;
            for (; end < batch.length && (batch[end] as Tagged<T>).source === source; end++) {
              const tagged = batch[end] as Tagged<T>;
              items.push(tagged.item);
              positions[source] = after(tagged);
            }
            start = end;
            itemsDelivered += items.length;
            pagesDelivered++;
            yield { items, source: sourceOf(source), pageToken, nextToken: token() };
          }
        }
      } catch (error) {
        controller.signal.throwIfAborted();
        if (failed === undefined || failed.error !== error || !(error instanceof PaginationError)) throw error;
        const { index } = failed;
        const name = describe(sourceOf(index), samples[index]);
        const resume = error.resumable
          ? 'error.resumeToken resumes every source exactly after the last item delivered.'
          : 'no token can resume this source: start a new listing.';
        throw new PaginationError(
          `${operation} over ${sources.length} sources stopped because ${name} failed: ${error.message} ` +
            `Across the sources, ${itemsDelivered} items on ${pagesDelivered} pages were delivered; ${resume}`,
          {
            cause: error,
            resumeToken: token(),
            resumable: error.resumable,
            attempts: error.attempts,
            requests: error.requests,
            backoffMs: error.backoffMs,
            pagesDelivered,
            itemsDelivered,
          },
        );
      }
      // The merge ends quietly on an abort: the caller's signal still rejects, as a single listing's does.
      controller.signal.throwIfAborted();
    } finally {
      controller.abort();
      for (const stop of unlink) stop();
    }
  }
}
