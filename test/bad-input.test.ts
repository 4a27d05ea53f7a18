import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { paginateCustomizationJobs } from '../src/index.js';
import { BAD_INPUTS, badInputTable, sent } from './support/bad-inputs.js';

type Args = Parameters<typeof paginateCustomizationJobs>;

test.each(BAD_INPUTS)('$what: $error, before any request', async (input) => {
  const sentBefore = sent.length;
  let thrown: unknown;
  try {
    const listing = paginateCustomizationJobs(input.filter as Args[0], input.options as Args[1]);
    // The waits are async: their bad input is a rejection, before any request all the same.
    await input.call?.(listing);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(input.error === 'TypeError' ? TypeError : RangeError);
  expect((thrown as Error).message).toBe(input.message);
  expect(sent.length).toBe(sentBefore);
});

test('the guide lists every rejected input with its message', () => {
  const guide = readFileSync(new URL('../docs/guide.md', import.meta.url), 'utf8');
  expect(guide).toContain(badInputTable());
});
