/**
 * `bedrock-jobs wait [KIND] JOB…`: waits until every job named has ended,
 * from one listing a poll, and exits 0 only when all of them succeeded.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { MAX_RESULTS_MAX, MAX_RESULTS_MIN } from '../bedrock/api-limits.js';
import { failureMessageOf, identifierRule, isNamedBy, type WaitResult, waitersOf } from '../bedrock/job-wait.js';
import type { AnyListingKind, ListingKind } from '../bedrock/listing-kind.js';
import { createPacer } from '../pacing/pacer.js';
import { DEFAULT_INTERVAL } from '../watch/watch-options.js';
import { clientConfig } from './command-setup.js';
import { startDemoEmulator } from './demo-account.js';
import { durationFlag, formatDuration } from './durations.js';
import { type CommandLine, endpointUrl, wholeNumber } from './flags.js';
import { reportFailure } from './library-errors.js';
import { Interrupted, type Io } from './list-command.js';
import { sourcesOf } from './sources.js';
import { StatusLines } from './status-lines.js';
import { UsageError } from './usage-error.js';

/**
 * The library's word on a bad identifier (`identifiers[1] must be …`) in
 * the command line's: the JOB argument, counted from 1.
 */
function asJobUsageError(error: Error): UsageError | undefined {
  const match = /^identifiers(?:\[(\d+)\])? (must be [\s\S]*)$/.exec(error.message);
  if (!match) return undefined;
  return new UsageError(match[1] === undefined ? `JOB ${match[2]}` : `JOB ${Number(match[1]) + 1} ${match[2]}`);
}

/** Whether a wait ended by its --timeout. */
const timedOut = (error: unknown) => error instanceof DOMException && error.name === 'TimeoutError';

/**
 * `bedrock-jobs wait [KIND] JOB…`: returns the exit code: 0 when every job
 * succeeded, 1 when any failed or was stopped (each named, with why, on
 * stderr), when --timeout passed or the wait failed; 130 on Ctrl-C.
 */
export async function waitCommand({ kind, flags, jobs }: CommandLine, io: Io, signal: AbortSignal): Promise<number> {
  if (jobs.length === 0) {
    throw new UsageError(`wait needs at least one JOB: ${identifierRule(kind)}, as in 'bedrock-jobs wait JOB'`);
  }
  const lifecycle = kind.lifecycle as NonNullable<AnyListingKind['lifecycle']>;
  const pageSize = wholeNumber('page-size', flags['page-size'], MAX_RESULTS_MIN, MAX_RESULTS_MAX);
  const interval = durationFlag('interval', flags.interval) ?? DEFAULT_INTERVAL;
  const timeout = durationFlag('timeout', flags.timeout, true);
  const endpoint = endpointUrl(flags['endpoint-url']);
  const [source] = sourcesOf(flags);
  const waiters = waitersOf(kind as ListingKind<object, Record<string, unknown>>);

  const emulator = flags.emulator ? await startDemoEmulator() : undefined;
  const client = new BedrockClient(clientConfig(source as NonNullable<typeof source>, endpoint, emulator));
  const lines = new StatusLines(io.stdout, jobs, (job, identifier) => isNamedBy(kind, job, identifier), io.stdout.isTTY === true);
  try {
    let results: WaitResult<object>[];
    try {
      results = await waiters.all(jobs, {
        client,
        signal,
        interval,
        timeout,
        pageSize,
        // The CLI's own client is paced only by a pacer it passes: one for the run, shared by every job's wait.
        pacer: createPacer(),
        onChange: (event) => lines.update(event),
      });
    } catch (error) {
      // The library checks the identifiers before any request: a malformed one is a usage error.
      const usage = error instanceof TypeError || error instanceof RangeError ? asJobUsageError(error) : undefined;
      if (usage) throw usage;
      if (error instanceof Interrupted || signal.aborted) {
        io.stderr.write('Interrupted.\n');
        return 130;
      }
      const message = timedOut(error)
        ? `timed out after ${formatDuration(timeout as number)}: ${jobs.length === 1 ? 'the job has not ended' : 'not every job has ended'}`
        : reportFailure(error, flags).message;
      io.stderr.write(`bedrock-jobs: ${message}\n`);
      if (flags.debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
      return 1;
    }
    const failed = results.filter((result) => !lifecycle.succeeded.includes(result.status));
    for (const { identifier, status, job } of failed) {
      const why = failureMessageOf(kind, job);
      io.stderr.write(`bedrock-jobs: ${kind.noun} ${identifier} ended ${status}${why ? `: ${why}` : ''}\n`);
    }
    return failed.length > 0 ? 1 : 0;
  } finally {
    client.destroy();
    await emulator?.close();
  }
}
