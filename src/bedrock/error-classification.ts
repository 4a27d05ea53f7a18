/**
 * What the SDK's errors mean for a retry, from the SDK's own runtime
 * (`@smithy/core/retry`, the tables and predicates its retry strategies
 * use), so that the paginator and the client agree on what throttling is.
 */
import { getRetryAfterHint, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { RequestTimeoutError } from '../attempts/request-timeout-error.js';
import type { AttemptRules } from '../attempts/retry.js';
import { PaginationError, RejectedTokenError, RepeatedTokenError } from '../paging/pagination-error.js';
import { redactTransport } from './redact-transport.js';

/**
 * Socket errors that the SDK's tables leave out but that mean the same as
 * the ones they have: the connection went away mid-request.
 */
const MORE_NETWORK_CODES = new Set(['ECONNABORTED', 'UND_ERR_SOCKET']);

/** The SDK's own error type, as its predicates take it. */
type SdkError = Parameters<typeof isThrottlingError>[0] & { code?: unknown };

// The predicates read optional members only, so any object will do.
const isErrorObject = (error: unknown): error is SdkError => typeof error === 'object' && error !== null;

/** Milliseconds the service asked to wait (`Retry-After`, `x-amz-retry-after`), when it did. */
function retryAfterMs(error: SdkError): number | undefined {
  const hint = getRetryAfterHint(error.$response);
  return hint === undefined ? undefined : Math.max(0, hint.getTime() - Date.now());
}

/** HTTP requests one failed `send()` made: the SDK counts its own retries in `$metadata.attempts`. */
function requestsOf(error: unknown): number {
  const attempts = isErrorObject(error) ? error.$metadata?.attempts : undefined;
  return typeof attempts === 'number' && Number.isInteger(attempts) && attempts > 1 ? attempts : 1;
}

/** The attempt rules of every Bedrock listing. */
export const BEDROCK_ATTEMPT_RULES: AttemptRules = {
  classify(error) {
    if (!isErrorObject(error)) return undefined;
    if (isThrottlingError(error)) return { reason: 'throttling', retryAfterMs: retryAfterMs(error) };
    if (isTransientError(error) || MORE_NETWORK_CODES.has(error.code as string)) {
      return { reason: 'transient', retryAfterMs: retryAfterMs(error) };
    }
    return undefined;
  },
  requestsOf,
  redact: redactTransport,
};

/** The error as a message shows it: name, first line of the message, HTTP status and request id, when it has them. */
export function describeSdkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { $metadata } = error as { $metadata?: { httpStatusCode?: number; requestId?: string } };
  const details = [
    $metadata?.httpStatusCode === undefined ? undefined : `HTTP ${$metadata.httpStatusCode}`,
    $metadata?.requestId === undefined ? undefined : `request id ${$metadata.requestId}`,
  ].filter(Boolean);
  const message = error.message.split('\n')[0];
  return `${error.name}: ${message}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/**
 * Whether a listing that failed after its retries may well succeed at the
 * next poll: throttling, a server error or a timeout that outlasted the
 * retries, or a token the service stopped honouring mid-listing (the next
 * poll starts afresh). Access denied, a bad request or a client that is not
 * set up are not: they fail the same way every time.
 */
export function passesWithTime(error: unknown): boolean {
  if (error instanceof RejectedTokenError || error instanceof RepeatedTokenError) return true;
  if (!(error instanceof PaginationError)) return false;
  return error.cause instanceof RequestTimeoutError || BEDROCK_ATTEMPT_RULES.classify(error.cause) !== undefined;
}
