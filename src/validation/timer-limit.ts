/**
 * The longest delay that Node's timers keep: 2^31−1 ms, about 24.8 days.
 * Node sets a longer one to 1 ms (with a TimeoutOverflowWarning), so a
 * request timeout past it would abort every request at once and a backoff
 * past it would not wait at all. Every option that ends up in a timer is
 * checked against it.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** The limit as messages and docs name it. */
export const MAX_TIMER_TEXT = '2,147,483,647 (about 24.8 days, the longest timer Node keeps)';
