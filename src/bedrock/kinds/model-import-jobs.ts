import {
  GetModelImportJob$,
  GetModelImportJobCommand,
  GetModelImportJobRequest$,
  ListModelImportJobs$,
  ListModelImportJobsCommand,
  type ListModelImportJobsRequest,
  ListModelImportJobsRequest$,
  ModelImportJobStatus,
  type ModelImportJobSummary,
  SortJobsBy,
} from '@aws-sdk/client-bedrock';
import { NAME_CONTAINS_PATTERN } from '../api-limits.js';
import { nameContains, sortRules, statusEquals, timeBounds } from '../filter-rules.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { paginatorOf } from '../paginate.js';

const created = timeBounds('created', 'jobs');

/** ListModelImportJobs: the jobs that import models from Amazon S3 or SageMaker. */
export const modelImportJobs: ListingKind<ListModelImportJobsRequest, ModelImportJobSummary> = {
  operation: 'ListModelImportJobs',
  name: 'import',
  noun: 'model import job',
  command: ListModelImportJobsCommand,
  schemas: { operation: ListModelImportJobs$, request: ListModelImportJobsRequest$ },
  itemsKey: 'modelImportJobSummaries',
  arnField: 'jobArn',
  timeField: 'creationTime',
  filters: {
    creationTimeAfter: created.after,
    creationTimeBefore: created.before,
    statusEquals: statusEquals(ModelImportJobStatus),
    nameContains: nameContains(NAME_CONTAINS_PATTERN, 'jobName'),
    ...sortRules(SortJobsBy),
  },
  columns: ['creationTime', 'status', 'importedModelName', 'jobName'],
  lifecycle: { running: ['InProgress'], succeeded: ['Completed'], failed: ['Failed'] },
  get: {
    operation: 'GetModelImportJob',
    command: GetModelImportJobCommand,
    schemas: { operation: GetModelImportJob$, request: GetModelImportJobRequest$ },
    alsoBy: 'name',
    failureField: 'failureMessage',
  },
};

/**
 * The request fields of ListModelImportJobs, minus paging; the times may
 * also be ISO-8601 strings.
 *
 * @example
 * ```ts
 * import { type ModelImportJobFilter, paginateModelImportJobs } from 'bedrock-customization-jobs';
 *
 * const filter: ModelImportJobFilter = { statusEquals: 'Failed', creationTimeAfter: new Date(Date.now() - 86_400_000) };
 * const failedToday = paginateModelImportJobs(filter);
 * ```
 */
export type ModelImportJobFilter = FilterOf<ListModelImportJobsRequest>;

/**
 * Every model import job that matches `filter`, one at a time, in the
 * API's order, with everything {@link paginateCustomizationJobs} does.
 *
 * @param filter - `statusEquals`, `nameContains`, `creationTimeAfter`,
 *   `creationTimeBefore`, `sortBy`, `sortOrder`.
 * @param options - As {@link paginateCustomizationJobs}'s; `dedupe` keys on `jobArn`.
 * @returns A lazy async iterable of the SDK's `ModelImportJobSummary`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateModelImportJobs } from 'bedrock-customization-jobs';
 *
 * const imported = await paginateModelImportJobs({ statusEquals: 'Completed' })
 *   .map((job) => job.importedModelName)
 *   .toArray();
 * ```
 */
export const paginateModelImportJobs = paginatorOf(modelImportJobs);
