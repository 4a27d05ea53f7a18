/**
 * The CLI's `--starting-token`: the service's token for a page, plus how many
 * of that page's items were already printed, so that a listing cut short
 * mid-page (by --max-items, Ctrl-C or an error) continues right after the
 * last item printed. The AWS CLI's tokens work the same way.
 */
export interface Continuation {
  /** The token of the page to fetch; `undefined` for the first page. */
  readonly pageToken: string | undefined;
  /** Items of that page to skip. */
  readonly skip: number;
}

const PREFIX = 'bj1.';

export function encodeContinuation({ pageToken, skip }: Continuation): string {
  return PREFIX + Buffer.from(JSON.stringify({ t: pageToken ?? null, s: skip })).toString('base64url');
}

/** Our own tokens decode; anything else is taken as a service token, with nothing to skip. */
export function decodeContinuation(token: string): Continuation {
  if (!token.startsWith(PREFIX)) return { pageToken: token, skip: 0 };
  let fields: { t?: unknown; s?: unknown };
  try {
    fields = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8')) as { t?: unknown; s?: unknown };
  } catch {
    throw new RangeError(`--starting-token is not a token this CLI printed; got '${token}'`);
  }
  const { t, s } = fields;
  if ((t !== null && typeof t !== 'string') || typeof s !== 'number' || !Number.isInteger(s) || s < 0) {
    throw new RangeError(`--starting-token is not a token this CLI printed; got '${token}'`);
  }
  return { pageToken: t ?? undefined, skip: s };
}
