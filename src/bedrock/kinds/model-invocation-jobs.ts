import {
  ListModelInvocationJobs$,
  ListModelInvocationJobsCommand,
  type ListModelInvocationJobsRequest,
  ListModelInvocationJobsRequest$,
  ModelInvocationJobStatus,
  type ModelInvocationJobSummary,
  SortJobsBy,
  SortOrder,
} from '@aws-sdk/client-bedrock';
import { wholeMatch } from '../api-limits.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

/** ListModelInvocationJobs: batch inference jobs. They have no creation time; they order by `submitTime`. */
export const modelInvocationJobs: ListingKind<ListModelInvocationJobsRequest, ModelInvocationJobSummary> = {
  operation: 'ListModelInvocationJobs',
  name: 'invocation',
  noun: 'batch inference job',
  command: ListModelInvocationJobsCommand,
  schemas: { operation: ListModelInvocationJobs$, request: ListModelInvocationJobsRequest$ },
  itemsKey: 'invocationJobSummaries',
  arnField: 'jobArn',
  timeField: 'submitTime',
  filters: {
    submitTimeAfter: { type: 'time', bound: 'after', description: 'jobs submitted strictly after this time' },
    submitTimeBefore: { type: 'time', bound: 'before', description: 'jobs submitted strictly before this time' },
    statusEquals: {
      type: 'enum',
      values: Object.values(ModelInvocationJobStatus),
      match: { field: 'status', how: 'equals' },
      description: 'jobs with this status',
    },
    nameContains: {
      type: 'text',
      minLength: 1,
      maxLength: 63,
      pattern: wholeMatch('[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}'),
      match: { field: 'jobName', how: 'contains' },
      description: 'jobs whose name contains this text',
    },
    sortBy: { type: 'enum', values: Object.values(SortJobsBy), description: 'the field to sort by' },
    sortOrder: { type: 'enum', values: Object.values(SortOrder), description: 'the order; default Descending' },
  },
  columns: ['submitTime', 'status', 'modelId', 'jobName'],
};

/**
 * The request fields of ListModelInvocationJobs, minus paging; the times
 * (`submitTimeAfter`, `submitTimeBefore`) may also be ISO-8601 strings.
 *
 * @example
 * ```ts
 * import { type ModelInvocationJobFilter, paginateModelInvocationJobs } from 'bedrock-customization-jobs';
 *
 * const filter: ModelInvocationJobFilter = { statusEquals: 'PartiallyCompleted', submitTimeAfter: '2026-11-01' };
 * const partial = paginateModelInvocationJobs(filter);
 * ```
 */
export type ModelInvocationJobFilter = FilterOf<ListModelInvocationJobsRequest>;

/**
 * Every batch inference job that matches `filter`, one at a time, in the
 * API's order (by `submitTime`), with everything
 * {@link paginateCustomizationJobs} does.
 *
 * @param filter - `statusEquals`, `nameContains`, `submitTimeAfter`,
 *   `submitTimeBefore`, `sortBy`, `sortOrder`.
 * @param options - As {@link paginateCustomizationJobs}'s; `dedupe` keys on `jobArn`.
 * @returns A lazy async iterable of the SDK's `ModelInvocationJobSummary`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateModelInvocationJobs } from 'bedrock-customization-jobs';
 *
 * for await (const job of paginateModelInvocationJobs({ statusEquals: 'InProgress' })) {
 *   console.log(job.jobName, `${job.processedRecordCount ?? 0}/${job.totalRecordCount ?? '?'} records`);
 * }
 * ```
 */
export const paginateModelInvocationJobs = paginatorOf(modelInvocationJobs);
