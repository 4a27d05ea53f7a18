import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { Listing } from '../paging/listing.js';
import { LISTING_OPTION_KEYS, type ListingOptions, validateListingOptions } from '../paging/listing-options.js';
import type { ApiRules, FetchPage } from '../paging/page-loop.js';
import { assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { MAX_RESULTS_MAX, NEXT_TOKEN_MAX_LENGTH, NEXT_TOKEN_PATTERN } from './api-limits.js';
import { configurationError } from './client-configuration.js';
import { defaultClient } from './default-client.js';
import { BEDROCK_ATTEMPT_RULES, describeSdkError } from './error-classification.js';
import { validateFilter } from './filter-validation.js';
import type { FilterOf, ListingKind } from './listing-kind.js';
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

/** A kind's paginator: `(filter?, options?) => Listing` of the kind's summaries. */
export type Paginator<Request extends object, Summary extends object> = (
  filter?: FilterOf<Request>,
  options?: PaginateOptions,
) => Listing<Summary>;

/**
 * Makes the paginator of a kind from its declaration. Bad input throws at
 * the call, before any request: the filter against the kind's table, the
 * options against the paging rules.
 */
export function paginatorOf<Request extends object, Summary extends object>(
  kind: ListingKind<Request, Summary>,
): Paginator<Request, Summary> {
  return (filter, options = {}) => {
    const fields = validateFilter<FilterOf<Request>>(kind, filter);
    assertOptionalObject(options, 'options');
    rejectUnknownKeys(options, ['client', 'dedupe', ...LISTING_OPTION_KEYS], 'options');
    const config = validateListingOptions(options, kind.operation, {
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
    const rules: ApiRules<Summary> = {
      isRejectedToken,
      notPaging: configurationError,
      attempts: BEDROCK_ATTEMPT_RULES,
      describeError: describeSdkError,
      uniqueBy: dedupe ? (item) => item[kind.arnField] : undefined,
    };
    return Listing.create(fetchPageOf(kind, client ? () => client : defaultClient, fields, dedupe), config, rules);
  };
}
