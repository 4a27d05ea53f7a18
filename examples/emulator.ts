import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
import { startEmulator } from 'bedrock-customization-jobs/emulator';

// 500 realistic jobs from seed 7, and one request in ten throttled.
const emulator = await startEmulator({
  jobs: { count: 500, seed: 7 },
  faults: { seed: 1, throttle: { probability: 0.1 } },
});

const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});

const page = await client.send(new ListModelCustomizationJobsCommand({ statusEquals: 'Failed', maxResults: 3 }));
for (const job of page.modelCustomizationJobSummaries ?? []) {
  console.log(job.creationTime?.toISOString(), job.status, job.jobName);
}
console.log(`${emulator.requests.length} request(s), statuses ${emulator.requests.map((r) => r.status).join(', ')}`);

await emulator.close();
