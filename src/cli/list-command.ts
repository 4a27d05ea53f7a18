import { once } from 'node:events';
import { BedrockClient, type BedrockClientConfig, type ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import type { Emulator } from '../emulator/index.js';
import { startEmulator } from '../emulator/index.js';
import { paginateCustomizationJobs } from '../index.js';
import type { Page } from '../paging/page-loop.js';
import { type Continuation, decodeContinuation, encodeContinuation } from './continuation-token.js';
import { type Flags, outputFormat, UsageError, wholeNumber } from './flags.js';
import { OUTPUT_FORMATS } from './output-formats.js';
import { Progress } from './progress.js';
import { parseTimeFlag } from './relative-time.js';

export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Ctrl-C: the listing stops, and the run exits 130 after printing where to continue. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

/** The library's input errors name its own fields; the CLI names its flags. */
const FLAG_NAMES: [RegExp, string][] = [
  [/\bfilter\.statusEquals\b/g, '--status-equals'],
  [/\bfilter\.nameContains\b/g, '--name-contains'],
  [/\bfilter\.creationTimeAfter\b/g, '--creation-time-after'],
  [/\bfilter\.creationTimeBefore\b/g, '--creation-time-before'],
  [/\bfilter\.sortBy\b/g, '--sort-by'],
  [/\bfilter\.sortOrder\b/g, '--sort-order'],
  [/\boptions\.pageSize\b/g, '--page-size'],
  [/\boptions\.startingToken\b/g, '--starting-token'],
];

function asUsageError(error: Error): UsageError {
  return new UsageError(FLAG_NAMES.reduce((message, [pattern, flag]) => message.replace(pattern, flag), error.message));
}

function clientConfig(flags: Flags, emulator: Emulator | undefined): BedrockClientConfig {
  // The paginator retries each page itself; the SDK's own retries would multiply with it.
  const config: BedrockClientConfig = { maxAttempts: 1 };
  if (emulator) {
    return {
      ...config,
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    };
  }
  if (flags.region) config.region = flags.region;
  if (flags.profile) config.profile = flags.profile;
  if (flags['endpoint-url']) config.endpoint = flags['endpoint-url'];
  return config;
}

/** Where a stopped run continues: right after the last item printed. */
function continuationAfter(
  start: Continuation,
  page: Page<unknown> | undefined,
  printedInPage: number,
): Continuation | undefined {
  if (!page) return start;
  if (printedInPage < page.items.length) return { pageToken: page.pageToken, skip: printedInPage };
  return page.nextToken === undefined ? undefined : { pageToken: page.nextToken, skip: 0 };
}

/** `bedrock-jobs list`: returns the exit code. */
export async function listCommand(flags: Flags, io: Io, signal: AbortSignal): Promise<number> {
  const format = OUTPUT_FORMATS[outputFormat(flags.output, io.stdout.isTTY === true)];
  const maxItems = wholeNumber('max-items', flags['max-items'], 1);
  const pageSize = wholeNumber('page-size', flags['page-size'], 0);
  let start: Continuation = { pageToken: undefined, skip: 0 };
  try {
    if (flags['starting-token'] !== undefined) start = decodeContinuation(flags['starting-token']);
  } catch (error) {
    throw asUsageError(error as Error);
  }

  // The same jobs for a whole hour, so that a --starting-token from one demo run continues in the next.
  const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const emulator = flags.emulator ? await startEmulator({ jobs: { count: 2500, seed: 1, endingAt: hour } }) : undefined;
  const client = new BedrockClient(clientConfig(flags, emulator));
  const progress = new Progress(io.stderr);
  const countingClient = progress.wrap(client);
  try {
    let pages: AsyncIterable<Page<ModelCustomizationJobSummary>>;
    try {
      const filter = {
        statusEquals: flags['status-equals'],
        nameContains: flags['name-contains'],
        creationTimeAfter: flags['creation-time-after'] === undefined ? undefined : parseTimeFlag(flags['creation-time-after']),
        creationTimeBefore:
          flags['creation-time-before'] === undefined ? undefined : parseTimeFlag(flags['creation-time-before']),
        sortBy: flags['sort-by'],
        sortOrder: flags['sort-order'],
      };
      pages = paginateCustomizationJobs(filter as Parameters<typeof paginateCustomizationJobs>[0], {
        client: countingClient,
        pageSize,
        startingToken: start.pageToken,
        signal,
        retry: { onRetry: (event) => progress.retry(event) },
      }).pages({ maxItems: maxItems === undefined ? undefined : maxItems + start.skip });
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) throw asUsageError(error);
      throw error;
    }

    const write = async (text: string) => {
      if (text && !io.stdout.write(text)) await once(io.stdout, 'drain');
    };
    let printed = 0;
    let current: Page<ModelCustomizationJobSummary> | undefined;
    let printedInPage = 0;
    let failure: unknown;
    await write(format.header());
    try {
      for await (const page of pages) {
        printedInPage = current === undefined ? start.skip : 0;
        current = page;
        progress.clear();
        for (; printedInPage < page.items.length; printedInPage++) {
          // Writes to a pipe or a terminal block; a turn of the event loop now
          // and then lets Ctrl-C stop the run mid-page, where it was pressed.
          if (printedInPage % 64 === 63) await new Promise(setImmediate);
          signal.throwIfAborted();
          await write(format.item(page.items[printedInPage] as ModelCustomizationJobSummary, printed++));
        }
        progress.page(page.items.length);
      }
    } catch (error) {
      failure = error;
    }

    const next = continuationAfter(start, current, printedInPage);
    const cutShort = failure !== undefined || (maxItems !== undefined && printed >= maxItems);
    const token = cutShort && next ? encodeContinuation(next) : undefined;
    progress.clear();
    await write(format.footer(token));
    if (failure instanceof Interrupted || (failure !== undefined && signal.aborted)) {
      io.stderr.write('Interrupted.\n');
    } else if (failure !== undefined) {
      // One clear line; the stack only when asked for.
      io.stderr.write(`bedrock-jobs: ${failure instanceof Error ? failure.message : String(failure)}\n`);
      if (flags.debug && failure instanceof Error) io.stderr.write(`${failure.stack}\n`);
    }
    if (token) io.stderr.write(`Continue with: --starting-token ${token}\n`);
    if (failure === undefined) return 0;
    return signal.aborted ? 130 : 1;
  } finally {
    client.destroy();
    await emulator?.close();
  }
}
