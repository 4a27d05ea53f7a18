import { NEXT_TOKEN_MAX_LENGTH, NEXT_TOKEN_PATTERN } from '../bedrock/api-limits.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { DEFAULT_KIND } from './kind-argument.js';
import { UsageError } from './usage-error.js';

/**
 * The CLI's `--starting-token`: the service's token for a page, plus how many
 * items to skip from there, so that a listing cut short mid-page (by
 * Ctrl-C, or an error) continues right after the last item printed. The
 * AWS CLI's tokens work the same way.
 *
 * The skip counts items of the listing that starts at `pageToken`, not of
 * one page: a service token marks a place in the list, whatever the page
 * size, so a resumed run may use any `--page-size` and still continue
 * exactly. (Tokens of 0.1.0 have the same fields, and mean the same.)
 *
 * A token also records the kind it lists (`k`, the kind's name), since a
 * service token of one operation means nothing to another: resuming it
 * with another kind is a usage error. Tokens without one (0.1.0's) are of
 * the default kind, the only one there was.
 */
export interface Continuation {
  /** The token of the page to fetch; `undefined` for the first page. */
  readonly pageToken: string | undefined;
  /** Items to skip from there, over as many pages as it takes. */
  readonly skip: number;
}

const PREFIX = 'bj1.';

/** The start of the listing: no token, nothing to skip. */
export const FROM_THE_START: Continuation = { pageToken: undefined, skip: 0 };

/** The `--starting-token` a run of `kind` prints for `continuation`. */
export function encodeContinuation({ pageToken, skip }: Continuation, kind: AnyListingKind = DEFAULT_KIND): string {
  return PREFIX + Buffer.from(JSON.stringify({ t: pageToken ?? null, s: skip, k: kind.name })).toString('base64url');
}

const notOurs = (token: string) =>
  new UsageError(
    `--starting-token must be a token that a cut-short run printed, or the service's NextToken; got '${token.length > 80 ? `${token.slice(0, 79)}…` : token}'`,
  );

/** Whether the service could have written `token`: the API's length and pattern. */
const isServiceToken = (token: string) =>
  token.length >= 1 && token.length <= NEXT_TOKEN_MAX_LENGTH && NEXT_TOKEN_PATTERN.test(token);

/**
 * Our own tokens decode, and must be of `kind`; anything else is taken as a
 * service token, with nothing to skip.
 */
export function decodeContinuation(token: string, kind: AnyListingKind = DEFAULT_KIND): Continuation {
  if (!token.startsWith(PREFIX)) {
    if (!isServiceToken(token)) throw notOurs(token);
    return { pageToken: token, skip: 0 };
  }
  type Fields = { t?: unknown; s?: unknown; k?: unknown };
  let fields: Fields;
  try {
    fields = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as Fields;
  } catch {
    throw notOurs(token);
  }
  const { t, s, k = DEFAULT_KIND.name } = fields ?? {};
  if (
    (t !== null && (typeof t !== 'string' || !isServiceToken(t))) ||
    !Number.isSafeInteger(s) ||
    (s as number) < 0 ||
    typeof k !== 'string'
  ) {
    throw notOurs(token);
  }
  if (k !== kind.name) {
    const command = (name: string) => (name === DEFAULT_KIND.name ? 'bedrock-jobs list' : `bedrock-jobs list ${name}`);
    throw new UsageError(
      `--starting-token continues a listing of '${k}', not of '${kind.name}': give it to '${command(k)}', or start over without it`,
    );
  }
  return { pageToken: t ?? undefined, skip: s as number };
}
