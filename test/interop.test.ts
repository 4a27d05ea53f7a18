import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { paginateCustomizationJobs } from '../src/index.js';
import { CLI_ENV } from './support/cli.js';
import { gatedClient } from './support/gated-client.js';
import { arnsOf, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';
import { settle } from './support/settle.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

const JOBS = generateJobs({ count: 1000, seed: 61 });

describe('streams and other consumers of async iterables', () => {
  test('Readable.from streams every job, in order', async () => {
    const { client } = await setup({ jobs: JOBS });
    const seen: string[] = [];
    await pipeline(
      Readable.from(paginateCustomizationJobs({}, { client, pageSize: 100 })),
      new Writable({
        objectMode: true,
        write(job: { jobArn: string }, _encoding, done) {
          seen.push(job.jobArn);
          done();
        },
      }),
    );
    expect(seen).toEqual(referenceListing(JOBS));
  });

  test('pipeline applies back-pressure: a stalled writer means no page beyond the read-ahead bound', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    let written = 0;
    const stalled = new Writable({
      objectMode: true,
      highWaterMark: 1,
      write(_job, _encoding, _done) {
        written++; // never calls back: the writer has stalled
      },
    });
    const done = pipeline(
      Readable.from(paginateCustomizationJobs({}, { client: sends.client, pageSize: 100, prefetch: 1 })),
      stalled,
    );
    await expect.poll(() => written).toBe(1);
    // Page 1 is being consumed and page 2 waits in the read-ahead: once page 2 is in, nothing more.
    await expect.poll(() => sends.calls[1]?.settled).toBe('fulfilled');
    await settle();
    expect(sends.calls).toHaveLength(2);
    expect(listRequests(emulator)).toHaveLength(2);
    stalled.destroy(new Error('stop'));
    await expect(done).rejects.toThrow('stop');
  });

  test('ReadableStream.from, and cancel() stops the listing', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const reader = ReadableStream.from(
      paginateCustomizationJobs({}, { client: sends.client, pageSize: 100, prefetch: 0 }),
    ).getReader();
    const first = await reader.read();
    expect(first.value?.jobArn).toBe(referenceListing(JOBS)[0]);
    await reader.cancel();
    await settle();
    expect(sends.calls).toHaveLength(1);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test.skipIf(typeof (Array as { fromAsync?: unknown }).fromAsync !== 'function')(
    'Array.fromAsync collects every job (Node 22 and later)',
    async () => {
      const { client } = await setup({ jobs: JOBS });
      const fromAsync = (Array as unknown as { fromAsync: <T>(source: AsyncIterable<T>) => Promise<T[]> }).fromAsync;
      expect(arnsOf(await fromAsync(paginateCustomizationJobs({}, { client, pageSize: 300 })))).toEqual(referenceListing(JOBS));
    },
  );

  test('a CommonJS consumer can require() the package and its emulator', { timeout: CHILD_PROCESS_MS }, async () => {
    const script = fileURLToPath(new URL('../examples/commonjs.cjs', import.meta.url));
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [script],
        { env: CLI_ENV, cwd: fileURLToPath(new URL('..', import.meta.url)) },
        (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
      );
    });
    expect(output.trim()).toBe('require(): 120 jobs');
  });
});
