import {
  GetModelCopyJob$,
  GetModelCopyJobCommand,
  GetModelCopyJobRequest$,
  ListModelCopyJobs$,
  ListModelCopyJobsCommand,
  type ListModelCopyJobsRequest,
  ListModelCopyJobsRequest$,
  ModelCopyJobStatus,
  type ModelCopyJobSummary,
  SortJobsBy,
} from '@aws-sdk/client-bedrock';
import { CUSTOM_MODEL_NAME_PATTERN, MODEL_ARN_LENGTH, MODEL_ARN_PATTERN, wholeMatch } from '../api-limits.js';
import { nameContains, sortRules, statusEquals, timeBounds } from '../filter-rules.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

const created = timeBounds('created', 'jobs');

/** ListModelCopyJobs: the jobs that copy custom models between regions or accounts. */
export const modelCopyJobs: ListingKind<ListModelCopyJobsRequest, ModelCopyJobSummary> = {
  operation: 'ListModelCopyJobs',
  name: 'copy',
  noun: 'model copy job',
  command: ListModelCopyJobsCommand,
  schemas: { operation: ListModelCopyJobs$, request: ListModelCopyJobsRequest$ },
  itemsKey: 'modelCopyJobSummaries',
  arnField: 'jobArn',
  timeField: 'creationTime',
  filters: {
    creationTimeAfter: created.after,
    creationTimeBefore: created.before,
    statusEquals: statusEquals(ModelCopyJobStatus),
    sourceAccountEquals: {
      type: 'text',
      minLength: 12,
      maxLength: 12,
      pattern: wholeMatch('[0-9]{12}'),
      match: { field: 'sourceAccountId', how: 'equals' },
      description: 'jobs that copy from this account',
    },
    sourceModelArnEquals: {
      type: 'text',
      minLength: MODEL_ARN_LENGTH[0],
      maxLength: MODEL_ARN_LENGTH[1],
      pattern: MODEL_ARN_PATTERN,
      match: { field: 'sourceModelArn', how: 'equals' },
      description: 'jobs that copy this model',
    },
    targetModelNameContains: nameContains(
      CUSTOM_MODEL_NAME_PATTERN,
      'targetModelName',
      'jobs whose copy is named with this text',
    ),
    ...sortRules(SortJobsBy),
  },
  columns: ['creationTime', 'status', 'sourceAccountId', 'targetModelName'],
  lifecycle: { running: ['InProgress'], succeeded: ['Completed'], failed: ['Failed'] },
  get: {
    operation: 'GetModelCopyJob',
    command: GetModelCopyJobCommand,
    schemas: { operation: GetModelCopyJob$, request: GetModelCopyJobRequest$ },
    failureField: 'failureMessage',
  },
};

/**
 * The request fields of ListModelCopyJobs, minus paging; the times may
 * also be ISO-8601 strings. `targetModelNameContains` travels on the wire
 * as `outputModelNameContains`, as the SDK's schema says.
 *
 * @example
 * ```ts
 * import { type ModelCopyJobFilter, paginateModelCopyJobs } from 'bedrock-customization-jobs';
 *
 * const filter: ModelCopyJobFilter = { sourceAccountEquals: '111122223333', targetModelNameContains: 'support' };
 * const copies = paginateModelCopyJobs(filter);
 * ```
 */
export type ModelCopyJobFilter = FilterOf<ListModelCopyJobsRequest>;

/**
 * Every model copy job that matches `filter`, one at a time, in the API's
 * order, with everything {@link paginateCustomizationJobs} does.
 *
 * @param filter - `statusEquals`, `sourceAccountEquals`, `sourceModelArnEquals`,
 *   `targetModelNameContains`, `creationTimeAfter`, `creationTimeBefore`, `sortBy`, `sortOrder`.
 * @param options - As {@link paginateCustomizationJobs}'s; `dedupe` keys on `jobArn`.
 * @returns A lazy async iterable of the SDK's `ModelCopyJobSummary`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateModelCopyJobs } from 'bedrock-customization-jobs';
 *
 * for await (const job of paginateModelCopyJobs({ statusEquals: 'Failed' })) {
 *   console.log(job.targetModelName, job.failureMessage);
 * }
 * ```
 */
export const paginateModelCopyJobs = paginatorOf(modelCopyJobs);
