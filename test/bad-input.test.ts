import { readFileSync } from 'node:fs';
import { expect, test, vi } from 'vitest';
import { paginateCustomizationJobs } from '../src/index.js';
import { BAD_INPUTS, badInputTable, CLIENT } from './support/bad-inputs.js';

type Args = Parameters<typeof paginateCustomizationJobs>;

test.each(BAD_INPUTS)('$what: $error, before any request', (input) => {
  const send = vi.fn();
  const options = input.options && { ...input.options, ...(input.options.client === CLIENT ? { client: { send } } : {}) };
  let thrown: unknown;
  try {
    paginateCustomizationJobs(input.filter as Args[0], options as Args[1]);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(input.error === 'TypeError' ? TypeError : RangeError);
  expect((thrown as Error).message).toBe(input.message);
  expect(send).not.toHaveBeenCalled();
});

test('the README lists every rejected input with its message', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(badInputTable());
});
