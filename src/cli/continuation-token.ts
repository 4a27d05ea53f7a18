import { NEXT_TOKEN_MAX_LENGTH, NEXT_TOKEN_PATTERN } from '../bedrock/api-limits.js';
import { UsageError } from './flags.js';

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

export function encodeContinuation({ pageToken, skip }: Continuation): string {
  return PREFIX + Buffer.from(JSON.stringify({ t: pageToken ?? null, s: skip })).toString('base64url');
}

const notOurs = (token: string) =>
  new UsageError(
    `--starting-token must be a token that a cut-short run printed, or the service's NextToken; got '${token.length > 80 ? `${token.slice(0, 79)}…` : token}'`,
  );

/** Whether the service could have written `token`: the API's length and pattern. */
const isServiceToken = (token: string) =>
  token.length >= 1 && token.length <= NEXT_TOKEN_MAX_LENGTH && NEXT_TOKEN_PATTERN.test(token);

/** Our own tokens decode; anything else is taken as a service token, with nothing to skip. */
export function decodeContinuation(token: string): Continuation {
  if (!token.startsWith(PREFIX)) {
    if (!isServiceToken(token)) throw notOurs(token);
    return { pageToken: token, skip: 0 };
  }
  let fields: { t?: unknown; s?: unknown };
  try {
    fields = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as { t?: unknown; s?: unknown };
  } catch {
    throw notOurs(token);
  }
  const { t, s } = fields ?? {};
  if ((t !== null && (typeof t !== 'string' || !isServiceToken(t))) || !Number.isSafeInteger(s) || (s as number) < 0) {
    throw notOurs(token);
  }
  return { pageToken: t ?? undefined, skip: s as number };
}
