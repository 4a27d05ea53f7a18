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
