/**
 * The library's errors in the CLI's words. The library speaks of its API
 * (`filter.statusEquals`, `error.resumeToken`, `new BedrockClient(...)`);
 * a command line has flags, environment variables and its own
 * `Continue with:` line instead.
 */
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { ConfigurationError, PaginationError } from '../index.js';
import type { Flags } from './flags.js';
import { inFlagTerms } from './kind-flags.js';
import { UsageError } from './usage-error.js';

/**
 * An input error of the library (a TypeError or RangeError naming its
 * field, `filter.nameContains`) as a usage error naming the flag
 * (`--name-contains`), by the kind's own table.
 */
export function asUsageError(error: Error, kind: AnyListingKind): UsageError {
  return new UsageError(inFlagTerms(kind, error.message));
}

/** How each setting of the client is made on this command line. */
const HOW_TO_SET: Record<ConfigurationError['setting'], string> = {
  region: 'Pass --region (such as --region us-east-1), or set AWS_REGION, or a region for the --profile in ~/.aws/config.',
  credentials:
    'Pass --profile with a profile from ~/.aws/credentials or ~/.aws/config, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE.',
  endpoint: 'Set AWS_ENDPOINT_URL_BEDROCK to a URL such as http://127.0.0.1:4010, or unset it, or pass --endpoint-url.',
};

/** What a run that failed prints: its error, and whether the place it stopped continues the listing. */
export interface FailureReport {
  /** The error, on one line. */
  readonly message: string;
  /** Whether `Continue with: --starting-token` would continue the listing. */
  readonly continues: boolean;
  /** What to do instead, when nothing continues it. */
  readonly advice?: string;
}

/**
 * The part of a library message that says what happened: up to the
 * sentence after which the library tells its caller what to do, in API
 * terms (for a PaginationError, the "N items on M pages were delivered"
 * that leads into `error.resumeToken`; for a ConfigurationError, "Set …").
 */
function whatHappened(message: string, adviceStart: string): string {
  const at = message.indexOf(adviceStart);
  return at < 0 ? message : message.slice(0, at).trimEnd();
}

/**
 * What a PaginationError says happened. Over several sources, it wraps the
 * failed source's own, whose count of items delivered and advice are the
 * source's: only what happened to the source is kept, and the source is
 * named by its label (`prod/us-west-2`), not by its place in
 * `options.clients`.
 */
function paginationMessage(error: PaginationError, labels: readonly string[] | undefined): string {
  const { cause } = error;
  if (cause instanceof PaginationError && error.message.includes(cause.message)) {
    const before = error.message.slice(0, error.message.indexOf(cause.message));
    const named = before.replace(/options\.clients\[(\d+)\]/g, (whole, index: string) => labels?.[Number(index)] ?? whole);
    return named + paginationMessage(cause, labels);
  }
  return whatHappened(error.message, `${error.itemsDelivered} items on ${error.pagesDelivered} pages were delivered`);
}

/**
 * The report of a failed run; `labels`, the sources of a run over several.
 * A region or endpoint that the command line itself set wrong is a usage
 * error, thrown as one.
 */
export function reportFailure(error: unknown, flags: Flags, labels?: readonly string[]): FailureReport {
  if (error instanceof ConfigurationError) {
    if (error.setting === 'region' && flags.region !== undefined) {
      throw new UsageError(`--region must be an AWS region such as us-east-1; got '${flags.region}'`);
    }
    const what = whatHappened(error.message, ' Set ');
    return { message: `${what} ${HOW_TO_SET[error.setting]}`, continues: false };
  }
  if (error instanceof PaginationError) {
    const message = paginationMessage(error, labels);
    if (error.resumable) return { message, continues: true };
    // A rejected token or a repeated one: the listing can only start over.
    const advice =
      flags['starting-token'] === undefined
        ? 'No token can continue this listing: run the command again to start over.'
        : 'No token can continue this listing: start again without --starting-token.';
    return { message, continues: false, advice };
  }
  // Anything else (a write that failed, say) stopped the CLI, not the listing: where it stopped is exact.
  return { message: error instanceof Error ? error.message : String(error), continues: true };
}
