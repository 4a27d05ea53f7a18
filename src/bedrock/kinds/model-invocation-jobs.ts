import {
  GetModelInvocationJob$,
  GetModelInvocationJobCommand,
  GetModelInvocationJobRequest$,
  type GetModelInvocationJobResponse,
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
import { waitersOf } from '../job-wait.js';
import { watcherOf } from '../job-watch.js';
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

/**
 * The batch inference jobs that match `filter`, as events: `added` for each one that
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
 * import { watchModelInvocationJobs } from 'bedrock-customization-jobs';
 *
 * for await (const event of watchModelInvocationJobs({}, { interval: 60_000, signal: AbortSignal.timeout(3_600_000) })) {
 *   console.log(event.type, event.job.jobArn, event.job.status);
 * }
 * ```
 */
export const watchModelInvocationJobs = watcherOf(modelInvocationJobs);

const waits = waitersOf<ListModelInvocationJobsRequest, ModelInvocationJobSummary, GetModelInvocationJobResponse>(
  modelInvocationJobs,
);

/**
 * Waits for one batch inference job to end, polling with one listing a poll. Resolves
 * with its Get output when it ends Completed or PartiallyCompleted; rejects with a
 * {@link JobFailedError} when it ends Failed, Stopped or Expired. Bad input, `signal`,
 * `timeout`, an identifier that names no job (the service's
 * `ResourceNotFoundException`) and an API failure that outlasts the retries
 * reject it too. No attempt cap: it waits as long as the job runs.
 *
 * @param identifier - the job's ARN, or the 12-character ID that ends it.
 * @param options - `interval`, `timeout`, `signal`, `onChange`, `client`, `retry`, `requestTimeout`, `pageSize`.
 *
 * @example
 * ```ts
 * import { waitForModelInvocationJob } from 'bedrock-customization-jobs';
 *
 * const job = await waitForModelInvocationJob('abcdefghijkl', { interval: 60_000, timeout: 6 * 3_600_000 });
 * console.log(job.status, job.outputDataConfig);
 * ```
 */
export const waitForModelInvocationJob = waits.one;

/**
 * Waits for every batch inference job named to end, with one listing a poll whatever
 * their number. Resolves with one {@link WaitResult} per identifier, in
 * input order, whatever each job's end: a job's failure does not reject it;
 * bad input, `signal`, `timeout`, an identifier that names no job and an API
 * failure that outlasts the retries do.
 *
 * @param identifiers - 1 to 1,000 identifiers, each the job's ARN, or the 12-character ID that ends it.
 * @param options - As {@link waitForModelInvocationJob}'s.
 *
 * @example
 * ```ts
 * import { waitForModelInvocationJobs } from 'bedrock-customization-jobs';
 *
 * const results = await waitForModelInvocationJobs(['abcdefghijkl'], { interval: 60_000 });
 * for (const { identifier, status } of results) console.log(identifier, status);
 * ```
 */
export const waitForModelInvocationJobs = waits.all;
