/**
 * What a watch or a wait lists at each poll: only the window of jobs that
 * can still change, reckoned from the service's own timestamps so that the
 * machine's clock never has to agree with the service's. A job that has
 * ended is final; a job created since the last poll was created after the
 * newest one seen then, give or take the service's own skew.
 */
import type { Listing } from '../paging/listing.js';
import type { StateRules } from '../watch/watch-state.js';
import type { BedrockClientLike } from './client-like.js';
import { type AnyListingKind, itemArn, itemTime } from './listing-kind.js';
import type { PaginateOptions, Paginator } from './paginate.js';

/**
 * How far before the newest job seen, and before the oldest job still
 * running, a window opens: the room for a job that shows up in the listing
 * late, with a creation time a little older than the newest seen, and for a
 * time filter that excludes its own bound.
 */
export const WINDOW_MARGIN_MS = 5 * 60_000;

/** Whether a job has not ended: its status is one of the kind's running statuses. */
export function isRunning(kind: AnyListingKind, item: object): boolean {
  return kind.lifecycle?.running.includes(String((item as { status?: unknown }).status)) ?? false;
}

/** The filter field that bounds the kind's time from below: `creationTimeAfter`, or `submitTimeAfter`. */
function afterField(kind: AnyListingKind): string {
  const entry = Object.entries(kind.filters).find(
    ([, rule]) => (rule as { type: string }).type === 'time' && (rule as { bound?: string }).bound === 'after',
  );
  if (entry === undefined) throw new TypeError(`${kind.operation} has no time filter to bound a window with`);
  return entry[0];
}

/** The listing options a poll passes on: those of a single listing, less the token. */
export type PollListingOptions = Pick<PaginateOptions, 'pageSize' | 'retry' | 'requestTimeout' | 'prefetch' | 'pacer'>;

/**
 * The jobs of one source created after `start` (ms of the service's clock;
 * `undefined`: all of them), as a lazy listing, so that a reader that has
 * found what it looks for can stop early.
 */
export type ListWindow<Summary> = (start: number | undefined, signal: AbortSignal) => Listing<Summary>;

/**
 * The window lister of one source: the caller's filter, its time bound
 * raised to the window's start where that is later, through the kind's own
 * paginator (retries, timeouts and checks included), with `dedupe` so that
 * a job created mid-listing is not seen twice.
 */
export function windowLister<Summary extends object>(
  kind: AnyListingKind,
  paginate: Paginator<object, Summary>,
  filter: Readonly<Record<string, unknown>>,
  options: PollListingOptions,
  client: () => BedrockClientLike,
): ListWindow<Summary> {
  const field = afterField(kind);
  const own = filter[field];
  const ownStart = own === undefined ? Number.NEGATIVE_INFINITY : new Date(own as Date | string).getTime();
  return (start, signal) => {
    const bounded = start === undefined || start <= ownStart ? filter : { ...filter, [field]: new Date(start) };
    return paginate(bounded, { ...options, client: client(), signal, dedupe: true });
  };
}

/**
 * Where the next window opens, from the jobs a watch still holds: before the
 * oldest one still running and before the newest one, by the margin. `undefined`
 * (list everything) when a job has no time to go by.
 */
export function nextWindowStart(kind: AnyListingKind, jobs: Iterable<object>): number | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  let oldestRunning = Number.POSITIVE_INFINITY;
  for (const job of jobs) {
    const time = itemTime(kind, job);
    if (Number.isNaN(time)) return undefined;
    newest = Math.max(newest, time);
    if (isRunning(kind, job)) oldestRunning = Math.min(oldestRunning, time);
  }
  if (newest === Number.NEGATIVE_INFINITY) return undefined;
  return Math.min(newest, oldestRunning) - WINDOW_MARGIN_MS;
}

/**
 * What makes a job the same job, and a change of it an event, for watches
 * and waits alike: its ARN; its status and the two times that move with it.
 */
export function jobStateRules<Summary extends object>(kind: AnyListingKind): StateRules<Summary> {
  const field = (job: Summary, name: string) => {
    const value = (job as Record<string, unknown>)[name];
    return value instanceof Date ? value.getTime() : value;
  };
  return {
    key: (job) => itemArn(kind, job),
    state: (job) => JSON.stringify([field(job, 'status'), field(job, 'lastModifiedTime'), field(job, 'endTime')]),
  };
}
