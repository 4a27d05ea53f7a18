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
 *
 * A run over several sources (`--regions`, `--profiles`) continues from the
 * library's one resume token of all of them, with the skip counted in the
 * merged listing, and records its sources (`m`, their labels in order):
 * resuming it with other sources, or with one, is a usage error that names
 * them.
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

/** The `--starting-token` a run of `kind` prints for `continuation`; `sources`, the labels of a run over several. */
export function encodeContinuation(
  { pageToken, skip }: Continuation,
  kind: AnyListingKind = DEFAULT_KIND,
  sources?: readonly string[],
): string {
  const fields = { t: pageToken ?? null, s: skip, k: kind.name, ...(sources ? { m: sources } : {}) };
  return PREFIX + Buffer.from(JSON.stringify(fields)).toString('base64url');
}

const notOurs = (token: string) =>
  new UsageError(
    `--starting-token must be a token that a cut-short run printed, or the service's NextToken; got '${token.length > 80 ? `${token.slice(0, 79)}…` : token}'`,
  );

/** Whether the service could have written `token`: the API's length and pattern. */
const isServiceToken = (token: string) =>
  token.length >= 1 && token.length <= NEXT_TOKEN_MAX_LENGTH && NEXT_TOKEN_PATTERN.test(token);

const listed = (sources: readonly string[]) => sources.join(', ');

/** A token's sources must be the run's: the same labels, in the same order; `undefined` is one source. */
function checkSources(made: readonly string[] | undefined, run: readonly string[] | undefined): void {
  if (made === undefined && run === undefined) return;
  if (made !== undefined && run !== undefined && made.length === run.length && made.every((label, i) => label === run[i])) {
    return;
  }
  const by = (sources: readonly string[] | undefined) => (sources ? `over ${listed(sources)}` : 'of one source');
  const give =
    made === undefined
      ? 'give it to a run without --regions and --profiles'
      : `give it the same --regions and --profiles, in the same order (${listed(made)})`;
  throw new UsageError(`--starting-token continues a listing ${by(made)}, not ${by(run)}: ${give}, or start over without it`);
}

/**
 * Our own tokens decode, and must be of `kind` and of the run's `sources`
 * (the labels of a run over several; `undefined` for one); anything else is
 * taken as a service token, with nothing to skip, for a run of one source.
 */
export function decodeContinuation(
  token: string,
  kind: AnyListingKind = DEFAULT_KIND,
  sources?: readonly string[],
): Continuation {
  if (!token.startsWith(PREFIX)) {
    if (!isServiceToken(token)) throw notOurs(token);
    if (sources !== undefined) {
      throw new UsageError(
        `--starting-token over ${listed(sources)} must be a token that a cut-short run over the same sources printed; a service's NextToken continues one source`,
      );
    }
    return { pageToken: token, skip: 0 };
  }
  type Fields = { t?: unknown; s?: unknown; k?: unknown; m?: unknown };
  let fields: Fields;
  try {
    fields = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as Fields;
  } catch {
    throw notOurs(token);
  }
  const { t, s, k = DEFAULT_KIND.name, m } = fields ?? {};
  const made = Array.isArray(m) && m.length > 1 && m.every((label) => typeof label === 'string') ? m : undefined;
  if (
    (m !== undefined && made === undefined) ||
    // Over several sources, the page token is the library's, which checks it.
    (t !== null && (typeof t !== 'string' || (made === undefined && !isServiceToken(t)))) ||
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
  checkSources(made, sources);
  return { pageToken: t ?? undefined, skip: s as number };
}
