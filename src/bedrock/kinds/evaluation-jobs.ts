import {
  ApplicationType,
  EvaluationJobStatus,
  type EvaluationSummary,
  ListEvaluationJobs$,
  ListEvaluationJobsCommand,
  type ListEvaluationJobsRequest,
  ListEvaluationJobsRequest$,
  SortJobsBy,
  SortOrder,
} from '@aws-sdk/client-bedrock';
import { wholeMatch } from '../api-limits.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

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
    creationTimeAfter: { type: 'time', bound: 'after', description: 'jobs created strictly after this time' },
    creationTimeBefore: { type: 'time', bound: 'before', description: 'jobs created strictly before this time' },
    statusEquals: {
      type: 'enum',
      values: Object.values(EvaluationJobStatus),
      match: { field: 'status', how: 'equals' },
      description: 'jobs with this status',
    },
    applicationTypeEquals: {
      type: 'enum',
      values: Object.values(ApplicationType),
      match: { field: 'applicationType', how: 'equals' },
      description: 'jobs that evaluate models or RAG sources',
    },
    nameContains: {
      type: 'text',
      minLength: 1,
      maxLength: 63,
      pattern: wholeMatch('[a-z0-9](-*[a-z0-9]){0,62}'),
      match: { field: 'jobName', how: 'contains' },
      description: 'jobs whose name contains this text (lower case)',
    },
    sortBy: { type: 'enum', values: Object.values(SortJobsBy), description: 'the field to sort by' },
    sortOrder: { type: 'enum', values: Object.values(SortOrder), description: 'the order; default Descending' },
  },
  columns: ['creationTime', 'status', 'jobType', 'jobName'],
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
