import { assertOptionalObject, inputError } from './input-errors.js';
import type { PageLoopOptions } from './page-loop.js';
import { type RetryOptions, validateRetryOptions } from './retry.js';

/** The paging options every listing takes. */
export interface ListingOptions {
  /** Items asked for per request, 1 to the API's maximum; default the maximum. */
  readonly pageSize?: number | undefined;
  /** Start from this page token instead of the first page: a page's `nextToken` or an error's `resumeToken`. */
  readonly startingToken?: string | undefined;
  /** Aborting it cancels the request in flight and any backoff wait; the iterator rejects with its reason. */
  readonly signal?: AbortSignal | undefined;
  /** Backoff for throttling and transient failures, per page; `false` turns retrying off. */
  readonly retry?: RetryOptions | false | undefined;
}

export const LISTING_OPTION_KEYS = ['pageSize', 'startingToken', 'signal', 'retry'] as const;

export interface TokenRules {
  readonly maxPageSize: number;
  readonly maxTokenLength: number;
}

/** Checks the paging options before any request, naming the field, the value and what is allowed. */
export function validateListingOptions(
  options: ListingOptions,
  operation: string,
  rules: TokenRules,
): PageLoopOptions {
  assertOptionalObject(options, 'options');
  const { pageSize = rules.maxPageSize, startingToken, signal, retry } = options;
  const pageSizeRule = `a whole number from 1 to ${rules.maxPageSize}`;
  if (typeof pageSize !== 'number') throw inputError(TypeError, 'options.pageSize', pageSize, pageSizeRule);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > rules.maxPageSize) {
    throw inputError(RangeError, 'options.pageSize', pageSize, pageSizeRule);
  }
  if (startingToken !== undefined) {
    const tokenRule = `a token from a page's nextToken or an error's resumeToken: 1 to ${rules.maxTokenLength} characters, no white space`;
    if (typeof startingToken !== 'string') throw inputError(TypeError, 'options.startingToken', startingToken, tokenRule);
    if (startingToken.length < 1 || startingToken.length > rules.maxTokenLength || /\s/.test(startingToken)) {
      throw inputError(RangeError, 'options.startingToken', startingToken, tokenRule);
    }
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw inputError(TypeError, 'options.signal', signal, 'an AbortSignal');
  }
  return { operation, pageSize, startingToken, signal, retry: validateRetryOptions(retry) };
}
