import { once } from 'node:events';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import type { RetryEvent } from '../attempts/retry-options.js';
import { MAX_RESULTS_MAX, MAX_RESULTS_MIN } from '../bedrock/api-limits.js';
import { paginatorOf } from '../bedrock/paginate.js';
import { createPacer } from '../pacing/pacer.js';
import type { Page } from '../paging/page-loop.js';
import { clientConfig, filterOf } from './command-setup.js';
import { type Continuation, decodeContinuation, encodeContinuation, FROM_THE_START } from './continuation-token.js';
import { startDemoEmulator } from './demo-account.js';
import { endpointUrl, type ListCommandLine, outputFormat, wholeNumber } from './flags.js';
import { asUsageError, reportFailure } from './library-errors.js';
import { ListingPosition } from './listing-position.js';
import { outputFormats } from './output-formats.js';
import { Progress } from './progress.js';
import { sourcesOf } from './sources.js';
import { UsageError } from './usage-error.js';

/** Where a command writes: its stdout and stderr. */
export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Ctrl-C: the listing stops, and the run exits 130 after printing where to continue. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

/**
 * The library's word that a token's sources are not the run's, which it
 * can only tell once each client's region is known: the labels in the
 * token matched, and a profile's region changed since.
 */
function madeForOtherSources(error: unknown): UsageError | undefined {
  if (!(error instanceof RangeError) || !error.message.startsWith('options.startingToken: ')) return undefined;
  const why = error.message.slice('options.startingToken: '.length).replace(/;.*$/, '');
  return new UsageError(`--starting-token was made for other sources: ${why}; start over without it`);
}

/** `bedrock-jobs list [KIND]`: returns the exit code. */
export async function listCommand({ kind, flags, filter: given }: ListCommandLine, io: Io, signal: AbortSignal): Promise<number> {
  const sources = sourcesOf(flags);
  // The labels of a listing over several sources, which its tokens record; none for one source.
  const labels = sources.length > 1 ? sources.map((source) => source.label) : undefined;
  const format = outputFormats(kind, labels !== undefined)[outputFormat(flags.output, io.stdout.isTTY === true)];
  const maxItems = wholeNumber('max-items', flags['max-items'], 1);
  const pageSize = wholeNumber('page-size', flags['page-size'], MAX_RESULTS_MIN, MAX_RESULTS_MAX);
  const endpoint = endpointUrl(flags['endpoint-url']);
  // Both durations count back from the same instant.
  const filter = filterOf(kind, given, Date.now());
  const start: Continuation =
    flags['starting-token'] === undefined ? FROM_THE_START : decodeContinuation(flags['starting-token'], kind, labels);

  const emulator = flags.emulator
    ? await startDemoEmulator(flags.regions === undefined ? [] : sources.map((source) => source.region as string))
    : undefined;
  const clients = sources.map((source) => new BedrockClient(clientConfig(source, endpoint, emulator)));
  // The CLI's own clients are paced only by a pacer it passes: one for the run, so
  // that sources sharing a quota (two profiles of one account, say) share its pace.
  const pacer = createPacer();
  const progress = new Progress(io.stderr, pacer);
  const countingClients = clients.map((client) => progress.wrap(client));
  try {
    let pages: AsyncIterable<Page<Record<string, unknown>>>;
    try {
      const options = {
        pageSize,
        startingToken: start.pageToken,
        signal,
        pacer,
        retry: { onRetry: (event: RetryEvent) => progress.retry(event) },
      };
      const paginate = paginatorOf(kind);
      // Over several sources, one merged listing whose pages' tokens resume them all.
      const listing =
        labels === undefined
          ? paginate(filter, { ...options, client: countingClients[0] })
          : paginate(filter, { ...options, clients: countingClients });
      // The skipped items come first in the listing, so the budget covers them too.
      pages = listing.pages({ maxItems: maxItems === undefined ? undefined : maxItems + start.skip });
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) throw asUsageError(error, kind);
      throw error;
    }

    const write = async (text: string) => {
      if (text && !io.stdout.write(text)) await once(io.stdout, 'drain');
    };
    let printed = 0;
    const position = new ListingPosition(start);
    let failure: unknown;
    await write(format.header());
    try {
      for await (const page of pages) {
        for (let index = position.enter(page); index < page.items.length; index++) {
          // Writes to a pipe or a terminal block; a turn of the event loop now
          // and then lets Ctrl-C stop the run mid-page, where it was pressed.
          if (index % 64 === 63) await new Promise(setImmediate);
          signal.throwIfAborted();
          // The line may have been drawn mid-page (a read-ahead request went out, or backs off): off it goes first.
          progress.clear();
          await write(format.item(page.items[index] as Record<string, unknown>, printed++));
          position.printed(index);
        }
        position.leave();
        progress.page(page.items.length);
      }
    } catch (error) {
      failure = madeForOtherSources(error) ?? error;
    }
    if (failure instanceof UsageError) throw failure;

    const interrupted = failure instanceof Interrupted || (failure !== undefined && signal.aborted);
    const report = failure === undefined || interrupted ? undefined : reportFailure(failure, flags, labels);
    const next = position.continuation;
    const cutShort = interrupted || report?.continues === true || (maxItems !== undefined && printed >= maxItems);
    const token = cutShort && next ? encodeContinuation(next, kind, labels) : undefined;
    progress.clear();
    await write(format.footer(token));
    if (interrupted) {
      io.stderr.write('Interrupted.\n');
    } else if (report) {
      // One clear line; the stack only when asked for.
      io.stderr.write(`bedrock-jobs: ${report.message}\n`);
      if (flags.debug && failure instanceof Error) io.stderr.write(`${failure.stack}\n`);
      if (report.advice) io.stderr.write(`${report.advice}\n`);
    }
    if (token) io.stderr.write(`Continue with: --starting-token ${token}\n`);
    if (failure === undefined) return 0;
    return interrupted ? 130 : 1;
  } finally {
    for (const client of clients) client.destroy();
    await emulator?.close();
  }
}
