import type {
  EmulatorCopyJob,
  EmulatorCustomModel,
  EmulatorEvaluationJob,
  EmulatorImportJob,
  EmulatorInvocationJob,
} from './emulator-items.js';
import type { Faults } from './faults.js';
import type { GenerateJobsOptions } from './generate/customization-jobs.js';
import type { EmulatorJob } from './job-store.js';

/**
 * The items of one account, of each kind: given as they are (the SDK's
 * summaries), or generated from `{ count, seed?, endingAt? }` (see
 * {@link GenerateJobsOptions}: they end now unless `endingAt` pins them).
 * Generated kinds make one coherent account.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ jobs: { count: 200 }, importJobs: { count: 20 }, copyJobs: { count: 10 } });
 * await emulator.close();
 * ```
 */
export interface AccountItems {
  /** Customization jobs (ListModelCustomizationJobs). Default: none. */
  readonly jobs?: readonly EmulatorJob[] | GenerateJobsOptions;
  /**
   * Custom models (ListCustomModels). Generated, they are the models that
   * the account's generated Completed customization, import and copy jobs
   * made, plus `count` more, some shared from another account. Default:
   * those made by the generated jobs.
   */
  readonly customModels?: readonly EmulatorCustomModel[] | GenerateJobsOptions;
  /** Model import jobs (ListModelImportJobs); each Completed generated one imported a custom model. Default: none. */
  readonly importJobs?: readonly EmulatorImportJob[] | GenerateJobsOptions;
  /** Model copy jobs (ListModelCopyJobs); generated ones copy custom models that exist. Default: none. */
  readonly copyJobs?: readonly EmulatorCopyJob[] | GenerateJobsOptions;
  /** Batch inference jobs (ListModelInvocationJobs), ordered by `submitTime`. Default: none. */
  readonly invocationJobs?: readonly EmulatorInvocationJob[] | GenerateJobsOptions;
  /** Evaluation jobs (ListEvaluationJobs). Default: none. */
  readonly evaluationJobs?: readonly EmulatorEvaluationJob[] | GenerateJobsOptions;
}

/**
 * One region that the emulator serves, an entry of the `regions` option of
 * `startEmulator` (or of an account's `regions`): its own items of each
 * kind, its own faults and latency. A kind left out, and `faults` left out,
 * take the emulator's own option, if it gives one as `{ count, seed? }`.
 * Each generated kind's seed is mixed with the region and the account, so
 * that two regions given the same seed hold different, coherent accounts,
 * the same on every run; their ARNs name the region and the account.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({
 *   jobs: { count: 100, seed: 7 },
 *   regions: {
 *     'us-east-1': {},
 *     'us-west-2': { accountId: '111122223333', faults: { latency: 50 } },
 *   },
 * });
 * emulator.region('us-west-2').setFaults({ throttle: { first: 1 } });
 * await emulator.close();
 * ```
 */
export interface EmulatorRegionOptions extends AccountItems {
  /**
   * The account that this region answers as, in a top-level `regions`
   * entry only (12 digits); default the emulator's `accountId`. Under
   * `accounts`, the account is the entry's key, and this is an error.
   */
  readonly accountId?: string;
  /** This region's faults and latency, its own counts and random sequence; default the emulator's `faults`. */
  readonly faults?: Faults;
}

/**
 * One account that the emulator serves, an entry of the `accounts` option
 * of `startEmulator`, keyed by its 12-digit ID: a request signed with one
 * of its access key IDs is answered by this account, in the region of the
 * request's credential scope.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({
 *   accounts: {
 *     '111122223333': { accessKeyIds: ['AKIDPROD'], regions: { 'us-east-1': { jobs: { count: 50 } } } },
 *     '444455556666': { accessKeyIds: ['AKIDDEV'], regions: { 'us-east-1': {}, 'eu-central-1': {} } },
 *   },
 * });
 * await emulator.close();
 * ```
 */
export interface EmulatorAccountOptions {
  /** The access key IDs that sign as this account: one or more; no key may belong to two accounts. */
  readonly accessKeyIds: readonly string[];
  /** The regions this account is served in: at least one, each as {@link EmulatorRegionOptions} without `accountId`. */
  readonly regions: Readonly<Record<string, EmulatorRegionOptions>>;
}
