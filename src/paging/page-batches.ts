import { assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';

/**
 * Pages as the chain's batches: a listing's items travel a page at a time,
 * and `.pages()` makes each page a batch of one.
 */

/** The items of each page, one batch a page. */
export async function* itemsOfPages<T>(pages: AsyncIterable<{ readonly items: readonly T[] }>): AsyncGenerator<readonly T[]> {
  for await (const page of pages) yield page.items;
}

/** Each page as a batch of its own. */
export async function* pagesAsBatches<P>(pages: AsyncIterable<P>): AsyncGenerator<readonly P[]> {
  for await (const page of pages) yield [page];
}

/** The `maxItems` of `pages(options)`, checked as every listing's `.pages()` checks it. */
export function pagesMaxItems(options: unknown): number | undefined {
  assertOptionalObject(options, 'pages(options): options');
  if (options === undefined) return undefined;
  rejectUnknownKeys(options, ['maxItems'], 'pages(options): options');
  const { maxItems } = options as { maxItems?: unknown };
  if (maxItems === undefined) return undefined;
  const rule = 'a whole number ≥ 0';
  if (typeof maxItems !== 'number') throw inputError(TypeError, 'pages(options): options.maxItems', maxItems, rule);
  if (!Number.isInteger(maxItems) || maxItems < 0)
    throw inputError(RangeError, 'pages(options): options.maxItems', maxItems, rule);
  return maxItems;
}
