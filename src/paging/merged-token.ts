/**
 * The one resume token of a listing over several sources: where each source
 * stands, as the page token it was on and how many items of that page were
 * delivered, or that it ended. Opaque to callers: a prefix, then base64url
 * JSON, so that it travels as any page token does (no white space).
 */
import { inputError } from '../validation/input-errors.js';

/** Where one source stands: resume from `token` (the first page when undefined), dropping the first `skip` items of that page. */
export type SourcePosition = { readonly token: string | undefined; readonly skip: number } | 'done';

/** Every source at its start. */
export const START: SourcePosition = { token: undefined, skip: 0 };

const PREFIX = 'merged1.';

/** Whether `token` is one of ours, as a single listing checks before it sends a token to the service. */
export function isMergedToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** The token that resumes every source at `positions`; `ids` names the sources it was made for. */
export function encodeMergedToken(ids: readonly string[], positions: readonly SourcePosition[]): string {
  const at = positions.map((position) => (position === 'done' ? 0 : [position.token ?? null, position.skip]));
  return PREFIX + Buffer.from(JSON.stringify({ s: ids, p: at }), 'utf8').toString('base64url');
}

/** A decoded token: the identities of its sources, and where each stands. */
export interface MergedToken {
  readonly ids: readonly string[];
  readonly positions: readonly SourcePosition[];
}

function decodePosition(value: unknown): SourcePosition | undefined {
  if (value === 0) return 'done';
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [token, skip] = value as unknown[];
  if (token !== null && (typeof token !== 'string' || token === '')) return undefined;
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0) return undefined;
  return { token: token ?? undefined, skip };
}

/**
 * Reads a token of a listing over `count` sources, or throws the RangeError
 * that names `where`, the value and what is allowed: a token of another
 * shape, or one made for another number of sources.
 */
export function decodeMergedToken(token: unknown, count: number, where: string): MergedToken {
  const rule = `a page's nextToken or an error's resumeToken from a listing over the same ${count} sources`;
  if (typeof token !== 'string') throw inputError(TypeError, where, token, rule);
  let parsed: unknown;
  try {
    if (!isMergedToken(token)) throw new Error('not ours');
    parsed = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    throw inputError(RangeError, where, token, rule);
  }
  const { s: ids, p: at } = (parsed ?? {}) as { s?: unknown; p?: unknown };
  const positions = Array.isArray(at) ? at.map(decodePosition) : [];
  if (
    !Array.isArray(ids) ||
    !ids.every((id) => typeof id === 'string') ||
    !Array.isArray(at) ||
    at.length !== ids.length ||
    positions.includes(undefined)
  ) {
    throw inputError(RangeError, where, token, rule);
  }
  if (ids.length !== count) {
    throw new RangeError(
      `${where}: the token was made for a listing over ${ids.length} sources (${ids.join(', ')}), and this listing has ${count}; ` +
        'resume with the same regions or clients, in the same order, as the listing that gave the token.',
    );
  }
  return { ids: ids as string[], positions: positions as SourcePosition[] };
}

/** Throws the RangeError of a token made for other sources than `ids`, in order. */
export function assertSameSources(token: MergedToken, ids: readonly string[], where: string): void {
  if (token.ids.every((id, index) => id === ids[index])) return;
  throw new RangeError(
    `${where}: the token was made for the sources ${token.ids.join(', ')}, and this listing's are ${ids.join(', ')}; ` +
      'resume with the same regions or clients, in the same order, as the listing that gave the token.',
  );
}
