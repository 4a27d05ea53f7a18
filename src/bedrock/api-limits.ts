/**
 * The limits that the ListModelCustomizationJobs API reference documents.
 * The SDK carries none of them, so both the iterator (to fail before any
 * request) and the emulator (to answer as the service does) check them here.
 */

export const MAX_RESULTS_MIN = 1;
export const MAX_RESULTS_MAX = 1000;

/**
 * A pattern as the API reference prints it, matched against the whole
 * value: the reference's patterns carry no anchors, and some have a
 * top-level `|`, which bare `^…$` would bind to its first and last
 * alternatives only.
 */
export function wholeMatch(source: string): RegExp {
  return new RegExp(`^(?:${source})$`);
}

/** The pattern as the API reference prints it, for messages: what {@link wholeMatch} was given. */
export function referencePattern(pattern: RegExp): string {
  const { source } = pattern;
  return source.startsWith('^(?:') && source.endsWith(')$') ? source.slice(4, -2) : source;
}

export const NAME_CONTAINS_MAX_LENGTH = 63;
/** `JobName`: the names of customization and import jobs. */
export const NAME_CONTAINS_PATTERN = wholeMatch('[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*');
/** `CustomModelName`: the names of custom models, and the target names of copy jobs. */
export const CUSTOM_MODEL_NAME_PATTERN = wholeMatch('([0-9a-zA-Z][_-]?){1,63}');
/** `ModelArn`: a custom model's ARN or a foundation model's, 20 to 1011 characters. */
export const MODEL_ARN_PATTERN = wholeMatch(
  'arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}))',
);
export const MODEL_ARN_LENGTH = [20, 1011] as const;

export const NEXT_TOKEN_MAX_LENGTH = 2048;
/** `PaginationToken`: the reference prints `\S*`. */
export const NEXT_TOKEN_PATTERN = wholeMatch('\\S*');

/**
 * ISO-8601 date-time as the SDK writes it into the query
 * (`2025-01-02T03:04:05.678Z`, or with an offset); a date alone is accepted
 * too, as midnight UTC.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds since the epoch, or `undefined` when `text` is not ISO-8601. */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  // Date.parse rolls 2025-02-30 over to March; the API rejects it.
  // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The first instant that a request can carry. The SDK writes a Date into
 * the query with `toISOString()`, which has a four-digit year only from
 * 0000 to 9999 and writes `+010000-…` or `-000001-…` outside them: a form
 * that the API's ISO-8601 parser does not take.
 */
export const EARLIEST_TIME = '0000-01-01T00:00:00Z';
/** The last instant that a request can carry; see {@link EARLIEST_TIME}. */
export const LATEST_TIME = '9999-12-31T23:59:59.999Z';

const EARLIEST_TIME_MS = Date.parse(EARLIEST_TIME);
const LATEST_TIME_MS = Date.parse(LATEST_TIME);

/** Whether the SDK would write this instant in the form the API takes: from {@link EARLIEST_TIME} to {@link LATEST_TIME}. */
export function isSendableTime(ms: number): boolean {
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS;
}
