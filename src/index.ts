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
export type { ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
export type { CustomizationJobFilter } from './customization-job-filter.js';
export { AsyncChain } from './engine/async-chain.js';
export type { Source } from './engine/batch-source.js';
export { ConfigurationError, type ConfigurationSetting } from './engine/configuration-error.js';
export { Listing } from './engine/listing.js';
export type { ListingOptions } from './engine/listing-options.js';
export { MalformedResponseError } from './engine/malformed-response-error.js';
export {
  chunks,
  drop,
  every,
  filter,
  find,
  first,
  flatMap,
  forEach,
  map,
  type Operator,
  pipe,
  reduce,
  some,
  take,
  toArray,
} from './engine/operators.js';
export type { Page } from './engine/page-loop.js';
export { type ListingProgress, PaginationError, RejectedTokenError, RepeatedTokenError } from './engine/pagination-error.js';
export { DEFAULT_RETRY, RequestTimeoutError, type RetryEvent, type RetryOptions } from './engine/retry.js';
export {
  type BedrockClientLike,
  type PaginateCustomizationJobsOptions,
  paginateCustomizationJobs,
} from './paginate-customization-jobs.js';
