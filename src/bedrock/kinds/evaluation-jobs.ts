import {
  ApplicationType,
  EvaluationJobStatus,
  type EvaluationSummary,
  GetEvaluationJob$,
  GetEvaluationJobCommand,
  GetEvaluationJobRequest$,
  ListEvaluationJobs$,
  ListEvaluationJobsCommand,
  type ListEvaluationJobsRequest,
  ListEvaluationJobsRequest$,
  SortJobsBy,
} from '@aws-sdk/client-bedrock';
import { wholeMatch } from '../api-limits.js';
import { nameContains, sortRules, statusEquals, timeBounds } from '../filter-rules.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

const created = timeBounds('created', 'jobs');

/** ListEvaluationJobs: model and RAG evaluation jobs. */
export const evaluationJobs: ListingKind<ListEvaluationJobsRequest, EvaluationSummary> = {
  operation: 'ListEvaluationJobs',
  name: 'evaluation',
  noun: 'evaluation job',
  command: ListEvaluationJobsCommand,
  schemas: { operation: ListEvaluationJobs$, request: ListEvaluationJobsRequest$ },
  itemsKey: 'jobSummaries',
  arnField: 'jobArn',
  timeField: 'creationTime',
  filters: {
    creationTimeAfter: created.after,
    creationTimeBefore: created.before,
    statusEquals: statusEquals(EvaluationJobStatus),
    applicationTypeEquals: {
      type: 'enum',
      values: Object.values(ApplicationType),
      match: { field: 'applicationType', how: 'equals' },
      description: 'jobs that evaluate models or RAG sources',
    },
    // EvaluationJobName: lower case only.
    nameContains: nameContains(wholeMatch('[a-z0-9](-*[a-z0-9]){0,62}'), 'jobName'),
    ...sortRules(SortJobsBy),
  },
  columns: ['creationTime', 'status', 'jobType', 'jobName'],
  lifecycle: {
    // Deleting is on the way to removal, not an end the job reached: it is still changing.
    running: ['InProgress', 'Stopping', 'Deleting'],
    succeeded: ['Completed'],
    failed: ['Failed', 'Stopped'],
  },
  get: {
    operation: 'GetEvaluationJob',
    command: GetEvaluationJobCommand,
    schemas: { operation: GetEvaluationJob$, request: GetEvaluationJobRequest$ },
    failureField: 'failureMessages',
  },
};

/**
 * The request fields of ListEvaluationJobs, minus paging; the times may
 * also be ISO-8601 strings.
 *
 * @example
 * ```ts
 * import { type EvaluationJobFilter, paginateEvaluationJobs } from 'bedrock-customization-jobs';
 *
 * const filter: EvaluationJobFilter = { applicationTypeEquals: 'RagEvaluation', statusEquals: 'Completed' };
 * const ragEvaluations = paginateEvaluationJobs(filter);
 * ```
 */
export type EvaluationJobFilter = FilterOf<ListEvaluationJobsRequest>;

/**
 * Every evaluation job that matches `filter`, one at a time, in the API's
 * order, with everything {@link paginateCustomizationJobs} does.
 *
 * @param filter - `statusEquals`, `applicationTypeEquals`, `nameContains`,
 *   `creationTimeAfter`, `creationTimeBefore`, `sortBy`, `sortOrder`.
 * @param options - As {@link paginateCustomizationJobs}'s; `dedupe` keys on `jobArn`.
 * @returns A lazy async iterable of the SDK's `EvaluationSummary`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateEvaluationJobs } from 'bedrock-customization-jobs';
 *
 * const failed = await paginateEvaluationJobs({ statusEquals: 'Failed' }).take(20).toArray();
 * ```
 */
export const paginateEvaluationJobs = paginatorOf(evaluationJobs);
