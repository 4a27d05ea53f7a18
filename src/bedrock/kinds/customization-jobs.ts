import {
  FineTuningJobStatus,
  GetModelCustomizationJob$,
  GetModelCustomizationJobCommand,
  GetModelCustomizationJobRequest$,
  type GetModelCustomizationJobResponse,
  ListModelCustomizationJobs$,
  ListModelCustomizationJobsCommand,
  type ListModelCustomizationJobsRequest,
  ListModelCustomizationJobsRequest$,
  type ModelCustomizationJobSummary,
  SortJobsBy,
} from '@aws-sdk/client-bedrock';
import { NAME_CONTAINS_PATTERN } from '../api-limits.js';
import { nameContains, sortRules, statusEquals, timeBounds } from '../filter-rules.js';
import { waitersOf } from '../job-wait.js';
import { watcherOf } from '../job-watch.js';
import type { FilterOf, ListingKind } from '../listing-kind.js';
import { type PaginateOptions, paginatorOf } from '../paginate.js';

const created = timeBounds('created', 'jobs');

/** ListModelCustomizationJobs: fine-tuning, continued pre-training, distillation and the rest. */
export const customizationJobs: ListingKind<ListModelCustomizationJobsRequest, ModelCustomizationJobSummary> = {
  operation: 'ListModelCustomizationJobs',
  name: 'customization',
  noun: 'customization job',
  command: ListModelCustomizationJobsCommand,
  schemas: { operation: ListModelCustomizationJobs$, request: ListModelCustomizationJobsRequest$ },
  itemsKey: 'modelCustomizationJobSummaries',
  arnField: 'jobArn',
  timeField: 'creationTime',
  filters: {
    creationTimeAfter: created.after,
    creationTimeBefore: created.before,
    statusEquals: statusEquals(FineTuningJobStatus),
    nameContains: nameContains(NAME_CONTAINS_PATTERN, 'jobName'),
    ...sortRules(SortJobsBy),
  },
  columns: ['creationTime', 'status', 'customizationType', 'jobName'],
  lifecycle: { running: ['InProgress', 'Stopping'], succeeded: ['Completed'], failed: ['Failed', 'Stopped'] },
  get: {
    operation: 'GetModelCustomizationJob',
    command: GetModelCustomizationJobCommand,
    schemas: { operation: GetModelCustomizationJob$, request: GetModelCustomizationJobRequest$ },
    alsoBy: 'name',
    failureField: 'failureMessage',
  },
};

/**
 * The request fields of ListModelCustomizationJobs, minus paging, with the
 * SDK's own types; the times may also be ISO-8601 strings, from
 * 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, the years that the
 * API's ISO-8601 form takes, and `creationTimeAfter` must be earlier than
 * `creationTimeBefore`.
 *
 * @example
 * ```ts
 * import { type CustomizationJobFilter, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const filter: CustomizationJobFilter = {
 *   statusEquals: 'Completed',
 *   nameContains: 'support',
 *   creationTimeAfter: '2026-01-01T00:00:00Z',
 *   creationTimeBefore: new Date(),
 *   sortBy: 'CreationTime',
 *   sortOrder: 'Ascending',
 * };
 * const jobs = paginateCustomizationJobs(filter);
 * ```
 */
export type CustomizationJobFilter = FilterOf<ListModelCustomizationJobsRequest>;

/**
 * Options of {@link paginateCustomizationJobs}: those of every listing.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { type PaginateCustomizationJobsOptions, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const options: PaginateCustomizationJobsOptions = {
 *   // maxAttempts: 1 leaves retrying to the paginator, so that the two do not multiply.
 *   client: new BedrockClient({ region: 'us-west-2', maxAttempts: 1 }),
 *   pageSize: 200,
 *   dedupe: true,
 * };
 * const jobs = paginateCustomizationJobs({ statusEquals: 'Completed' }, options);
 * ```
 */
export type PaginateCustomizationJobsOptions = PaginateOptions;

/**
 * Every model customization job that matches `filter`, one at a time, in
 * the API's order. It hides `nextToken` and `maxResults`, retries
 * throttling with backoff, and stops requesting the moment its consumer
 * stops. Bad input throws here, before any request.
 *
 * @param filter - The API's own filter fields: `statusEquals`, `nameContains`,
 *   `creationTimeAfter`, `creationTimeBefore` (a `Date` or an ISO-8601 string),
 *   `sortBy` and `sortOrder`.
 * @param options - `client`, `pageSize`, `startingToken`, `signal`, `retry`, `prefetch`,
 *   `requestTimeout` and `dedupe`.
 * @returns A lazy async iterable of the SDK's `ModelCustomizationJobSummary`,
 *   with chainable combinators and `.pages()`.
 * @throws TypeError or RangeError, naming the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * for await (const job of paginateCustomizationJobs({ statusEquals: 'Failed' })) {
 *   console.log(job.jobName, job.creationTime);
 * }
 *
 * const recent = await paginateCustomizationJobs({ sortOrder: 'Descending' })
 *   .filter((job) => job.customizationType === 'FINE_TUNING')
 *   .take(10)
 *   .toArray();
 * ```
 */
export const paginateCustomizationJobs = paginatorOf(customizationJobs);

/**
 * The customization jobs that match `filter`, as events: `added` for each one that
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
 * import { watchCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * for await (const event of watchCustomizationJobs({}, { interval: 60_000, signal: AbortSignal.timeout(3_600_000) })) {
 *   console.log(event.type, event.job.jobArn, event.job.status);
 * }
 * ```
 */
export const watchCustomizationJobs = watcherOf(customizationJobs);

const waits = waitersOf<ListModelCustomizationJobsRequest, ModelCustomizationJobSummary, GetModelCustomizationJobResponse>(
  customizationJobs,
);

/**
 * Waits for one customization job to end, polling with one listing a poll. Resolves
 * with its Get output when it ends Completed; rejects with a
 * {@link JobFailedError} when it ends Failed or Stopped. Bad input, `signal`,
 * `timeout`, an identifier that names no job (the service's
 * `ResourceNotFoundException`) and an API failure that outlasts the retries
 * reject it too. No attempt cap: it waits as long as the job runs.
 *
 * @param identifier - the job's name or ARN.
 * @param options - `interval`, `timeout`, `signal`, `onChange`, `client`, `retry`, `requestTimeout`, `pageSize`.
 *
 * @example
 * ```ts
 * import { waitForCustomizationJob } from 'bedrock-customization-jobs';
 *
 * const job = await waitForCustomizationJob('support-bot-v2', { interval: 60_000, timeout: 6 * 3_600_000 });
 * console.log(job.status, job.outputModelArn);
 * ```
 */
export const waitForCustomizationJob = waits.one;

/**
 * Waits for every customization job named to end, with one listing a poll whatever
 * their number. Resolves with one {@link WaitResult} per identifier, in
 * input order, whatever each job's end: a job's failure does not reject it;
 * bad input, `signal`, `timeout`, an identifier that names no job and an API
 * failure that outlasts the retries do.
 *
 * @param identifiers - 1 to 1,000 identifiers, each the job's name or ARN.
 * @param options - As {@link waitForCustomizationJob}'s.
 *
 * @example
 * ```ts
 * import { waitForCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const results = await waitForCustomizationJobs(['support-bot-v2'], { interval: 60_000 });
 * for (const { identifier, status } of results) console.log(identifier, status);
 * ```
 */
export const waitForCustomizationJobs = waits.all;
