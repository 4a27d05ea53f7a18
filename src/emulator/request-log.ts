import type { Failure } from './faults.js';

/**
 * How many requests {@link Emulator.requests} keeps by default: the latest
 * 1,000. A test that reads more sets the `requestLogSize` option of
 * `startEmulator`; a long-running emulator that reads none sets it to 0.
 *
 * @example
 * ```ts
 * import { DEFAULT_REQUEST_LOG_SIZE, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * // A listing of 5,000 one-job pages: keep a record of every request.
 * const emulator = await startEmulator({ jobs: { count: 5000 }, requestLogSize: 5000 });
 * console.log(`${DEFAULT_REQUEST_LOG_SIZE} by default; this one keeps 5000`);
 * await emulator.close();
 * ```
 */
export const DEFAULT_REQUEST_LOG_SIZE = 1000;

/**
 * One request the emulator received, in the order they arrived: what a test
 * asserts on to see what the client really sent.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ jobs: { count: 30 } });
 * // ... list the jobs with a client against emulator.url, 10 a page ...
 * const sizes = emulator.requests.filter((r) => r.operation === 'ListModelCustomizationJobs').map((r) => r.query.maxResults);
 * await emulator.close();
 * ```
 */
export interface RequestRecord {
  /** The HTTP method, as sent. */
  readonly method: string;
  /** The path, without the query string, still percent-encoded. */
  readonly path: string;
  /** The query parameters, decoded. */
  readonly query: Readonly<Record<string, string>>;
  /** The operation the route names, when it names one. */
  readonly operation?: string;
  /** The `x-amzn-requestid` it answered with. */
  readonly requestId: string;
  /** The HTTP status it answered with: `undefined` while in flight, `0` when the connection closed unanswered. */
  status: number | undefined;
  /** The fault injected into it, if any. */
  fault?: Failure;
  /**
   * With the `regions` or `accounts` option: the region that answered it,
   * from its credential scope; absent when none did (an unknown region or
   * access key, an unsigned request).
   */
  region?: string;
  /** With the `regions` or `accounts` option: the account that answered it, as `region` is. */
  accountId?: string;
}

/**
 * Appends `record` to `log`, dropping the oldest records beyond `size`, so
 * that an emulator serving for hours holds a bounded log (every record keeps
 * its query, up to the 16 KB that Node lets a request line carry).
 * `log` stays a plain array, so that callers index, filter and clear it as
 * before.
 */
export function appendToLog(log: RequestRecord[], record: RequestRecord, size: number): void {
  if (size === 0) return;
  log.push(record);
  // One record in, one out: shift() is cheap at the default size.
  while (log.length > size) log.shift();
}
