/**
 * Every listing kind on the wire, as a parameter: the real SDK client
 * sends each kind's own command to the emulator, which serves it on the
 * SDK's path with the filters, sort orders, paging, validation and faults
 * that the kind's declaration gives it.
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { beforeAll, describe, expect, test } from 'vitest';
import { referencePattern } from '../src/bedrock/api-limits.js';
import { LISTING_KINDS } from '../src/bedrock/kinds/index.js';
import { type AnyListingKind, type FilterRule, httpBinding, queryNames } from '../src/bedrock/listing-kind.js';
import { type Emulator, type EmulatorOptions, startEmulator } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { MANY_REQUESTS_MS } from './support/timeouts.js';

const ACCOUNT_ID = '123456789012';
const ENDING_AT = new Date('2026-11-01T00:00:00Z');
/** A whole account, every kind generated, pinned so that it is the same on every run. */
const ACCOUNT: EmulatorOptions = {
  accountId: ACCOUNT_ID,
  jobs: { count: 120, seed: 3, endingAt: ENDING_AT },
  customModels: { count: 40, seed: 4, endingAt: ENDING_AT },
  importJobs: { count: 40, seed: 5, endingAt: ENDING_AT },
  copyJobs: { count: 40, seed: 6, endingAt: ENDING_AT },
  invocationJobs: { count: 150, seed: 7, endingAt: ENDING_AT },
  evaluationJobs: { count: 150, seed: 8, endingAt: ENDING_AT },
};

type Item = Record<string, unknown>;
type Page = Record<string, unknown> & { nextToken?: string };

async function send(client: BedrockClient, kind: AnyListingKind, input: object): Promise<Page> {
  // biome-ignore lint/suspicious/noExplicitAny: every kind's command goes to the one client.
  return (await client.send(new kind.command(input) as any)) as unknown as Page;
}

function itemsOf(kind: AnyListingKind, page: Page): Item[] {
  return (page[kind.itemsKey] as Item[] | undefined) ?? [];
}

const arnsOf = (kind: AnyListingKind, items: readonly Item[]) => items.map((item) => item[kind.arnField] as string);
const timeOf = (kind: AnyListingKind, item: Item) => (item[kind.timeField] as Date).getTime();

/** The API's order, worked out here on its own: by the time field, then by ARN. */
function sorted(kind: AnyListingKind, items: readonly Item[], order: 'Ascending' | 'Descending'): string[] {
  const ascending = [...items].sort(
    (a, b) => timeOf(kind, a) - timeOf(kind, b) || String(a[kind.arnField]).localeCompare(String(b[kind.arnField])),
  );
  const arns = arnsOf(kind, ascending);
  return order === 'Ascending' ? arns : arns.reverse();
}

const rulesOf = (kind: AnyListingKind) => Object.entries(kind.filters as Record<string, FilterRule>);

let emulator: Emulator;
let client: BedrockClient;
const everything = new Map<AnyListingKind, Item[]>();
/** The path each operation's first request went to. */
const paths = new Map<string, string>();

beforeAll(async () => {
  emulator = await startEmulator(ACCOUNT);
  client = clientFor(emulator);
  for (const kind of LISTING_KINDS) everything.set(kind, itemsOf(kind, await send(client, kind, { maxResults: 1000 })));
  for (const request of emulator.requests) if (request.operation) paths.set(request.operation, request.path);
  return () => emulator.close();
});

describe.each(LISTING_KINDS)('$operation', (kind) => {
  const all = () => everything.get(kind) as Item[];

  test('is served on its SDK path, every item once, newest first by its time field by default', () => {
    expect(all().length).toBeGreaterThan(20);
    expect(paths.get(kind.operation)).toBe(httpBinding(kind).path);
    expect(new Set(arnsOf(kind, all())).size).toBe(all().length);
    expect(arnsOf(kind, all())).toEqual(sorted(kind, all(), 'Descending'));
    for (const item of all()) expect(item[kind.timeField]).toBeInstanceOf(Date);
  });

  test.each(['Ascending', 'Descending'] as const)('sortOrder=%s orders by its time field, then ARN', async (sortOrder) => {
    const items = itemsOf(kind, await send(client, kind, { sortOrder, maxResults: 1000 }));
    expect(arnsOf(kind, items)).toEqual(sorted(kind, all(), sortOrder));
  });

  test.each(['Ascending', 'Descending'] as const)(
    'paging %s at 7 a page returns every item once, in order',
    async (sortOrder) => {
      const arns: string[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await send(client, kind, { sortOrder, maxResults: 7, nextToken });
        const items = itemsOf(kind, page);
        expect(items.length).toBeLessThanOrEqual(7);
        arns.push(...arnsOf(kind, items));
        nextToken = page.nextToken;
        pages++;
      } while (nextToken);
      expect(pages).toBe(Math.ceil(all().length / 7));
      expect(arns).toEqual(sorted(kind, all(), sortOrder));
    },
    MANY_REQUESTS_MS,
  );

  /** For each filter: a value that some items match and some do not, and which items match it, worked out here. */
  function probe(member: string, rule: FilterRule): { value: unknown; expected: (item: Item) => boolean }[] {
    const items = all();
    if (rule.type === 'time') {
      const times = items.map((item) => timeOf(kind, item)).sort((a, b) => a - b);
      const middle = times[times.length >> 1] as number;
      const expected = (item: Item) => (rule.bound === 'after' ? timeOf(kind, item) > middle : timeOf(kind, item) < middle);
      return [{ value: new Date(middle), expected }];
    }
    if (rule.type === 'boolean') {
      const owned = (item: Item) => (item[rule.match.field] ?? ACCOUNT_ID) === ACCOUNT_ID;
      return [
        { value: true, expected: owned },
        { value: false, expected: (item) => !owned(item) },
      ];
    }
    if (!('match' in rule) || rule.match === undefined) {
      // sortBy: its one value orders as the default does.
      return [{ value: rule.type === 'enum' ? rule.values[0] : undefined, expected: () => true }];
    }
    const { field, how } = rule.match;
    const sample = items.find((item) => typeof item[field] === 'string')?.[field] as string;
    expect(sample, `some ${kind.noun} has ${field}`).toBeDefined();
    if (how === 'contains') {
      const part = sample.split('-')[0] as string;
      expect(rule.type === 'text' && rule.pattern.test(part), `${part} is a valid ${member}`).toBe(true);
      return [{ value: part, expected: (item) => String(item[field] ?? '').includes(part) }];
    }
    return [{ value: sample, expected: (item) => item[field] === sample }];
  }

  test.each(rulesOf(kind).filter(([member]) => member !== 'sortOrder'))(
    'filter %s travels under its wire name and keeps exactly the matching items',
    async (member, rule) => {
      for (const { value, expected } of probe(member, rule)) {
        emulator.requests.length = 0;
        const items = itemsOf(kind, await send(client, kind, { [member]: value, maxResults: 1000 }));
        expect(emulator.requests[0]?.query).toHaveProperty(queryNames(kind)[member] as string);
        const want = all().filter(expected);
        expect(want.length, `${member}=${String(value)} matches some`).toBeGreaterThan(0);
        expect(arnsOf(kind, items)).toEqual(arnsOf(kind, want));
      }
    },
  );

  test.each(rulesOf(kind).filter(([, rule]) => rule.type === 'enum' || rule.type === 'text'))(
    'a bad %s is a ValidationException that names it and what it allows',
    async (member, rule) => {
      // Long enough for the length rule, so that the value breaks one rule only.
      const bad = '!'.repeat(rule.type === 'text' ? Math.max(rule.minLength, 2) : 2);
      const error = await send(client, kind, { [member]: bad }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
      const allowed =
        rule.type === 'enum'
          ? `Member must satisfy enum value set: [${rule.values.join(', ')}]`
          : `Member must satisfy regular expression pattern: ${referencePattern((rule as { pattern: RegExp }).pattern)}`;
      expect((error as Error).message).toBe(
        `1 validation error detected: Value '${bad}' at '${member}' failed to satisfy constraint: ${allowed}`,
      );
    },
  );

  test('maxResults out of 1–1000 and a malformed nextToken are reported together', async () => {
    const error = await send(client, kind, { maxResults: 1001, nextToken: 'a b' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ValidationException' });
    expect((error as Error).message).toMatch(
      /^2 validation errors detected: Value '1001' at 'maxResults' .*less than or equal to 1000; Value 'a b' at 'nextToken' .*pattern: \\S\*$/,
    );
  });

  test("a time or boolean that is not one is a ValidationException in the query's own terms", async () => {
    const [member, rule] = rulesOf(kind).find(([, each]) => each.type === 'time') as [string, FilterRule];
    const response = await fetch(`${emulator.url}${httpBinding(kind).path}?${queryNames(kind)[member]}=yesterday`);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await response.json()).toEqual({
      message: `1 validation error detected: Value 'yesterday' at '${member}' failed to satisfy constraint: Member must be a timestamp in ISO-8601 format`,
    });
    expect(rule.type).toBe('time');
  });

  test('a token of another query, or of another listing, is refused', async () => {
    const first = await send(client, kind, { maxResults: 5 });
    expect(first.nextToken).toBeDefined();
    const other = await send(client, kind, { maxResults: 5, sortOrder: 'Ascending', nextToken: first.nextToken }).catch(
      (caught: unknown) => caught,
    );
    expect(other).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/other filters/) });
    const elsewhere = LISTING_KINDS.find((each) => each !== kind) as AnyListingKind;
    const foreign = await send(client, elsewhere, { maxResults: 5, nextToken: first.nextToken }).catch(
      (caught: unknown) => caught,
    );
    expect(foreign).toMatchObject({ name: 'ValidationException' });
  });

  test("faults answer in the operation's shape: throttling, denial naming it, a body without its items", async () => {
    const faulty = await useEmulator({ [optionOf(kind)]: { count: 3, endingAt: ENDING_AT } });
    const once = clientFor(faulty, { maxAttempts: 1 });
    faulty.setFaults({ throttle: { first: 1 } });
    await expect(send(once, kind, {})).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 429 },
    });
    faulty.setFaults({ deny: { first: 1 } });
    await expect(send(once, kind, {})).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User is not authorized to perform: bedrock:${kind.operation}`,
    });
    faulty.setFaults({ malformed: { first: 1, kind: 'missing-summaries' } });
    const empty = await send(once, kind, {});
    expect(empty[kind.itemsKey]).toBeUndefined();
    faulty.setFaults({ malformed: { first: 1 } });
    const cut = await fetch(`${faulty.url}${httpBinding(kind).path}`);
    expect(await cut.text()).toBe(`{"${kind.itemsKey}":[{"${kind.arnField}":`);
    expect(faulty.requests.map((request) => request.operation)).toEqual(Array(4).fill(kind.operation));
  });
});

/** The `startEmulator` option that seeds each kind. */
function optionOf(kind: AnyListingKind): keyof EmulatorOptions {
  const options: Record<string, keyof EmulatorOptions> = {
    ListModelCustomizationJobs: 'jobs',
    ListCustomModels: 'customModels',
    ListModelImportJobs: 'importJobs',
    ListModelCopyJobs: 'copyJobs',
    ListModelInvocationJobs: 'invocationJobs',
    ListEvaluationJobs: 'evaluationJobs',
  };
  return options[kind.operation] as keyof EmulatorOptions;
}

describe('the generated account', () => {
  const [jobs, models, imports, copies, invocations, evaluations] = LISTING_KINDS.map(
    (kind) => () => everything.get(kind) as Item[],
  ) as (() => Item[])[];
  const modelByArn = () => new Map((models as () => Item[])().map((model) => [model.modelArn as string, model]));

  test("each Completed customization job's output model is a custom model, on the job's base model", () => {
    const completed = (jobs as () => Item[])().filter((job) => job.status === 'Completed');
    expect(completed.length).toBeGreaterThan(10);
    for (const job of completed) {
      const model = modelByArn().get(job.customModelArn as string);
      expect(model, String(job.jobName)).toMatchObject({
        modelName: job.customModelName,
        baseModelArn: job.baseModelArn,
        customizationType: job.customizationType,
        ownerAccountId: ACCOUNT_ID,
      });
    }
  });

  test('each Completed import job names the model it imported: an IMPORTED custom model of that name', () => {
    const completed = (imports as () => Item[])().filter((job) => job.status === 'Completed');
    expect(completed.length).toBeGreaterThan(5);
    for (const job of completed) {
      expect(modelByArn().get(job.importedModelArn as string)).toMatchObject({
        modelName: job.importedModelName,
        customizationType: 'IMPORTED',
        ownerAccountId: ACCOUNT_ID,
      });
    }
    for (const job of (imports as () => Item[])().filter((each) => each.status !== 'Completed')) {
      expect(job.importedModelArn).toBeUndefined();
    }
  });

  test('copy jobs copy models that exist, after they existed; a Completed one made its target', () => {
    expect((copies as () => Item[])().length).toBe(40);
    for (const job of (copies as () => Item[])()) {
      const source = modelByArn().get(job.sourceModelArn as string) as Item;
      expect(source, String(job.jobArn)).toBeDefined();
      expect(job.sourceAccountId).toBe(source.ownerAccountId);
      expect((job.creationTime as Date).getTime()).toBeGreaterThanOrEqual((source.creationTime as Date).getTime());
      const target = modelByArn().get(job.targetModelArn as string);
      if (job.status === 'Completed') {
        expect(target).toMatchObject({
          modelName: job.targetModelName,
          baseModelArn: source.baseModelArn,
          ownerAccountId: ACCOUNT_ID,
        });
      } else expect(target).toBeUndefined();
    }
    expect((copies as () => Item[])().some((job) => job.sourceAccountId !== ACCOUNT_ID)).toBe(true);
  });

  test('statuses and times agree: ended jobs end after they start, running ones have no end', () => {
    const checks: [() => Item[], string, readonly string[]][] = [
      [jobs as () => Item[], 'creationTime', ['InProgress', 'Stopping']],
      [imports as () => Item[], 'creationTime', ['InProgress']],
      [invocations as () => Item[], 'submitTime', ['Submitted', 'Validating', 'Scheduled', 'InProgress', 'Stopping']],
    ];
    for (const [items, start, running] of checks) {
      for (const item of items()) {
        if (running.includes(item.status as string)) expect(item.endTime).toBeUndefined();
        else {
          expect(item.endTime, `${item.jobArn} ${item.status}`).toBeInstanceOf(Date);
          expect((item.endTime as Date).getTime()).toBeGreaterThanOrEqual((item[start] as Date).getTime());
          expect((item.endTime as Date).getTime()).toBeLessThanOrEqual(ENDING_AT.getTime());
        }
      }
    }
    for (const job of (invocations as () => Item[])()) expect(job.creationTime).toBeUndefined();
  });

  test('batch inference and evaluation jobs run on foundation models or on Active models of the account', () => {
    const own = (arn: string) => modelByArn().get(arn)?.ownerAccountId === ACCOUNT_ID;
    const onCustom = (invocations as () => Item[])().filter((job) => String(job.modelId).includes(':custom-model/'));
    expect(onCustom.length).toBeGreaterThan(0);
    for (const job of onCustom) expect(own(job.modelId as string)).toBe(true);
    for (const job of (evaluations as () => Item[])()) {
      for (const model of job.modelIdentifiers as string[]) {
        expect(model.includes(':foundation-model/') || own(model), model).toBe(true);
      }
    }
  });

  test('the same options give the same account', async () => {
    const again = await useEmulator(ACCOUNT);
    const other = clientFor(again);
    for (const kind of LISTING_KINDS) {
      const items = itemsOf(kind, await send(other, kind, { maxResults: 1000 }));
      expect(items).toEqual(everything.get(kind));
    }
  });

  test('a misspelt kind option is refused with the nearest name', async () => {
    await expect(startEmulator({ customModel: { count: 1 } } as EmulatorOptions)).rejects.toThrow(/customModels/);
    await expect(startEmulator({ importJobs: { count: -1 } })).rejects.toThrow(/options\.importJobs\.count/);
    await expect(startEmulator({ evaluationJobs: [42] } as unknown as EmulatorOptions)).rejects.toThrow(
      /options\.evaluationJobs\[0\]/,
    );
  });
});
