import { inputError } from '../validation/input-errors.js';
import { MAX_TIMER_MS, MAX_TIMER_TEXT } from '../validation/timer-limit.js';

/** The default time between polls: 30 s. */
export const DEFAULT_INTERVAL = 30_000;

/** The options of polling, checked: what every watch and wait takes on top of its listing's. */
export interface PollingConfig {
  readonly interval: number;
  readonly timeout: number | undefined;
}

const INTERVAL_RULE = `a number of ms from 0 to ${MAX_TIMER_TEXT}`;
const TIMEOUT_RULE = `a number of ms > 0 and at most ${MAX_TIMER_TEXT}, or Infinity`;

/** Checks `interval` and `timeout` before any request, naming the field, the value and what is allowed. */
export function validatePolling(options: { readonly interval?: unknown; readonly timeout?: unknown }): PollingConfig {
  const { interval = DEFAULT_INTERVAL, timeout } = options;
  if (typeof interval !== 'number') throw inputError(TypeError, 'options.interval', interval, INTERVAL_RULE);
  if (!(interval >= 0 && interval <= MAX_TIMER_MS)) throw inputError(RangeError, 'options.interval', interval, INTERVAL_RULE);
  if (timeout !== undefined) {
    if (typeof timeout !== 'number') throw inputError(TypeError, 'options.timeout', timeout, TIMEOUT_RULE);
    if (!(timeout > 0 && (timeout <= MAX_TIMER_MS || timeout === Number.POSITIVE_INFINITY))) {
      throw inputError(RangeError, 'options.timeout', timeout, TIMEOUT_RULE);
    }
  }
  return { interval, timeout };
}
