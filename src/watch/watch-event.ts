/**
 * What a watch yields, in the shape that `kubectl get --watch` made
 * familiar: `added` the first time a job is seen, `changed` each time its
 * state differs from the last event about it.
 *
 * @example
 * ```ts
 * import { type WatchEvent, watchCustomizationJobs } from 'bedrock-customization-jobs';
 * import type { ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
 *
 * function describe(event: WatchEvent<ModelCustomizationJobSummary>): string {
 *   return event.type === 'added'
 *     ? `${event.job.jobName}: ${event.job.status}`
 *     : `${event.job.jobName}: ${event.previous.status} → ${event.job.status}`;
 * }
 * const lines = watchCustomizationJobs({}, { interval: 60_000 }).map(describe);
 * ```
 */
export type WatchEvent<T> =
  | {
      /** A job seen for the first time: in the current state at the start, or created since. */
      readonly type: 'added';
      /** The job as the listing showed it. */
      readonly job: T;
    }
  | {
      /** A job whose state changed since the last event about it. */
      readonly type: 'changed';
      /** The job as the listing shows it now. */
      readonly job: T;
      /** The job as the last event about it showed it. */
      readonly previous: T;
    };
