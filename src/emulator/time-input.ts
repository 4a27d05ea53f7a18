/**
 * A timestamp as a caller may give it: a `Date` (as the SDK types it) or an ISO-8601 string.
 *
 * @example
 * ```ts
 * import type { TimeInput } from 'bedrock-customization-jobs/emulator';
 *
 * const times: TimeInput[] = [new Date(), '2026-03-01T12:00:00Z'];
 * ```
 */
export type TimeInput = Date | string;

/** A caller's timestamp in ms; `what` names it when it is neither a valid Date nor a parseable string. */
export function timeMs(value: unknown, what: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`${what} must be a Date or an ISO-8601 string, got ${String(value)}`);
  return ms;
}
