import {
  GetModelInvocationJob$,
  GetModelInvocationJobCommand,
  GetModelInvocationJobRequest$,
  ListModelInvocationJobs$,
  ListModelInvocationJobsCommand,
  type ListModelInvocationJobsRequest,
  ListModelInvocationJobsRequest$,
  ModelInvocationJobStatus,
  type ModelInvocationJobSummary,
  SortJobsBy,
} from '@aws-sdk/client-bedrock';
import { wholeMatch } from '../api-limits.js';
import { nameContains, sortRules, statusEquals, timeBounds } from '../filter-rules.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

const submitted = timeBounds('submitted', 'jobs');

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
    submitTimeAfter: submitted.after,
    submitTimeBefore: submitted.before,
    statusEquals: statusEquals(ModelInvocationJobStatus),
    // ModelInvocationJobName: a pattern of its own.
    nameContains: nameContains(wholeMatch('[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}'), 'jobName'),
    ...sortRules(SortJobsBy),
  },
  columns: ['submitTime', 'status', 'modelId', 'jobName'],
  lifecycle: {
    running: ['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Stopping'],
    // PartiallyCompleted: the job ended and wrote its output, only not for every record.
    succeeded: ['Completed', 'PartiallyCompleted'],
    failed: ['Failed', 'Stopped', 'Expired'],
  },
  get: {
    operation: 'GetModelInvocationJob',
    command: GetModelInvocationJobCommand,
    schemas: { operation: GetModelInvocationJob$, request: GetModelInvocationJobRequest$ },
    alsoBy: 'resourceId',
    failureField: 'message',
  },
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
