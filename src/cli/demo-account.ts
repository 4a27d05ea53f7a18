import { type Emulator, type LifecycleOptions, startEmulator } from '../emulator/index.js';
import { regionAccountId } from '../emulator/served-regions.js';

/**
 * `--emulator`: the embedded emulator with a whole generated account, so
 * that every kind has something to list: customization jobs, the custom
 * models they and the import and copy jobs made, and batch inference and
 * evaluation jobs. The same account for a whole hour, so that a
 * --starting-token from one demo run continues in the next; or, when
 * BEDROCK_JOBS_EMULATOR_AT names a time (ISO-8601), the account as it was
 * then, every run: what scripts and tests pin.
 *
 * Unpinned, the account's jobs move: each running job ends, `Completed` or
 * one in five `Failed`, between 20 s and 3 min after the emulator starts
 * ({@link DEMO_LIFECYCLE}), so that a watch sees them change. Pinned,
 * nothing moves, so that each run answers the same.
 *
 * With `--regions`, each region is its own account, as the emulator's own
 * `--regions` serves it (`regionAccountId`): generated alike, each with its
 * own items, named by its ARNs.
 */
/** How the unpinned demo account's jobs run: each running job ends 20 s to 3 min after the start, one in five Failed. */
export const DEMO_LIFECYCLE: LifecycleOptions = { durationMs: { min: 20_000, max: 180_000 }, failureRate: 0.2, seed: 1 };

export function startDemoEmulator(regions: readonly string[] = []): Promise<Emulator> {
  const pinned = Date.parse(process.env.BEDROCK_JOBS_EMULATOR_AT ?? '');
  const isPinned = !Number.isNaN(pinned);
  const now = isPinned ? pinned : Date.now();
  const endingAt = new Date(Math.floor(now / 3_600_000) * 3_600_000);
  const generate = (count: number) => ({ count, seed: 1, endingAt });
  const served =
    regions.length === 0
      ? {}
      : { regions: Object.fromEntries(regions.map((region) => [region, { accountId: regionAccountId(region) }])) };
  return startEmulator({
    jobs: generate(2500),
    customModels: generate(300),
    importJobs: generate(400),
    copyJobs: generate(300),
    invocationJobs: generate(1500),
    evaluationJobs: generate(600),
    ...served,
    ...(isPinned ? {} : { lifecycle: DEMO_LIFECYCLE }),
  });
}
