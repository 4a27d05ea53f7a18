import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from './api-error.js';

/**
 * Where the next page starts: just after the item with this time (the
 * kind's time field) and ARN, in the query's order. A position by key, not
 * by offset, so that items created during a listing neither shift nor
 * repeat what comes after.
 */
export interface KeyPosition {
  readonly timeMs: number;
  readonly arn: string;
}

/** Where the next page starts, for a service whose tokens count matching items to skip. */
export interface OffsetPosition {
  readonly offset: number;
}

export type PagePosition = KeyPosition | OffsetPosition;

/**
 * The token is signed, so it stays opaque: a client can neither forge a
 * position nor carry a token over to another query.
 */
const SECRET = 'bedrock-customization-jobs emulator';

function sign(payload: string): string {
  return createHmac('sha256', SECRET).update(payload).digest('base64url').slice(0, 22);
}

/** A short fingerprint of everything but the paging members. */
export function queryKey(query: object): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}

export function encodePageToken(key: string, position: PagePosition): string {
  const fields = 'offset' in position ? [key, position.offset] : [key, position.timeMs, position.arn];
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

function invalidToken(reason: string): ApiError {
  return new ApiError('ValidationException', 400, `Invalid nextToken: ${reason}.`);
}

export function decodePageToken(token: string, key: string): PagePosition {
  const [payload = '', signature = '', ...rest] = token.split('.');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidToken('the token is malformed or has expired');
  }
  const [tokenKey, ...position] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, ...unknown[]];
  if (tokenKey !== key) {
    throw invalidToken('the token was issued for a request with other filters or another sort order');
  }
  return position.length === 1
    ? { offset: position[0] as number }
    : { timeMs: position[0] as number, arn: position[1] as string };
}
