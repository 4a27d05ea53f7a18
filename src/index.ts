/**
 * bedrock-customization-jobs: every Amazon Bedrock model customization job,
 * one at a time, from an async iterator.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * for await (const job of paginateCustomizationJobs({ statusEquals: 'InProgress' })) {
 *   console.log(job.jobName, job.status);
 * }
 * ```
 *
 * @packageDocumentation
 * @module bedrock-customization-jobs
 */
export type {
  CustomModelSummary,
  EvaluationSummary,
  ModelCopyJobSummary,
  ModelCustomizationJobSummary,
  ModelImportJobSummary,
  ModelInvocationJobSummary,
} from '@aws-sdk/client-bedrock';
export { RequestTimeoutError } from './attempts/request-timeout-error.js';
export { DEFAULT_RETRY, type RetryEvent, type RetryOptions } from './attempts/retry-options.js';
export { type ArnParts, arnParts } from './bedrock/arn-parts.js';
export { ConfigurationError, type ConfigurationSetting } from './bedrock/configuration-error.js';
export { JobFailedError } from './bedrock/job-failed-error.js';
export { MAX_WAIT_IDENTIFIERS, type WaitOptions, type WaitResult } from './bedrock/job-wait.js';
export type { Watcher, WatchOptions } from './bedrock/job-watch.js';
export { type CustomModelFilter, paginateCustomModels } from './bedrock/kinds/custom-models.js';
export {
  type CustomizationJobFilter,
  type PaginateCustomizationJobsOptions,
  paginateCustomizationJobs,
  waitForCustomizationJob,
  waitForCustomizationJobs,
  watchCustomizationJobs,
} from './bedrock/kinds/customization-jobs.js';
export {
  type EvaluationJobFilter,
  paginateEvaluationJobs,
  waitForEvaluationJob,
  waitForEvaluationJobs,
  watchEvaluationJobs,
} from './bedrock/kinds/evaluation-jobs.js';
export {
  type ModelCopyJobFilter,
  paginateModelCopyJobs,
  waitForModelCopyJob,
  waitForModelCopyJobs,
  watchModelCopyJobs,
} from './bedrock/kinds/model-copy-jobs.js';
export {
  type ModelImportJobFilter,
  paginateModelImportJobs,
  waitForModelImportJob,
  waitForModelImportJobs,
  watchModelImportJobs,
} from './bedrock/kinds/model-import-jobs.js';
export {
  type ModelInvocationJobFilter,
  paginateModelInvocationJobs,
  waitForModelInvocationJob,
  waitForModelInvocationJobs,
  watchModelInvocationJobs,
} from './bedrock/kinds/model-invocation-jobs.js';
export type { FilterOf } from './bedrock/listing-kind.js';
export { MalformedResponseError } from './bedrock/malformed-response-error.js';
export type { SkippedSource } from './bedrock/multi-source.js';
export type { BedrockClientLike, MultiSourceChoice, MultiSourceOptions, PaginateOptions, Paginator } from './bedrock/paginate.js';
export { AsyncChain } from './chain/async-chain.js';
export type { Source } from './chain/batch-source.js';
export { forEach, reduce, toArray } from './chain/operators/collect.js';
export { every, find, first, some } from './chain/operators/find.js';
export { chunks, drop, filter, flatMap, map, mergeSorted, type Operator, pipe, take } from './chain/pipe.js';
export { createPacer, MAX_PACER_RATE, type Pacer, type PacerOptions, type PacerStats } from './pacing/pacer.js';
export type { QuotaStats } from './pacing/quota.js';
export { Listing } from './paging/listing.js';
export type { ListingOptions } from './paging/listing-options.js';
export { MergedListing, type MergedPage, type PageSource } from './paging/merged-listing.js';
export type { Page } from './paging/page-loop.js';
export { type ListingProgress, PaginationError, RejectedTokenError, RepeatedTokenError } from './paging/pagination-error.js';
export type { WatchEvent } from './watch/watch-event.js';
