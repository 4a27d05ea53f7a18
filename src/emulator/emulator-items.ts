import type {
  CustomModelSummary,
  EvaluationSummary,
  ModelCopyJobSummary,
  ModelImportJobSummary,
  ModelInvocationJobSummary,
} from '@aws-sdk/client-bedrock';
import type { TimeInput } from './time-input.js';

/**
 * A summary of the SDK, with each of its timestamps a `Date` or an ISO-8601
 * string, and for a running job, how long it runs from when it is added
 * (`durationMs`) before it ends `Completed` or `Failed`.
 */
export type WithTimeInputs<Summary> = {
  [K in keyof Summary]: NonNullable<Summary[K]> extends Date ? TimeInput | Extract<Summary[K], undefined> : Summary[K];
} & {
  /**
   * For a running job: it runs this many ms from when it is added, then ends `Completed` or `Failed`.
   * Absent: `lifecycle.durationMs` in an emulator started with `lifecycle`; otherwise it runs until stopped.
   */
  durationMs?: number;
};

/**
 * A custom model as the emulator is seeded with it: the SDK's `CustomModelSummary`.
 * `ownerAccountId` decides `isOwned`; a model that names no owner is the emulator's account's.
 *
 * @example
 * ```ts
 * import { type EmulatorCustomModel, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const model: EmulatorCustomModel = {
 *   modelArn: 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:300k/abc123def456',
 *   modelName: 'support-summarize',
 *   creationTime: '2026-03-01T12:00:00Z',
 *   baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k',
 *   baseModelName: 'amazon.nova-lite-v1:0:300k',
 *   modelStatus: 'Active',
 * };
 * const emulator = await startEmulator({ customModels: [model] });
 * await emulator.close();
 * ```
 */
export type EmulatorCustomModel = WithTimeInputs<CustomModelSummary>;

/** A model import job as the emulator is seeded with it: the SDK's `ModelImportJobSummary`; see {@link EmulatorCustomModel}. */
export type EmulatorImportJob = WithTimeInputs<ModelImportJobSummary>;

/** A model copy job as the emulator is seeded with it: the SDK's `ModelCopyJobSummary`; see {@link EmulatorCustomModel}. */
export type EmulatorCopyJob = WithTimeInputs<ModelCopyJobSummary>;

/** A batch inference job as the emulator is seeded with it: the SDK's `ModelInvocationJobSummary`, ordered by `submitTime`. */
export type EmulatorInvocationJob = WithTimeInputs<ModelInvocationJobSummary>;

/** An evaluation job as the emulator is seeded with it: the SDK's `EvaluationSummary`; see {@link EmulatorCustomModel}. */
export type EmulatorEvaluationJob = WithTimeInputs<EvaluationSummary>;
