import {
  type BedrockClient,
  ListModelCustomizationJobsCommand,
  type ModelCustomizationJobSummary,
} from '@aws-sdk/client-bedrock';
import { MAX_RESULTS_MAX, NEXT_TOKEN_MAX_LENGTH } from './api-limits.js';
import { type CustomizationJobFilter, type FilterFields, validateFilter } from './customization-job-filter.js';
import { defaultClient } from './default-client.js';
import { assertOptionalObject, inputError, rejectUnknownKeys } from './engine/input-errors.js';
import { Listing } from './engine/listing.js';
import { LISTING_OPTION_KEYS, type ListingOptions, validateListingOptions } from './engine/listing-options.js';
import type { FetchPage } from './engine/page-loop.js';

/** Anything with the SDK client's `send`: a `BedrockClient`, or a stand-in in tests. */
export type BedrockClientLike = Pick<BedrockClient, 'send'>;

/** Options of {@link paginateCustomizationJobs}. */
export interface PaginateCustomizationJobsOptions extends ListingOptions {
  /**
   * The SDK client to send with. Default: one `BedrockClient` for the
   * process, made on first use from the environment, with the SDK's own
   * retries off. A client you pass keeps its own retries, which multiply
   * with these: see the README.
   */
  readonly client?: BedrockClientLike | undefined;
}

const OPERATION = 'ListModelCustomizationJobs';

/** How to get one page of customization jobs: the only part of the paginator that knows Bedrock. */
function fetchJobsPage(client: () => BedrockClientLike, filter: FilterFields): FetchPage<ModelCustomizationJobSummary> {
  return async ({ token, maxResults, signal }) => {
    const command = new ListModelCustomizationJobsCommand({ ...filter, maxResults, nextToken: token });
    const output = await client().send(command, { abortSignal: signal });
    return { items: output.modelCustomizationJobSummaries ?? [], nextToken: output.nextToken };
  };
}

/**
 * Every model customization job that matches `filter`, one at a time, in
 * the API's order. It hides `nextToken` and `maxResults`, retries
 * throttling with backoff, and stops requesting the moment its consumer
 * stops. Bad input throws here, before any request.
 *
 * @param filter - The API's own filter fields: `statusEquals`, `nameContains`,
 *   `creationTimeAfter`, `creationTimeBefore` (a `Date` or an ISO-8601 string),
 *   `sortBy` and `sortOrder`.
 * @param options - `client`, `pageSize`, `startingToken`, `signal` and `retry`.
 * @returns A lazy async iterable of the SDK's `ModelCustomizationJobSummary`,
 *   with chainable combinators and `.pages()`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * for await (const job of paginateCustomizationJobs({ statusEquals: 'Failed' })) {
 *   console.log(job.jobName, job.creationTime);
 * }
 *
 * const recent = await paginateCustomizationJobs({ sortOrder: 'Descending' })
 *   .filter((job) => job.customizationType === 'FINE_TUNING')
 *   .take(10)
 *   .toArray();
 * ```
 */
export function paginateCustomizationJobs(
  filter?: CustomizationJobFilter,
  options: PaginateCustomizationJobsOptions = {},
): Listing<ModelCustomizationJobSummary> {
  const fields = validateFilter(filter);
  assertOptionalObject(options, 'options');
  rejectUnknownKeys(options, ['client', ...LISTING_OPTION_KEYS], 'options');
  const loopOptions = validateListingOptions(options, OPERATION, {
    maxPageSize: MAX_RESULTS_MAX,
    maxTokenLength: NEXT_TOKEN_MAX_LENGTH,
  });
  const { client } = options;
  if (client !== undefined && typeof (client as Partial<BedrockClientLike> | null)?.send !== 'function') {
    throw inputError(TypeError, 'options.client', client, 'an SDK client with a send method, such as new BedrockClient()');
  }
  return new Listing(fetchJobsPage(client ? () => client : defaultClient, fields), loopOptions);
}
