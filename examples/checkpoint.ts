import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaginationError, paginateCustomizationJobs } from 'bedrock-customization-jobs';

// A long export that survives failures: after each page, save the token
// that resumes after it; on an error, carry on from the failed page.
const checkpoint = join(tmpdir(), 'customization-jobs.checkpoint');
await rm(checkpoint, { force: true });
const filter = { statusEquals: 'Completed' } as const;
let exported = 0;
let resumes = 0;

for (;;) {
  const saved = await readFile(checkpoint, 'utf8').catch(() => undefined);
  try {
    const pages = paginateCustomizationJobs(filter, {
      pageSize: 100,
      startingToken: saved,
      retry: { retries: 2, minTimeout: 10 },
    }).pages();
    for await (const page of pages) {
      exported += page.items.length; // …write page.items somewhere durable, then:
      if (page.nextToken) await writeFile(checkpoint, page.nextToken);
    }
    break;
  } catch (error) {
    if (!(error instanceof PaginationError) || resumes === 10) throw error;
    resumes++;
    console.log(`page ${error.pagesDelivered + 1} failed (${error.cause}); resuming from the checkpoint`);
  }
}
await rm(checkpoint, { force: true });
console.log(`exported ${exported} completed jobs, resumed ${resumes} times`);
