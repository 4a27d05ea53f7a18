import {
  GetModelCopyJob$,
  GetModelCopyJobCommand,
  GetModelCopyJobRequest$,
  type GetModelCopyJobResponse,
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
import { waitersOf } from '../job-wait.js';
import { watcherOf } from '../job-watch.js';
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

/**
 * The model copy jobs that match `filter`, as events: `added` for each one that
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
 * import { watchModelCopyJobs } from 'bedrock-customization-jobs';
 *
 * for await (const event of watchModelCopyJobs({}, { interval: 60_000, signal: AbortSignal.timeout(3_600_000) })) {
 *   console.log(event.type, event.job.jobArn, event.job.status);
 * }
 * ```
 */
export const watchModelCopyJobs = watcherOf(modelCopyJobs);

const waits = waitersOf<ListModelCopyJobsRequest, ModelCopyJobSummary, GetModelCopyJobResponse>(modelCopyJobs);

/**
 * Waits for one model copy job to end, polling with one listing a poll. Resolves
 * with its Get output when it ends Completed; rejects with a
 * {@link JobFailedError} when it ends Failed. Bad input, `signal`,
 * `timeout`, an identifier that names no job (the service's
 * `ResourceNotFoundException`) and an API failure that outlasts the retries
 * reject it too. No attempt cap: it waits as long as the job runs.
 *
 * @param identifier - the job's ARN.
 * @param options - `interval`, `timeout`, `signal`, `onChange`, `client`, `retry`, `requestTimeout`, `pageSize`.
 *
 * @example
 * ```ts
 * import { waitForModelCopyJob } from 'bedrock-customization-jobs';
 *
 * const job = await waitForModelCopyJob('arn:aws:bedrock:us-east-1:123456789012:model-copy-job/abcdefghijkl', { interval: 60_000, timeout: 6 * 3_600_000 });
 * console.log(job.status, job.targetModelArn);
 * ```
 */
export const waitForModelCopyJob = waits.one;

/**
 * Waits for every model copy job named to end, with one listing a poll whatever
 * their number. Resolves with one {@link WaitResult} per identifier, in
 * input order, whatever each job's end: a job's failure does not reject it;
 * bad input, `signal`, `timeout`, an identifier that names no job and an API
 * failure that outlasts the retries do.
 *
 * @param identifiers - 1 to 1,000 identifiers, each the job's ARN.
 * @param options - As {@link waitForModelCopyJob}'s.
 *
 * @example
 * ```ts
 * import { waitForModelCopyJobs } from 'bedrock-customization-jobs';
 *
 * const results = await waitForModelCopyJobs(['arn:aws:bedrock:us-east-1:123456789012:model-copy-job/abcdefghijkl'], { interval: 60_000 });
 * for (const { identifier, status } of results) console.log(identifier, status);
 * ```
 */
export const waitForModelCopyJobs = waits.all;
