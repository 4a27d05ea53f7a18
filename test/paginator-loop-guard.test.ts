import { describe, expect, test, vi } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { PaginationError, paginateCustomizationJobs, RepeatedTokenError } from '../src/index.js';
import { listRequests, setup } from './support/listing.js';

describe('8. loop guard', () => {
  test('a nextToken returned again ends the listing with a clear error, after no extra request', async () => {
    // The second page answers with the token it was asked with.
    const { emulator, client } = await setup({
      jobs: generateJobs({ count: 50 }),
      faults: { repeatToken: { after: 1, first: 1 } },
    });
    const seen: string[] = [];
    let failure: unknown;
    try {
      for await (const job of paginateCustomizationJobs({}, { client, pageSize: 10 })) {
        seen.push(job.jobArn as string);
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(RepeatedTokenError);
    expect(failure).toBeInstanceOf(PaginationError);
    expect((failure as Error).message).toMatch(/returned a nextToken that this listing had already used, on page 2/);
    expect(failure).toMatchObject({ pagesDelivered: 2, itemsDelivered: 20 });
    expect(listRequests(emulator)).toHaveLength(2);
    expect(seen).toHaveLength(20);
  });

  test('a longer cycle A → B → A is caught too', async () => {
    const tokens = ['A', 'B', 'A'];
    const send = vi.fn(async () => ({
      modelCustomizationJobSummaries: [{ jobArn: String(send.mock.calls.length) }],
      nextToken: tokens.shift(),
    }));
    await expect(paginateCustomizationJobs({}, { client: { send } as never }).toArray()).rejects.toThrow(RepeatedTokenError);
    expect(send).toHaveBeenCalledTimes(3);
  });

  test('the startingToken counts as used', async () => {
    const send = vi.fn(async () => ({ modelCustomizationJobSummaries: [], nextToken: 'S' }));
    await expect(paginateCustomizationJobs({}, { client: { send } as never, startingToken: 'S' }).toArray()).rejects.toThrow(
      RepeatedTokenError,
    );
    expect(send).toHaveBeenCalledTimes(1);
  });
});
