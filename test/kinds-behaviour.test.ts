/**
 * Issue 10: every behaviour of paginateCustomizationJobs holds for every
 * kind. One suite, the kind as its parameter; the real SDK client on the
 * wire against the emulator holding that kind's generated items.
 */
import { describe, expect, test } from 'vitest';
import type { FilterRule } from '../src/bedrock/listing-kind.js';
import { PaginationError, RepeatedTokenError } from '../src/index.js';
import { arnsOfKind, KINDS, kindRequests, sdkListing, setupKind } from './support/kinds.js';
import { FAST_RETRY } from './support/listing.js';
import { settle } from './support/settle.js';
import { MANY_REQUESTS_MS } from './support/timeouts.js';

const COUNT = 250;

/** A value each rule refuses, and the error class it gets. */
function badValue(rule: FilterRule): [unknown, typeof TypeError | typeof RangeError] {
  switch (rule.type) {
    case 'enum':
      return ['Bogus', RangeError];
    case 'text':
      return [' '.repeat(rule.minLength), RangeError];
    case 'time':
      return ['soon', RangeError];
    case 'boolean':
      return ['yes', TypeError];
  }
}

describe.each(KINDS)('$name', ({ kind, paginate }) => {
  const rules = Object.entries(kind.filters as Record<string, FilterRule>);

  describe('lazy, complete and ordered', { timeout: MANY_REQUESTS_MS }, () => {
    test('nothing is requested before next(), and each iteration is a fresh listing', async () => {
      const { emulator, client } = await setupKind(kind, COUNT);
      const listing = paginate({}, { client, pageSize: 100, prefetch: 0 });
      await settle();
      expect(kindRequests(emulator, kind)).toHaveLength(0);
      const first = await listing.toArray();
      const second = await listing.toArray();
      expect(arnsOfKind(kind, second)).toEqual(arnsOfKind(kind, first));
      expect(kindRequests(emulator, kind).filter((request) => request.query.nextToken === undefined)).toHaveLength(2);
    });

    test.each([1000, 37])('at page size %i, in both orders, exactly what the SDK pages through', async (pageSize) => {
      const { client } = await setupKind(kind, COUNT);
      for (const sortOrder of ['Descending', 'Ascending'] as const) {
        const expected = await sdkListing(kind, client, { sortOrder });
        expect(expected).toHaveLength(COUNT);
        const items = await paginate({ sortOrder } as object, { client, pageSize }).toArray();
        expect(arnsOfKind(kind, items)).toEqual(arnsOfKind(kind, expected));
        const times = items.map((item) => (item[kind.timeField] as Date).getTime());
        const sorted = [...times].sort((a, b) => (sortOrder === 'Ascending' ? a - b : b - a));
        expect(times).toEqual(sorted);
      }
    });

    test('.pages() gives the same items, a page at a time, each with the token that resumes after it', async () => {
      const { client } = await setupKind(kind, COUNT);
      const pages = await paginate({}, { client, pageSize: 60 }).pages().toArray();
      expect(pages.map((page) => page.items.length)).toEqual([60, 60, 60, 60, 10]);
      const resumed = await paginate({}, { client, pageSize: 60, startingToken: pages[1]?.nextToken }).toArray();
      expect(arnsOfKind(kind, resumed)).toEqual(
        arnsOfKind(
          kind,
          pages.slice(2).flatMap((page) => page.items),
        ),
      );
    });
  });

  describe('push-down and stopping', () => {
    test('take(5), first() and pages({ maxItems }) ask for no more than they need', async () => {
      const { emulator, client } = await setupKind(kind, COUNT);
      expect(await paginate({}, { client }).take(5).toArray()).toHaveLength(5);
      expect(await paginate({}, { client }).first()).toBeDefined();
      const pages = await paginate({}, { client, pageSize: 50 }).pages({ maxItems: 60 }).toArray();
      expect(pages.flatMap((page) => page.items)).toHaveLength(60);
      expect(kindRequests(emulator, kind).map((request) => request.query.maxResults)).toEqual(['5', '1', '50', '10']);
    });

    test('a break stops the requests: one page asked for, none after', async () => {
      const { emulator, client } = await setupKind(kind, COUNT);
      let seen = 0;
      for await (const _ of paginate({}, { client, pageSize: 10, prefetch: 0 })) if (++seen === 3) break;
      await settle();
      expect(kindRequests(emulator, kind)).toHaveLength(1);
    });

    test('an aborted signal sends nothing', async () => {
      const { emulator, client } = await setupKind(kind, COUNT);
      const reason = new Error('stop');
      await expect(paginate({}, { client, signal: AbortSignal.abort(reason) }).first()).rejects.toBe(reason);
      expect(kindRequests(emulator, kind)).toHaveLength(0);
    });
  });

  describe('faults', { timeout: MANY_REQUESTS_MS }, () => {
    test('throttled pages are retried, and nothing is lost or repeated', async () => {
      const { emulator, client } = await setupKind(kind, COUNT, { faults: { throttle: { first: 2 } } });
      const items = await paginate({}, { client, pageSize: 100, retry: FAST_RETRY }).toArray();
      expect(new Set(arnsOfKind(kind, items)).size).toBe(COUNT);
      expect(kindRequests(emulator, kind).filter((request) => request.status === 429)).toHaveLength(2);
    });

    test('a failed page is a resumable PaginationError whose token continues exactly', async () => {
      const { client } = await setupKind(kind, COUNT, { faults: { serverError: { after: 1, first: 1 } } });
      const error = await paginate({}, { client, pageSize: 100, prefetch: 0, retry: false })
        .toArray()
        .then(
          () => expect.unreachable('the listing should fail'),
          (caught: unknown) => caught as PaginationError,
        );
      expect(error).toBeInstanceOf(PaginationError);
      expect(error).toMatchObject({ resumable: true, itemsDelivered: 100, pagesDelivered: 1 });
      expect(error.message).toMatch(new RegExp(`^${kind.operation} failed on page 2`));
      const rest = await paginate({}, { client, pageSize: 100, startingToken: error.resumeToken }).toArray();
      expect(rest).toHaveLength(COUNT - 100);
    });

    test('a repeated token ends the listing with RepeatedTokenError, not a loop', async () => {
      const { client } = await setupKind(kind, COUNT, { faults: { repeatToken: { after: 1, first: 1 } } });
      await expect(paginate({}, { client, pageSize: 100 }).toArray()).rejects.toBeInstanceOf(RepeatedTokenError);
    });

    test('dedupe keys on the kind’s ARN field and keeps every item once', async () => {
      const { client } = await setupKind(kind, COUNT);
      const items = await paginate({}, { client, pageSize: 100, dedupe: true }).toArray();
      expect(new Set(arnsOfKind(kind, items)).size).toBe(COUNT);
    });
  });

  describe('its filters', { timeout: MANY_REQUESTS_MS }, () => {
    test.each(rules)('%s: a bad value throws before any request, naming the field', async (field, rule) => {
      const { emulator, client } = await setupKind(kind, 5);
      const [value, ErrorClass] = badValue(rule);
      expect(() => paginate({ [field]: value } as object, { client })).toThrow(ErrorClass);
      expect(() => paginate({ [field]: value } as object, { client })).toThrow(`filter.${field} must be`);
      expect(kindRequests(emulator, kind)).toHaveLength(0);
    });

    test.each(rules.filter(([, rule]) => 'match' in rule && rule.match !== undefined))(
      '%s: on the wire, the listing is what the SDK gets with the same filter, and every item matches',
      async (field, rule) => {
        const { client } = await setupKind(kind, COUNT);
        const all = await sdkListing(kind, client);
        const match = (rule as { match: { field: string; how: string } }).match;
        const sample = all.find((item) => typeof item[match.field] === 'string') as Record<string, string> | undefined;
        let value: unknown;
        if (rule.type === 'boolean') value = true;
        else if (match.how === 'contains') value = (sample?.[match.field] ?? '').slice(0, 3);
        else value = sample?.[match.field];
        if (value === undefined || value === '') return expect.unreachable(`no ${match.field} in the generated ${kind.noun}s`);
        const filter = { [field]: value } as object;
        const expected = await sdkListing(kind, client, filter);
        const items = await paginate(filter, { client, pageSize: 50 }).toArray();
        expect(arnsOfKind(kind, items)).toEqual(arnsOfKind(kind, expected));
        expect(items.length).toBeLessThanOrEqual(COUNT);
        if (match.how === 'equals') expect(items.every((item) => item[match.field] === value)).toBe(true);
        if (match.how === 'contains') expect(items.every((item) => String(item[match.field]).includes(String(value)))).toBe(true);
      },
    );

    test('the time bounds are strict, on the kind’s own time field', async () => {
      const { client } = await setupKind(kind, COUNT);
      const all = await sdkListing(kind, client);
      const times = all.map((item) => (item[kind.timeField] as Date).getTime()).sort((a, b) => a - b);
      const [low, high] = [new Date(times[50] as number), new Date(times[200] as number)];
      const [after, before] = ['after', 'before'].map(
        (bound) => rules.find(([, rule]) => rule.type === 'time' && rule.bound === bound)?.[0] as string,
      );
      const items = await paginate({ [after as string]: low, [before as string]: high } as object, { client }).toArray();
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const time = (item[kind.timeField] as Date).getTime();
        expect(time > low.getTime() && time < high.getTime()).toBe(true);
      }
      expect(items).toHaveLength(times.filter((time) => time > low.getTime() && time < high.getTime()).length);
    });
  });
});
