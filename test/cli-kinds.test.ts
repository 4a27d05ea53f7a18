import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LISTING_KINDS } from '../src/bedrock/kinds/index.js';
import { type AnyListingKind, type FilterRule, queryNames } from '../src/bedrock/listing-kind.js';
import { paginatorOf } from '../src/bedrock/paginate.js';
import { decodeContinuation, encodeContinuation } from '../src/cli/continuation-token.js';
import { filterFlags, flagOf } from '../src/cli/kind-flags.js';
import { summaryFields } from '../src/cli/summary-fields.js';
import { type Emulator, startEmulator } from '../src/emulator/index.js';
import { continuationOf, runCli, runCliOnTty } from './support/cli.js';
import { clientFor } from './support/emulator-client.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

/**
 * `bedrock-jobs list KIND` for every kind, on the wire through the real SDK
 * client against one emulator that holds a whole generated account. What
 * each run should print is the library's own listing of the same emulator,
 * and the flags under test are those the kind's declaration makes.
 */

const ACCOUNT_ID = '123456789012';
const ENDING_AT = new Date('2026-06-01T00:00:00Z');
const GENERATE = { count: 120, seed: 29, endingAt: ENDING_AT };

type Item = Readonly<Record<string, unknown>>;

let emulator: Emulator;
/** Each kind's whole listing, as the library gives it: the reference for every run. */
const listings = new Map<string, Item[]>();

beforeAll(async () => {
  emulator = await startEmulator({
    accountId: ACCOUNT_ID,
    jobs: GENERATE,
    customModels: GENERATE,
    importJobs: GENERATE,
    copyJobs: GENERATE,
    invocationJobs: GENERATE,
    evaluationJobs: GENERATE,
  });
  const client = clientFor(emulator);
  for (const kind of LISTING_KINDS) {
    const items: Item[] = [];
    for await (const item of paginatorOf(kind)({}, { client })) items.push(item as Item);
    listings.set(kind.name, items);
  }
  client.destroy();
}, CHILD_PROCESS_MS);
afterAll(() => emulator?.close());

const listingOf = (kind: AnyListingKind) => listings.get(kind.name) as Item[];
const arnsOf = (kind: AnyListingKind, items: readonly Item[]) => items.map((item) => item[kind.arnField]);
const linesOf = (stdout: string): Item[] =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Item);
const args = (kind: AnyListingKind, ...rest: string[]) => ['list', kind.name, '--endpoint-url', emulator.url, ...rest];

/**
 * A value for a filter flag that keeps some of the listing, taken from it:
 * for `contains`, the shortest start of an item's field that the rule's
 * pattern allows; for `equals` and enums, an item's field itself.
 */
function valueFor(rule: FilterRule, items: readonly Item[]): string | undefined {
  if (rule.type !== 'text' && rule.type !== 'enum') return undefined;
  const field = rule.match?.field;
  if (field === undefined) return undefined;
  for (const item of items) {
    const value = item[field];
    if (typeof value !== 'string') continue;
    if (rule.type === 'enum') return value;
    const candidates = rule.match.how === 'contains' ? [3, 4, 5, 6].map((length) => value.slice(0, length)) : [value];
    const fits = candidates.find(
      (candidate) => candidate.length >= rule.minLength && candidate.length <= rule.maxLength && rule.pattern.test(candidate),
    );
    if (fits) return fits;
  }
  return undefined;
}

/** What the declaration says a filter keeps. */
function keeps(rule: FilterRule, value: string | boolean, item: Item): boolean {
  if (!('match' in rule) || rule.match === undefined) return true;
  const actual = item[rule.match.field];
  switch (rule.match.how) {
    case 'contains':
      return typeof actual === 'string' && actual.includes(value as string);
    case 'equals':
      return actual === value;
    case 'owned':
      return (actual === ACCOUNT_ID) === value;
  }
}

describe.each(LISTING_KINDS.map((kind) => [kind.name, kind] as const))('bedrock-jobs list %s', (_, kind) => {
  test('ndjson (the default when piped) prints every item, in the API’s order', { timeout: CHILD_PROCESS_MS }, async () => {
    const run = await runCli(args(kind));
    expect(run.code, run.stderr).toBe(0);
    expect(listingOf(kind).length).toBeGreaterThan(0);
    expect(arnsOf(kind, linesOf(run.stdout))).toEqual(arnsOf(kind, listingOf(kind)));
    expect(run.stderr).toBe('');
  });

  test('json is the AWS CLI’s shape under the kind’s items key, NextToken when cut', { timeout: CHILD_PROCESS_MS }, async () => {
    const run = await runCli(args(kind, '--output', 'json', '--max-items', '7'));
    expect(run.code, run.stderr).toBe(0);
    const parsed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([kind.itemsKey, 'NextToken']);
    expect(arnsOf(kind, parsed[kind.itemsKey] as Item[])).toEqual(arnsOf(kind, listingOf(kind)).slice(0, 7));
    expect(parsed.NextToken).toBe(continuationOf(run.stderr));
  });

  test('csv: the ARN, the kind’s columns, then the other fields; one row per item', { timeout: CHILD_PROCESS_MS }, async () => {
    const run = await runCli(args(kind, '--output', 'csv'));
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\r\n');
    expect(header?.split(',').slice(0, kind.columns.length + 1)).toEqual([kind.arnField, ...kind.columns]);
    expect(header).toBe(summaryFields(kind).join(','));
    expect(rows.map((row) => row.split(',')[0])).toEqual(arnsOf(kind, listingOf(kind)));
  });

  test('table (the default on a terminal) shows the kind’s columns', { timeout: CHILD_PROCESS_MS }, async () => {
    const run = await runCliOnTty(args(kind, '--max-items', '4', '--page-size', '3'));
    expect(run.code, run.stdout).toBe(0);
    const headings = kind.columns.map((column: string) => column.replace(/[A-Z]/g, (letter) => ` ${letter}`).toUpperCase());
    expect(run.stdout.split(/\r?\n/)[0]).toMatch(new RegExp(`^${headings.join('\\s+')}\\s*$`));
    const last = kind.columns.at(-1) as string;
    for (const item of listingOf(kind).slice(0, 4)) expect(run.stdout).toContain(String(item[last]));
    expect(run.stdout).toMatch(/\d+ pages · 4 items · 0 retries/);
  });

  test('each filter flag goes out under its query name and keeps what the table says', {
    timeout: CHILD_PROCESS_MS,
  }, async () => {
    const names = queryNames(kind);
    // Every flag that filters (sorting aside) is tried, with a value that keeps some items.
    for (const { flag, field, rule, sets } of filterFlags(kind)) {
      if (rule.type === 'time' || !('match' in rule) || rule.match === undefined) continue;
      const value = rule.type === 'boolean' ? (sets as boolean) : valueFor(rule, listingOf(kind));
      expect(value, `a value for --${flag} from the listing`).toBeDefined();
      const run = await runCli(args(kind, ...(typeof value === 'boolean' ? [`--${flag}`] : [`--${flag}`, value as string])));
      expect(run.code, `--${flag}: ${run.stderr}`).toBe(0);
      expect(emulator.requests.at(-1)?.query[names[field] as string], `--${flag}`).toBe(String(value));
      const expected = listingOf(kind).filter((item) => keeps(rule, value as string | boolean, item));
      expect(expected.length, `--${flag} ${value} keeps some`).toBeGreaterThan(0);
      expect(arnsOf(kind, linesOf(run.stdout)), `--${flag} ${value}`).toEqual(arnsOf(kind, expected));
    }
  });

  test('--max-items and --starting-token join up exactly, and the token names its kind', {
    timeout: CHILD_PROCESS_MS,
  }, async () => {
    const seen: unknown[] = [];
    let token: string | undefined;
    do {
      const run = await runCli(
        args(kind, '--max-items', '50', '--page-size', '35', ...(token ? ['--starting-token', token] : [])),
      );
      expect(run.code, run.stderr).toBe(0);
      seen.push(...arnsOf(kind, linesOf(run.stdout)));
      token = continuationOf(run.stderr);
      if (token) expect(() => decodeContinuation(token as string, kind)).not.toThrow();
    } while (token);
    expect(seen).toEqual(arnsOf(kind, listingOf(kind)));
  });

  test('--emulator has items of this kind to list, with no AWS account', { timeout: CHILD_PROCESS_MS }, async () => {
    const run = await runCli(['list', kind.name, '--emulator', '--max-items', '3']);
    expect(run.code, run.stderr).toBe(0);
    const items = linesOf(run.stdout);
    expect(items).toHaveLength(3);
    for (const item of items) expect(String(item[kind.arnField])).toMatch(/^arn:aws:bedrock:/);
    expect(() => decodeContinuation(continuationOf(run.stderr) as string, kind)).not.toThrow();
  });

  test('--help names the operation and lists each of its filter flags', { timeout: CHILD_PROCESS_MS }, async () => {
    const run = await runCli(['list', kind.name, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`(${kind.operation})`);
    for (const { flag, rule } of filterFlags(kind)) {
      expect(run.stdout).toContain(`--${flag}`);
      expect(run.stdout).toContain(rule.description.slice(1));
    }
    const others = LISTING_KINDS.flatMap((other) => filterFlags(other).map(({ flag }) => flag)).filter(
      (flag) => !filterFlags(kind).some((own) => own.flag === flag),
    );
    for (const flag of others) expect(run.stdout).not.toMatch(new RegExp(`^  --${flag}\\b`, 'm'));
  });
});

describe('bedrock-jobs list KIND: usage errors', { timeout: CHILD_PROCESS_MS }, () => {
  // An endpoint that refuses at once, so that a usage error the CLI missed fails fast instead of reaching AWS.
  const refused = ['--endpoint-url', 'http://127.0.0.1:9'];
  const usageLines = async (argv: string[]) => {
    const run = await runCli(argv);
    expect(run.code, run.stderr).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    return lines;
  };

  test('an unknown kind lists the kinds and suggests the nearest', async () => {
    const [message, pointer] = await usageLines(['list', 'custom-model', ...refused]);
    expect(message).toBe(
      `bedrock-jobs: unknown kind 'custom-model': the kinds are ${LISTING_KINDS.map((kind) => kind.name).join(', ')}. Did you mean 'custom-models'?`,
    );
    expect(pointer).toBe("Run 'bedrock-jobs list --help' for usage.");
    const [far] = await usageLines(['list', 'zzzzzz', ...refused]);
    expect(far).not.toContain('Did you mean');
  });

  test('a token of one kind given to another names both', async () => {
    const copy = LISTING_KINDS.find((kind) => kind.name === 'copy') as AnyListingKind;
    const token = encodeContinuation({ pageToken: undefined, skip: 3 }, copy);
    const [message, pointer] = await usageLines(['list', 'custom-models', ...refused, '--starting-token', token]);
    expect(message).toBe(
      `bedrock-jobs: --starting-token continues a listing of 'copy', not of 'custom-models': give it to 'bedrock-jobs list copy', or start over without it`,
    );
    expect(pointer).toBe("Run 'bedrock-jobs list custom-models --help' for usage.");
  });

  test('a flag of another kind says which kinds take it', async () => {
    const [message] = await usageLines(['list', '--is-owned', ...refused]);
    expect(message).toBe("bedrock-jobs: Unknown option '--is-owned'; it is a flag of 'bedrock-jobs list custom-models'");
  });

  test('--is-owned and --no-is-owned together', async () => {
    const [message] = await usageLines(['list', 'custom-models', ...refused, '--is-owned', '--no-is-owned']);
    expect(message).toBe('bedrock-jobs: --is-owned and --no-is-owned cannot be used together; give one');
  });

  test.each(
    LISTING_KINDS.flatMap((kind) =>
      Object.entries(kind.filters as Record<string, FilterRule>)
        .filter(([, rule]) => rule.type === 'enum' && rule.match !== undefined)
        .map(([field, rule]) => [kind.name, flagOf(field), rule] as const),
    ),
  )('list %s --%s Bogus names the flag and the values its rule allows', async (name, flag, rule) => {
    const [message] = await usageLines(['list', name, ...refused, `--${flag}`, 'Bogus']);
    expect(message).toBe(
      `bedrock-jobs: --${flag} must be ${rule.type === 'enum' ? `one of ${rule.values.join(', ')}` : ''}; got 'Bogus'`,
    );
  });

  test('a bad time flag of invocation jobs names --submit-time-after', async () => {
    const [message] = await usageLines(['list', 'invocation', ...refused, '--submit-time-after', 'soon']);
    expect(message).toMatch(/^bedrock-jobs: --submit-time-after must be an ISO-8601 time/);
  });
});

test('list --help lists every kind with its operation', { timeout: CHILD_PROCESS_MS }, async () => {
  const run = await runCli(['list', '--help']);
  expect(run.code).toBe(0);
  for (const kind of LISTING_KINDS) expect(run.stdout).toMatch(new RegExp(`^  ${kind.name}\\s+${kind.operation}`, 'm'));
});
