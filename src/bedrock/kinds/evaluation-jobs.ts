import {
  ApplicationType,
  EvaluationJobStatus,
  type EvaluationSummary,
  GetEvaluationJob$,
  GetEvaluationJobCommand,
  GetEvaluationJobRequest$,
  type GetEvaluationJobResponse,
  ListEvaluationJobs$,
  ListEvaluationJobsCommand,
  type ListEvaluationJobsRequest,
  ListEvaluationJobsRequest$,
  SortJobsBy,
} from '@aws-sdk/client-bedrock';
import { wholeMatch } from '../api-limits.js';
import { nameContains, sortRules, statusEquals, timeBounds } from '../filter-rules.js';
import { waitersOf } from '../job-wait.js';
import { watcherOf } from '../job-watch.js';
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

/**
 * The evaluation jobs that match `filter`, as events: `added` for each one that
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
 * import { watchEvaluationJobs } from 'bedrock-customization-jobs';
 *
 * for await (const event of watchEvaluationJobs({}, { interval: 60_000, signal: AbortSignal.timeout(3_600_000) })) {
 *   console.log(event.type, event.job.jobArn, event.job.status);
 * }
 * ```
 */
export const watchEvaluationJobs = watcherOf(evaluationJobs);

const waits = waitersOf<ListEvaluationJobsRequest, EvaluationSummary, GetEvaluationJobResponse>(evaluationJobs);

/**
 * Waits for one evaluation job to end, polling with one listing a poll. Resolves
 * with its Get output when it ends Completed; rejects with a
 * {@link JobFailedError} when it ends Failed or Stopped. Bad input, `signal`,
 * `timeout`, an identifier that names no job (the service's
 * `ResourceNotFoundException`) and an API failure that outlasts the retries
 * reject it too. No attempt cap: it waits as long as the job runs.
 *
 * @param identifier - the job's ARN.
 * @param options - `interval`, `timeout`, `signal`, `onChange`, `client`, `retry`, `requestTimeout`, `pageSize`.
 *
 * @example
 * ```ts
 * import { waitForEvaluationJob } from 'bedrock-customization-jobs';
 *
 * const job = await waitForEvaluationJob('arn:aws:bedrock:us-east-1:123456789012:evaluation-job/abcdefghijkl', { interval: 60_000, timeout: 6 * 3_600_000 });
 * console.log(job.status, job.outputDataConfig);
 * ```
 */
export const waitForEvaluationJob = waits.one;

/**
 * Waits for every evaluation job named to end, with one listing a poll whatever
 * their number. Resolves with one {@link WaitResult} per identifier, in
 * input order, whatever each job's end: a job's failure does not reject it;
 * bad input, `signal`, `timeout`, an identifier that names no job and an API
 * failure that outlasts the retries do.
 *
 * @param identifiers - 1 to 1,000 identifiers, each the job's ARN.
 * @param options - As {@link waitForEvaluationJob}'s.
 *
 * @example
 * ```ts
 * import { waitForEvaluationJobs } from 'bedrock-customization-jobs';
 *
 * const results = await waitForEvaluationJobs(['arn:aws:bedrock:us-east-1:123456789012:evaluation-job/abcdefghijkl'], { interval: 60_000 });
 * for (const { identifier, status } of results) console.log(identifier, status);
 * ```
 */
export const waitForEvaluationJobs = waits.all;
