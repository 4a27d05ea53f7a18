/**
 * Any kind's list operation, from its declaration: the query read by the
 * SDK schema's wire names and member types, checked against the kind's
 * `filters` table (the same rules the library checks) in AWS's wording,
 * filtered by each rule's `match`, sorted by the kind's time field and
 * paged by signed tokens bound to the query.
 */
import {
  MAX_RESULTS_MAX,
  MAX_RESULTS_MIN,
  NEXT_TOKEN_MAX_LENGTH,
  NEXT_TOKEN_PATTERN,
  parseIsoTime,
  referencePattern,
} from '../bedrock/api-limits.js';
import { type AnyListingKind, type FilterRule, queryNames } from '../bedrock/listing-kind.js';
import { Violations } from './api-error.js';
import type { KindStore, StoredItem } from './kind-store.js';
import { decodePageToken, encodePageToken, type KeyPosition, queryKey } from './page-token.js';

/**
 * The page size when a request names none. The API reference documents no default; this is the emulator's.
 *
 * @example
 * ```ts
 * import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
 * import { DEFAULT_MAX_RESULTS, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const emulator = await startEmulator({ jobs: { count: 250 } });
 * const client = new BedrockClient({
 *   endpoint: emulator.url,
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
 * });
 * const page = await client.send(new ListModelCustomizationJobsCommand({}));
 * console.log(page.modelCustomizationJobSummaries?.length === DEFAULT_MAX_RESULTS); // true
 * await emulator.close();
 * ```
 */
export const DEFAULT_MAX_RESULTS = 100;

/**
 * How the emulator's tokens mark the next page: by the last item's key
 * (`keyset`, the default: items created meanwhile change nothing), or by a
 * count of matching items to skip (`offset`, as some services do: an item
 * created meanwhile shifts the rest, and one item comes twice).
 *
 * @example
 * ```ts
 * import { startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * // To test a consumer against a service whose tokens are offsets, as `dedupe` is for.
 * const emulator = await startEmulator({ jobs: { count: 500 }, tokenStyle: 'offset' });
 * await emulator.close();
 * ```
 */
export type TokenStyle = 'keyset' | 'offset';

/** A filter value as the query carries it, parsed by its schema type: a time in ms, a boolean or a string. */
type FilterValue = string | number | boolean;

export interface ListQuery {
  /** The kind's filter fields that were sent, by member name, with `sortBy` and `sortOrder` defaulted. */
  readonly filter: Readonly<Record<string, FilterValue>>;
  readonly maxResults: number;
  readonly nextToken?: string;
}

/** The SDK schema's type codes of the members a list request carries. */
const SCHEMA_TYPE = { string: 0, integer: 1, boolean: 2, timestamp: 5 } as const;

/** Each request member's schema type code, from the SDK's request schema. */
function memberTypes(kind: AnyListingKind): Readonly<Record<string, number>> {
  const members = kind.schemas.request[4] as readonly string[];
  const schemas = kind.schemas.request[5] as readonly unknown[];
  return Object.fromEntries(
    members.map((member, index) => {
      const schema = schemas[index];
      return [member, (Array.isArray(schema) ? schema[0] : schema) as number];
    }),
  );
}

/** A string member's constraints, in AWS's words: length, then pattern. */
function checkText(violations: Violations, field: string, value: string, min: number, max: number, pattern: RegExp): void {
  if (value.length < min) violations.add(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max) violations.add(field, value, `Member must have length less than or equal to ${max}`);
  if (value.length > 0 && !pattern.test(value)) {
    violations.add(field, value, `Member must satisfy regular expression pattern: ${referencePattern(pattern)}`);
  }
}

/** One filter field's text, parsed by its schema type and checked against its rule; `undefined` when it breaks them. */
function parseFilterValue(violations: Violations, field: string, text: string, type: number, rule: FilterRule) {
  if (type === SCHEMA_TYPE.timestamp) {
    const ms = parseIsoTime(text);
    if (ms === undefined) violations.add(field, text, 'Member must be a timestamp in ISO-8601 format');
    return ms;
  }
  if (type === SCHEMA_TYPE.boolean) {
    if (text === 'true' || text === 'false') return text === 'true';
    violations.add(field, text, 'Member must be a boolean: true or false');
    return undefined;
  }
  if (rule.type === 'enum' && !rule.values.includes(text)) {
    violations.add(field, text, `Member must satisfy enum value set: [${rule.values.join(', ')}]`);
  } else if (rule.type === 'text') {
    checkText(violations, field, text, rule.minLength, rule.maxLength, rule.pattern);
  }
  return text;
}

/**
 * Reads and checks a kind's query string as the service does, reporting
 * every violation at once in AWS's own wording. Each member is read by its
 * wire name (`outputModelNameContains` for `targetModelNameContains`) and
 * named in messages by its member name.
 */
export function parseListQuery(kind: AnyListingKind, params: URLSearchParams): ListQuery {
  const violations = new Violations();
  const wire = queryNames(kind);
  const types = memberTypes(kind);
  const param = (member: string) => params.get(wire[member] ?? member) ?? undefined;

  const filter: Record<string, FilterValue> = {};
  for (const [member, rule] of Object.entries(kind.filters as Readonly<Record<string, FilterRule>>)) {
    const text = param(member);
    if (text === undefined) continue;
    const value = parseFilterValue(violations, member, text, types[member] ?? SCHEMA_TYPE.string, rule);
    if (value !== undefined) filter[member] = value;
  }
  // The defaults go into the filter, so that a token binds to the same query whether or not they were sent.
  const sortBy = (kind.filters as Readonly<Record<string, FilterRule>>).sortBy;
  if (filter.sortBy === undefined && sortBy?.type === 'enum' && sortBy.values[0]) filter.sortBy = sortBy.values[0];
  filter.sortOrder ??= 'Descending';

  let maxResults = DEFAULT_MAX_RESULTS;
  const maxResultsText = param('maxResults');
  if (maxResultsText !== undefined) {
    maxResults = /^-?\d+$/.test(maxResultsText) ? Number(maxResultsText) : Number.NaN;
    if (Number.isNaN(maxResults)) violations.add('maxResults', maxResultsText, 'Member must be an integer');
    else if (maxResults < MAX_RESULTS_MIN) {
      violations.add('maxResults', maxResultsText, `Member must have value greater than or equal to ${MAX_RESULTS_MIN}`);
    } else if (maxResults > MAX_RESULTS_MAX) {
      violations.add('maxResults', maxResultsText, `Member must have value less than or equal to ${MAX_RESULTS_MAX}`);
    }
  }

  const nextToken = param('nextToken');
  if (nextToken !== undefined) checkText(violations, 'nextToken', nextToken, 1, NEXT_TOKEN_MAX_LENGTH, NEXT_TOKEN_PATTERN);

  violations.throwIfAny();
  return { filter, maxResults, ...(nextToken === undefined ? {} : { nextToken }) };
}

/** Whether an item passes every filter that was sent, by each rule's `match`; `accountId` is the calling account. */
function matcher(kind: AnyListingKind, filter: ListQuery['filter'], accountId: string) {
  const tests: ((stored: StoredItem<object>) => boolean)[] = [];
  const rules = kind.filters as Readonly<Record<string, FilterRule>>;
  for (const [member, value] of Object.entries(filter)) {
    const rule = rules[member];
    if (rule?.type === 'time') {
      const bound = value as number;
      tests.push(rule.bound === 'after' ? (stored) => stored.timeMs > bound : (stored) => stored.timeMs < bound);
      continue;
    }
    const match = rule && 'match' in rule ? rule.match : undefined;
    if (!match) continue;
    const field = (stored: StoredItem<object>) => (stored.item as Record<string, unknown>)[match.field];
    if (match.how === 'equals') tests.push((stored) => field(stored) === value);
    else if (match.how === 'contains') tests.push((stored) => String(field(stored) ?? '').includes(value as string));
    // An item that names no owner is the calling account's own.
    else tests.push((stored) => ((field(stored) ?? accountId) === accountId) === value);
  }
  return (stored: StoredItem<object>) => tests.every((test) => test(stored));
}

function comparePosition(stored: StoredItem<object>, position: KeyPosition): number {
  return stored.timeMs - position.timeMs || (stored.arn < position.arn ? -1 : stored.arn > position.arn ? 1 : 0);
}

/** How many items sort before `position`, in ascending order; with `orAt`, those equal to it too. */
function countBefore(items: readonly StoredItem<object>[], position: KeyPosition, orAt: boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = comparePosition(items[middle] as StoredItem<object>, position);
    if (order < 0 || (orAt && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface ListPage {
  readonly items: readonly StoredItem<object>[];
  nextToken?: string;
}

/** The response body, built from each item's cached JSON, under the kind's items key. */
export function listPageJson(store: KindStore<object>, page: ListPage): string {
  const summaries = `${JSON.stringify(store.kind.itemsKey)}:[${page.items.map((item) => store.summaryJson(item)).join(',')}]`;
  return page.nextToken === undefined ? `{${summaries}}` : `{"nextToken":${JSON.stringify(page.nextToken)},${summaries}}`;
}

/** One page of a kind's list operation. */
export function listPage(
  store: KindStore<object>,
  query: ListQuery,
  accountId: string,
  tokenStyle: TokenStyle = 'keyset',
): ListPage {
  const { kind } = store;
  const { filter } = query;
  // The operation is part of the key: a token of one listing is no good for another.
  const key = queryKey({ operation: kind.operation, ...filter });
  const position = query.nextToken === undefined ? undefined : decodePageToken(query.nextToken, key);
  const matches = matcher(kind, filter, accountId);

  const items = store.ascending();
  const ascending = filter.sortOrder === 'Ascending';
  const step = ascending ? 1 : -1;
  let index: number;
  let skip = 0;
  if (position === undefined || 'offset' in position) {
    index = ascending ? 0 : items.length - 1;
    skip = position?.offset ?? 0;
  } else if (ascending) index = countBefore(items, position, true);
  else index = countBefore(items, position, false) - 1;

  const page: StoredItem<object>[] = [];
  let more = false;
  for (; index >= 0 && index < items.length; index += step) {
    const stored = items[index] as StoredItem<object>;
    if (!matches(stored)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    if (page.length === query.maxResults) {
      more = true;
      break;
    }
    page.push(stored);
  }

  const result: ListPage = { items: page };
  const last = page.at(-1);
  if (more && last) {
    const offset = (position && 'offset' in position ? position.offset : 0) + page.length;
    const next = tokenStyle === 'offset' ? { offset } : { timeMs: last.timeMs, arn: last.arn };
    result.nextToken = encodePageToken(key, next);
  }
  return result;
}
