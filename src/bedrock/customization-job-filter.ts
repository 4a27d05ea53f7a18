import type { ListModelCustomizationJobsRequest } from '@aws-sdk/client-bedrock';
import { assertOptionalObject, describeValue, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import {
  EARLIEST_TIME,
  isSendableTime,
  LATEST_TIME,
  NAME_CONTAINS_MAX_LENGTH,
  NAME_CONTAINS_PATTERN,
  parseIsoTime,
  SORT_BY_VALUES,
  SORT_ORDERS,
  STATUSES,
} from './api-limits.js';

/**
 * The request fields of ListModelCustomizationJobs, minus paging, with the
 * SDK's own types; the times may also be ISO-8601 strings.
 *
 * @example
 * ```ts
 * import { type CustomizationJobFilter, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const filter: CustomizationJobFilter = {
 *   statusEquals: 'Completed',
 *   nameContains: 'support',
 *   creationTimeAfter: '2026-01-01T00:00:00Z',
 *   creationTimeBefore: new Date(),
 *   sortBy: 'CreationTime',
 *   sortOrder: 'Ascending',
 * };
 * const jobs = paginateCustomizationJobs(filter);
 * ```
 */
export interface CustomizationJobFilter
  extends Omit<ListModelCustomizationJobsRequest, 'maxResults' | 'nextToken' | 'creationTimeAfter' | 'creationTimeBefore'> {
  /**
   * Jobs created strictly after this time: from 0000-01-01T00:00:00Z to
   * 9999-12-31T23:59:59.999Z, the years that the API's ISO-8601 form takes.
   */
  creationTimeAfter?: Date | string | undefined;
  /**
   * Jobs created strictly before this time, which must be later than
   * `creationTimeAfter`: from 0000-01-01T00:00:00Z to
   * 9999-12-31T23:59:59.999Z, the years that the API's ISO-8601 form takes.
   */
  creationTimeBefore?: Date | string | undefined;
}

/** The filter as the request carries it. */
export type FilterFields = Omit<ListModelCustomizationJobsRequest, 'maxResults' | 'nextToken'>;

const FILTER_KEYS = ['creationTimeAfter', 'creationTimeBefore', 'statusEquals', 'nameContains', 'sortBy', 'sortOrder'];

function oneOf(value: unknown, field: string, allowed: readonly string[]): void {
  if (value === undefined) return;
  const rule = `one of ${allowed.join(', ')}`;
  if (typeof value !== 'string') throw inputError(TypeError, field, value, rule);
  if (!allowed.includes(value)) throw inputError(RangeError, field, value, rule);
}

function time(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const rule = 'a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z';
  let ms: number | undefined;
  if (value instanceof Date) {
    ms = value.getTime();
    if (Number.isNaN(ms)) throw inputError(RangeError, field, value, rule);
  } else {
    if (typeof value !== 'string') throw inputError(TypeError, field, value, rule);
    ms = parseIsoTime(value);
    if (ms === undefined) throw inputError(RangeError, field, value, rule);
  }
  // A string goes out as the Date it names, in UTC, so its offset can move it past a year's end too.
  if (!isSendableTime(ms)) {
    const range = `a time from ${EARLIEST_TIME} to ${LATEST_TIME}, the years that the API's ISO-8601 form takes`;
    throw inputError(RangeError, field, value, range);
  }
  return new Date(ms);
}

/**
 * Checks a filter as the API would, before any request, and returns the
 * request fields, copied: the caller's object is never touched again.
 */
export function validateFilter(filter: CustomizationJobFilter | undefined): FilterFields {
  assertOptionalObject(filter, 'filter');
  if (filter === undefined) return {};
  rejectUnknownKeys(filter, FILTER_KEYS, 'filter');
  const { statusEquals, nameContains, sortBy, sortOrder } = filter;
  oneOf(statusEquals, 'filter.statusEquals', STATUSES);
  oneOf(sortBy, 'filter.sortBy', SORT_BY_VALUES);
  oneOf(sortOrder, 'filter.sortOrder', SORT_ORDERS);
  if (nameContains !== undefined) {
    const rule = `1 to ${NAME_CONTAINS_MAX_LENGTH} characters matching ${NAME_CONTAINS_PATTERN.source}`;
    if (typeof nameContains !== 'string') throw inputError(TypeError, 'filter.nameContains', nameContains, rule);
    if (nameContains.length > NAME_CONTAINS_MAX_LENGTH || !NAME_CONTAINS_PATTERN.test(nameContains)) {
      throw inputError(RangeError, 'filter.nameContains', nameContains, rule);
    }
  }
  const creationTimeAfter = time(filter.creationTimeAfter, 'filter.creationTimeAfter');
  const creationTimeBefore = time(filter.creationTimeBefore, 'filter.creationTimeBefore');
  if (creationTimeAfter && creationTimeBefore && creationTimeAfter >= creationTimeBefore) {
    throw new RangeError(
      `filter.creationTimeAfter must be earlier than filter.creationTimeBefore; got ${describeValue(creationTimeAfter)} and ${describeValue(creationTimeBefore)}`,
    );
  }
  const fields: FilterFields = { statusEquals, nameContains, sortBy, sortOrder, creationTimeAfter, creationTimeBefore };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
