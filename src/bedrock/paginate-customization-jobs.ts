import {
  type BedrockClient,
  ListModelCustomizationJobsCommand,
  type ModelCustomizationJobSummary,
} from '@aws-sdk/client-bedrock';
import { Listing } from '../paging/listing.js';
import { LISTING_OPTION_KEYS, type ListingOptions, validateListingOptions } from '../paging/listing-options.js';
import type { ApiRules, FetchPage } from '../paging/page-loop.js';
import { assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { MAX_RESULTS_MAX, NEXT_TOKEN_MAX_LENGTH, NEXT_TOKEN_PATTERN } from './api-limits.js';
import { configurationProblem } from './client-configuration.js';
import { type CustomizationJobFilter, type FilterFields, validateFilter } from './customization-job-filter.js';
import { defaultClient } from './default-client.js';
import { MalformedResponseError } from './malformed-response-error.js';

/**
 * Anything with the SDK client's `send`: a `BedrockClient`, or a stand-in in tests.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { type BedrockClientLike, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const client: BedrockClientLike = new BedrockClient({ region: 'eu-west-1', maxAttempts: 1 });
 * const jobs = paginateCustomizationJobs({}, { client });
 * ```
 */
export type BedrockClientLike = Pick<BedrockClient, 'send'>;

/**
 * Options of {@link paginateCustomizationJobs}: the paging options of
 * every listing, plus the client and `dedupe`.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { type PaginateCustomizationJobsOptions, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const options: PaginateCustomizationJobsOptions = {
 *   // maxAttempts: 1 leaves retrying to the paginator, so that the two do not multiply.
 *   client: new BedrockClient({ region: 'us-west-2', maxAttempts: 1 }),
 *   pageSize: 200,
 *   dedupe: true,
 * };
 * const jobs = paginateCustomizationJobs({ statusEquals: 'Completed' }, options);
 * ```
 */
export interface PaginateCustomizationJobsOptions extends ListingOptions {
  /**
   * The SDK client to send with. Default: one `BedrockClient` for the
   * process, made on first use from the environment, with the SDK's own
   * retries off. A client you pass keeps its own retries, which multiply
   * with these: see the README.
   */
  readonly client?: BedrockClientLike | undefined;
  /**
   * Drop any job whose `jobArn` this listing already delivered; default
   * false. For services whose tokens are offsets: a job created during a
   * listing shifts the rest, and one job would come twice. Costs a set of
   * the ARNs seen.
   */
  readonly dedupe?: boolean | undefined;
}

const OPERATION = 'ListModelCustomizationJobs';

/**
 * How to get one page of customization jobs: the only part of the paginator
 * that knows Bedrock. The SDK's deserializer checks nothing, so what the
 * loop relies on is checked here: a list of items, a string token, and,
 * with `dedupe`, an ARN on every item.
 */
function fetchJobsPage(
  client: () => BedrockClientLike,
  filter: FilterFields,
  dedupe: boolean,
): FetchPage<ModelCustomizationJobSummary> {
  return async ({ token, maxResults, signal }) => {
    const command = new ListModelCustomizationJobsCommand({ ...filter, maxResults, nextToken: token });
    const output = await client().send(command, { abortSignal: signal });
    const { httpStatusCode, requestId } = output.$metadata ?? {};
    const malformed = (what: string) =>
      new MalformedResponseError(
        `${OPERATION} answered HTTP ${httpStatusCode ?? '?'} ${what} (request id ${requestId ?? 'unknown'})`,
        { httpStatusCode, requestId },
      );
    const items = output.modelCustomizationJobSummaries;
    if (!Array.isArray(items)) throw malformed('without a modelCustomizationJobSummaries list');
    const { nextToken } = output as { nextToken?: unknown };
    if (nextToken !== undefined && nextToken !== null && typeof nextToken !== 'string') {
      throw malformed(`with a nextToken that is not a string (${typeof nextToken})`);
    }
    if (dedupe) {
      const index = items.findIndex((job) => typeof job?.jobArn !== 'string');
      if (index >= 0) throw malformed(`with a summary that has no jobArn (item ${index} of the page), so dedupe cannot key it`);
    }
    return { items, nextToken: nextToken ?? undefined };
  };
}

/** Bedrock answers an expired or garbled token with a ValidationException that says so. */
function isRejectedToken(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException' && /token/i.test(error.message);
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
 * @param options - `client`, `pageSize`, `startingToken`, `signal`, `retry`, `prefetch`,
 *   `requestTimeout` and `dedupe`.
 * @returns A lazy async iterable of the SDK's `ModelCustomizationJobSummary`,
 *   with chainable combinators and `.pages()`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
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
  rejectUnknownKeys(options, ['client', 'dedupe', ...LISTING_OPTION_KEYS], 'options');
  const loopOptions = validateListingOptions(options, OPERATION, {
    maxPageSize: MAX_RESULTS_MAX,
    maxTokenLength: NEXT_TOKEN_MAX_LENGTH,
    tokenPattern: NEXT_TOKEN_PATTERN,
  });
  const { client } = options;
  if (client !== undefined && typeof (client as Partial<BedrockClientLike> | null)?.send !== 'function') {
    throw inputError(TypeError, 'options.client', client, 'an SDK client with a send method, such as new BedrockClient()');
  }
  if (options.dedupe !== undefined && typeof options.dedupe !== 'boolean') {
    throw inputError(TypeError, 'options.dedupe', options.dedupe, 'a boolean');
  }
  const dedupe = options.dedupe === true;
  const rules: ApiRules<ModelCustomizationJobSummary> = {
    isRejectedToken,
    configurationProblem,
    uniqueBy: dedupe ? (job) => job.jobArn : undefined,
  };
  return Listing.create(fetchJobsPage(client ? () => client : defaultClient, fields, dedupe), loopOptions, rules);
}
