/**
 * A local Bedrock for tests, demos and benchmarks: the real
 * `@aws-sdk/client-bedrock` client runs against it unchanged.
 *
 * @packageDocumentation
 */
export { DEFAULT_MAX_RESULTS, type TokenStyle } from './list-jobs.js';
export type { FaultRule, Faults, Failure } from './faults.js';
export { type GenerateJobsOptions, generateJobs } from './generate-jobs.js';
export type { EmulatorJob, TimeInput } from './job-store.js';
export { type Emulator, type EmulatorOptions, type RequestRecord, startEmulator } from './server.js';
