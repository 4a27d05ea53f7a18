/**
 * A job that a `waitFor*Job` waited for ended without finishing its work:
 * `Failed` or `Stopped` (and, for batch inference, `Expired`). The job is
 * the Get output at its end, so that nothing the service said about it is
 * lost.
 *
 * @example
 * ```ts
 * import { JobFailedError, waitForCustomizationJob } from 'bedrock-customization-jobs';
 *
 * try {
 *   const done = await waitForCustomizationJob('support-bot-v2', { timeout: 6 * 3_600_000 });
 *   console.log(`model ready: ${done.outputModelArn}`);
 * } catch (error) {
 *   if (!(error instanceof JobFailedError)) throw error;
 *   console.error(`${error.identifier} ended ${error.status}: ${error.failureMessage ?? 'no reason given'}`);
 * }
 * ```
 */
export class JobFailedError<Job extends object = Record<string, unknown>> extends Error {
  /** `'JobFailedError'`: what stack traces and logs show. */
  override readonly name = 'JobFailedError';
  /** The identifier the wait was given: a name, an ID or an ARN. */
  readonly identifier: string;
  /** The status it ended with: `Failed`, `Stopped`, `Expired` … */
  readonly status: string;
  /** Why, as the service says it (`failureMessage`; `message` for batch inference; evaluation's `failureMessages` joined); `undefined` when it says nothing, as for a stopped job. */
  readonly failureMessage: string | undefined;
  /** The job's Get output at its end. */
  readonly job: Job;

  /** Made by the waits; exported for `instanceof`. */
  constructor(noun: string, identifier: string, status: string, failureMessage: string | undefined, job: Job) {
    super(`${noun} ${identifier} ended ${status}${failureMessage ? `: ${failureMessage}` : ''}`);
    this.identifier = identifier;
    this.status = status;
    this.failureMessage = failureMessage;
    this.job = job;
  }
}
