import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Stream every job into an NDJSON file. pipeline() applies back-pressure:
// when the file falls behind, the listing waits instead of piling up pages.
const file = join(tmpdir(), 'customization-jobs.ndjson');
await pipeline(Readable.from(paginateCustomizationJobs().map((job) => `${JSON.stringify(job)}\n`)), createWriteStream(file));

const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
console.log(`wrote ${lines.length} jobs to ${file}`);
