import { Listing } from '../paging/listing.js';
import { LISTING_OPTION_KEYS, type ListingOptions, validateListingOptions } from '../paging/listing-options.js';
import type { MergedListing } from '../paging/merged-listing.js';
import { isMergedToken } from '../paging/merged-token.js';
import type { ApiRules, FetchPage } from '../paging/page-loop.js';
import { assertOptionalBoolean, assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { MAX_RESULTS_MAX, NEXT_TOKEN_MAX_LENGTH, NEXT_TOKEN_PATTERN } from './api-limits.js';
import { configurationError } from './client-configuration.js';
import { type BedrockClientLike, isClientLike } from './client-like.js';
import { defaultClient } from './default-client.js';
import { pacerOf } from './default-pacer.js';
import { BEDROCK_ATTEMPT_RULES, describeSdkError } from './error-classification.js';
import { validateFilter } from './filter-validation.js';
import type { FilterOf, ListingKind } from './listing-kind.js';
import { MalformedResponseError } from './malformed-response-error.js';
import { mergedListing, type SkippedSource, sourcesOf } from './multi-source.js';
import { pacing } from './quota-key.js';

export type { BedrockClientLike } from './client-like.js';

/**
 * Options of every `paginate*` function: the paging options of every
 * listing, plus the client and `dedupe`.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { type PaginateOptions, paginateModelImportJobs } from 'bedrock-customization-jobs';
 *
 * const options: PaginateOptions = {
 *   // maxAttempts: 1 leaves retrying to the paginator, so that the two do not multiply.
 *   client: new BedrockClient({ region: 'us-west-2', maxAttempts: 1 }),
 *   pageSize: 200,
 *   dedupe: true,
 * };
 * const imports = paginateModelImportJobs({ statusEquals: 'Completed' }, options);
 * ```
 */
export interface PaginateOptions extends ListingOptions {
  /**
   * The SDK client to send with. Default: one `BedrockClient` for the
   * process, made on first use from the environment, with the SDK's own
   * retries off. A client you pass keeps its own retries, which multiply
   * with these: see docs/guide.md.
   */
  readonly client?: BedrockClientLike | undefined;
  /**
   * Drop any item whose ARN (`jobArn`, or `modelArn` for custom models)
   * this listing already delivered; default false. For services whose
   * tokens are offsets: an item created during a listing shifts the rest,
   * and one item would come twice. Costs a set of the ARNs seen.
   */
  readonly dedupe?: boolean | undefined;
}

/**
 * Options of a `paginate*` function over several sources: `regions` (one
 * default client each) or `clients` (any clients: regions × accounts), one
 * or more, never both and never with `client`. The items of every source
 * come merged in the API's order (the kind's time field, in `sortOrder`,
 * default Descending; ties to the source listed first), and one token
 * resumes them all.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { type MultiSourceOptions, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const options: MultiSourceOptions = {
 *   clients: [new BedrockClient({ region: 'us-east-1', maxAttempts: 1 }), new BedrockClient({ region: 'us-west-2', maxAttempts: 1 })],
 *   onSourceError: 'skip',
 *   onSourceSkipped: ({ region, accountId, error }) => console.warn(`skipped ${region} ${accountId}: ${error}`),
 * };
 * const jobs = paginateCustomizationJobs({ statusEquals: 'InProgress' }, options);
 * ```
 */
export interface MultiSourceOptions extends ListingOptions {
  /**
   * One source per region, each with its own default client, made as the
   * single default client is (environment credentials, SDK retries off),
   * once per region for the process. A source's identity in resume tokens
   * is its region.
   */
  readonly regions?: readonly string[] | undefined;
  /**
   * One source per client. A source's identity in resume tokens is its
   * client's region (`await client.config.region()`), or its place in the
   * list (`#2`) for a client whose config names none.
   */
  readonly clients?: readonly BedrockClientLike[] | undefined;
  /** As {@link PaginateOptions.dedupe}, within each source. */
  readonly dedupe?: boolean | undefined;
  /**
   * What a source that fails does to the listing: `'fail'` (default) ends it
   * with a `PaginationError` that names the source and resumes every source;
   * `'skip'` goes on without it, and tells `onSourceSkipped`.
   */
  readonly onSourceError?: 'fail' | 'skip' | undefined;
  /** With `onSourceError: 'skip'`, told once of each source skipped: its region, its account and the error. */
  readonly onSourceSkipped?: ((source: SkippedSource) => void) | undefined;
}

/**
 * How to get one page of a kind: the only part of a paginator that knows
 * Bedrock. The SDK's deserializer checks nothing, so what the loop relies
 * on is checked here: a list of items, a string token, and, with `dedupe`,
 * an ARN on every item.
 */
function fetchPageOf<Request extends object, Summary extends object>(
  kind: ListingKind<Request, Summary>,
  client: () => BedrockClientLike,
  filter: FilterOf<Request>,
  dedupe: boolean,
): FetchPage<Summary> {
  return async ({ token, maxResults, signal }) => {
    const command = new kind.command({ ...filter, maxResults, nextToken: token } as Request);
    // The command's type is the kind's own; send() takes any of the client's commands.
    const output = (await client().send(command as never, { abortSignal: signal })) as Record<string, unknown> & {
      $metadata?: { httpStatusCode?: number; requestId?: string };
    };
    const { httpStatusCode, requestId } = output.$metadata ?? {};
    const malformed = (what: string) =>
      new MalformedResponseError(
        `${kind.operation} answered HTTP ${httpStatusCode ?? '?'} ${what} (request id ${requestId ?? 'unknown'})`,
        { httpStatusCode, requestId },
      );
    const items = output[kind.itemsKey];
    if (!Array.isArray(items)) throw malformed(`without a ${kind.itemsKey} list`);
    const { nextToken } = output;
    if (nextToken !== undefined && nextToken !== null && typeof nextToken !== 'string') {
      throw malformed(`with a nextToken that is not a string (${typeof nextToken})`);
    }
    if (dedupe) {
      const index = items.findIndex((item) => typeof item?.[kind.arnField] !== 'string');
      if (index >= 0) {
        throw malformed(`with a summary that has no ${kind.arnField} (item ${index} of the page), so dedupe cannot key it`);
      }
    }
    return { items: items as Summary[], nextToken: nextToken ?? undefined };
  };
}

/** Bedrock answers an expired or garbled token with a ValidationException that says so. */
function isRejectedToken(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException' && /token/i.test(error.message);
}

/**
 * A kind's paginator: `(filter?, options?) => Listing` of the kind's
 * summaries, or, given `regions` or `clients`, a {@link MergedListing} of
 * them all.
 */
export interface Paginator<Request extends object, Summary extends object> {
  (filter: FilterOf<Request> | undefined, options: MultiSourceOptions & MultiSourceChoice): MergedListing<Summary>;
  (filter?: FilterOf<Request>, options?: PaginateOptions): Listing<Summary>;
}

/**
 * `regions` or `clients`: what makes a paginator return a listing over
 * several sources, as its overloads tell the two apart.
 *
 * @example
 * ```ts
 * import { type MultiSourceChoice, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const sources: MultiSourceChoice = { regions: ['us-east-1', 'eu-central-1'] };
 * const jobs = paginateCustomizationJobs({}, sources);
 * ```
 */
export type MultiSourceChoice =
  | {
      /** The regions, one default client each. */
      readonly regions: readonly string[];
    }
  | {
      /** The clients, one source each. */
      readonly clients: readonly BedrockClientLike[];
    };

/**
 * Makes the paginator of a kind from its declaration. Bad input throws at
 * the call, before any request: the filter against the kind's table, the
 * options against the paging rules.
 */
export function paginatorOf<Request extends object, Summary extends object>(
  kind: ListingKind<Request, Summary>,
): Paginator<Request, Summary> {
  const paginate = (filter?: FilterOf<Request>, options: PaginateOptions & MultiSourceOptions = {}) => {
    const fields = validateFilter<FilterOf<Request>>(kind, filter);
    assertOptionalObject(options, 'options');
    rejectUnknownKeys(
      options,
      ['client', 'dedupe', ...LISTING_OPTION_KEYS, 'regions', 'clients', 'onSourceError', 'onSourceSkipped'],
      'options',
    );
    const sources = sourcesOf(options);
    // A merged token is checked against its sources, not the API's token rules: it is longer than one page token.
    const config = validateListingOptions(sources ? { ...options, startingToken: undefined } : options, kind.operation, {
      maxPageSize: MAX_RESULTS_MAX,
      maxTokenLength: NEXT_TOKEN_MAX_LENGTH,
      tokenPattern: NEXT_TOKEN_PATTERN,
    });
    if (!sources && config.startingToken !== undefined && isMergedToken(config.startingToken)) {
      throw new RangeError(
        `options.startingToken is the token of a listing over several sources; resume it with the same options.regions or options.clients.`,
      );
    }
    const { client } = options;
    if (client !== undefined && !isClientLike(client)) {
      throw inputError(TypeError, 'options.client', client, 'an SDK client with a send method, such as new BedrockClient()');
    }
    assertOptionalBoolean(options.dedupe, 'options.dedupe');
    const dedupe = options.dedupe === true;
    // The library's own clients share the process's pacer; a caller's clients, only the pacer the caller passes.
    const pacer = pacerOf(options);
    const rules = (send: () => BedrockClientLike): ApiRules<Summary> => ({
      isRejectedToken,
      notPaging: configurationError,
      attempts: BEDROCK_ATTEMPT_RULES,
      describeError: describeSdkError,
      uniqueBy: dedupe ? (item) => item[kind.arnField] : undefined,
      pace: pacer && pacing(pacer, kind.operation, send),
    });
    const listingOf = (send: () => BedrockClientLike, startingToken: string | undefined) =>
      Listing.create(fetchPageOf(kind, send, fields, dedupe), { ...config, startingToken }, rules(send));
    if (sources) {
      const sortOrder = (fields as { sortOrder?: unknown }).sortOrder;
      return mergedListing<Summary>(kind, sources, options, sortOrder, listingOf);
    }
    return listingOf(client ? () => client : defaultClient, config.startingToken);
  };
  return paginate as Paginator<Request, Summary>;
}
