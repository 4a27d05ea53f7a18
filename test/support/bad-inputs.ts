/**
 * Every rejected input, with the error it gets: the spec of eager
 * validation. test/bad-input.test.ts checks each one, and that docs/guide.md's
 * table is exactly this list.
 */
import type { ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import {
  AsyncChain,
  createPacer,
  type Listing,
  pipe,
  waitForCustomizationJob,
  waitForCustomizationJobs,
  waitForModelCopyJobs,
  waitForModelInvocationJob,
  watchCustomizationJobs,
} from '../../src/index.js';

export interface BadInput {
  /** What is wrong, as the table in docs/guide.md says it. */
  readonly what: string;
  readonly filter?: unknown;
  /** A plain object gets the stand-in client filled in; anything else is passed as it is. */
  readonly options?: unknown;
  /** For the other entry points: what is done with the listing that `filter` and `options` make; a promise it returns must reject. */
  readonly call?: (listing: Listing<ModelCustomizationJobSummary>) => unknown;
  readonly error: 'TypeError' | 'RangeError';
  readonly message: string;
}

/** The longest timer, as the messages name it. */
const TIMER_LIMIT = '2,147,483,647 (about 24.8 days, the longest timer Node keeps)';

/** The times a request can carry, as the messages name them. */
const TIME_RANGE = "a time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, the years that the API's ISO-8601 form takes";

/** What {@link CLIENT} was asked to send: bad input must add nothing. */
export const sent: unknown[] = [];

/** Stands for a valid client, and records what it is asked to send. */
export const CLIENT = {
  send: async (command: unknown) => {
    sent.push(command);
    return {};
  },
};

/** Options of a class of their own: not a plain object. */
class PagingOptions {
  readonly client = CLIENT;
  readonly pageSize = 10;
}

const SOURCE_RULE = 'an async iterable or an iterable object, such as an array, a generator, a stream or a listing';

const CASES: readonly BadInput[] = [
  // Enum fields with a wrong value
  {
    what: 'unknown status',
    filter: { statusEquals: 'Running' },
    error: 'RangeError',
    message: "filter.statusEquals must be one of Completed, Failed, InProgress, Stopped, Stopping; got 'Running'",
  },
  {
    what: 'status in the wrong case',
    filter: { statusEquals: 'completed' },
    error: 'RangeError',
    message: "filter.statusEquals must be one of Completed, Failed, InProgress, Stopped, Stopping; got 'completed'",
  },
  {
    what: 'unknown sort key',
    filter: { sortBy: 'Name' },
    error: 'RangeError',
    message: "filter.sortBy must be one of CreationTime; got 'Name'",
  },
  {
    what: 'unknown sort order',
    filter: { sortOrder: 'descending' },
    error: 'RangeError',
    message: "filter.sortOrder must be one of Ascending, Descending; got 'descending'",
  },
  // Wrong types from JavaScript callers
  {
    what: 'a number for a status',
    filter: { statusEquals: 3 },
    error: 'TypeError',
    message: 'filter.statusEquals must be one of Completed, Failed, InProgress, Stopped, Stopping; got 3',
  },
  {
    what: 'null for a status',
    filter: { statusEquals: null },
    error: 'TypeError',
    message: 'filter.statusEquals must be one of Completed, Failed, InProgress, Stopped, Stopping; got null',
  },
  {
    what: 'a number for a sort order',
    filter: { sortOrder: 1 },
    error: 'TypeError',
    message: 'filter.sortOrder must be one of Ascending, Descending; got 1',
  },
  {
    what: 'a number for a name',
    filter: { nameContains: 42 },
    error: 'TypeError',
    message: 'filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got 42',
  },
  {
    what: 'an array for a name',
    filter: { nameContains: ['a'] },
    error: 'TypeError',
    message: "filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got [ 'a' ]",
  },
  {
    what: 'null for the filter',
    filter: null,
    error: 'TypeError',
    message: 'filter must be a plain object or undefined; got null',
  },
  {
    what: 'an array for the filter',
    filter: [],
    error: 'TypeError',
    message: 'filter must be a plain object or undefined; got []',
  },
  {
    what: 'a string for the filter',
    filter: 'Failed',
    error: 'TypeError',
    message: "filter must be a plain object or undefined; got 'Failed'",
  },
  {
    what: 'a Date for the filter',
    filter: new Date('2026-01-01T00:00:00Z'),
    error: 'TypeError',
    message: 'filter must be a plain object or undefined; got Date(2026-01-01T00:00:00.000Z)',
  },
  {
    what: 'a Map for the filter',
    filter: new Map([['statusEquals', 'Failed']]),
    error: 'TypeError',
    message: "filter must be a plain object or undefined; got Map(1) { 'statusEquals' => 'Failed' }",
  },
  // Invalid dates
  {
    what: 'a time that is not ISO-8601',
    filter: { creationTimeAfter: 'yesterday' },
    error: 'RangeError',
    message: "filter.creationTimeAfter must be a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z; got 'yesterday'",
  },
  {
    what: 'an invalid Date',
    filter: { creationTimeBefore: new Date('nope') },
    error: 'RangeError',
    message:
      'filter.creationTimeBefore must be a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z; got Invalid Date',
  },
  {
    what: 'a day that does not exist',
    filter: { creationTimeBefore: '2026-02-30T00:00:00Z' },
    error: 'RangeError',
    message:
      "filter.creationTimeBefore must be a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z; got '2026-02-30T00:00:00Z'",
  },
  {
    what: 'an epoch number for a time',
    filter: { creationTimeAfter: 1735689600000 },
    error: 'TypeError',
    message:
      'filter.creationTimeAfter must be a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z; got 1735689600000',
  },
  {
    what: 'null for a time',
    filter: { creationTimeAfter: null },
    error: 'TypeError',
    message: 'filter.creationTimeAfter must be a valid Date or an ISO-8601 string such as 2026-01-31T12:00:00Z; got null',
  },
  {
    what: 'a Date in year 10000',
    filter: { creationTimeBefore: new Date('+010000-01-01T00:00:00Z') },
    error: 'RangeError',
    message: `filter.creationTimeBefore must be ${TIME_RANGE}; got Date(+010000-01-01T00:00:00.000Z)`,
  },
  {
    what: 'a Date before year 0000',
    filter: { creationTimeAfter: new Date('-000001-12-31T23:59:59.999Z') },
    error: 'RangeError',
    message: `filter.creationTimeAfter must be ${TIME_RANGE}; got Date(-000001-12-31T23:59:59.999Z)`,
  },
  {
    what: 'a time in year 9999 that is in year 10000 in UTC',
    filter: { creationTimeBefore: '9999-12-31T23:00:00-05:00' },
    error: 'RangeError',
    message: `filter.creationTimeBefore must be ${TIME_RANGE}; got '9999-12-31T23:00:00-05:00'`,
  },
  {
    what: 'a time in year 0000 that is before it in UTC',
    filter: { creationTimeAfter: '0000-01-01T00:30:00+01:00' },
    error: 'RangeError',
    message: `filter.creationTimeAfter must be ${TIME_RANGE}; got '0000-01-01T00:30:00+01:00'`,
  },
  // Reversed time windows
  {
    what: 'a reversed time window',
    filter: { creationTimeAfter: '2026-02-01T00:00:00Z', creationTimeBefore: new Date('2026-01-01T00:00:00Z') },
    error: 'RangeError',
    message:
      'filter.creationTimeAfter must be earlier than filter.creationTimeBefore; got Date(2026-02-01T00:00:00.000Z) and Date(2026-01-01T00:00:00.000Z)',
  },
  {
    what: 'an empty time window',
    filter: { creationTimeAfter: '2026-01-01T00:00:00Z', creationTimeBefore: '2026-01-01T00:00:00Z' },
    error: 'RangeError',
    message:
      'filter.creationTimeAfter must be earlier than filter.creationTimeBefore; got Date(2026-01-01T00:00:00.000Z) and Date(2026-01-01T00:00:00.000Z)',
  },
  // Names off the API's pattern
  {
    what: 'an empty name',
    filter: { nameContains: '' },
    error: 'RangeError',
    message: "filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got ''",
  },
  {
    what: 'a name over 63 characters',
    filter: { nameContains: 'x'.repeat(64) },
    error: 'RangeError',
    message: `filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got '${'x'.repeat(64)}'`,
  },
  {
    what: 'a name with a space',
    filter: { nameContains: 'my job' },
    error: 'RangeError',
    message: "filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got 'my job'",
  },
  {
    what: 'a name with an underscore',
    filter: { nameContains: 'my_job' },
    error: 'RangeError',
    message: "filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got 'my_job'",
  },
  {
    what: 'a name starting with a hyphen',
    filter: { nameContains: '-job' },
    error: 'RangeError',
    message: "filter.nameContains must be 1 to 63 characters matching [a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*; got '-job'",
  },
  // Page sizes
  {
    what: 'page size 0',
    options: { pageSize: 0 },
    error: 'RangeError',
    message: 'options.pageSize must be a whole number from 1 to 1000; got 0',
  },
  {
    what: 'page size 1001',
    options: { pageSize: 1001 },
    error: 'RangeError',
    message: 'options.pageSize must be a whole number from 1 to 1000; got 1001',
  },
  {
    what: 'page size 2.5',
    options: { pageSize: 2.5 },
    error: 'RangeError',
    message: 'options.pageSize must be a whole number from 1 to 1000; got 2.5',
  },
  {
    what: 'page size NaN',
    options: { pageSize: Number.NaN },
    error: 'RangeError',
    message: 'options.pageSize must be a whole number from 1 to 1000; got NaN',
  },
  {
    what: "page size '10'",
    options: { pageSize: '10' },
    error: 'TypeError',
    message: "options.pageSize must be a whole number from 1 to 1000; got '10'",
  },
  // Unknown keys
  {
    what: 'a misspelt filter key',
    filter: { statusEqual: 'Failed' },
    error: 'TypeError',
    message:
      "filter has an unknown key 'statusEqual'. Did you mean 'statusEquals'? Allowed keys: creationTimeAfter, creationTimeBefore, statusEquals, nameContains, sortBy, sortOrder",
  },
  {
    what: 'a paging member in the filter',
    filter: { maxResults: 10 },
    error: 'TypeError',
    message:
      "filter has an unknown key 'maxResults'. Allowed keys: creationTimeAfter, creationTimeBefore, statusEquals, nameContains, sortBy, sortOrder",
  },
  {
    what: 'a misspelt option',
    options: { pagesize: 10 },
    error: 'TypeError',
    message:
      "options has an unknown key 'pagesize'. Did you mean 'pageSize'? Allowed keys: client, dedupe, pageSize, startingToken, signal, retry, prefetch, requestTimeout, pacer, regions, clients, onSourceError, onSourceSkipped",
  },
  {
    what: 'an option from another paginator',
    options: { maxItems: 10 },
    error: 'TypeError',
    message:
      "options has an unknown key 'maxItems'. Allowed keys: client, dedupe, pageSize, startingToken, signal, retry, prefetch, requestTimeout, pacer, regions, clients, onSourceError, onSourceSkipped",
  },
  {
    what: 'a misspelt retry option',
    options: { retry: { retrys: 3 } },
    error: 'TypeError',
    message:
      "options.retry has an unknown key 'retrys'. Did you mean 'retries'? Allowed keys: retries, minTimeout, maxTimeout, factor, randomize, maxRetryTime, onRetry",
  },
  // The client
  {
    what: 'a client without send',
    options: { client: {} },
    error: 'TypeError',
    message: 'options.client must be an SDK client with a send method, such as new BedrockClient(); got {}',
  },
  {
    what: 'null for the client',
    options: { client: null },
    error: 'TypeError',
    message: 'options.client must be an SDK client with a send method, such as new BedrockClient(); got null',
  },
  // The other options
  {
    what: 'null for the options',
    options: null,
    error: 'TypeError',
    message: 'options must be a plain object or undefined; got null',
  },
  {
    what: 'a class instance for the options',
    options: new PagingOptions(),
    error: 'TypeError',
    message: 'options must be a plain object or undefined; got PagingOptions { client: [Object], pageSize: 10 }',
  },
  {
    what: 'an empty starting token',
    options: { startingToken: '' },
    error: 'RangeError',
    message:
      "options.startingToken must be a token from a page's nextToken or an error's resumeToken: 1 to 2048 characters, no white space; got ''",
  },
  {
    what: 'a number for a starting token',
    options: { startingToken: 42 },
    error: 'TypeError',
    message:
      "options.startingToken must be a token from a page's nextToken or an error's resumeToken: 1 to 2048 characters, no white space; got 42",
  },
  {
    what: 'a signal that is not an AbortSignal',
    options: { signal: {} },
    error: 'TypeError',
    message: 'options.signal must be an AbortSignal; got {}',
  },
  {
    what: 'a negative prefetch',
    options: { prefetch: -1 },
    error: 'RangeError',
    message: 'options.prefetch must be a whole number of pages from 0 to 100; got -1',
  },
  {
    what: 'a prefetch of 101',
    options: { prefetch: 101 },
    error: 'RangeError',
    message: 'options.prefetch must be a whole number of pages from 0 to 100; got 101',
  },
  {
    what: 'a prefetch of 1,000,000',
    options: { prefetch: 1_000_000 },
    error: 'RangeError',
    message: 'options.prefetch must be a whole number of pages from 0 to 100; got 1000000',
  },
  {
    what: 'a string for prefetch',
    options: { prefetch: '2' },
    error: 'TypeError',
    message: "options.prefetch must be a whole number of pages from 0 to 100; got '2'",
  },
  {
    what: 'a request timeout of 0',
    options: { requestTimeout: 0 },
    error: 'RangeError',
    message: `options.requestTimeout must be a number of ms > 0 and at most ${TIMER_LIMIT}, or Infinity; got 0`,
  },
  {
    what: 'a request timeout of 30 days',
    options: { requestTimeout: 30 * 24 * 3600 * 1000 },
    error: 'RangeError',
    message: `options.requestTimeout must be a number of ms > 0 and at most ${TIMER_LIMIT}, or Infinity; got 2592000000`,
  },
  {
    what: 'a request timeout of 2^31 ms',
    options: { requestTimeout: 2 ** 31 },
    error: 'RangeError',
    message: `options.requestTimeout must be a number of ms > 0 and at most ${TIMER_LIMIT}, or Infinity; got 2147483648`,
  },
  {
    what: 'a string for dedupe',
    options: { dedupe: 'yes' },
    error: 'TypeError',
    message: "options.dedupe must be a boolean; got 'yes'",
  },
  {
    what: 'true for retry',
    options: { retry: true },
    error: 'TypeError',
    message: 'options.retry must be a plain object or undefined; got true',
  },
  {
    what: 'a Map for retry',
    options: { retry: new Map([['retries', 3]]) },
    error: 'TypeError',
    message: "options.retry must be a plain object or undefined; got Map(1) { 'retries' => 3 }",
  },
  {
    what: 'negative retries',
    options: { retry: { retries: -1 } },
    error: 'RangeError',
    message: 'options.retry.retries must be a whole number ≥ 0, or Infinity; got -1',
  },
  {
    what: 'a string for minTimeout',
    options: { retry: { minTimeout: '5' } },
    error: 'TypeError',
    message: `options.retry.minTimeout must be a number of ms from 0 to ${TIMER_LIMIT}; got '5'`,
  },
  {
    what: 'a minTimeout of 2^31 ms',
    options: { retry: { minTimeout: 2 ** 31 } },
    error: 'RangeError',
    message: `options.retry.minTimeout must be a number of ms from 0 to ${TIMER_LIMIT}; got 2147483648`,
  },
  {
    what: 'an infinite minTimeout',
    options: { retry: { minTimeout: Number.POSITIVE_INFINITY } },
    error: 'RangeError',
    message: `options.retry.minTimeout must be a number of ms from 0 to ${TIMER_LIMIT}; got Infinity`,
  },
  {
    what: 'a maxTimeout of 30 days',
    options: { retry: { maxTimeout: 30 * 24 * 3600 * 1000 } },
    error: 'RangeError',
    message: `options.retry.maxTimeout must be a number of ms from 0 to ${TIMER_LIMIT}, or Infinity; got 2592000000`,
  },
  {
    what: 'a factor of 0',
    options: { retry: { factor: 0 } },
    error: 'RangeError',
    message: 'options.retry.factor must be a finite number > 0; got 0',
  },
  {
    what: 'a string for randomize',
    options: { retry: { randomize: 'yes' } },
    error: 'TypeError',
    message: "options.retry.randomize must be a boolean; got 'yes'",
  },
  {
    what: 'a string for onRetry',
    options: { retry: { onRetry: 'log' } },
    error: 'TypeError',
    message: "options.retry.onRetry must be a function; got 'log'",
  },
  // The listing's pages, and the functions that take a source
  {
    what: '`pages(null)`',
    call: (listing) => listing.pages(null as never),
    error: 'TypeError',
    message: 'pages(options): options must be a plain object or undefined; got null',
  },
  {
    what: '`pages({ bogus: 1 })`',
    call: (listing) => listing.pages({ bogus: 1 } as never),
    error: 'TypeError',
    message: "pages(options): options has an unknown key 'bogus'. Allowed keys: maxItems",
  },
  {
    what: '`pages({ maxItem: 5 })`',
    call: (listing) => listing.pages({ maxItem: 5 } as never),
    error: 'TypeError',
    message: "pages(options): options has an unknown key 'maxItem'. Did you mean 'maxItems'? Allowed keys: maxItems",
  },
  {
    what: "`pages({ maxItems: '5' })`",
    call: (listing) => listing.pages({ maxItems: '5' as never }),
    error: 'TypeError',
    message: "pages(options): options.maxItems must be a whole number ≥ 0; got '5'",
  },
  {
    what: '`pages({ maxItems: -1 })`',
    call: (listing) => listing.pages({ maxItems: -1 }),
    error: 'RangeError',
    message: 'pages(options): options.maxItems must be a whole number ≥ 0; got -1',
  },
  {
    what: "`pipe(listing, 'x')`",
    call: (listing) => pipe(listing, 'x' as never),
    error: 'TypeError',
    message:
      "pipe(source, ...operators): operators[0] must be an operator: a function from a source to a chain, as map(fn) or take(n) return; got 'x'",
  },
  {
    what: '`pipe(42)`',
    call: () => pipe(42 as never),
    error: 'TypeError',
    message: `pipe(source, ...operators): source must be ${SOURCE_RULE}; got 42`,
  },
  {
    what: "`AsyncChain.from('abc')`",
    call: () => AsyncChain.from('abc' as never),
    error: 'TypeError',
    message: `AsyncChain.from(source): source must be ${SOURCE_RULE}; got 'abc'`,
  },
  // Watches and waits: their own options, and the jobs a wait is given
  {
    what: 'a watch polling every −1 ms',
    call: () => watchCustomizationJobs({}, { client: CLIENT, interval: -1 }),
    error: 'RangeError',
    message: `options.interval must be a number of ms from 0 to ${TIMER_LIMIT}; got -1`,
  },
  {
    what: "a watch interval of '30s'",
    call: () => watchCustomizationJobs({}, { client: CLIENT, interval: '30s' as never }),
    error: 'TypeError',
    message: `options.interval must be a number of ms from 0 to ${TIMER_LIMIT}; got '30s'`,
  },
  {
    what: 'a watch interval of 2^31 ms',
    call: () => watchCustomizationJobs({}, { client: CLIENT, interval: 2 ** 31 }),
    error: 'RangeError',
    message: `options.interval must be a number of ms from 0 to ${TIMER_LIMIT}; got 2147483648`,
  },
  {
    what: "a watch's initial that is not a boolean",
    call: () => watchCustomizationJobs({}, { client: CLIENT, initial: 'no' as never }),
    error: 'TypeError',
    message: "options.initial must be a boolean; got 'no'",
  },
  {
    what: 'a watch timeout of 0',
    call: () => watchCustomizationJobs({}, { client: CLIENT, timeout: 0 }),
    error: 'RangeError',
    message: `options.timeout must be a number of ms > 0 and at most ${TIMER_LIMIT}, or Infinity; got 0`,
  },
  {
    what: 'an onPollError that is not a function',
    call: () => watchCustomizationJobs({}, { client: CLIENT, onPollError: 'log' as never }),
    error: 'TypeError',
    message: "options.onPollError must be a function (error) => void; got 'log'",
  },
  {
    what: 'a watch given a startingToken (a watch starts from the current state)',
    call: () => watchCustomizationJobs({}, { client: CLIENT, startingToken: 'abc' } as never),
    error: 'TypeError',
    message:
      "options has an unknown key 'startingToken'. Allowed keys: pageSize, signal, retry, prefetch, requestTimeout, pacer, client, regions, clients, interval, initial, timeout, onPollError",
  },
  {
    what: "a watch's filter with an unknown status",
    call: () => watchCustomizationJobs({ statusEquals: 'Running' as never }, { client: CLIENT }),
    error: 'RangeError',
    message: "filter.statusEquals must be one of Completed, Failed, InProgress, Stopped, Stopping; got 'Running'",
  },
  {
    what: 'jobs to wait for given as a string, not an array',
    call: () => waitForCustomizationJobs('job-a' as never, { client: CLIENT }),
    error: 'TypeError',
    message:
      "identifiers must be an array of 1 to 1000 identifiers: the ARN of a customization job (arn:aws:bedrock:…), or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit); got 'job-a'",
  },
  {
    what: 'no jobs to wait for',
    call: () => waitForCustomizationJobs([], { client: CLIENT }),
    error: 'RangeError',
    message:
      'identifiers must be an array of 1 to 1000 identifiers: the ARN of a customization job (arn:aws:bedrock:…), or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit); got []',
  },
  {
    what: '1,001 jobs to wait for',
    call: () =>
      waitForCustomizationJobs(
        Array.from({ length: 1001 }, (_, index) => `job-${index}`),
        { client: CLIENT },
      ),
    error: 'RangeError',
    message:
      "identifiers must be an array of 1 to 1000 identifiers: the ARN of a customization job (arn:aws:bedrock:…), or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit); got [ 'job-0', 'job-1', 'job-2', 'job-3', 'job-4', ... 996 more items ]",
  },
  {
    what: 'a job name with a space',
    call: () => waitForCustomizationJob('my job', { client: CLIENT }),
    error: 'RangeError',
    message:
      "identifier must be the ARN of a customization job (arn:aws:bedrock:…), or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit); got 'my job'",
  },
  {
    what: 'a job identifier that is a number',
    call: () => waitForCustomizationJob(42 as never, { client: CLIENT }),
    error: 'TypeError',
    message:
      'identifier must be the ARN of a customization job (arn:aws:bedrock:…), or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit); got 42',
  },
  {
    what: 'an ARN of another service',
    call: () => waitForCustomizationJob('arn:aws:s3:::bucket', { client: CLIENT }),
    error: 'RangeError',
    message:
      "identifier must be the ARN of a customization job (arn:aws:bedrock:…), or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit); got 'arn:aws:s3:::bucket'",
  },
  {
    what: 'a copy job named by anything but its ARN (its Get takes only the ARN)',
    call: () => waitForModelCopyJobs(['copy-a'], { client: CLIENT }),
    error: 'RangeError',
    message: "identifiers[0] must be the ARN of a model copy job (arn:aws:bedrock:…); got 'copy-a'",
  },
  {
    what: 'a batch inference job ID that is not 12 lower-case letters and digits',
    call: () => waitForModelInvocationJob('ABC', { client: CLIENT }),
    error: 'RangeError',
    message:
      "identifier must be the ARN of a batch inference job (arn:aws:bedrock:…), or the 12-character job ID that ends its ARN; got 'ABC'",
  },
  {
    what: 'an onChange that is not a function',
    call: () => waitForCustomizationJob('job-a', { client: CLIENT, onChange: true as never }),
    error: 'TypeError',
    message: 'options.onChange must be a function (event) => void; got true',
  },
  {
    what: "a wait's misspelt option",
    call: () => waitForCustomizationJob('job-a', { client: CLIENT, intervall: 5 } as never),
    error: 'TypeError',
    message:
      "options has an unknown key 'intervall'. Did you mean 'interval'? Allowed keys: client, signal, retry, requestTimeout, pageSize, pacer, interval, timeout, onChange",
  },
  {
    what: 'a wait timeout of −5 ms',
    call: () => waitForCustomizationJob('job-a', { client: CLIENT, timeout: -5 }),
    error: 'RangeError',
    message: `options.timeout must be a number of ms > 0 and at most ${TIMER_LIMIT}, or Infinity; got -5`,
  },
  // Pacers
  {
    what: 'a pacer rate of 0',
    call: () => createPacer({ ratePerSecond: 0 }),
    error: 'RangeError',
    message: 'createPacer(options): options.ratePerSecond must be a number of requests a second > 0 and at most 10,000; got 0',
  },
  {
    what: "a pacer rate of '5'",
    call: () => createPacer({ ratePerSecond: '5' as never }),
    error: 'TypeError',
    message: "createPacer(options): options.ratePerSecond must be a number of requests a second > 0 and at most 10,000; got '5'",
  },
  {
    what: 'a pacer rate of 20,000 a second',
    call: () => createPacer({ ratePerSecond: 20_000 }),
    error: 'RangeError',
    message:
      'createPacer(options): options.ratePerSecond must be a number of requests a second > 0 and at most 10,000; got 20000',
  },
  {
    what: 'a burst without a rate',
    call: () => createPacer({ burst: 5 }),
    error: 'TypeError',
    message:
      'createPacer(options): options.burst must be left out unless ratePerSecond is given: an adaptive pacer finds its own; got 5',
  },
  {
    what: 'a burst of 2.5',
    call: () => createPacer({ ratePerSecond: 5, burst: 2.5 }),
    error: 'RangeError',
    message: 'createPacer(options): options.burst must be a whole number of requests from 1 to 10,000; got 2.5',
  },
  {
    what: "a pacer's misspelt option",
    call: () => createPacer({ rate: 5 } as never),
    error: 'TypeError',
    message: "createPacer(options): options has an unknown key 'rate'. Allowed keys: ratePerSecond, burst",
  },
  {
    what: 'a pacer that createPacer did not make',
    options: { pacer: {} },
    error: 'TypeError',
    message: 'options.pacer must be a pacer made by createPacer(); got {}',
  },
];

const isPlain = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** With a valid client filled in wherever a case does not set its own. */
export const BAD_INPUTS: readonly BadInput[] = CASES.map((input) => ({
  ...input,
  options:
    input.options === undefined || isPlain(input.options) ? { client: CLIENT, ...(input.options as object) } : input.options,
}));

/** The table in docs/guide.md, as this list renders it. */
export function badInputTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    '| input | error |',
    '|---|---|',
    ...BAD_INPUTS.map((input) => `| ${cell(input.what)} | \`${input.error}: ${cell(input.message)}\` |`),
  ].join('\n');
}
