import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Node streams: Readable.from takes any async iterable.
let failed = 0;
await pipeline(
  Readable.from(paginateCustomizationJobs({ statusEquals: 'Failed' })),
  new Writable({
    objectMode: true,
    write(_job, _encoding, done) {
      failed++;
      done();
    },
  }),
);
console.log(`Readable.from: ${failed} failed jobs`);

// Web streams: ReadableStream.from, for fetch bodies, Response and the like.
const reader = ReadableStream.from(paginateCustomizationJobs().map((job) => job.jobName)).getReader();
const first = await reader.read();
await reader.cancel(); // stops the listing: no further request
console.log(`ReadableStream.from: first job ${first.value}`);
