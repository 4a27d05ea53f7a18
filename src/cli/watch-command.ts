/**
 * `bedrock-jobs watch [KIND] [filters]`: the jobs that match, then each
 * change, one line per event as the polls see it, until Ctrl-C.
 */
import { once } from 'node:events';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { MAX_RESULTS_MAX, MAX_RESULTS_MIN } from '../bedrock/api-limits.js';
import { watcherOf } from '../bedrock/job-watch.js';
import type { ListingKind } from '../bedrock/listing-kind.js';
import { createPacer } from '../pacing/pacer.js';
import type { WatchEvent } from '../watch/watch-event.js';
import { DEFAULT_INTERVAL } from '../watch/watch-options.js';
import { clientConfig, filterOf } from './command-setup.js';
import { startDemoEmulator } from './demo-account.js';
import { durationFlag, formatDuration } from './durations.js';
import { EVENT_FORMAT_NAMES, type EventFormatName, eventFormats } from './event-formats.js';
import { type CommandLine, endpointUrl, wholeNumber } from './flags.js';
import { asUsageError, reportFailure } from './library-errors.js';
import { Interrupted, type Io } from './list-command.js';
import { sourcesOf } from './sources.js';
import { UsageError } from './usage-error.js';

/** `--output` of watch: table or ndjson, the one that fits stdout by default. */
function eventFormatName(value: string | undefined, stdoutIsTty: boolean): EventFormatName {
  if (value === undefined) return stdoutIsTty ? 'table' : 'ndjson';
  if (!(EVENT_FORMAT_NAMES as readonly string[]).includes(value)) {
    throw new UsageError(
      `--output of watch must be one of ${EVENT_FORMAT_NAMES.join(', ')} (one line per event); got '${value}'`,
    );
  }
  return value as EventFormatName;
}

/** `bedrock-jobs watch [KIND]`: returns the exit code, 130 on Ctrl-C and 1 on a failure that ends the watch. */
export async function watchCommand({ kind, flags, filter: given }: CommandLine, io: Io, signal: AbortSignal): Promise<number> {
  const sources = sourcesOf(flags);
  const labels = sources.length > 1 ? sources.map((source) => source.label) : undefined;
  const format = eventFormats(kind, labels !== undefined)[eventFormatName(flags.output, io.stdout.isTTY === true)];
  const pageSize = wholeNumber('page-size', flags['page-size'], MAX_RESULTS_MIN, MAX_RESULTS_MAX);
  const interval = durationFlag('interval', flags.interval) ?? DEFAULT_INTERVAL;
  const endpoint = endpointUrl(flags['endpoint-url']);
  const filter = filterOf(kind, given, Date.now());

  const emulator = flags.emulator
    ? await startDemoEmulator(flags.regions === undefined ? [] : sources.map((source) => source.region as string))
    : undefined;
  const clients = sources.map((source) => new BedrockClient(clientConfig(source, endpoint, emulator)));
  try {
    const onPollError = (error: unknown) => {
      // A failure that time may mend: said on one line, and the watch goes on.
      const { message } = reportFailure(error, flags, labels);
      io.stderr.write(`bedrock-jobs: a poll failed, polling again in ${formatDuration(interval)}: ${message}\n`);
    };
    let events: AsyncIterable<WatchEvent<Record<string, unknown>>>;
    try {
      const watch = watcherOf(kind as ListingKind<object, Record<string, unknown>>);
      // The CLI's own clients are paced only by a pacer it passes: one for the run, shared by every source.
      const pacer = createPacer();
      const options = { pageSize, interval, initial: flags['no-initial'] !== true, signal, onPollError, pacer };
      events = watch(filter, labels === undefined ? { ...options, client: clients[0] } : { ...options, clients });
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) throw asUsageError(error, kind);
      throw error;
    }

    const write = async (text: string) => {
      if (text && !io.stdout.write(text)) await once(io.stdout, 'drain');
    };
    let failure: unknown;
    try {
      await write(format.header());
      for await (const event of events) await write(format.event(event));
    } catch (error) {
      failure = error;
    }
    if (failure instanceof Interrupted || signal.aborted) {
      io.stderr.write('Interrupted.\n');
      return 130;
    }
    const report = reportFailure(failure, flags, labels);
    io.stderr.write(`bedrock-jobs: ${report.message}\n`);
    if (flags.debug && failure instanceof Error) io.stderr.write(`${failure.stack}\n`);
    return 1;
  } finally {
    for (const client of clients) client.destroy();
    await emulator?.close();
  }
}
