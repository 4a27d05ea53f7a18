/**
 * The durations of `--interval` and `--timeout`: a number and a unit, as
 * the time flags' durations back from now are written (`30s`, `5m`, `2h`,
 * `1d`), plus `ms` for the short waits of scripts and tests.
 */
import { MAX_TIMER_MS } from '../validation/timer-limit.js';
import { UsageError } from './usage-error.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** What a duration flag takes, in words, for help and errors. */
export const DURATION_RULE = 'a number and a unit of ms, s, m, h or d (500ms, 30s, 5m, 2h), up to 2147483647ms (about 24.8d)';

/**
 * A duration flag's value in ms, or `undefined` when it is not given. A
 * bare `0` needs no unit. The longest is the longest timer Node keeps
 * (2,147,483,647 ms, about 24.8 days); `positive` refuses 0.
 */
export function durationFlag(flag: string, value: string | undefined, positive = false): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value);
  const ms = value === '0' ? 0 : match ? Math.round(Number(match[1]) * (UNITS[match[2] as string] as number)) : undefined;
  if (ms === undefined || ms > MAX_TIMER_MS || (positive && ms <= 0)) {
    const zero = positive ? ', more than 0' : ', or 0';
    throw new UsageError(`--${flag} must be ${DURATION_RULE}${zero}; got '${value}'`);
  }
  return ms;
}

/** A duration in the flags' own terms, for messages: `30s`, `1.5m`, `250ms`. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNITS[unit] as number;
    if (ms >= size) return `${Number((ms / size).toFixed(1))}${unit}`;
  }
  return `${ms}ms`;
}
