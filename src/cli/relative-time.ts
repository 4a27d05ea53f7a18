import { EARLIEST_TIME, isSendableTime, LATEST_TIME, parseIsoTime } from '../bedrock/api-limits.js';
import { UsageError } from './usage-error.js';

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A time flag's value: an ISO-8601 time, passed on as it is, or a duration
 * back from now such as `7d`, `12h`, `30m`, `90s` or `2w`. Anything else,
 * or a time the API cannot take, is a usage error naming the flag.
 */
export function parseTimeFlag(flag: string, value: string, now: number = Date.now()): string {
  const match = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(value.trim());
  const ms = match ? now - Number(match[1]) * (UNITS[match[2] as string] as number) : parseIsoTime(value);
  if (ms === undefined) {
    throw new UsageError(
      `--${flag} must be an ISO-8601 time such as 2026-01-31T12:00:00Z, or a duration back from now such as 30m, 12h, 7d or 2w; got '${value}'`,
    );
  }
  if (!isSendableTime(ms))
    throw new UsageError(`--${flag} must be a time from ${EARLIEST_TIME} to ${LATEST_TIME}; got '${value}'`);
  return match ? new Date(ms).toISOString() : value;
}
