/**
 * The limits that the ListModelCustomizationJobs API reference documents.
 * The SDK carries none of them, so both the iterator (to fail before any
 * request) and the emulator (to answer as the service does) check them here.
 */
import { FineTuningJobStatus, SortJobsBy, SortOrder } from '@aws-sdk/client-bedrock';

export const MAX_RESULTS_MIN = 1;
export const MAX_RESULTS_MAX = 1000;

export const NAME_CONTAINS_MAX_LENGTH = 63;
export const NAME_CONTAINS_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;

export const NEXT_TOKEN_MAX_LENGTH = 2048;
export const NEXT_TOKEN_PATTERN = /^\S*$/;

export const STATUSES: readonly string[] = Object.values(FineTuningJobStatus);
export const SORT_BY_VALUES: readonly string[] = Object.values(SortJobsBy);
export const SORT_ORDERS: readonly string[] = Object.values(SortOrder);

/**
 * ISO-8601 date-time as the SDK writes it into the query
 * (`2025-01-02T03:04:05.678Z`, or with an offset); a date alone is accepted
 * too, as midnight UTC.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds since the epoch, or `undefined` when `text` is not ISO-8601. */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  // Date.parse rolls 2025-02-30 over to March; the API rejects it.
  // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The first instant that a request can carry. The SDK writes a Date into
 * the query with `toISOString()`, which has a four-digit year only from
 * 0000 to 9999 and writes `+010000-…` or `-000001-…` outside them: a form
 * that the API's ISO-8601 parser does not take.
 */
export const EARLIEST_TIME = '0000-01-01T00:00:00Z';
/** The last instant that a request can carry; see {@link EARLIEST_TIME}. */
export const LATEST_TIME = '9999-12-31T23:59:59.999Z';

const EARLIEST_TIME_MS = Date.parse(EARLIEST_TIME);
const LATEST_TIME_MS = Date.parse(LATEST_TIME);

/** Whether the SDK would write this instant in the form the API takes: from {@link EARLIEST_TIME} to {@link LATEST_TIME}. */
export function isSendableTime(ms: number): boolean {
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS;
}
