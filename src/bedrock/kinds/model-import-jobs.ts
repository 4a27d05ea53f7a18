import {
  GetModelImportJob$,
  GetModelImportJobCommand,
  GetModelImportJobRequest$,
  type GetModelImportJobResponse,
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
import { waitersOf } from '../job-wait.js';
import { watcherOf } from '../job-watch.js';
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

/**
 * The model import jobs that match `filter`, as events: `added` for each one that
 * matches now (unless `initial: false`) and each one created later,
 * `changed` with `previous` whenever its status, `lastModifiedTime` or
 * `endTime` changes. One listing per poll, of only the jobs that can still
 * change. It runs until its consumer stops, `signal` aborts or `timeout`
 * passes. `statusEquals` is matched by the watch itself: a job that comes
 * to have that status comes as `added`; one that leaves it is no longer
 * seen (watch without `statusEquals` to see jobs end).
 *
 * @param filter - As the listing's; at each poll the watch narrows the time bound itself.
 * @param options - The listing's (`client`, `regions`/`clients`, `retry`, `signal`, …) and
 *   `interval`, `initial`, `timeout`, `onPollError`.
 * @returns A lazy async iterable of {@link WatchEvent}s, with the chain's combinators.
 * @throws TypeError or RangeError for bad input, at the call.
 *
 * @example
 * ```ts
 * import { watchModelImportJobs } from 'bedrock-customization-jobs';
 *
 * for await (const event of watchModelImportJobs({}, { interval: 60_000, signal: AbortSignal.timeout(3_600_000) })) {
 *   console.log(event.type, event.job.jobArn, event.job.status);
 * }
 * ```
 */
export const watchModelImportJobs = watcherOf(modelImportJobs);

const waits = waitersOf<ListModelImportJobsRequest, ModelImportJobSummary, GetModelImportJobResponse>(modelImportJobs);

/**
 * Waits for one model import job to end, polling with one listing a poll. Resolves
 * with its Get output when it ends Completed; rejects with a
 * {@link JobFailedError} when it ends Failed. Bad input, `signal`,
 * `timeout`, an identifier that names no job (the service's
 * `ResourceNotFoundException`) and an API failure that outlasts the retries
 * reject it too. No attempt cap: it waits as long as the job runs.
 *
 * @param identifier - the job's name or ARN.
 * @param options - `interval`, `timeout`, `signal`, `onChange`, `client`, `retry`, `requestTimeout`, `pageSize`.
 *
 * @example
 * ```ts
 * import { waitForModelImportJob } from 'bedrock-customization-jobs';
 *
 * const job = await waitForModelImportJob('import-llama-ft', { interval: 60_000, timeout: 6 * 3_600_000 });
 * console.log(job.status, job.importedModelArn);
 * ```
 */
export const waitForModelImportJob = waits.one;

/**
 * Waits for every model import job named to end, with one listing a poll whatever
 * their number. Resolves with one {@link WaitResult} per identifier, in
 * input order, whatever each job's end: a job's failure does not reject it;
 * bad input, `signal`, `timeout`, an identifier that names no job and an API
 * failure that outlasts the retries do.
 *
 * @param identifiers - 1 to 1,000 identifiers, each the job's name or ARN.
 * @param options - As {@link waitForModelImportJob}'s.
 *
 * @example
 * ```ts
 * import { waitForModelImportJobs } from 'bedrock-customization-jobs';
 *
 * const results = await waitForModelImportJobs(['import-llama-ft'], { interval: 60_000 });
 * for (const { identifier, status } of results) console.log(identifier, status);
 * ```
 */
export const waitForModelImportJobs = waits.all;
