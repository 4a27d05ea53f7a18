/**
 * A local Bedrock for tests, demos and benchmarks: the real
 * `@aws-sdk/client-bedrock` client runs against it unchanged.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ jobs: { count: 500 }, faults: { throttle: { probability: 0.2 } } });
 * const client = new BedrockClient({
 *   endpoint: emulator.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
 *   maxAttempts: 1,
 * });
 * const jobs = await paginateCustomizationJobs({}, { client, retry: { minTimeout: 1 } }).toArray(); // all 500, throttling retried
 * await emulator.close();
 * ```
 *
 * @packageDocumentation
 * @module bedrock-customization-jobs/emulator
 */

export type {
  EmulatorCopyJob,
  EmulatorCustomModel,
  EmulatorEvaluationJob,
  EmulatorImportJob,
  EmulatorInvocationJob,
  WithTimeInputs,
} from './emulator-items.js';
export type { Failure, FaultRule, Faults } from './faults.js';
export { type GenerateJobsOptions, generateJobs } from './generate/customization-jobs.js';
export type { EmulatorJob } from './job-store.js';
export { DEFAULT_DURATION_MS, type DurationMs, type DurationRange, type LifecycleOptions } from './lifecycle.js';
export { DEFAULT_MAX_RESULTS, type TokenStyle } from './list-route.js';
export type { AccountItems, EmulatorAccountOptions, EmulatorRegionOptions } from './region-options.js';
export { DEFAULT_REQUEST_LOG_SIZE, type RequestRecord } from './request-log.js';
export { type Emulator, type EmulatorOptions, type EmulatorRegion, type ItemAdders, startEmulator } from './server.js';
export type { TimeInput } from './time-input.js';
